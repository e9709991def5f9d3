"""YAML text to plain values, with the line of every key and list entry, in bounded work.

Built from libyaml's event stream with an explicit stack, never by recursion: nesting is
limited to MAX_DEPTH levels, and anchors and aliases (`&name`, `*name`) are refused, so a few
hundred bytes cannot expand into gigabytes (the "billion laughs") or refer to themselves.
Explicit tags (`!!python/object`, `!!binary`) are refused too: a value means what it looks
like. Content files are small, hand-kept items; they never need any of these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from briefgen.errors import Problem

Loc = tuple[str | int, ...]

MAX_DEPTH = 20
"""Lists and mappings inside each other; real content goes four or five deep."""

# libyaml's parser when PyYAML has it (several times faster); events carry their lines either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[valid-type,misc]
    """Safe loader that keeps dates as text: PartialDate and pydantic parse them."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_NO_KEY = object()


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


@dataclass
class _Open:
    """A list or mapping whose end has not been read yet."""

    value: list[Any] | dict[Any, Any]
    loc: Loc
    key: Any = _NO_KEY
    key_line: int = 0


_WORDS = {"yes", "no", "true", "false", "on", "off", "null"}
"""Plain words YAML reads as something other than text."""


@dataclass
class _Builder:
    loader: Any
    offset: int
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    root: Any = None

    def scalar(self, event: yaml.ScalarEvent, line: int) -> Any:
        """Plain text as it is; anything else (numbers, booleans, null) as YAML means it."""
        if event.style:  # quoted or a block: text, whatever it looks like
            return event.value
        value = event.value
        # Most content is words: a plain scalar starting with a letter is text unless it is
        # one of YAML's booleans or nulls (numbers start with a digit, sign or dot).
        if value[:1].isalpha() and value.lower() not in _WORDS:
            return value
        tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag == _MERGE:
            raise _Refused(line, "merge keys (<<) are not allowed in content")
        marks = (event.start_mark, event.end_mark)  # libyaml's marks serve PyYAML's errors
        node = yaml.ScalarNode(tag, event.value, *marks, event.style)  # type: ignore[arg-type]
        return self.loader.construct_object(node)

    def place(self, value: Any, line: int, container: bool) -> Loc | None:
        """Put a value where the stream is; its location, or None for a mapping key."""
        if not self.stack:
            self.root = value
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            loc = (*parent.loc, len(parent.value))
            self.lines[loc] = line
            parent.value.append(value)
            return loc
        if parent.key is _NO_KEY:
            if container:
                raise _Refused(line, "a key must be plain text, not a list or mapping")
            parent.key, parent.key_line = value, line
            return None
        key, parent.key = parent.key, _NO_KEY
        if key in parent.value:
            self.duplicates.append((parent.key_line, str(key)))
        loc = (*parent.loc, key)
        self.lines[loc] = parent.key_line
        parent.value[key] = value
        return loc

    def feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
            return
        line = _line(event) + self.offset
        if kind is yaml.AliasEvent or getattr(event, "anchor", None) is not None:
            raise _Refused(
                line, "YAML anchors and aliases (&name, *name) are not allowed in content"
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise _Refused(line, f"YAML tags ({tag}) are not allowed in content")
        if kind is yaml.ScalarEvent:
            self.place(self.scalar(event, line), line, container=False)  # type: ignore[arg-type]
            return
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(
                line, f"YAML lists and mappings nested more than {MAX_DEPTH} levels deep"
            )
        value: list[Any] | dict[Any, Any] = {} if kind is yaml.MappingStartEvent else []
        loc = self.place(value, line, container=True)
        self.stack.append(_Open(value, loc or ()))


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def parse_yaml(
    text: str, path: str, first_line: int = 1
) -> tuple[Any, dict[Loc, int], list[Problem]]:
    """Parse one YAML document; return the value, its line map and any problems."""
    loader = _Loader(text)
    builder = _Builder(loader, first_line - 1)
    documents = 0
    try:
        while not isinstance(event := loader.get_event(), yaml.StreamEndEvent):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    line = _line(event) + first_line - 1
                    raise _Refused(line, "one YAML document per file; a second one starts here")
            elif not isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
                builder.feed(event)
    except _Refused as exc:
        return None, {}, [Problem(path, exc.line, "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + first_line) if mark else first_line
        message = " ".join(filter(None, [exc.context, exc.problem]))
        return None, {}, [Problem(path, line, "", f"YAML syntax error: {message}")]
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        return None, {}, [Problem(path, first_line, "", f"YAML error: {exc}")]
    finally:
        loader.dispose()
    problems = [Problem(path, line, key, "key given twice") for line, key in builder.duplicates]
    return builder.root, builder.lines, problems
