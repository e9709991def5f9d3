"""What changed since the previous edition, kind by kind, and as the executive lines."""

from __future__ import annotations

import datetime as dt

from briefgen.brief.views.base import View
from briefgen.brief.views.tracks import TrendView
from briefgen.content.dates import PartialDate


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
