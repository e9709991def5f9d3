"""Keep a brief to its audience's page budget, proven by layout.

Lay the brief out; if it runs over, estimate from the measured heights which of the least
important items to leave out, select again with tighter limits and lay out again, until it fits
or nothing more may go. The selection stays pure: it is only asked for fewer items.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.brief import views as b
from briefgen.brief.omissions import Omission
from briefgen.brief.select import Selection, latest_edition, pick_audiences
from briefgen.content.models import Content
from briefgen.render.measure import Measure
from briefgen.render.outputs import brief_html, enclosure, pdf_roots

if TYPE_CHECKING:
    from briefgen.render.pdf import PdfPool

CUTS: tuple[tuple[str, int], ...] = (
    ("track_lines", 3),
    ("questions", 3),
    ("judgments", 3),
    ("track_lines", 1),
    ("questions", 1),
    ("judgments", 1),
    ("track_lines", 0),
    ("questions", 0),
)
"""The order the budget cuts in, each section down to a floor: tracks at a glance first (the
analyst brief has them in full), then questions, then judgments beyond three. The bottom line
and what moved are never cut."""

SLACK = 1.15
"""Cut a little more than the overflow measured: the "n more" line takes room, and boxes that
avoid a page break leave gaps."""


Attempt = Callable[[b.Brief, str, bool], tuple[Measure, bytes | None]]
"""Lay a brief's HTML out and measure it; with its PDF if that layout fits (or if told to write
it whatever it measures)."""


@dataclass(frozen=True)
class Fitted:
    brief: b.Brief
    html: str
    pdf: bytes | None
    """The PDF of `html`, when one was asked for."""
    layouts: int
    limits: dict[str, int] | None = None
    """The limits the fit cut to; None when the brief fitted as selected."""
    warning: str | None = None


def shown(brief: b.Brief) -> dict[str, int]:
    """How many items each section the budget may cut shows."""
    counts = {"judgments": len(brief.judgments), "questions": len(brief.questions)}
    if "track_lines" in brief.meta.sections:
        counts["track_lines"] = len(brief.tracks)
    return counts


def tighter(limits: dict[str, int], taken: Measure) -> dict[str, int] | None:
    """Limits that leave out enough items, least important first, to save the overflow; None
    when nothing more may go."""
    need = taken.overflow * SLACK
    saved = 0.0
    limits = dict(limits)
    cut = False
    for section, floor in CUTS:
        sizes = taken.heights.get(section, [])
        while section in limits and limits[section] > floor and (saved < need or not cut):
            limits[section] -= 1
            cut = True
            size = sizes[limits[section]] if limits[section] < len(sizes) else 0.0
            # Tracks stand two a row: one less saves half a row, on average.
            saved += size / 2 if section == "track_lines" else size
    return limits if cut else None


def fit(
    selection: Selection,
    day: dt.date,
    built_at: dt.datetime,
    render: Callable[[b.Brief], str],
    attempt: Attempt,
    pdf: bool = True,
) -> Fitted:
    """The brief for `day`, laid out within `selection.audience.pages` pages (and its PDF if
    `pdf`)."""
    budget = selection.audience.pages
    assert budget is not None
    brief = selection.brief(day, built_at=built_at)
    limits, cut = shown(brief), None
    layouts = 0
    while True:
        html = render(brief)
        taken, written = attempt(brief, html, False)
        layouts += 1
        if taken.pages <= budget:
            return Fitted(brief, html, written, layouts, cut)
        less = tighter(limits, taken)
        if less is None:
            warning = (
                f"the {selection.audience.id} brief as of {day} runs to {taken.pages} pages "
                f"with every item that may go left out; its budget is {budget}"
            )
            if pdf:  # rare: a layout that does not fit is written only when nothing can go
                written = attempt(brief, html, True)[1]
                layouts += 1
            return Fitted(brief, html, written, layouts, cut, warning)
        limits = cut = less
        brief = selection.brief(day, built_at=built_at, fit=limits)


def fit_brief(
    root: Path,
    selection: Selection,
    day: dt.date,
    built_at: dt.datetime,
    cache: Path | None,
    pool: PdfPool | None = None,
    pdf: bool = True,
) -> Fitted:
    """`fit` with briefgen's own renderer and layout, as a build makes the brief: in a PDF
    worker if `pool` is given (its WeasyPrint is imported while the content loads, and the
    build process never imports it), else here."""
    from briefgen.render import pdf as weasy

    templates, roots = pdf_roots(root)
    budget = selection.audience.pages
    assert budget is not None
    lay = pool.attempt if pool else weasy.attempt

    def attempt(brief: b.Brief, html: str, always: bool) -> tuple[Measure, bytes | None]:
        wrap = enclosure(brief, selection.audience) if pdf else None
        return lay(html, templates, roots, budget, wrap, always)

    return fit(
        selection,
        day,
        built_at,
        lambda brief: brief_html(root, brief, selection.audience, cache),
        attempt,
        pdf,
    )


def explain_all(
    root: Path, content: Content, as_of: dt.date | None, names: Sequence[str]
) -> tuple[dt.date, list[tuple[str, list[Omission]]], list[str]]:
    """What the brief as of `as_of` (the latest edition if None) leaves out, per audience, as
    the build makes it: a brief with a page budget is fitted first. Also any fit warnings."""
    day = as_of or latest_edition(content)
    found, warnings = [], []
    built_at = dt.datetime.min.replace(tzinfo=dt.UTC)
    for audience in pick_audiences(content, names or None):
        selection = Selection(content, audience)
        brief = None
        if audience.pages:
            fitted = fit_brief(root, selection, day, built_at, None, pdf=False)
            brief = fitted.brief
            warnings += [fitted.warning] if fitted.warning else []
        found.append((audience.id, selection.explain(day, brief)))
    return day, found, warnings
