"""When a fact became known: the rule every as-of decision rests on.

A fact counts as known from the later of its own date and the earliest availability among the
sources it cites; a source is available from `known_from`, else the last day its date allows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from briefgen.dates import PartialDate
from briefgen.models import Content, Source


def available(source: Source) -> dt.date:
    return source.known_from or source.published.last_day


class Knowledge:
    """Answers "was this known by the date?" for one content and one date."""

    def __init__(self, content: Content, as_of: dt.date) -> None:
        self.as_of = as_of
        self.availability = {s.id: available(s) for s in content.sources}

    def known(self, date: PartialDate | None, refs: Iterable[str]) -> dt.date | None:
        """When a fact became known, or None if it was not known as of the date."""
        dates = [self.availability[r] for r in refs if r in self.availability]
        moments = [d for d in (min(dates) if dates else None, date and date.first_day) if d]
        moment = max(moments) if moments else None
        return moment if moment and moment <= self.as_of else None
