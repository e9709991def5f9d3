"""What changed between two dates: compare what was known then with what is known now.

Works on (redacted) content, not on rendered briefs, so item limits never read as removals and
an audience is only ever compared with itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from briefgen.brief import views as b
from briefgen.content.dates import PartialDate
from briefgen.content.knowledge import Knowledge
from briefgen.content.models import Content, Judgment, Position, StatusChange, TrendMark

MOVING = ("improved", "deteriorated")


@dataclass
class Snapshot:
    """The state of knowledge on one day."""

    tracks: dict[str, StatusChange] = field(default_factory=dict)
    positions: dict[tuple[str, str], Position] = field(default_factory=dict)
    questions: set[str] = field(default_factory=set)
    answered: set[str] = field(default_factory=set)
    observed: set[tuple[str, int]] = field(default_factory=set)
    judgments: dict[str, Judgment] = field(default_factory=dict)
    developments: set[str] = field(default_factory=set)


def snapshot(content: Content, day: dt.date, knowledge: Knowledge) -> Snapshot:
    def known(date: PartialDate | None, refs: list[str]) -> dt.date | None:
        return knowledge.known(date, refs, day)

    state = Snapshot()
    for track in content.tracks:
        seen = [(known(s.date, s.sources), s) for s in track.status]
        seen = [(moment, s) for moment, s in seen if moment]
        if seen:
            state.tracks[track.id] = max(seen, key=lambda pair: (pair[0], pair[1].date))[1]
    for p in content.positions:
        moment = known(p.date, p.sources)
        current = state.positions.get((p.issue, p.actor))
        if moment and (current is None or p.date.first_day >= current.date.first_day):
            state.positions[(p.issue, p.actor)] = p
    for q in content.questions:
        if known(q.opened, q.sources):
            state.questions.add(q.id)
            if q.answer and known(q.answer.date, q.answer.sources):
                state.answered.add(q.id)
            for index, s in enumerate(q.signposts):
                if s.observed and known(s.observed, s.sources):
                    state.observed.add((q.id, index))
    live = {j.id: j for j in content.judgments if known(j.date, j.sources)}
    replaced = {j.replaces for j in live.values() if j.replaces}
    state.judgments = {i: j for i, j in live.items() if i not in replaced}
    state.developments = {d.id for d in content.developments if known(d.date, d.sources)}
    return state


def trend_between(marks: list[TrendMark], after: dt.date, upto: dt.date) -> TrendMark | None:
    """The latest trend call made after the previous edition and by this one."""
    calls = [m for m in marks if after < m.date.first_day <= upto]
    return max(calls, key=lambda m: m.date) if calls else None


def _estimate(j: Judgment) -> str:
    return f"{j.likelihood}, {j.confidence} confidence"


class Series:
    """One content seen at many dates: each snapshot is taken once, so a series of editions
    costs one snapshot per edition, not two."""

    def __init__(self, content: Content, knowledge: Knowledge | None = None) -> None:
        self.content = content
        self.knowledge = knowledge or Knowledge(content)
        self._snapshots: dict[dt.date, Snapshot] = {}

    def at(self, day: dt.date) -> Snapshot:
        if day not in self._snapshots:
            self._snapshots[day] = snapshot(self.content, day, self.knowledge)
        return self._snapshots[day]


def compare(
    content: Content, before: dt.date | None, after: dt.date, series: Series | None = None
) -> b.Changes:
    """Changes from the state on `before` to the state on `after`; empty with no `before`."""
    if before is None:
        return b.Changes(previous=None)
    series = series or Series(content)
    old, new = series.at(before), series.at(after)
    actors = {a.id: a.short_name for a in content.actors}
    tracks = {t.id: t for t in content.tracks}
    questions = {q.id: q for q in content.questions}
    developments = {d.id: d for d in content.developments}

    track_changes = []
    for track_id, status in sorted(new.tracks.items(), key=lambda i: (tracks[i[0]].name, i[0])):
        was = old.tracks.get(track_id)
        change = None
        if was is None:
            change = "opened"
        elif was.status != status.status:
            change = "ended" if status.status == "concluded" else "status"
        if change:
            track_changes.append(
                b.TrackChange(
                    id=track_id,
                    name=tracks[track_id].name,
                    change=change,
                    before=was.status if was else None,
                    after=status.status,
                    date=status.date,
                    note=status.note,
                )
            )

    # A trend line for every continuing track that moved: a trend call, or a status change.
    moved = {c.id for c in track_changes}
    trends = []
    for track_id in sorted(set(old.tracks) & set(new.tracks), key=lambda i: (tracks[i].name, i)):
        mark = trend_between(tracks[track_id].trend, before, after)
        if mark is None and track_id not in moved:
            continue
        trends.append(
            b.TrendView(
                id=track_id,
                name=tracks[track_id].name,
                trend=mark.trend if mark else "unchanged",
                reason=mark.reason if mark else None,
                date=mark.date if mark else None,
            )
        )

    position_changes = []
    for key, p in sorted(new.positions.items()):
        was = old.positions.get(key)
        if was is None or was.id != p.id:
            position_changes.append(
                b.PositionChange(
                    id=p.id,
                    actor=actors[p.actor],
                    issue=p.issue,
                    change="new" if was is None else "shifted",
                    before=was.stance if was else None,
                    after=p.stance,
                    date=p.date,
                )
            )

    question_changes = []
    for qid in sorted(new.questions - old.questions, key=lambda i: (questions[i].priority, i)):
        q = questions[qid]
        question_changes.append(
            b.QuestionChange(
                id=qid, question=q.question, change="opened", answer=None, date=q.opened
            )
        )
    for qid in sorted(new.answered - old.answered):
        q = questions[qid]
        assert q.answer is not None
        question_changes.append(
            b.QuestionChange(
                id=qid,
                question=q.question,
                change="answered",
                answer=q.answer.text,
                date=q.answer.date,
            )
        )

    signposts = []
    for qid, index in sorted(new.observed - old.observed):
        if qid in old.questions:
            s = questions[qid].signposts[index]
            assert s.observed is not None
            signposts.append(
                b.SignpostChange(
                    id=qid, question=questions[qid].question, text=s.text, observed=s.observed
                )
            )

    judgment_changes = []
    for jid, j in sorted(new.judgments.items(), key=lambda i: (i[1].date, i[0]), reverse=True):
        if jid in old.judgments:
            continue
        was = old.judgments.get(j.replaces) if j.replaces else None
        judgment_changes.append(
            b.JudgmentChange(
                id=jid,
                statement=j.statement,
                change="moved" if was else "new",
                before=_estimate(was) if was else None,
                after=_estimate(j),
                reason=j.reason,
            )
        )

    fresh: list[Any] = sorted(
        (developments[i] for i in new.developments - old.developments),
        key=lambda d: (d.date, d.id),
        reverse=True,
    )
    return b.Changes(
        previous=before,
        tracks=tuple(track_changes),
        trends=tuple(trends),
        positions=tuple(position_changes),
        questions=tuple(question_changes),
        signposts=tuple(signposts),
        judgments=tuple(judgment_changes),
        developments=tuple(
            b.DevelopmentChange(id=d.id, date=d.date, headline=d.headline) for d in fresh
        ),
    )
