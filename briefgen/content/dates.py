"""Dates as analysts have them: a day, a part of a month, a month, a year or a range of these,
optionally marked approximate."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, Literal, NamedTuple, cast

from pydantic import AfterValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from briefgen.clock import EARLIEST, LATEST, out_of_range

Part = Literal["early", "mid", "late"]
PARTS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
"""The days of a month each part covers; `late` ends with the month."""

_SIDE_TEXT = r"(?:(?:early|mid|late) \d{4}-\d{2}|\d{4}(?:-\d{2}(?:-\d{2})?)?)"
DATE_TEXT = rf"~?{_SIDE_TEXT}(?:/{_SIDE_TEXT})?"
"""Every accepted form, unanchored (narrative headings embed it)."""
PATTERN_TEXT = rf"^{DATE_TEXT}$"
_SIDE = re.compile(r"^(?:(early|mid|late) )?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PART_WORD = re.compile(r"\b(early|mid|late)\b", re.I)

_FORMS = (
    "YYYY-MM-DD, YYYY-MM, YYYY, early/mid/late YYYY-MM or START/END (~ in front if approximate)"
)
_PART_HINT = "write early, mid or late YYYY-MM (days 1-10, 11-20, 21 to the end of the month)"
_RANGE_HINT = (
    "a range is START/END without spaces, each side YYYY-MM-DD, YYYY-MM, YYYY or early, mid "
    "or late YYYY-MM (~ in front of the whole if approximate)"
)
MONTHS = tuple(calendar.month_name)
MONTHS_SHORT = tuple(calendar.month_abbr)


class DateWords(NamedTuple):
    """The words a date is written with in one language (the label catalogue supplies them)."""

    months: Sequence[str]
    """Index 1 to 12."""
    parts: Mapping[str, str]
    """early, mid, late in that language; one ending in '-' joins its month ('mi-juillet')."""
    approximate: str
    """'c. {date}'."""


_ENGLISH_PARTS = {part: part for part in PARTS}
ENGLISH = DateWords(MONTHS, _ENGLISH_PARTS, "c. {date}")
ENGLISH_SHORT = DateWords(MONTHS_SHORT, _ENGLISH_PARTS, "c. {date}")


class Moment(NamedTuple):
    """One side of a date: a year, a month, a part of a month or a day.

    A tuple, cheap to make: thousands are read for every check, and `PartialDate` keeps the
    days they span."""

    year: int
    month: int | None = None
    part: Part | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "part" if self.part else "month" if self.month else "year"

    @property
    def first_day(self) -> dt.date:
        day = PARTS[self.part][0] if self.part else 1 if self.day is None else self.day
        try:
            return dt.date(self.year, 1 if self.month is None else self.month, day)
        except ValueError as exc:
            raise ValueError(f"'{self.iso()}' is not a real date: {exc}") from None

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        if not self.month:
            return dt.date(self.year, 12, 31)
        month_end = calendar.monthrange(self.year, self.month)[1]
        last = min(PARTS[self.part][1], month_end) if self.part else month_end
        return dt.date(self.year, self.month, last)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return f"{self.part} {text}" if self.part else text

    def words(self, words: DateWords) -> list[str]:
        """['3', 'July', '2025'], ['late', 'July', '2025'], ['July', '2025'], ['2025']."""
        month = [words.months[self.month]] if self.month else []
        part = words.parts[self.part] if self.part else ""
        if part.endswith("-") and month:
            return [part + month[0], str(self.year)]
        lead = [str(self.day)] if self.day else [part] if part else []
        return [*lead, *month, str(self.year)]


def _moment(text: str, whole: str) -> Moment:
    match = _SIDE.match(text)
    if not match:
        hint = _PART_HINT if _PART_WORD.search(whole) else _RANGE_HINT if "/" in whole else None
        raise ValueError(f"'{whole}' is not a date; {hint or 'write ' + _FORMS}")
    part, year, month, day = match.groups()
    if part and (not month or day):
        raise ValueError(f"'{whole}': {part} needs a month and no day; {_PART_HINT}")
    as_part = cast("Part | None", part)  # the pattern allows only the three words
    result = Moment(int(year), int(month) if month else None, as_part, int(day) if day else None)
    if problem := out_of_range(result.first_day):  # also raises on an impossible day or month
        raise ValueError(problem)
    return result


def _joined(start: list[str], end: list[str]) -> str:
    """Two sides with the words they end on said once: '3–5 August 2025', 'August–September
    2025', '30 July – 2 August 2025', 'December 2024 – January 2025'."""
    shared = 0
    while min(len(start), len(end)) - shared > 1 and start[-1 - shared] == end[-1 - shared]:
        shared += 1
    head, tail = start[: len(start) - shared], end[: len(end) - shared]
    dash = "–" if len(head) == len(tail) == 1 else " – "
    return " ".join([" ".join(head) + dash + " ".join(tail), *end[len(end) - shared :]])


