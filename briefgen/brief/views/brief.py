"""The brief itself: its meta (banner, audience, edition) and every section a template may show."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from briefgen.brief.views.base import MarkingView, View
from briefgen.brief.views.changes import Changes
from briefgen.brief.views.facts import IssueView, JudgmentView
from briefgen.brief.views.questions import QuestionView
from briefgen.brief.views.sources import SourceNote
from briefgen.brief.views.tracks import DevelopmentView, TrackView
from briefgen.content.labels import ENGLISH, Labels
from briefgen.content.vocabulary import Vocabulary


class Meta(View):
    title: str
    subtitle: str | None
    organisation: str
    language: str
    handling: str
    """The banner: the marking of the highest sensitivity shown, never below the floor."""
    sensitivity: str
    """That highest sensitivity."""
    markings: dict[str, MarkingView]
    portion_marks: bool
    description: str | None
    audience: str
    audience_label: str
    ceiling: str
    sections: tuple[str, ...]
    colophon: str | None
    apparatus: bool = True
    """Source grades and question priorities are printed."""
    cite_as: str | None = None
    licence: str | None = None
    contact: str | None = None
    as_of: dt.date
    period: str
    period_start: dt.date
    period_end: dt.date
    edition_label: str
    edition_number: int | None
    """None for a brief out of series (a date that is not an edition)."""
    next_edition: dt.date
    previous_edition: dt.date | None
    editions: tuple[dt.date, ...] = ()
    """The as-of dates of the series' editions within the audience's window, up to this one
    (the timeline figure marks them)."""
    built_at: dt.datetime
    revision: str
    generator: str


class Brief(View):
    """Everything a template may show; nothing known only after `meta.as_of`."""

    meta: Meta
    bottom_line: str | None = None
    bottom_line_sensitivity: str | None = None
    judgments: tuple[JudgmentView, ...] = ()
    tracks: tuple[TrackView, ...] = ()
    positions: tuple[IssueView, ...] = ()
    questions: tuple[QuestionView, ...] = ()
    timeline: tuple[DevelopmentView, ...] = ()
    sources: tuple[SourceNote, ...] = ()
    changes: Changes | None = None
    fitted: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    """Per section, the ids of the items left out to keep the brief to its page budget
    (`Audience.pages`); the audience's fuller briefs show them."""
    labels: Labels = Field(default=ENGLISH, exclude=True)
    """The words the templates print, in the brief's language (not part of its JSON)."""
    vocabulary: Vocabulary = Field(default_factory=Vocabulary, exclude=True)
    """The brief's track statuses with their colours, its likelihood scale, ..."""
