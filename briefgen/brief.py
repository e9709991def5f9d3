"""The brief: what one reader sees as of one date. Built by `select`, read by templates and JSON."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from briefgen.dates import PartialDate


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Meta(View):
    title: str
    subtitle: str | None
    organisation: str
    language: str
    handling: str
    description: str | None
    audience: str
    audience_label: str
    ceiling: str
    sections: tuple[str, ...]
    colophon: str | None
    as_of: dt.date
    period: str
    period_start: dt.date
    period_end: dt.date
    edition_label: str
    edition_number: int
    edition_count: int
    next_edition: dt.date
    built_at: dt.datetime
    revision: str
    generator: str


class SourceNote(View):
    number: int
    id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: PartialDate
    accessed: dt.date | None
    reliability: str
    credibility: int | None
    note: str | None


class Status(View):
    status: str
    date: PartialDate
    note: str | None
    cites: tuple[int, ...]


class DevelopmentView(View):
    id: str
    date: PartialDate
    headline: str
    detail: str | None
    tracks: tuple[str, ...]
    actors: tuple[str, ...]
    cites: tuple[int, ...]
    new: bool
    note: str | None


class NarrativeView(View):
    date: PartialDate | None
    text: str


class TrackView(View):
    id: str
    name: str
    summary: str
    format: str
    parties: tuple[str, ...]
    mediators: tuple[str, ...]
    mediators_note: str | None
    supporters: tuple[str, ...]
    status: Status
    history: tuple[Status, ...]
    narrative: tuple[NarrativeView, ...]
    developments: tuple[DevelopmentView, ...]
    watch: tuple[str, ...]
    cites: tuple[int, ...]
    new: bool
    note: str | None


class QuoteView(View):
    text: str
    speaker: str
    cite: int


class PositionView(View):
    id: str
    actor: str
    issue: str
    stance: str
    quote: QuoteView | None
    date: PartialDate
    cites: tuple[int, ...]
    new: bool
    note: str | None


class IssueView(View):
    issue: str
    positions: tuple[PositionView, ...]


class SignpostView(View):
    text: str
    observed: PartialDate | None
    cites: tuple[int, ...]


class AnswerView(View):
    text: str
    date: PartialDate
    cites: tuple[int, ...]


class QuestionView(View):
    id: str
    question: str
    why: str
    signposts: tuple[SignpostView, ...]
    tracks: tuple[str, ...]
    opened: PartialDate
    priority: int
    answer: AnswerView | None
    cites: tuple[int, ...]
    new: bool
    note: str | None


class JudgmentView(View):
    id: str
    statement: str
    likelihood: str
    likelihood_rank: int
    confidence: str
    basis: str
    date: PartialDate
    cites: tuple[int, ...]
    new: bool
    note: str | None


class Brief(View):
    """Everything a template may show; nothing known only after `meta.as_of`."""

    meta: Meta
    bottom_line: str | None = None
    judgments: tuple[JudgmentView, ...] = ()
    tracks: tuple[TrackView, ...] = ()
    positions: tuple[IssueView, ...] = ()
    questions: tuple[QuestionView, ...] = ()
    timeline: tuple[DevelopmentView, ...] = ()
    sources: tuple[SourceNote, ...] = ()
