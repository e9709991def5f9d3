"""When a dated item happened and when its sources reported it, in the brief's words.

The one place these words are written: templates call `when_html` as the `when` filter, the status
figure and the plain-text changes call it directly, so that no path prints a report date as if
it were the day something happened.
"""

from __future__ import annotations

from typing import Literal, Protocol

from markupsafe import Markup, escape

from briefgen.content.dates import PartialDate

Style = Literal["short", "human"]


class Dated(Protocol):
    """A view of an item dated by when it happened, when it was reported, or both."""

    @property
    def date(self) -> PartialDate | None: ...

    @property
    def reported(self) -> PartialDate | None: ...


def _text(date: PartialDate, style: Style) -> str:
    return date.human() if style == "human" else date.short()


def pieces(item: Dated, style: Style = "short", since: bool = False) -> list[tuple[str, str]]:
    """The words of `when` as (words before a date, the date): HTML keeps each date on one
    line but lets a narrow column break between the words."""
    date, reported = item.date, item.reported
    report = ("reported ", _text(reported, style)) if reported and reported != date else None
    if date is None:
        assert report is not None  # the content model refuses an item with neither date
        return [(", " + report[0] if since else report[0], report[1])]
    found = [(" since " if since else "", _text(date, style))]
    return found + ([(", " + report[0], report[1])] if report else [])


def when(item: Dated, style: Style = "short", since: bool = False) -> str:
    """'late Jun 2025'; 'reported 3 Jul 2025' where only the report date is known; 'late Jun
    2025, reported 3 Jul 2025' where both are and differ.

    `since`: the words follow a status ('active'), so they open with what joins them to it:
    ' since late Jun 2025', ', reported 3 Jul 2025' (a report does not date the start).
    """
    return "".join(words + date for words, date in pieces(item, style, since))


def when_html(item: Dated, style: Style = "short", since: bool = False) -> Markup:
    """`when` for the templates, each date kept on one line."""
    return Markup("").join(
        escape(words) + Markup('<span class="nowrap">') + escape(date) + Markup("</span>")
        for words, date in pieces(item, style, since)
    )
