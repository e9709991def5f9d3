"""Finding quoted words in a source's text, forgiving what copying changes and nothing else.

Whitespace, quote marks (and apostrophes), dashes, case and Unicode compatibility forms
(ligatures, non-breaking spaces, full-width letters) are ignored; every word must be there, in
order. Quote marks are dropped rather than unified, so that a quote spanning words the text
quotes in turn is found without copying the inner marks. An ellipsis in a
quote (`...`, `…`, `[...]`) marks words left out: the parts around it are found one after the
other.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

# Regular expressions rather than str.translate: several times faster on mostly-ASCII text.
_QUOTES = re.compile(r"""["'`´‘’‚‛“”„‟«»‹›′″]""")
_DASHES = re.compile("[‐‑‒–—―−﹘﹣－]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s{2,}|[^\S ]")  # not every single space: most need no change
_DASH = re.compile(r" ?- ?")
# After NFKC, "…" is "..."; an editor's "[...]" means the same.
_ELLIPSIS = re.compile(r"\[?\.\.\.\]?")
SHOWN = 240
"""Characters of the closest passage an error shows."""


def normalise(text: str) -> str:
    """The text as compared: one case, no quote marks, one dash, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DASHES.sub("-", _QUOTES.sub("", _INVISIBLE.sub("", text)))
    return _DASH.sub("-", _SPACES.sub(" ", text)).strip()


def pieces(quote: str) -> list[str]:
    """The parts of a quote to find in order: split at ellipses."""
    parts = (part.strip() for part in _ELLIPSIS.split(normalise(quote)))
    return [part for part in parts if part]


def contains(text: str, quote: str) -> bool:
    """Whether the normalised `text` holds the quote, part after part."""
    start = 0
    for part in pieces(quote):
        found = text.find(part, start)
        if found < 0:
            return False
        start = found + len(part)
    return True


def closest(quote: str, text: str) -> str:
    """The run of words of `text` most like the quote, as `text` writes it (shortened).

    Only called for a quote that is not there, so it may take its time: every run of as many
    words as the quote has is scored with difflib, cheap upper bounds first.
    """
    spans = [match.span() for match in re.finditer(r"\S+", text)]
    if not spans:
        return ""
    words = [normalise(text[start:end]) for start, end in spans]
    target = normalise(quote)
    size = min(len(spans), max(1, len(target.split())))
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(target)  # difflib caches what it knows of the second sequence
    best, where = -1.0, 0
    for index in range(len(spans) - size + 1):
        matcher.set_seq1(" ".join(words[index : index + size]))
        if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
            continue
        score = matcher.ratio()
        if score > best:
            best, where = score, index
    passage = " ".join(text[spans[where][0] : spans[where + size - 1][1]].split())
    return passage if len(passage) <= SHOWN else passage[: SHOWN - 1] + "…"