@dataclass(frozen=True, eq=False)
class PartialDate:
    """A date known to the day, a part of a month (early: days 1–10, mid: 11–20, late: 21 to
    the end), the month or the year, or a range START/END of two of these. `~` in front marks
    it approximate.

    Dates order by the first day they may mean, then the last, exact before approximate: May
    2025 comes before 3 May 2025, which comes before late May 2025. Two dates that cover the
    same days are equal however they are written (`2025-07` and `2025-07-01/2025-07-31`).
    """

    start: Moment
    end: Moment | None = None
    approximate: bool = False

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("give a date (YYYY-MM-DD, YYYY-MM or YYYY), not a date and time")
        if isinstance(value, dt.date):
            return cls(Moment(value.year, value.month, day=value.day))
        if isinstance(value, int) and EARLIEST.year <= value <= LATEST.year:
            return cls(Moment(value))
        if not isinstance(value, str):
            raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM or YYYY")
        whole = value.strip()
        text = whole.removeprefix("~")
        start_text, slash, end_text = text.partition("/")
        start = _moment(start_text, whole)
        end = _moment(end_text, whole) if slash else None
        if end and (end.first_day < start.first_day or end.last_day < start.last_day):
            raise ValueError(
                f"'{whole}': the end of a range must not begin or finish before its start"
            )
        if end == start:
            raise ValueError(f"'{whole}' is a range from a date to itself; write {start.iso()}")
        return cls(start, end, text != whole)

    @property
    def precision(self) -> str:
        """day, part (of a month), month, year or range."""
        return "range" if self.end else self.start.precision

    @cached_property
    def first_day(self) -> dt.date:
        return self.start.first_day

    @cached_property
    def last_day(self) -> dt.date:
        return (self.end or self.start).last_day

    def iso(self) -> str:
        """The form it is written in: '2025-07-03', 'late 2025-07', '~2025-08/2025-09'."""
        text = self.start.iso() + (f"/{self.end.iso()}" if self.end else "")
        return ("~" if self.approximate else "") + text

    def text(self, words: DateWords) -> str:
        """The date in one language's words, by its precision."""
        start = self.start.words(words)
        text = _joined(start, self.end.words(words)) if self.end else " ".join(start)
        return words.approximate.format(date=text) if self.approximate else text

    def human(self) -> str:
        """'3 July 2025', 'late July 2025', 'August–September 2025', '3–5 August 2025';
        'c.' in front when approximate."""
        return self.text(ENGLISH)

    def short(self) -> str:
        """'3 Jul 2025', 'late Jul 2025', 'Aug–Sep 2025' for tables and timelines."""
        return self.text(ENGLISH_SHORT)

    def __str__(self) -> str:
        return self.iso()

    def __repr__(self) -> str:
        return f"PartialDate('{self.iso()}')"

    @cached_property
    def _order(self) -> tuple[dt.date, dt.date, bool]:
        return (self.first_day, self.last_day, self.approximate)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order == other._order

    def __hash__(self) -> int:
        return hash(self._order)

    def __lt__(self, other: PartialDate) -> bool:
        return self._order < other._order

    def __le__(self, other: PartialDate) -> bool:
        return self._order <= other._order

    def __gt__(self, other: PartialDate) -> bool:
        return self._order > other._order

    def __ge__(self, other: PartialDate) -> bool:
        return self._order >= other._order

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # A named definition, so that the JSON Schema describes the forms once and every field
        # that refers to it keeps its own description.
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            ref="PartialDate",
            serialization=core_schema.plain_serializer_function_ser_schema(cls.iso),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": PATTERN_TEXT,
            "description": (
                "A date as precisely as known: YYYY-MM-DD (a day), YYYY-MM (a month), YYYY (a "
                "year), or early, mid or late YYYY-MM (days 1-10, 11-20, or 21 to the end of "
                "the month); or a range START/END of two of these, the end not before the "
                "start (2025-08/2025-09: August or September 2025). A leading ~ marks it "
                "approximate. Facts count from the first day a date allows, sources and "
                "narrative parts from the last."
            ),
            "examples": [
                "2025-07-03",
                "2025-05",
                "2025",
                "late 2025-07",
                "2025-08/2025-09",
                "2025-08-03/2025-08-05",
                "~2025-05",
            ],
        }


def _in_range(day: dt.date) -> dt.date:
    if problem := out_of_range(day):
        raise ValueError(problem)
    return day


Day = Annotated[dt.date, AfterValidator(_in_range)]
"""A day to the day, within the range briefgen dates anything in."""


def human_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS_SHORT[day.month]} {day.year}"
