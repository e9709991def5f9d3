"""When a dated item happened and when its sources reported it, in the brief's words.

The one place these words are put together: templates call `when_html` as the `when` filter, the
status figure and the plain-text changes call `when`, so that no path prints a report date as if
it were the day something happened. The words themselves are labels (`when.*`).
"""

from __future__ import annotations

from typing import Literal, Protocol

from markupsafe import Markup, escape

from briefgen.content.dates import PartialDate
from briefgen.content.labels import Labels

Style = Literal["short", "human"]


class Dated(Protocol):
    """A view of an item dated by when it happened, when it was reported, or both."""

    @property
    def date(self) -> PartialDate | None: ...

    @property
    def reported(self) -> PartialDate | None: ...


def _phrase(labels: Labels, key: str, date: PartialDate, style: Style) -> tuple[str, str, str]:
    """A label around a date, as (words before, the date, words after)."""
    before, _, after = labels.form(key).partition("{date}")
    return before, labels.date(date, short=style == "short"), after


def pieces(
    item: Dated, labels: Labels, style: Style = "short", since: bool = False
) -> list[tuple[str, str, str]]:
    """The phrases of `when`, each with its date apart: HTML keeps a date on one line but lets
    a narrow column break between the words."""
    date, reported = item.date, item.reported
    if date is None:
        assert reported is not None  # the content model refuses an item with neither date
        return [_phrase(labels, "when.and_reported" if since else "when.reported", reported, style)]
    if since:
        found = _phrase(labels, "when.since", date, style)
    else:
        found = ("", labels.date(date, short=style == "short"), "")
    if reported and reported != date:
        return [found, _phrase(labels, "when.and_reported", reported, style)]
    return [found]


def when(item: Dated, labels: Labels, style: Style = "short", since: bool = False) -> str:
    """'late Jun 2025'; 'reported 3 Jul 2025' where only the report date is known; 'late Jun
    2025, reported 3 Jul 2025' where both are and differ.

    `since`: the words follow a status ('active'), so they open with what joins them to it:
    ' since late Jun 2025', ', reported 3 Jul 2025' (a report does not date the start).
    """
    return "".join("".join(p) for p in pieces(item, labels, style, since))


def when_html(item: Dated, labels: Labels, style: Style = "short", since: bool = False) -> Markup:
    """`when` for the templates, each date kept on one line."""
    return Markup("").join(
        escape(before) + Markup('<span class="nowrap">%s</span>') % date + escape(after)
        for before, date, after in pieces(item, labels, style, since)
    )
