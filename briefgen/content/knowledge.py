"""When a fact became known, and how the entries of one history order: the rules every as-of
decision rests on.

A fact counts as known from the later of its own date's first day and the earliest availability
among the sources it cites; a source is available from `known_from`, else the last day its date
allows, else (undated) the day the analyst read it. For an item dated by when its sources
reported it (`reported`), its own date is the later of that and when it happened
(`HappenedOrReported.learned`): a brief as of a day before the report never shows it, however
early it happened. A fact that cites no source (an analyst's own entry: a signpost added, a
note, a new value of a changing field) counts from the last day its date allows, as a source
does: "July 2025" is known from 31 July, never earlier.

Entries of one history (a track's status changes and trend calls, an actor's positions on one
issue) order by their own date (as `PartialDate` orders: first possible day, then last, exact
before approximate; when it happened, else when it was reported), then by the day they became
known. Two entries equal on both cannot be ordered; `check` reports them (see `histories`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from briefgen.content.dates import PartialDate
from briefgen.content.sources import Source

Order = tuple[PartialDate, dt.date]
"""Where an entry sits in its history: its own date, then the day it became known."""


def published_by(source: Source) -> dt.date:
    """The last day the source may have been published: the last day `published` allows, or
    for an undated source the day it is known to have been available."""
    if source.published:
        return source.published.last_day
    day = source.known_from or source.accessed
    assert day is not None  # Source refuses an undated source without either
    return day


def available(source: Source) -> dt.date:
    """The first day a source counts as known: `known_from`, else `published_by`."""
    return source.known_from or published_by(source)


class Knowledge:
    """When each fact of one content became known, worked out once and asked of any date."""

    def __init__(self, sources: Iterable[Source]) -> None:
        self.availability = {s.id: available(s) for s in sources}
        # Keyed by the identity of an item's own date and source list, which live as long as
        # the content; the entry holds on to both, so an identity is never reused meanwhile.
        self._moments: dict[tuple[int, int], tuple[object, object, dt.date | None]] = {}

    def moment(self, date: PartialDate | None, refs: Iterable[str]) -> dt.date | None:
        """The day a fact became known (None if it has neither a date nor a known source)."""
        key = (id(date), id(refs))
        entry = self._moments.get(key)
        if entry is None:
            dates = [self.availability[r] for r in refs if r in self.availability]
            own = date and (date.first_day if dates else date.last_day)
            moments = [d for d in (min(dates) if dates else None, own) if d]
            entry = (date, refs, max(moments) if moments else None)
            self._moments[key] = entry
        return entry[2]

    def order(
        self, date: PartialDate, refs: Iterable[str], learned: PartialDate | None = None
    ) -> Order:
        """Where a dated entry sits in its history. `learned`: the date it counts as known from,
        when that is not its own date (an entry the sources reported later)."""
        moment = self.moment(learned or date, refs)
        assert moment is not None  # a date always gives a day
        return (date, moment)

    def known(
        self, date: PartialDate | None, refs: Iterable[str], as_of: dt.date
    ) -> dt.date | None:
        """When a fact became known, or None if it was not known as of `as_of`."""
        moment = self.moment(date, refs)
        return moment if moment and moment <= as_of else None
