"""The brief: what one reader sees as of one date. Built by `select`, read by templates and JSON."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from briefgen.content.dates import PartialDate
from briefgen.content.labels import Labels
from briefgen.content.vocabulary import Vocabulary


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MarkingView(View):
    label: str
    short: str


class NoteView(View):
    text: str
    sensitivity: str


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


class DiscreditView(View):
    status: str  # discredited | withdrawn
    date: PartialDate
    reason: str


class SourceNote(View):
    sensitivity: str
    number: int
    id: str
    outlet: str | None
    title: str | None
    url: str | None
    relays: tuple[str, ...]
    published: PartialDate | None  # None: undated
    accessed: dt.date | None
    reliability: str
    credibility: int | None
    note: NoteView | None
    resting: int = 0
    """How many facts known by the brief's date rest on the source (`content.reliance`)."""
    discredited: DiscreditView | None = None
    excerpts: tuple[str, ...] = ()
    """Passages of the source that facts shown in the brief are pinned to."""

    @model_serializer(mode="wrap")
    def _relays_only_if_any(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # A brief that relays no one, pins no passage and cites no discredited source keeps
        # the JSON it had before sources could say so.
        data: dict[str, Any] = handler(self)
        for name in ("relays", "excerpts", "discredited"):
            if not getattr(self, name):
                del data[name]
        return data


class Status(View):
    sensitivity: str
    status: str
    date: PartialDate | None
    """When it happened; None when the sources give only when they reported it."""
    reported: PartialDate | None = None
    """When the sources reported it, if given."""
    note: str | None
    cites: tuple[int, ...]
    discredited: bool = False
    """It rests on a source discredited or withdrawn by the brief's date."""


class DevelopmentView(View):
    sensitivity: str
    id: str
    date: PartialDate | None
    """When it happened; None when the sources give only when they reported it."""
    reported: PartialDate | None = None
    headline: str
    detail: str | None
    tracks: tuple[str, ...]
    actors: tuple[str, ...]
    cites: tuple[int, ...]
    new: bool
    note: NoteView | None
    discredited: bool = False


class NarrativeView(View):
    sensitivity: str
    date: PartialDate | None
    text: str


class TrendView(View):
    id: str
    name: str
    trend: str  # improved | deteriorated | unchanged
    reason: str | None
    date: PartialDate | None


class LinkView(View):
    """A track's link to another: became, merged into, split from, or the other way round
    (continues, took in, split off)."""

    relation: str
    track: str
    track_id: str
    date: PartialDate | None
    reported: PartialDate | None = None
    note: str | None
    cites: tuple[int, ...]


class TrackView(View):
    sensitivity: str
    id: str
    name: str
    summary: str | None
    format: str | None
    parties: tuple[str, ...]
    mediators: tuple[str, ...]
    unconfirmed: tuple[str, ...] = ()
    """Those of `mediators` that are reported, not confirmed."""
    mediators_note: str | None
    supporters: tuple[str, ...]
    status: Status
    history: tuple[Status, ...]
    narrative: tuple[NarrativeView, ...]
    developments: tuple[DevelopmentView, ...]
    watch: tuple[str, ...]
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    trend: TrendView | None = None
    links: tuple[LinkView, ...] = ()
    note: NoteView | None


class QuoteView(View):
    sensitivity: str
    text: str
    speaker: str
    """Who said it, or the outlet when the source names no speaker (`by_outlet`)."""
    speaker_role: str | None = None
    by_outlet: bool = False
    cite: int


class PositionView(View):
    sensitivity: str
    id: str
    actor: str
    actor_role: str | None = None
    issue: str
    stance: str
    quote: QuoteView | None
    date: PartialDate
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    note: NoteView | None
    discredited: bool = False


class IssueView(View):
    issue: str
    positions: tuple[PositionView, ...]


class SignpostView(View):
    sensitivity: str
    text: str
    observed: PartialDate | None
    seen_in: tuple[str, ...] = ()
    """Outlets that reported the observation."""
    cites: tuple[int, ...]
    discredited: bool = False


class AnswerView(View):
    sensitivity: str
    text: str
    date: PartialDate
    cites: tuple[int, ...]
    discredited: bool = False


class FollowUpView(View):
    id: str
    question: str
    date: PartialDate
    note: str | None


class ClosureView(View):
    date: PartialDate
    reason: str


class QuestionView(View):
    sensitivity: str
    id: str
    question: str
    why: str | None
    signposts: tuple[SignpostView, ...]
    tracks: tuple[str, ...]
    opened: PartialDate
    priority: int
    answer: AnswerView | None
    superseded_by: FollowUpView | None = None
    follows: tuple[str, ...] = ()
    """The questions this one follows up."""
    closed: ClosureView | None = None
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    note: NoteView | None


class ReplacedView(View):
    """The judgment a new one replaced, for side-by-side reading."""

    id: str
    statement: str
    likelihood: str
    confidence: str
    date: PartialDate


class JudgmentView(View):
    sensitivity: str
    id: str
    statement: str
    likelihood: str
    likelihood_rank: int
    confidence: str
    basis: str
    date: PartialDate
    horizon: PartialDate | None = None
    expired: bool = False
    replaces: ReplacedView | None = None
    reason: str | None = None
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    note: NoteView | None
    discredited: bool = False


class TrackChange(View):
    id: str
    name: str
    change: str  # opened | ended | status | reverted | became | merged into | split from
    before: str | None
    after: str
    date: PartialDate | None
    reported: PartialDate | None = None
    note: str | None
    interim: tuple[str, ...] = ()
    """Statuses the track went through in between (a change that was undone shows them)."""
    other: str | None = None
    """For a link: the other track's name."""


class PositionChange(View):
    id: str
    actor: str
    issue: str
    change: str  # new | shifted
    before: str | None
    after: str
    date: PartialDate


class QuestionChange(View):
    id: str
    question: str
    change: str  # opened | answered | superseded | closed
    answer: str | None
    """The answer, the follow-up question, or why it was closed."""
    date: PartialDate


class SignpostChange(View):
    id: str
    question: str
    text: str
    observed: PartialDate


class JudgmentChange(View):
    id: str
    statement: str
    change: str  # new | moved | replaced
    before_statement: str | None = None
    """For a replaced judgment: the statement it replaced."""
    before: str | None
    after: str
    reason: str | None


class DevelopmentChange(View):
    id: str
    date: PartialDate | None
    reported: PartialDate | None = None
    headline: str


class SourceChange(View):
    """A source discredited or withdrawn since the previous edition, and what rests on it."""

    id: str
    source: str
    """How the endnotes name it: outlet, title."""
    status: str  # discredited | withdrawn
    date: PartialDate
    reason: str
    items: tuple[str, ...]
    """The facts resting on it, as a reader knows them (headline, statement...)."""


class MovedView(View):
    """One change as the executive brief names it (`brief.moved`)."""

    kind: str  # track | trend | position | question | signpost | judgment | source | development
    change: str
    subject: str
    """The track's name, the issue, the question, the judgment, the source, the headline."""
    actor: str | None = None
    before: str | None = None
    after: str | None = None
    """The new status, estimate or stance; the answer; the other track of a link."""
    interim: tuple[str, ...] = ()
    """For a track changed and changed back: the statuses in between, as words are chosen
    only when the brief is rendered in its language."""
    count: int | None = None
    """For a source: how many facts rest on it."""


class Changes(View):
    """What changed between the previous edition and this one, for one audience."""

    previous: dt.date | None
    tracks: tuple[TrackChange, ...] = ()
    trends: tuple[TrendView, ...] = ()
    positions: tuple[PositionChange, ...] = ()
    questions: tuple[QuestionChange, ...] = ()
    signposts: tuple[SignpostChange, ...] = ()
    judgments: tuple[JudgmentChange, ...] = ()
    developments: tuple[DevelopmentChange, ...] = ()
    discredited: tuple[SourceChange, ...] = ()
    moved: tuple[MovedView, ...] = ()
    """Every change above as one line, most important first."""

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.tracks,
                self.positions,
                self.questions,
                self.signposts,
                self.judgments,
                self.developments,
                self.discredited,
            )
        ) and all(t.trend == "unchanged" for t in self.trends)


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
    fitted: dict[str, tuple[str, ...]] = {}
    """Per section, the ids of the items left out to keep the brief to its page budget
    (`Audience.pages`); the audience's fuller briefs show them."""
    labels: Labels = Field(default_factory=lambda: Labels.resolve("en"), exclude=True)
    """The words the templates print, in the brief's language (not part of its JSON)."""
    vocabulary: Vocabulary = Field(default_factory=Vocabulary, exclude=True)
    """The brief's track statuses with their colours, its likelihood scale, ..."""
