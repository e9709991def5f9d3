"""A date axis for figures: where a day falls, and ticks far enough apart to be read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefgen.content.dates import MONTHS_SHORT

LABEL_ROOM = 58
"""User units one tick label needs, with a gap: "30 Sep" or "Sep 2025" at the figure's size."""

Ticks = list[tuple[dt.date, str]]


@dataclass(frozen=True)
class Scale:
    """Days from `first` to `last` onto x from `left` to `right`."""

    first: dt.date
    last: dt.date
    left: float
    right: float

    def x(self, day: dt.date) -> float:
        days = max((self.last - self.first).days, 1)
        return self.left + (day - self.first).days / days * (self.right - self.left)


def _day_label(day: dt.date, previous: dt.date | None, months: Sequence[str]) -> str:
    # The year only where it changes: the as-of label already gives it.
    year = f" {day.year}" if previous and previous.year != day.year else ""
    return f"{day.day} {months[day.month]}{year}"


def _month_label(day: dt.date, previous: dt.date | None, months: Sequence[str]) -> str:
    year = f" {day.year}" if previous is None or previous.year != day.year else ""
    return f"{months[day.month]}{year}"


def _every_days(step: int, mondays: bool) -> Callable[[dt.date, dt.date, Sequence[str]], Ticks]:
    def make(first: dt.date, last: dt.date, months: Sequence[str]) -> Ticks:
        day = first + dt.timedelta(days=(-first.weekday()) % 7) if mondays else first
        found: Ticks = []
        while day <= last:
            found.append((day, _day_label(day, found[-1][0] if found else None, months)))
            day += dt.timedelta(days=step)
        return found

    return make


def _every_months(step: int) -> Callable[[dt.date, dt.date, Sequence[str]], Ticks]:
    def make(first: dt.date, last: dt.date, months: Sequence[str]) -> Ticks:
        index = first.year * 12 + first.month - 1 + (first.day > 1)
        index += (-index) % step  # months that divide the year evenly: Jan, Apr, Jul, Oct
        found: Ticks = []
        while (day := dt.date(index // 12, index % 12 + 1, 1)) <= last:
            found.append((day, _month_label(day, found[-1][0] if found else None, months)))
            index += step
        return found

    return make


def _every_years(step: int) -> Callable[[dt.date, dt.date, Sequence[str]], Ticks]:
    def make(first: dt.date, last: dt.date, months: Sequence[str]) -> Ticks:
        year = first.year + (first > dt.date(first.year, 1, 1))
        year += (-year) % step
        return [(dt.date(y, 1, 1), str(y)) for y in range(year, last.year + 1, step)]

    return make


STEPS = (
    _every_days(1, False),
    _every_days(2, False),
    _every_days(7, True),
    _every_days(14, True),
    *(_every_months(n) for n in (1, 2, 3, 6)),
    *(_every_years(n) for n in (1, 2, 5, 10, 25, 50, 100)),
)
"""From the finest to the coarsest; the finest that fits is used."""


def ticks(scale: Scale, months: Sequence[str] = MONTHS_SHORT) -> Ticks:
    """Dated ticks with labels, as many as fit between `left` and `right` without touching;
    `months` names the months (index 1 to 12) in the brief's language."""
    most = max(2, int((scale.right - scale.left) // LABEL_ROOM))
    for make in STEPS:
        found = make(scale.first, scale.last, months)
        if len(found) <= most:
            return found
    return []
