"""What was current on one day: the one answer every part of a brief asks for.

The sections, *What changed*, `briefgen diff`, the preview and the JSON all read a `State`, so
they cannot disagree about which status, position or judgment was current. Histories order as
`content.knowledge` says: by their own date, then by the day they became known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from briefgen.content.dates import PartialDate
from briefgen.content.knowledge import Knowledge, Order
from briefgen.content.models import (
    Content,
    Development,
    Judgment,
    Position,
    Question,
    Source,
    StatusChange,
    Track,
    TrendMark,
)

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
    developments: dict[str, Known[Development]]


def latest(entries: Iterable[tuple[Order, T]]) -> T | None:
    """The last entry of a history by its order (`check` makes sure no two orders are equal)."""
    found = max(entries, key=lambda entry: entry[0], default=None)
    return found[1] if found else None


def state_on(content: Content, day: dt.date, knowledge: Knowledge) -> State:
    """The state of knowledge on `day`."""

    def known(date: PartialDate | None, refs: Iterable[str]) -> dt.date | None:
        return knowledge.known(date, refs, day)

    tracks = {}
    for track in content.tracks:
        seen = [(knowledge.order(s.date, s.sources), s) for s in track.status]
        ordered = sorted((e for e in seen if e[0][1] <= day), key=lambda entry: entry[0])
        if ordered:
            history = tuple(Known(s, order[1]) for order, s in ordered)
            tracks[track.id] = TrackState(track, history)

    positions: dict[tuple[str, str], list[tuple[Order, Known[Position]]]] = {}
    for p in content.positions:
        order = knowledge.order(p.date, p.sources)
        if order[1] <= day:
            positions.setdefault((p.issue, p.actor), []).append((order, Known(p, order[1])))

    questions = {}
    for q in content.questions:
        if moment := known(q.opened, q.sources):
            answered = known(q.answer.date, q.answer.sources) if q.answer else None
            observed = {
                index: observed_on
                for index, s in enumerate(q.signposts)
                if s.observed and (observed_on := known(s.observed, s.sources))
            }
            questions[q.id] = QuestionState(q, moment, answered, observed)

    live = {j.id: Known(j, m) for j in content.judgments if (m := known(j.date, j.sources))}
    replaced = {j.item.replaces for j in live.values() if j.item.replaces}
    return State(
        day=day,
        sources={s.id: s for s in content.sources if knowledge.availability[s.id] <= day},
        tracks=tracks,
        positions={key: entry for key, entries in positions.items() if (entry := latest(entries))},
        questions=questions,
        judgments={i: j for i, j in live.items() if i not in replaced},
        developments={
            d.id: Known(d, m) for d in content.developments if (m := known(d.date, d.sources))
        },
    )


def trend_between(marks: Iterable[TrendMark], after: dt.date, upto: dt.date) -> TrendMark | None:
    """The latest trend call made after the previous edition and by this one."""
    return latest(
        ((m.date, m.date.first_day), m) for m in marks if after < m.date.first_day <= upto
    )
