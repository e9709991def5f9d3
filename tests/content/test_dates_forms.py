"""The forms of date analysts have: parts of a month and ranges, next to days, months and years."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from briefgen.content.dates import PATTERN_TEXT, PartialDate
from briefgen.content.schema import schema_for

DATES = TypeAdapter(PartialDate)


@pytest.mark.parametrize(
    ("text", "human", "short", "first", "last"),
    [
        ("early 2025-07", "early July 2025", "early Jul 2025", "2025-07-01", "2025-07-10"),
        ("mid 2025-07", "mid July 2025", "mid Jul 2025", "2025-07-11", "2025-07-20"),
        ("late 2025-07", "late July 2025", "late Jul 2025", "2025-07-21", "2025-07-31"),
        ("late 2024-02", "late February 2024", "late Feb 2024", "2024-02-21", "2024-02-29"),
        ("~late 2025-07", "c. late July 2025", "c. late Jul 2025", "2025-07-21", "2025-07-31"),
        ("2025-08/2025-09", "August–September 2025", "Aug–Sep 2025", "2025-08-01", "2025-09-30"),
        ("2025-08-03/2025-08-05", "3–5 August 2025", "3–5 Aug 2025", "2025-08-03", "2025-08-05"),
        (
            "2025-07-30/2025-08-02",
            "30 July – 2 August 2025",
            "30 Jul – 2 Aug 2025",
            "2025-07-30",
            "2025-08-02",
        ),
        (
            "2024-12/2025-01",
            "December 2024 – January 2025",
            "Dec 2024 – Jan 2025",
            "2024-12-01",
            "2025-01-31",
        ),
        ("2024/2025", "2024–2025", "2024–2025", "2024-01-01", "2025-12-31"),
        (
            "late 2025-07/early 2025-08",
            "late July – early August 2025",
            "late Jul – early Aug 2025",
            "2025-07-21",
            "2025-08-10",
        ),
        (
            "early 2025-07/mid 2025-07",
            "early–mid July 2025",
            "early–mid Jul 2025",
            "2025-07-01",
            "2025-07-20",
        ),
        (
            "~2025-08/2025-09",
            "c. August–September 2025",
            "c. Aug–Sep 2025",
            "2025-08-01",
            "2025-09-30",
        ),
    ],
)
def test_each_form_reads_prints_and_spans(text, human, short, first, last) -> None:
    date = PartialDate.parse(text)
    assert (date.iso(), date.human(), date.short()) == (text, human, short)
    assert (date.first_day.isoformat(), date.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "late 2025",
            "'late 2025': late needs a month and no day; write early, mid or late YYYY-MM",
        ),
        ("mid 2025-07-03", "'mid 2025-07-03': mid needs a month and no day"),
        ("Late July 2025", "'Late July 2025' is not a date; write early, mid or late YYYY-MM"),
        ("2025-09/2025-08", "'2025-09/2025-08': the end of a range must not begin or finish"),
        ("2025/2025-03", "'2025/2025-03': the end of a range must not begin or finish"),
        ("2025-07/2025-07", "'2025-07/2025-07' is a range from a date to itself; write 2025-07"),
        ("2025-08 / 2025-09", "'2025-08 / 2025-09' is not a date; a range is START/END without"),
        ("2025/2026/2027", "'2025/2026/2027' is not a date; a range is START/END"),
        ("2025-08/~2025-09", "'2025-08/~2025-09' is not a date; a range is START/END"),
        ("late 2025-13", "'late 2025-13' is not a real date"),
        ("2025-08/2025-02-30", "'2025-02-30' is not a real date"),
    ],
)
def test_wrong_forms_say_what_to_write(text, message) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        PartialDate.parse(text)


def test_late_july_sorts_after_3_july_and_ranges_by_first_then_last_day() -> None:
    texts = ["late 2025-07", "2025-07-03", "2025-07/2025-08", "2025-07", "mid 2025-07", "2025-06"]
    assert [PartialDate.parse(t).iso() for t in sorted(texts, key=PartialDate.parse)] == [
        "2025-06",
        "2025-07",
        "2025-07/2025-08",
        "2025-07-03",
        "mid 2025-07",
        "late 2025-07",
    ]


def test_two_ways_of_writing_the_same_days_are_equal() -> None:
    assert PartialDate.parse("2025-07") == PartialDate.parse("2025-07-01/2025-07-31")
    assert PartialDate.parse("early 2025-07") == PartialDate.parse("2025-07-01/2025-07-10")
    assert PartialDate.parse("late 2025-07") != PartialDate.parse("~late 2025-07")
    assert len({PartialDate.parse("2025-07"), PartialDate.parse("2025-07-01/2025-07-31")}) == 1


def test_json_schema_describes_every_form() -> None:
    described = schema_for("developments")["$defs"]["PartialDate"]
    pattern = re.compile(described["pattern"])
    for example in described["examples"]:
        assert pattern.match(example) and PartialDate.parse(example).iso() == example
    for word in ("YYYY-MM-DD", "YYYY-MM", "YYYY", "early, mid or late", "START/END", "~"):
        assert word in described["description"]
    for form in ("late 2025-07", "2025-08/2025-09", "~2025-08-03/2025-08-05", "mid 2025-07/2026"):
        assert pattern.match(form)
    for wrong in ("late 2025", "Late 2025-07", "2025-08 / 2025-09", "2025-07-03/"):
        assert not pattern.match(wrong)


# --- properties ---------------------------------------------------------------------------


@st.composite
def sides(draw: st.DrawFn) -> str:
    """One side in any precision; few years, so that ranges often share a year or a month."""
    year = draw(st.integers(2023, 2026))
    precision = draw(st.sampled_from(["year", "month", "part", "day"]))
    if precision == "year":
        return f"{year}"
    month = draw(st.integers(1, 12))
    if precision == "month":
        return f"{year}-{month:02d}"
    if precision == "part":
        return f"{draw(st.sampled_from(['early', 'mid', 'late']))} {year}-{month:02d}"
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return f"{year}-{month:02d}-{day:02d}"


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """Any accepted date as written: one side, or a range when the two sides make one."""
    text = draw(sides())
    if draw(st.booleans()):
        ends = sorted([text, draw(sides())], key=PartialDate.parse)
        try:
            PartialDate.parse("/".join(ends))
            text = "/".join(ends)
        except ValueError:  # one side inside the other, or both the same
            pass
    return ("~" if draw(st.booleans()) else "") + text


def written(date: PartialDate) -> tuple[object, ...]:
    return (date.start, date.end, date.approximate)


@given(date_texts())
def test_parse_and_iso_round_trip_also_through_json(text: str) -> None:
    date = PartialDate.parse(text)
    assert date.iso() == text
    assert re.match(PATTERN_TEXT, text)
    assert written(PartialDate.parse(date.iso())) == written(date)
    dumped = DATES.dump_json(date)
    assert json.loads(dumped) == text
    assert written(DATES.validate_json(dumped)) == written(date)
    assert date.first_day <= date.last_day
    assert date.human() and date.short()


def key(date: PartialDate) -> tuple[dt.date, dt.date, bool]:
    return (date.first_day, date.last_day, date.approximate)


@given(date_texts(), date_texts())
def test_order_is_the_order_of_first_day_last_day_approximate(a_text: str, b_text: str) -> None:
    a, b = PartialDate.parse(a_text), PartialDate.parse(b_text)
    assert (a < b) == (key(a) < key(b))
    assert (a <= b) == (key(a) <= key(b))
    assert (a > b) == (key(a) > key(b))
    assert (a >= b) == (key(a) >= key(b))
    assert (a == b) == (key(a) == key(b))
    assert (a == b) <= (hash(a) == hash(b))
