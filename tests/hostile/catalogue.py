"""Hostile inputs, each a change to a fresh starter project, with what briefgen must answer.

`command` is the first command that must refuse the input: `check` for content (so that the
build refuses it too), `build` for templates, which only a build reads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EDITION = "content/editions/2025-07-03.md"
SOURCE = "content/sources/example-report.yaml"
# The first line after the starter's example source, where an appended line lands.
APPENDED = 1 + len(
    (Path(__file__).parents[2] / "briefgen/output/starter" / SOURCE).read_text().splitlines()
)
AUDIENCE = "content/audiences/analyst.yaml"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], object]
    command: str  # "check" or "build"
    code: int
    message: str

    def __str__(self) -> str:
        return self.name


def write(relative: str, text: str | bytes) -> Callable[[Path], object]:
    def make(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    return make


def link(relative: str, target: str) -> Callable[[Path], object]:
    def make(root: Path) -> None:
        (root / relative).unlink(missing_ok=True)
        (root / relative).symlink_to(target)

    return make


def outside(relative: str, text: str) -> Callable[[Path], object]:
    """A link from the project to a file beside it, outside."""

    def make(root: Path) -> None:
        secret = root.parent / "secret.yaml"
        secret.write_text(text)
        (root / relative).symlink_to(secret)

    return make


def append(relative: str, text: str) -> Callable[[Path], object]:
    def make(root: Path) -> None:
        with (root / relative).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return make


def fifo(relative: str) -> Callable[[Path], object]:
    return lambda root: os.mkfifo(root / relative)


def _bomb() -> str:
    lines, previous = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'], "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]")
        previous = name
    return "\n".join(lines) + "\n"


def _body(text: str) -> str:
    return f"---\n---\n{text}\n"


CONTENT = [
    Case(
        "content file linked out of the project",
        outside("content/sources/leak.yaml", "outlet: SECRET\n"),
        "check",
        1,
        "content/sources/leak.yaml: is a link to ",
    ),
    Case("alias bomb", write("content/sources/bomb.yaml", _bomb()), "check", 1, "aliases"),
    Case(
        "self-referencing alias",
        write("content/sources/loop.yaml", "a: &x [*x]\n"),
        "check",
        1,
        "content/sources/loop.yaml:1: YAML anchors and aliases (&name, *name) are not allowed",
    ),
    Case(
        "1,000 nested [",
        write("content/sources/deep.yaml", "a: " + "[" * 1000 + "]" * 1000 + "\n"),
        "check",
        1,
        "content/sources/deep.yaml:1: YAML lists and mappings nested more than 20 levels deep",
    ),
    Case(
        "200,000 nested [ (libyaml's own parser would crash)",
        write("content/sources/deeper.yaml", "a: " + "[" * 200_000 + "]" * 200_000),
        "check",
        1,
        "nested more than 20 levels deep",
    ),
    Case(
        "deeply indented mappings",
        write("content/sources/indent.yaml", "".join(" " * i + "k:\n" for i in range(100))),
        "check",
        1,
        "content/sources/indent.yaml:21: YAML lists and mappings nested more than 20",
    ),
    Case(
        "5 MB one-line paragraph",
        write(EDITION, _body("word " * 1_000_000)),
        "check",
        1,
        f"{EDITION}: is 5,000,009 bytes; files of at most 1,048,576 bytes are read",
    ),
    Case(
        "1 MB one-line paragraph",
        write(EDITION, _body("word " * 200_000)),
        "check",
        1,
        f"{EDITION}:3: bottom_line: String should have at most 20000 characters",
    ),
    Case(
        "2,000 nested emphasis markers",
        write(EDITION, _body("*" * 2000 + "x" + "*" * 2000)),
        "check",
        1,
        f"{EDITION}:3: bottom_line: Markdown emphasis or links nested 1000 levels deep; "
        "at most 8 are allowed",
    ),
    Case(
        "a table of 10,000 cells in 2 kB",
        write(EDITION, _body("|" + "a|" * 500 + "\n|" + "-|" * 500 + "\n" + "x\n" * 19)),
        "check",
        1,
        "at most 500 are allowed in one field",
    ),
    Case(
        "settings written as a list",
        write("content/brief.yaml", "- title: A\n  organisation: B\n- title: C\n"),
        "check",
        1,
        "content/brief.yaml:1: this file must be one mapping, not a list",
    ),
    Case(
        "two YAML documents in one file",
        append(SOURCE, "---\noutlet: Other\n"),
        "check",
        1,
        f"{SOURCE}:{APPENDED}: one YAML document per file; a second one starts here",
    ),
    Case(
        "a Python object tag",
        append(SOURCE, "extra: !!python/object/apply:os.system [echo pwned]\n"),
        "check",
        1,
        f"{SOURCE}:{APPENDED}: YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not",
    ),
    Case("a merge key", append(SOURCE, "<<: {title: x}\n"), "check", 1, "merge keys (<<)"),
    Case(
        "a key that is a list",
        append(SOURCE, "? [a, b]\n: c\n"),
        "check",
        1,
        "a key must be plain text",
    ),
    Case(
        "a 5,000-digit number",
        append(SOURCE, "credibility2: " + "9" * 5000 + "\n"),
        "check",
        1,
        "YAML error: Exceeds the limit",
    ),
    Case(
        "a NUL byte",
        write("content/sources/nul.yaml", "outlet: a\0b\n"),
        "check",
        1,
        "content/sources/nul.yaml",
    ),
    Case(
        "a 100,000-character field name",
        append(SOURCE, "? " + "x" * 100_000 + "\n: 1\n"),
        "check",
        1,
        "xxx…: unknown field",
    ),
    Case(
        "not UTF-8",
        write("content/sources/latin.yaml", b"outlet: caf\xe9\n"),
        "check",
        1,
        "content/sources/latin.yaml: is not UTF-8 text",
    ),
    Case(
        "a named pipe",
        fifo("content/sources/pipe.yaml"),
        "check",
        1,
        "content/sources/pipe.yaml: is not a regular file",
    ),
    Case(
        "a dangling link",
        link("content/sources/gone.yaml", "/nonexistent/gone.yaml"),
        "check",
        1,
        "content/sources/gone.yaml: cannot be opened: No such file or directory",
    ),
    Case(
        "an edition in the year 9999",
        write("content/editions/9999-12-31.md", _body("Far.")),
        "check",
        1,
        "as_of: 9999-12-31 is outside the years 1000 to 8999",
    ),
    Case(
        "a date in the year 1",
        append(SOURCE, "known_from: 0001-01-01\n"),
        "check",
        1,
        "known_from: 0001-01-01 is outside the years 1000 to 8999",
    ),
    Case(
        "a window of a billion periods",
        append(AUDIENCE, "window: 1000000000\n"),
        "check",
        1,
        "window: Input should be less than or equal to 10000",
    ),
    Case(
        "a template named with ..",
        append(AUDIENCE, "template: ../../../../etc/passwd\n"),
        "check",
        1,
        "template: no template '../../../../etc/passwd' in templates/ nor among the built-in",
    ),
    Case(
        "a stylesheet linked to /etc/passwd",
        lambda root: (
            link("templates/evil.css", "/etc/passwd")(root),
            append(AUDIENCE, "stylesheet: evil.css\n")(root),
        ),
        "check",
        1,
        "stylesheet: templates/evil.css is a link to /etc/passwd, outside the project",
    ),
]

TEMPLATES = [
    Case(
        "a built-in template overridden by a link to /etc/passwd",
        link("templates/style.css", "/etc/passwd"),
        "build",
        3,
        "templates/style.css: template: is a link to /etc/passwd, outside the project",
    ),
    Case(
        "a stylesheet that loads a remote picture",
        lambda root: (
            write("templates/remote.css", "body { background: url(https://evil.example/x) }")(root),
            append(AUDIENCE, "stylesheet: remote.css\n")(root),
        ),
        "build",
        3,
        "the analyst brief: briefgen fetches nothing outside the project: https://evil.example/x",
    ),
    Case(
        "a remote URL spelt with CSS escapes",
        write("templates/page.css", "@page { background: u\\72l(//evil.example/y) }"),
        "build",
        3,
        "briefgen fetches nothing outside the project: //evil.example/y",
    ),
    Case(
        "a template that includes itself",
        write("templates/brief.html", '{% include "brief.html" %}'),
        "build",
        3,
        "templates/brief.html:1: template: templates include or extend each other without end",
    ),
    Case(
        "a template that divides by zero",
        write("templates/brief.html", "{{ 1 // 0 }}"),
        "build",
        3,
        "templates/brief.html:1: template: integer division or modulo by zero",
    ),
    Case(
        "a template that is not UTF-8",
        write("templates/brief.html", b"\xff\xfe{{ x }}"),
        "build",
        3,
        "templates/brief.html: template: is not UTF-8 text",
    ),
]

ALL = CONTENT + TEMPLATES
