"""Markdown inside content: one parser, raw HTML off, unsafe links refused, nesting bounded."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

MAX_NESTING = 12
"""Block levels (a list item inside a list counts two). Deeper Markdown is refused: it is never
what an analyst meant, and WeasyPrint's layout recurses once per level."""

MAX_INLINE_NESTING = 8
"""Emphasis, strikethrough and links inside each other, for the same reason."""

MAX_BLOCKS = 500
"""Paragraphs, list items, quotes, headings, table rows and cells in one field. WeasyPrint lays
out a long run of blocks in more than linear time (a 12,500-row table takes a minute); split
longer text into several items or dated parts."""

# Absolute web and mail addresses and links within the document: nothing that a PDF viewer
# would resolve against the builder's folder, nor any other scheme.
_SAFE_LINK = re.compile(r"^(?:https?://[^/\\\s]|mailto:[^/\\\s]|#)", re.I)


def link_is_safe(url: str) -> bool:
    """Only web, mail and in-document links; never relative paths, file:, javascript: or data:."""
    return bool(_SAFE_LINK.match(url.strip()))


ENGLISH_QUOTES = ("\u201c", "\u201d", "\u2018", "\u2019")
"""The quotation marks the typographer sets: outer open and close, then inner."""


@lru_cache(maxsize=8)
def parser(quotes: tuple[str, str, str, str] = ENGLISH_QUOTES) -> MarkdownIt:
    """A parser whose typographer curls straight quotes into `quotes` (the brief's language's)."""
    options = {"html": False, "linkify": False, "typographer": True, "quotes": list(quotes)}
    md = MarkdownIt("commonmark", options)
    md.enable(["replacements", "smartquotes", "table", "strikethrough"])
    # Pictures would be fetched by the reader's browser from anywhere; briefs embed only our own.
    md.disable("image")
    md.validateLink = link_is_safe  # type: ignore[method-assign]  # markdown-it's documented hook
    return md


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """Blocks only: structure is a matter of quotes, lists and tables, and inline parsing is
    most of the cost."""
    md = MarkdownIt("commonmark", {"html": False})
    md.enable("table")
    md.disable("inline")
    return md


# Only quote and list markers (and indented lines under them) make blocks nest.
_NESTS = re.compile(r"(^|\n)[ \t]*([>*+-]|\d{1,9}[.)])")
# Each level of inline nesting takes at least two of these.
_INLINE_MARKS = re.compile(r"[*_~\[\]]")


def nesting_depth(text: str) -> int:
    """How many block levels deep the Markdown goes (a plain paragraph is 1)."""
    return _blocks(text)[0]


def _blocks(text: str) -> tuple[int, int]:
    """(block levels, blocks) of a Markdown text, as far as needed to tell whether it keeps
    within the limits.

    Parsed only when it could exceed them, and then a growing number of lines at a time: a
    line of a table can hold thousands of cells, and a part of a text never holds more blocks
    or levels than the whole, so a refusal costs no more than the lines that prove it.
    """
    # A block takes a character at least, a table cell none: only tables (|) and nesting
    # markers let a short text hold many blocks.
    if len(text) < MAX_BLOCKS and "|" not in text and not _NESTS.search(text):
        return 1, 1
    lines = text.split("\n")
    shown = 4
    while True:
        part = "\n".join(lines[:shown]) if shown < len(lines) else text
        depth = blocks = 0
        for token in _block_parser().parse(part):
            if token.nesting == 1:
                depth = max(depth, token.level + 1)
                blocks += 1
        if part is text or depth > MAX_NESTING or blocks > MAX_BLOCKS:
            return depth, blocks
        shown *= 4


def inline_depth(text: str) -> int:
    """How many inline levels deep the Markdown goes (emphasis in a link is 2)."""
    if len(_INLINE_MARKS.findall(text)) < 2 * MAX_INLINE_NESTING:
        return 1
    depth = 0
    for token in parser().parse(text):
        for child in token.children or ():
            if child.nesting == 1:
                depth = max(depth, child.level + 1)
    return depth


def check(text: str) -> str:
    """Pydantic validator for Markdown fields: the limits that keep its layout bounded."""
    depth, blocks = _blocks(text)
    if depth > MAX_NESTING:
        raise ValueError(
            f"Markdown nested {depth} levels deep (lists or quotes inside each other); "
            f"at most {MAX_NESTING} are allowed"
        )
    if blocks > MAX_BLOCKS:
        raise ValueError(
            f"Markdown of {blocks} or more paragraphs, list items or table cells; at most "
            f"{MAX_BLOCKS} are allowed in one field (split it into several)"
        )
    depth = inline_depth(text)
    if depth > MAX_INLINE_NESTING:
        raise ValueError(
            f"Markdown emphasis or links nested {depth} levels deep; at most "
            f"{MAX_INLINE_NESTING} are allowed"
        )
    return text


@lru_cache(maxsize=4096)
def to_html(text: str, quotes: tuple[str, str, str, str] = ENGLISH_QUOTES) -> str:
    return parser(quotes).render(text)


@lru_cache(maxsize=4096)
def to_inline_html(text: str, quotes: tuple[str, str, str, str] = ENGLISH_QUOTES) -> str:
    return parser(quotes).renderInline(text)


def to_plain(text: str) -> str:
    """The words of a Markdown text without its markup, on one line."""
    words = []
    for token in parser().parse(text):
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return " ".join("".join(words).split())
