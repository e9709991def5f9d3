"""A track's narrative: its Markdown body cut into parts at headings that are only a date and/or
a sensitivity."""

from __future__ import annotations

import re

from briefgen.content.dates import PartialDate
from briefgen.content.fields import Markdown, Model, Sensitivity


class NarrativePart(Model):
    """A stretch of narrative, known from its date (background when it has none)."""

    timeless = frozenset({"sensitivity", "text"})
    dated = frozenset({"date"})

    date: PartialDate | None = None
    sensitivity: Sensitivity | None = None
    text: Markdown


_PART_HEADING = re.compile(
    r"^##[ \t]+(?:(~?\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]*)?(public|internal|restricted)?[ \t]*$",
    re.M,
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
