"""Read one content file into raw documents with a map from field paths to line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import Problem

Loc = tuple[str | int, ...]


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


# libyaml's parser when PyYAML has it (several times faster); the nodes keep their lines either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[valid-type,misc]
    """Safe loader that keeps dates as text: PartialDate and pydantic parse them."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Converter:
    """Nodes to Python values and a line for every key and list entry, in one pass.

    Plain strings (most of the content) are taken as they are; any other scalar goes through
    PyYAML's safe constructor, so numbers, booleans and nulls mean what YAML says.
    """

    def __init__(self, loader: yaml.SafeLoader, offset: int) -> None:
        self.loader = loader
        self.offset = offset
        self.lines: dict[Loc, int] = {}
        self.duplicates: list[tuple[int, str]] = []

    def value(self, node: yaml.Node, loc: Loc) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else self.loader.construct_object(node)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*loc, index)] = item.start_mark.line + 1 + self.offset
                items.append(self.value(item, (*loc, index)))
            return items
        if any(key.tag == _MERGE for key, _ in node.value):
            return self.loader.construct_object(node, deep=True)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.value(key_node, loc)
            line = key_node.start_mark.line + 1 + self.offset
            if key in mapping:
                self.duplicates.append((line, str(key)))
            self.lines[(*loc, key)] = line
            mapping[key] = self.value(value_node, (*loc, key))
        return mapping


def parse_yaml(
    text: str, path: str, first_line: int = 1
) -> tuple[Any, dict[Loc, int], list[Problem]]:
    """Parse YAML text; return the value, its line map and any problems."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            converter = _Converter(loader, first_line - 1)
            value = converter.value(node, ()) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        message = " ".join(filter(None, [exc.context, exc.problem]))
        return None, {}, [Problem(path, line, "", f"YAML syntax error: {message}")]
    except (yaml.YAMLError, TypeError) as exc:
        return None, {}, [Problem(path, first_line, "", f"YAML error: {exc}")]
    problems = [Problem(path, line, key, "key given twice") for line, key in converter.duplicates]
    return value, converter.lines, problems


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
    file: Path, display: str, body_field: str | None, default_id: tuple[str, str] | None
) -> tuple[list[Document], list[Problem]]:
    """Turn a YAML or Markdown file into documents (a list file gives several)."""
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [], [Problem(display, 1, "", f"not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return [], [Problem(display, 1, "", f"cannot read: {exc.strerror}")]

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
        if body is not None:
            return [], [Problem(display, first_line, "", "front matter must be one mapping")]
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
