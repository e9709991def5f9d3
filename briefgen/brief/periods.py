"""Edition periods: the span an edition covers, its label, its number in the series."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EditionSpan:
    start: dt.date
    label: str
    number: int | None
    """Its number in the series; None out of series."""
    next: dt.date
    previous: dt.date | None


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def period_start(period: str, as_of: dt.date) -> dt.date:
    """First day of the period that ends on `as_of` (seven days for a weekly edition)."""
    if period == "daily":
        return as_of
    if period == "weekly":
        return as_of - dt.timedelta(days=6)
    return _add_months(as_of, -1) + dt.timedelta(days=1)


def window_start(period: str, as_of: dt.date, periods: int) -> dt.date | None:
    """First day of the `periods` editions ending on `as_of`; None for all history."""
    if periods == 0:
        return None
    if period == "daily":
        return as_of - dt.timedelta(days=periods - 1)
    if period == "weekly":
        return as_of - dt.timedelta(days=7 * periods - 1)
    return _add_months(as_of, -periods) + dt.timedelta(days=1)


def next_issue(period: str, as_of: dt.date) -> dt.date:
    if period == "daily":
        return as_of + dt.timedelta(days=1)
    if period == "weekly":
        return as_of + dt.timedelta(days=7)
    return _add_months(as_of, 1)


def label(period: str, as_of: dt.date) -> str:
    if period == "weekly":
        year, week, _ = as_of.isocalendar()
        return f"Weekly brief · {year}-W{week:02d}"
    if period == "monthly":
        return f"Monthly brief · {as_of:%Y-%m}"
    return f"Daily brief · {as_of.isoformat()}"


def edition_span(period: str, as_of: dt.date, editions: list[dt.date]) -> EditionSpan:
    """Where `as_of` sits in the series the content's editions define.

    Counts only earlier editions, so adding later ones never changes a past edition. A date
    that is not an edition has no number: its brief is out of series.
    """
    earlier = sorted(day for day in set(editions) if day < as_of)
    return EditionSpan(
        start=period_start(period, as_of),
        label=label(period, as_of),
        number=len(earlier) + 1 if as_of in editions else None,
        next=next_issue(period, as_of),
        previous=earlier[-1] if earlier else None,
    )
