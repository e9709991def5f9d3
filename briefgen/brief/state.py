"""What was current on one day: the one answer every part of a brief asks for.

The sections, *What changed*, `briefgen diff`, the preview and the JSON all read a `State`, so
they cannot disagree about which status, position or judgment was current. Histories order as
`content.knowledge` says: by their own date, then by the day they became known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from briefgen.content.changing import Change, Changing
from briefgen.content.dates import PartialDate
from briefgen.content.facts import Development, Judgment, Position
from briefgen.content.fields import NoteModel
from briefgen.content.knowledge import Knowledge, Order
from briefgen.content.models import Content
from briefgen.content.questions import Question
from briefgen.content.reliance import FACTS, Reliance, by_source
from briefgen.content.sources import Discredit, Source
from briefgen.content.tracks import StatusChange, Track, TrackLink, TrendMark

T = TypeVar("T")


@dataclass(frozen=True)
class Known(Generic[T]):
    """An item and the day it became known."""

    item: T
    known: dt.date


@dataclass(frozen=True)
class TrackState:
    track: Track
    history: tuple[Known[StatusChange], ...]
    """Every status change known by the day, oldest first; the last is current."""
    links: tuple[Known[TrackLink], ...] = ()
    """Its links to other tracks known by the day (became, merged into, split from)."""
    linked: tuple[tuple[str, Known[TrackLink]], ...] = ()
    """Links of other tracks to this one known by the day, with the other track's id."""
    closed: bool = False
    """Its current status is one the vocabulary marks closed (concluded)."""

    @property
    def settled(self) -> bool:
        """Concluded, or gone on as another track: history, no longer live."""
        return self.closed or self.ended_by_link is not None

    @property
    def ended_by_link(self) -> Known[TrackLink] | None:
        """The link through which the track went on as another one, if any."""
        return next((k for k in self.links if k.item.relation != "split from"), None)

    @property
    def current(self) -> Known[StatusChange]:
        return self.history[-1]

    @property
    def first_known(self) -> dt.date:
        return min(entry.known for entry in self.history)

    @property
    def last_known(self) -> dt.date:
        """When the latest news of the track (any status change) became known."""
        return max(entry.known for entry in self.history)


@dataclass(frozen=True)
class QuestionState:
    question: Question
    known: dt.date
    answered: dt.date | None
    """When the answer became known, if it was by the day."""
    observed: dict[int, dt.date]
    """Signpost index → when its observation became known."""
    signposts: tuple[int, ...]
    """Indices of the signposts added by the day."""
    superseded: dt.date | None
    """When its replacement by a follow-up question became known, if it was by the day."""
    closed: dt.date | None
    """When its closure became known, if it was by the day."""
    follows: tuple[str, ...]
    """Ids of the questions this one follows up, as known by the day."""

    @property
    def settled(self) -> bool:
        """Answered, superseded or closed: no longer open."""
        return bool(self.answered or self.superseded or self.closed)


@dataclass(frozen=True)
class State:
    """Everything current on one day, each item with the day it became known."""

    day: dt.date
    sources: dict[str, Source]
    tracks: dict[str, TrackState]
    positions: dict[tuple[str, str], Known[Position]]
    """(issue, actor) → the actor's current position on the issue."""
    questions: dict[str, QuestionState]
    judgments: dict[str, Known[Judgment]]
    """Judgments known and not replaced by another one known by the day."""
    replaced: dict[str, Known[Judgment]]
    """Judgments known and replaced by the day, by id."""
    developments: dict[str, Known[Development]]
    knowledge: Knowledge
    discredited: dict[str, Discredit]
    """Sources discredited or withdrawn by the day, by id."""
    reliance: dict[str, tuple[Reliance, ...]]
    """What cites each source, whenever written (see `resting`)."""

    def resting(self, source_id: str) -> tuple[Reliance, ...]:
        """The facts resting on a source that were known by the day."""
        return tuple(
            e
            for e in self.reliance.get(source_id, ())
            if e.kind in FACTS and self.knowledge.known(e.date, e.refs, self.day)
        )

    def flagged(self, refs: Iterable[str]) -> bool:
        """Whether something citing these sources rests on one discredited by the day."""
        return any(ref in self.discredited for ref in refs)

    def current(self, field: Changing[T] | None) -> T | None:
        """A changing field's value on the day: its plain value, or the latest entry known."""
        if field is None:
            return None
        history = field.history
        if history is None:
            return field.plain
        return latest(
            (order, e.value)
            for e in history
            if (order := self.knowledge.order(e.date, e.sources))[1] <= self.day
        )

    def current_or_first(self, field: Changing[T]) -> T:
        """For a value the brief cannot do without (its title): before its first entry is
        known, the first entry stands."""
        value = self.current(field)
        if value is not None:
            return value
        history = field.history
        assert history  # a plain value is always current
        return min(history, key=_key).value

    def note(self, note: NoteModel | None) -> NoteModel | None:
        """The note, if it was written by the day."""
        if note is None or (note.date and not self.knowledge.known(note.date, (), self.day)):
            return None
        return note


