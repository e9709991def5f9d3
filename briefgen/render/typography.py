"""Typesetting of plain text on its way into a page: curly quotes, and where URLs may break.

Markdown gets its quotes from markdown-it's typographer; this does the same for the text that
templates print as it is (titles, headlines, quotes and names from YAML), with the quotation
marks of the brief's language.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from briefgen.content.markup import ENGLISH_QUOTES

# A quote opens at the start, after a space, an opening bracket or a dash; anything else closes
# (an apostrophe is a closing single quote).
_OPEN_DOUBLE = re.compile(r'(^|[\s(\[{\u2014\u2013/-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[{\u2014\u2013/-])'")
# A link target or an anchor is copied, never typeset.
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#)", re.I)


def smart_quotes(text: str, quotes: tuple[str, str, str, str] = ENGLISH_QUOTES) -> str:
    """The language's quotation marks (`quotes`: outer open, close, inner open, close) for
    straight double quotes; curly apostrophes and single quotes (‘ ’) for straight single ones,
    whatever the language: a single quote is most often an apostrophe, and a pattern cannot
    tell a closing one from an apostrophe."""
    if ("'" not in text and '"' not in text) or _ADDRESS.match(text):
        return text
    text = _OPEN_DOUBLE.sub(lambda m: m.group(1) + quotes[0], text).replace('"', quotes[1])
    return _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")


def finalize(value: object, quotes: tuple[str, str, str, str] = ENGLISH_QUOTES) -> object:
    """Jinja's hook for every printed value: plain strings are typeset, markup is left alone."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return smart_quotes(value, quotes)
    return value


# Break opportunities after these, never inside the scheme: a line ends at a natural seam.
_SEAMS = re.compile(r"([/.?&=#_-]+)")


def url_breaks(url: str) -> Markup:
    """A URL for display, with <wbr> after its separators: <wbr> adds no character, so the
    address copies intact (a soft hyphen would be copied into it)."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    parts = _SEAMS.split(rest)
    out = [escape(scheme + sep)]
    for i, part in enumerate(parts):
        out.append(escape(part))
        if i % 2 and i < len(parts) - 1:
            out.append(Markup("<wbr>"))
    return Markup("").join(out)
