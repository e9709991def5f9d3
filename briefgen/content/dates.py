"""Dates of exact, month or year precision, optionally marked approximate."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any

from pydantic import AfterValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from briefgen.clock import EARLIEST, LATEST, out_of_range

_PATTERN = re.compile(r"^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PATTERN_TEXT = r"^~?\d{4}(-\d{2}(-\d{2})?)?$"
MONTHS = tuple(calendar.month_name)
MONTHS_SHORT = tuple(calendar.month_abbr)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or the year. `~` in front marks it approximate.

    Dates order by the first day they may mean, then the last: May 2025 comes before
    3 May 2025, which comes before 3 June 2025.
    """

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("give a date (YYYY-MM-DD, YYYY-MM or YYYY), not a date and time")
        if isinstance(value, dt.date):
            return cls.parse(value.isoformat())
        if isinstance(value, int) and EARLIEST.year <= value <= LATEST.year:
            return cls(value)
        if not isinstance(value, str):
            raise ValueError("expected a date as YYYY-MM-DD, YYYY-MM or YYYY")
        match = _PATTERN.match(value.strip())
        if not match:
            raise ValueError(
                f"'{value}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY "
                "(~ in front if approximate)"
            )
        approx, year, month, day = match.groups()
        result = cls(
            int(year), int(month) if month else None, int(day) if day else None, bool(approx)
        )
        result.first_day  # noqa: B018 - raises on an impossible day or month
        if problem := out_of_range(result.first_day):
            raise ValueError(problem)
        return result

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @cached_property
    def first_day(self) -> dt.date:
        try:
            return dt.date(
                self.year,
                1 if self.month is None else self.month,
                1 if self.day is None else self.day,
            )
        except ValueError as exc:
            raise ValueError(f"'{self.iso()}' is not a real date: {exc}") from None

    @cached_property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return ("~" if self.approximate else "") + text

    def _text(self, months: Sequence[str]) -> str:
        parts = [str(self.day)] if self.day else []
        parts += [months[self.month]] if self.month else []
        text = " ".join([*parts, str(self.year)])
        return f"c. {text}" if self.approximate else text

    def human(self) -> str:
        """'3 July 2025', 'May 2025', '2025'; 'c.' in front when approximate."""
        return self._text(MONTHS)

    def short(self) -> str:
        """'3 Jul 2025', 'May 2025', '2025' for tables and timelines."""
        return self._text(MONTHS_SHORT)

    def __str__(self) -> str:
        return self.iso()

    def _order(self) -> tuple[dt.date, dt.date, bool]:
        return (self.first_day, self.last_day, self.approximate)

    def __lt__(self, other: PartialDate) -> bool:
        return self._order() < other._order()

    def __le__(self, other: PartialDate) -> bool:
        return self._order() <= other._order()

    def __gt__(self, other: PartialDate) -> bool:
        return self._order() > other._order()

    def __ge__(self, other: PartialDate) -> bool:
        return self._order() >= other._order()

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(cls.iso)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": PATTERN_TEXT,
            "description": "YYYY-MM-DD, YYYY-MM or YYYY; a leading ~ marks it approximate.",
            "examples": ["2025-07-03", "2025-05", "~2025-05"],
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