def _key(entry: Change[Any]) -> Any:
    return (entry.date, entry.date.first_day)


def latest(entries: Iterable[tuple[Order, T]]) -> T | None:
    """The last entry of a history by its order (`check` makes sure no two orders are equal)."""
    found = max(entries, key=lambda entry: entry[0], default=None)
    return found[1] if found else None


def state_on(
    content: Content,
    day: dt.date,
    knowledge: Knowledge,
    reliance: dict[str, tuple[Reliance, ...]] | None = None,
) -> State:
    """The state of knowledge on `day` (`reliance`: the content's `by_source`, when a series
    of states has it already)."""

    def known(date: PartialDate | None, refs: Iterable[str]) -> dt.date | None:
        return knowledge.known(date, refs, day)

    links = {
        t.id: tuple(Known(link, m) for link in t.links if (m := known(link.learned, link.sources)))
        for t in content.tracks
    }
    tracks = {}
    for track in content.tracks:
        seen = [(knowledge.order(s.when, s.sources, s.learned), s) for s in track.status]
        ordered = sorted((e for e in seen if e[0][1] <= day), key=lambda entry: entry[0])
        if ordered:
            linked = tuple(
                (other, link)
                for other, own in links.items()
                for link in own
                if link.item.track == track.id
            )
            history = tuple(Known(s, order[1]) for order, s in ordered)
            closed = content.settings.vocabulary.closed(history[-1].item.status)
            tracks[track.id] = TrackState(track, history, links[track.id], linked, closed)

    positions: dict[tuple[str, str], list[tuple[Order, Known[Position]]]] = {}
    for p in content.positions:
        order = knowledge.order(p.date, p.sources)
        if order[1] <= day:
            positions.setdefault((p.issue, p.actor), []).append((order, Known(p, order[1])))

    questions = {q.id: s for q in content.questions if (s := _question(q, known))}
    follows: dict[str, list[str]] = {}
    for qid, s in sorted(questions.items()):
        if s.superseded and s.question.superseded_by:
            follows.setdefault(s.question.superseded_by.question, []).append(qid)
    questions = {
        qid: replace(s, follows=tuple(follows.get(qid, ()))) for qid, s in questions.items()
    }

    live = {j.id: Known(j, m) for j in content.judgments if (m := known(j.date, j.sources))}
    replaced = {j.item.replaces for j in live.values() if j.item.replaces}
    sources = {s.id: s for s in content.sources if knowledge.availability[s.id] <= day}
    return State(
        day=day,
        sources=sources,
        tracks=tracks,
        positions={key: entry for key, entries in positions.items() if (entry := latest(entries))},
        questions=questions,
        judgments={i: j for i, j in live.items() if i not in replaced},
        replaced={i: j for i, j in live.items() if i in replaced},
        developments={
            d.id: Known(d, m) for d in content.developments if (m := known(d.learned, d.sources))
        },
        knowledge=knowledge,
        discredited={
            i: s.discredited
            for i, s in sources.items()
            if s.discredited and known(s.discredited.date, ())
        },
        reliance=by_source(content) if reliance is None else reliance,
    )


def _question(
    q: Question, known: Callable[[PartialDate | None, Iterable[str]], dt.date | None]
) -> QuestionState | None:
    moment = known(q.opened, q.sources)
    if not moment:
        return None
    later = q.superseded_by
    return QuestionState(
        question=q,
        known=moment,
        answered=known(q.answer.date, q.answer.sources) if q.answer else None,
        observed={
            index: observed_on
            for index, s in enumerate(q.signposts)
            if s.observed and (observed_on := known(s.observed, s.sources))
        },
        signposts=tuple(
            index for index, s in enumerate(q.signposts) if s.added is None or known(s.added, ())
        ),
        superseded=known(later.date, later.sources) if later else None,
        closed=known(q.closed.date, q.closed.sources) if q.closed else None,
        follows=(),
    )


def trend_between(marks: Iterable[TrendMark], after: dt.date, upto: dt.date) -> TrendMark | None:
    """The latest trend call made after the previous edition and by this one."""
    return latest(
        ((m.date, m.date.first_day), m) for m in marks if after < m.date.first_day <= upto
    )
