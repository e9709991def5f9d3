"""Edition periods (daily, weekly, monthly): spans, labels, the series, briefs that follow them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.brief.periods import edition_span, label, next_issue, period_start, window_start
from briefgen.render.html import render_html
from tests.conftest import brief_for

D = dt.date.fromisoformat
PERIODS = ("daily", "weekly", "monthly")
days = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2199, 12, 31))


# period_start: the first day of the period that ends on the as-of date


@pytest.mark.parametrize(
    ("period", "as_of", "start"),
    [
        ("daily", "2025-07-03", "2025-07-03"),
        ("daily", "2025-01-01", "2025-01-01"),
        ("weekly", "2025-07-03", "2025-06-27"),
        ("weekly", "2025-01-03", "2024-12-28"),  # across the year boundary
        ("weekly", "2024-03-01", "2024-02-24"),  # across 29 February
        ("monthly", "2025-07-03", "2025-06-04"),
        ("monthly", "2025-01-15", "2024-12-16"),  # across the year boundary
        ("monthly", "2025-03-01", "2025-02-02"),
        # One month back from the 29th-31st of March is the last of February: March starts.
        ("monthly", "2025-03-31", "2025-03-01"),
        ("monthly", "2025-03-29", "2025-03-01"),
        ("monthly", "2025-03-28", "2025-03-01"),
        ("monthly", "2025-03-27", "2025-02-28"),
        ("monthly", "2024-03-31", "2024-03-01"),  # leap year: back to 29 February, then + 1
        ("monthly", "2024-03-29", "2024-03-01"),
        ("monthly", "2024-03-28", "2024-02-29"),
        ("monthly", "2025-05-31", "2025-05-01"),  # April has 30 days
        ("monthly", "2024-02-29", "2024-01-30"),
        ("monthly", "2025-12-31", "2025-12-01"),
    ],
)
def test_period_start(period: str, as_of: str, start: str) -> None:
    assert period_start(period, D(as_of)) == D(start)


# next_issue: the date of the next edition


@pytest.mark.parametrize(
    ("period", "as_of", "following"),
    [
        ("daily", "2025-07-03", "2025-07-04"),
        ("daily", "2025-12-31", "2026-01-01"),
        ("daily", "2024-02-28", "2024-02-29"),
        ("daily", "2025-02-28", "2025-03-01"),
        ("weekly", "2025-07-03", "2025-07-10"),
        ("weekly", "2025-12-29", "2026-01-05"),
        ("weekly", "2024-02-26", "2024-03-04"),
        ("monthly", "2025-07-03", "2025-08-03"),
        ("monthly", "2025-01-31", "2025-02-28"),  # 31 January: the last day of February
        ("monthly", "2024-01-31", "2024-02-29"),  # ... in a leap year too
        ("monthly", "2025-01-29", "2025-02-28"),
        ("monthly", "2024-01-29", "2024-02-29"),
        ("monthly", "2025-03-31", "2025-04-30"),
        ("monthly", "2025-08-31", "2025-09-30"),
        ("monthly", "2025-12-15", "2026-01-15"),  # year boundary
        ("monthly", "2025-12-31", "2026-01-31"),
        ("monthly", "2024-02-29", "2024-03-29"),
    ],
)
def test_next_issue(period: str, as_of: str, following: str) -> None:
    assert next_issue(period, D(as_of)) == D(following)


# window_start: how far back an audience's window of N periods reaches


@pytest.mark.parametrize(
    ("period", "as_of", "periods", "start"),
    [
        ("daily", "2025-07-03", 1, "2025-07-03"),
        ("daily", "2025-07-03", 13, "2025-06-21"),
        ("daily", "2024-03-01", 2, "2024-02-29"),
        ("daily", "2025-01-02", 3, "2024-12-31"),
        ("weekly", "2025-07-03", 1, "2025-06-27"),
        ("weekly", "2025-07-03", 13, "2025-04-04"),
        ("weekly", "2025-01-10", 2, "2024-12-28"),
        ("monthly", "2025-07-03", 1, "2025-06-04"),
        ("monthly", "2025-07-03", 13, "2024-06-04"),
        ("monthly", "2025-01-15", 2, "2024-11-16"),
        ("monthly", "2025-05-31", 3, "2025-03-01"),  # back to 28 February, then + 1
        ("monthly", "2024-05-31", 3, "2024-03-01"),  # back to 29 February, then + 1
        ("monthly", "2025-03-31", 13, "2024-03-01"),  # back 13 months to 29 February 2024
    ],
)
def test_window_start(period: str, as_of: str, periods: int, start: str) -> None:
    assert window_start(period, D(as_of), periods) == D(start)


@pytest.mark.parametrize("period", PERIODS)
def test_window_of_zero_periods_is_all_history(period: str) -> None:
    assert window_start(period, D("2025-07-03"), 0) is None


# label


@pytest.mark.parametrize(
    ("period", "as_of", "text"),
    [
        ("daily", "2025-07-03", "Daily brief · 2025-07-03"),
        ("daily", "2024-02-29", "Daily brief · 2024-02-29"),
        ("monthly", "2025-07-03", "Monthly brief · 2025-07"),
        ("monthly", "2025-01-31", "Monthly brief · 2025-01"),
        ("monthly", "2024-12-31", "Monthly brief · 2024-12"),
        ("weekly", "2025-07-03", "Weekly brief · 2025-W27"),
        ("weekly", "2025-01-01", "Weekly brief · 2025-W01"),
        # ISO week 53, and ISO years that differ from the calendar year at both ends.
        ("weekly", "2020-12-31", "Weekly brief · 2020-W53"),
        ("weekly", "2021-01-03", "Weekly brief · 2020-W53"),
        ("weekly", "2021-01-04", "Weekly brief · 2021-W01"),
        ("weekly", "2026-12-31", "Weekly brief · 2026-W53"),
        ("weekly", "2024-12-30", "Weekly brief · 2025-W01"),
        ("weekly", "2027-01-01", "Weekly brief · 2026-W53"),
    ],
)
def test_label(period: str, as_of: str, text: str) -> None:
    assert label(period, D(as_of)) == text


# edition_span: where a date sits in the series the content's editions define


def test_span_of_a_monthly_edition_at_a_month_end() -> None:
    editions = [D("2025-01-31"), D("2025-02-28"), D("2025-03-31"), D("2025-04-30")]
    span = edition_span("monthly", D("2025-03-31"), editions)
    assert span.start == D("2025-03-01")
    assert span.label == "Monthly brief · 2025-03"
    assert span.number == 3
    assert span.previous == D("2025-02-28")
    assert span.next == D("2025-04-30")


def test_span_of_the_first_edition_has_no_previous() -> None:
    span = edition_span("daily", D("2025-05-08"), [D("2025-07-03"), D("2025-05-08")])
    assert (span.number, span.previous, span.start, span.next) == (
        1,
        None,
        D("2025-05-08"),
        D("2025-05-09"),
    )


def test_span_counts_each_earlier_edition_once_across_the_year_boundary() -> None:
    editions = [D("2024-12-30"), D("2024-12-31"), D("2024-12-31"), D("2025-01-01")]
    span = edition_span("daily", D("2025-01-01"), editions)
    assert (span.number, span.previous, span.label, span.next) == (
        3,
        D("2024-12-31"),
        "Daily brief · 2025-01-01",
        D("2025-01-02"),
    )


def test_span_of_a_date_between_editions() -> None:
    """`briefgen diff` and `--as-of` may name a date that is no edition of its own."""
    editions = [D("2020-12-24"), D("2021-01-07")]
    span = edition_span("weekly", D("2020-12-31"), editions)
    assert span.number is None  # out of series: no edition number
    assert span.previous == D("2020-12-24")
    assert span.label == "Weekly brief · 2020-W53"
    assert span.next == D("2021-01-07")


# Properties over any date


@given(period=st.sampled_from(PERIODS), as_of=days)
def test_period_contains_the_as_of_date_and_ends_before_the_next_issue(period, as_of) -> None:
    start = period_start(period, as_of)
    assert start <= as_of < next_issue(period, as_of)
    assert window_start(period, as_of, 1) == start
    length = (as_of - start).days + 1
    assert {"daily": {1}, "weekly": {7}, "monthly": {28, 29, 30, 31}}[period] >= {length}


@given(period=st.sampled_from(PERIODS), as_of=days, periods=st.integers(1, 60))
def test_a_longer_window_reaches_further_back(period, as_of, periods) -> None:
    shorter = window_start(period, as_of, periods)
    longer = window_start(period, as_of, periods + 1)
    assert shorter is not None and longer is not None
    assert longer < shorter <= as_of


@given(period=st.sampled_from(PERIODS), as_of=days)
def test_periods_of_consecutive_issues_meet_without_gap_or_overlap(period, as_of) -> None:
    # Monthly issues on the 29th-31st are left out: a month back from 28 February is
    # 28 January, so that period starts on the 29th (see test_period_start).
    if period == "monthly":
        as_of = as_of.replace(day=min(as_of.day, 28))
    assert period_start(period, next_issue(period, as_of)) == as_of + dt.timedelta(days=1)


@given(as_of=days)
def test_monthly_next_issue_is_the_same_day_of_next_month_or_its_last_day(as_of) -> None:
    following = next_issue("monthly", as_of)
    assert (following.year, following.month) == (
        (as_of.year + 1, 1) if as_of.month == 12 else (as_of.year, as_of.month + 1)
    )
    month_end = (following.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    last_day = (month_end - dt.timedelta(days=1)).day
    assert following.day == min(as_of.day, last_day)


@given(as_of=days)
def test_labels_name_the_day_the_iso_week_or_the_month(as_of) -> None:
    year, week, _ = as_of.isocalendar()
    assert label("daily", as_of).endswith(as_of.isoformat())
    assert label("weekly", as_of) == f"Weekly brief · {year}-W{week:02d}"
    assert label("monthly", as_of) == f"Monthly brief · {as_of.year:04d}-{as_of.month:02d}"


@given(
    period=st.sampled_from(PERIODS),
    as_of=days,
    editions=st.lists(days, max_size=8),
    later=st.lists(st.integers(1, 400), max_size=4),
)
def test_later_editions_never_change_a_past_edition(period, as_of, editions, later) -> None:
    span = edition_span(period, as_of, editions)
    assert span == edition_span(
        period, as_of, [*editions, *(as_of + dt.timedelta(days=n) for n in later)]
    )
    earlier = sorted({e for e in editions if e < as_of})
    assert span.number == (len(earlier) + 1 if as_of in editions else None)
    assert span.previous == (earlier[-1] if earlier else None)


# End to end: a project's `period` reaches the brief's meta, its window and what changed


def with_period(make_project, period: str, extra: dict[str, str] | None = None) -> Path:
    return make_project(
        {
            "brief.yaml": f"title: Test Brief\norganisation: Test Desk\nperiod: {period}\n",
            **(extra or {}),
        }
    )


# A development first reported the day before the July edition, and that edition's eve.
JULY_SECOND = {
    "sources/eve-report.yaml": "outlet: Eve Outlet\npublished: 2025-07-02\nreliability: B\n",
    "developments/eve-event.yaml": (
        "date: 2025-07-02\nheadline: EVEEVENT Beta recalls its envoy\nsources: [eve-report]\n"
    ),
    "editions/2025-07-02.md": "---\n---\nBeta recalled its envoy.\n",
}


def test_daily_brief_follows_the_day(make_project) -> None:
    root = with_period(make_project, "daily", JULY_SECOND)
    brief = brief_for(root, "2025-07-03")
    meta = brief.meta
    assert meta.period == "daily"
    assert meta.edition_label == "Daily brief · 2025-07-03"
    assert (meta.period_start, meta.period_end) == (D("2025-07-03"), D("2025-07-03"))
    assert (meta.edition_number, meta.previous_edition, meta.next_edition) == (
        3,
        D("2025-07-02"),
        D("2025-07-04"),
    )
    # What changed: since the eve's edition only, so the eve's event is not in it.
    assert brief.changes is not None and brief.changes.previous == D("2025-07-02")
    assert [d.id for d in brief.changes.developments] == ["early-event"]
    # The analyst window is 13 periods: 13 days, so May's development has dropped out.
    assert [d.id for d in brief.timeline] == ["eve-event", "early-event"]
    html = render_html(brief, root)
    assert "Daily brief · 2025-07-03 · no. 3" in html
    assert "3 Jul 2025 – 3 Jul 2025" in html
    assert "Since the previous edition, with information as of 2 July 2025:" in html


def test_daily_first_edition_marks_nothing_new(make_project) -> None:
    brief = brief_for(with_period(make_project, "daily"), "2025-05-08")
    assert brief.meta.previous_edition is None and brief.meta.edition_number == 1
    assert brief.changes is not None and brief.changes.previous is None
    # Nothing to compare with: the judgment known that day is no more new than the rest.
    assert [(d.id, d.new) for d in brief.timeline] == [("confirmed", False)]
    assert [(j.id, j.new) for j in brief.judgments] == [("no-deal", False)]


def test_monthly_brief_follows_the_month(make_project) -> None:
    root = with_period(
        make_project, "monthly", {"editions/2025-05-31.md": "---\n---\nEnd of May.\n"}
    )
    may = brief_for(root, "2025-05-31").meta
    assert may.edition_label == "Monthly brief · 2025-05"
    assert (may.period_start, may.next_edition) == (D("2025-05-01"), D("2025-06-30"))
    assert (may.edition_number, may.previous_edition) == (2, D("2025-05-08"))

    brief = brief_for(root, "2025-07-03")
    meta = brief.meta
    assert meta.edition_label == "Monthly brief · 2025-07"
    assert (meta.period_start, meta.period_end) == (D("2025-06-04"), D("2025-07-03"))
    assert (meta.edition_number, meta.previous_edition, meta.next_edition) == (
        3,
        D("2025-05-31"),
        D("2025-08-03"),
    )
    assert brief.changes is not None and brief.changes.previous == D("2025-05-31")
    assert [d.id for d in brief.changes.developments] == ["early-event"]
    # 13 months of window: May's development is still in the timeline, and not new.
    assert [(d.id, d.new) for d in brief.timeline] == [
        ("confirmed", False),
        ("early-event", True),
    ]
    html = render_html(brief, root)
    assert "Monthly brief · 2025-07 · no. 3" in html
    assert "4 Jun 2025 – 3 Jul 2025" in html
    assert "Since the previous edition, with information as of 31 May 2025:" in html


def test_monthly_first_edition_marks_nothing_new(make_project) -> None:
    brief = brief_for(with_period(make_project, "monthly"), "2025-05-08")
    meta = brief.meta
    assert (meta.period_start, meta.next_edition) == (D("2025-04-09"), D("2025-06-08"))
    assert [(d.id, d.new) for d in brief.timeline] == [("confirmed", False)]
    assert [(j.id, j.new) for j in brief.judgments] == [("no-deal", False)]


def test_weekly_is_the_default(project: Path) -> None:
    meta = brief_for(project, "2025-07-03").meta
    assert meta.period == "weekly"
    assert meta.edition_label == "Weekly brief · 2025-W27"
    assert (meta.period_start, meta.next_edition) == (D("2025-06-27"), D("2025-07-10"))
