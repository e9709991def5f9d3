"""Read one content file into raw documents with a map from field paths to line numbers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.content.yaml_values import Loc, parse_yaml
from briefgen.errors import Problem
from briefgen.reading import Refused, read_text


@dataclass(frozen=True)
class Document:
    """One item as written in a file, before validation."""

    path: str
    data: dict[str, Any]
    line: int
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest part of `loc` that the file spells out."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return self.line


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None without front matter."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    return None


def read_documents(
    file: Path,
    display: str,
    body_field: str | None,
    default_id: tuple[str, str] | None,
    *,
    roots: Iterable[Path],
    one: bool = False,
) -> tuple[list[Document], list[Problem]]:
    """Turn a YAML or Markdown file under `roots` into documents (a list file gives several,
    unless `one` says the file is a single mapping)."""
    try:
        text = read_text(file, roots)
    except Refused as exc:
        return [], [Problem(display, 0, "", str(exc))]

    body: str | None = None
    first_line = 1
    body_line = 1
    if file.suffix == ".md":
        parts = split_front_matter(text)
        if parts is None:
            return [], [
                Problem(display, 1, "", "a Markdown file must start with '---' front matter")
            ]
        text, body, body_line = parts
        first_line = 2

    value, lines, problems = parse_yaml(text, display, first_line)
    if problems and not lines:
        return [], problems
    if value is None:
        value = {}

    if isinstance(value, list):
        if body is not None or one:
            what = "front matter" if body is not None else "this file"
            return [], [Problem(display, first_line, "", f"{what} must be one mapping, not a list")]
        by_item: dict[int, dict[Loc, int]] = {}
        for loc, ln in lines.items():
            if len(loc) > 1:
                by_item.setdefault(int(loc[0]), {})[loc[1:]] = ln
        docs = []
        for index, item in enumerate(value):
            item_line = lines.get((index,), first_line)
            if not isinstance(item, dict):
                problems.append(
                    Problem(display, item_line, "", "each list entry must be a mapping")
                )
                continue
            docs.append(Document(display, item, item_line, by_item.get(index, {})))
        return docs, problems

    if not isinstance(value, dict):
        return [], [Problem(display, first_line, "", "expected a mapping of fields (key: value)")]
    if body is not None and body_field:
        if body_field in value:
            return [], [
                Problem(
                    display,
                    lines[(body_field,)],
                    body_field,
                    "written in the body below the front matter, not as a key",
                )
            ]
        if body.strip():
            value[body_field] = body
            lines[(body_field,)] = body_line
    if default_id and default_id[0] not in value:
        value[default_id[0]] = default_id[1]
    return [Document(display, value, first_line, lines)], problems
