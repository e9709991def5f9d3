"""Markdown inside content: one parser, raw HTML off, unsafe links refused, nesting bounded."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

MAX_NESTING = 12
"""Block levels (a list item inside a list counts two). Deeper Markdown is refused: it is never
what an analyst meant, and WeasyPrint's layout recurses once per level."""

_SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|#|/(?!/)|\.{0,2}/|[^:/?#]+(?:[/?#]|$))", re.I)


def link_is_safe(url: str) -> bool:
    """Only web, mail and in-document links; never javascript:, data:, file: or the like."""
    url = url.strip()
    return bool(_SAFE_SCHEMES.match(url)) and not url.lower().startswith("//")


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True})
    md.enable(["replacements", "smartquotes", "table", "strikethrough"])
    # Pictures would be fetched by the reader's browser from anywhere; briefs embed only our own.
    md.disable("image")
    md.validateLink = link_is_safe  # type: ignore[method-assign]  # markdown-it's documented hook
    return md


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """Blocks only: nesting is a matter of quotes and lists, and inline parsing is most of
    the cost."""
    md = MarkdownIt("commonmark", {"html": False})
    md.disable("inline")
    return md


# Only quote and list markers (and indented lines under them) make blocks nest.
_NESTS = re.compile(r"(^|\n)[ \t]*([>*+-]|\d{1,9}[.)])")


def nesting_depth(text: str) -> int:
    """How many block levels deep the Markdown goes (a plain paragraph is 1)."""
    if not _NESTS.search(text):
        return 1
    depth = 0
    for token in _block_parser().parse(text):
        if token.nesting == 1:
            depth = max(depth, token.level + 1)
    return depth


def check(text: str) -> str:
    """Pydantic validator for Markdown fields."""
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise ValueError(
            f"Markdown nested {depth} levels deep (lists or quotes inside each other); "
            f"at most {MAX_NESTING} are allowed"
        )
    return text


@lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    return parser().render(text)


@lru_cache(maxsize=4096)
def to_inline_html(text: str) -> str:
    return parser().renderInline(text)


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
