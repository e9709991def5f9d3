"""Edition periods: the span an edition covers, its label, its number in the series."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen.content.dates import PartialDate
from briefgen.content.labels import ENGLISH, Labels


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


def label(period: str, as_of: dt.date, labels: Labels | None = None) -> str:
    """'Weekly brief · 2025-W27' in the brief's language (labels edition.weekly, .monthly,
    .daily); the label may also use {date} (3 July 2025) or {month_name} (July 2025)."""
    labels = labels or ENGLISH
    year, week, _ = as_of.isocalendar()
    return labels(
        f"edition.{period}",
        year=year,
        week=f"{week:02d}",
        month=f"{as_of:%Y-%m}",
        month_name=labels.date(PartialDate.parse(f"{as_of:%Y-%m}")),
        day=as_of.isoformat(),
        date=labels.date(as_of),
    )


def edition_span(
    period: str, as_of: dt.date, editions: list[dt.date], labels: Labels | None = None
) -> EditionSpan:
    """Where `as_of` sits in the series the content's editions define.

    Counts only earlier editions, so adding later ones never changes a past edition. A date
    that is not an edition has no number: its brief is out of series.
    """
    earlier = sorted(day for day in set(editions) if day < as_of)
    return EditionSpan(
        start=period_start(period, as_of),
        label=label(period, as_of, labels),
        number=len(earlier) + 1 if as_of in editions else None,
        next=next_issue(period, as_of),
        previous=earlier[-1] if earlier else None,
    )
