"""A track's narrative: its Markdown body cut into parts at headings that are only a date and/or
a sensitivity, and the headings that look like one of those but are not (their text would
silently join the part before them, and be shown as early as it is)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefgen.content.dates import DATE_TEXT, PartialDate
from briefgen.content.documents import Document
from briefgen.content.fields import Markdown, Model, Sensitivity
from briefgen.errors import Problem


class NarrativePart(Model):
    """A stretch of narrative (background when it has no date). It is known from the last day
    its date allows, as a source is: a `## late 2025-07` part from 31 July."""

    timeless = frozenset({"sensitivity", "text"})
    dated = frozenset({"date"})

    date: PartialDate | None = None
    sensitivity: Sensitivity | None = None
    text: Markdown


_PART_HEADING = re.compile(
    rf"^##[ \t]+(?:({DATE_TEXT})[ \t]*)?(public|internal|restricted)?[ \t]*$", re.M
)


def split_narrative(body: str) -> list[dict[str, str | None]]:
    """Split a Markdown body at headings that are only a date and/or a sensitivity."""
    parts: list[dict[str, str | None]] = []
    cuts = [m for m in _PART_HEADING.finditer(body) if m.group(1) or m.group(2)]
    head = body[: cuts[0].start()] if cuts else body
    if head.strip():
        parts.append({"date": None, "sensitivity": None, "text": head})
    for index, match in enumerate(cuts):
        end = cuts[index + 1].start() if index + 1 < len(cuts) else len(body)
        parts.append(
            {"date": match.group(1), "sensitivity": match.group(2), "text": body[match.end() : end]}
        )
    return parts


_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![a-z])"
)
# A heading that starts with a day, a month of a year or a part of one reads as a date, whatever
# follows ("31 July 2025 (Baku)"); words that only qualify a date may come first.
_STARTS_DATED = re.compile(
    rf"""^(?:(?:since|from|until|till|by|in|on|during|as\ of|around|about|approximately
                |c\.|ca\.|circa|~)\s*)?
    (?: \d{{4}}\s*[-/.]\s*\d{{1,2}}(?!\d)                              # 2025-07, 2025/7
      | \d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}                          # 31.07.2025
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}                 # 31 July
      | {_MONTH}[\s,]*(?:\d{{1,2}}(?:st|nd|rd|th)?|\d{{4}})(?![\d-])   # July 31, July 2025
      | (?:early|mid|late|end|start|beginning)(?:\s+of)?[\s-]*(?:{_MONTH}|\d{{4}})  # late July
      | (?:spring|summer|autumn|fall|winter|q[1-4]|h[12])\s*(?:of\s+)?\d{{4}}     # Q3 2025
    )""",
    re.I | re.X,
)
# A year or a month alone reads as a period only when nothing else follows: `## 1974 agreement`
# and `## May talks` are ordinary headings, `### 2025` and `## July` are not.
_ONLY_PERIOD = re.compile(
    rf"^~?(?:{_MONTH}|\d{{4}}(?:\s*(?:[-–—/]|to|until)\s*\d{{2,4}})?)[\s.:,]*"
    r"(?:[(\[]?(?:public|internal|restricted)[)\]]?)?$|"
    r"^[(\[]?(?:public|internal|restricted)[)\]]?$",
    re.I,
)
_ATX = re.compile(r"^ {0,3}#{1,6}(.*)$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")

_HEADING_RULE = (
    "write '## DATE', '## DATE SENSITIVITY' or '## SENSITIVITY', where DATE is YYYY-MM-DD, "
    "YYYY-MM, YYYY, early/mid/late YYYY-MM or START/END (~ in front if approximate) and "
    "SENSITIVITY is public, internal or restricted"
)


def _looks_dated(text: str) -> bool:
    text = text.strip(" \t*_")
    return bool(_STARTS_DATED.match(text) or _ONLY_PERIOD.match(text))


def misread_headings(body: str) -> Iterator[tuple[int, str]]:
    """(index of the line in `body`, the line) for each heading, of any level, that looks like
    a date, a period or a sensitivity but is not in the form that starts a part."""
    fence: str | None = None
    previous: tuple[int, str] | None = None  # a paragraph line a setext underline would head
    for index, line in enumerate(body.split("\n")):
        if fence:
            if re.match(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", line):
                fence = None
            continue
        opening = _FENCE.match(line)
        atx = _ATX.match(line)
        if opening:
            fence = opening.group(1)
        elif atx:
            exact = _PART_HEADING.fullmatch(line)
            if not (exact and (exact.group(1) or exact.group(2))):
                text = _CLOSING_HASHES.sub("", atx.group(1))
                if _looks_dated(text):
                    yield index, line.rstrip()
        elif previous and _UNDERLINE.match(line) and _looks_dated(previous[1]):
            yield previous
        previous = (index, line) if line.strip() and not (opening or atx) else None


def heading_problems(doc: Document) -> list[Problem]:
    """A `check` error at each misread heading of a track's narrative."""
    body = doc.data.get("narrative")
    if not isinstance(body, str):
        return []
    first = doc.line_of(("narrative",))
    # A Markdown body maps line for line onto the file; a YAML string does not, so its
    # headings are reported at the key.
    exact = doc.path.endswith(".md")
    return [
        Problem(
            doc.path,
            first + index if exact else first,
            "narrative",
            f"heading '{line}' looks like a date or a sensitivity but starts no part (its text "
            f"would join the part before): {_HEADING_RULE}",
        )
        for index, line in misread_headings(body)
    ]
