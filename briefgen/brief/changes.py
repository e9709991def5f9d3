"""What changed between two dates: compare the state on one day with the state on another.

Works on (redacted) content, not on rendered briefs, so item limits never read as removals and
an audience is only ever compared with itself.
"""

from __future__ import annotations

import datetime as dt

from briefgen.brief import views as b
from briefgen.brief.moved import ranked
from briefgen.brief.state import State, TrackState, state_on, trend_between
from briefgen.content.facts import Judgment
from briefgen.content.knowledge import Knowledge
from briefgen.content.labels import Labels
from briefgen.content.models import Content
from briefgen.content.reliance import by_source


class Series:
    """One content seen at many dates: each state is worked out once, so a series of editions
    costs one state per edition, not two."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.knowledge = Knowledge(content.sources)
        self.reliance = by_source(content)
        self._states: dict[dt.date, State] = {}

    def at(self, day: dt.date) -> State:
        if day not in self._states:
            self._states[day] = state_on(self.content, day, self.knowledge, self.reliance)
        return self._states[day]


def _estimate(j: Judgment, labels: Labels) -> str:
    """'likely, moderate confidence' in the brief's language."""
    confidence = labels("judgment.confidence", confidence=labels.word("confidence", j.confidence))
    return f"{labels.word('likelihood', j.likelihood)}, {confidence}"


def _interim(was: TrackState, now: TrackState) -> tuple[str, ...]:
    """Statuses the track took after the previous edition's and before the current one."""
    statuses = [e.item for e in now.history]
    start = next(i for i, s in enumerate(statuses) if s is was.current.item)
    return tuple(s.status for s in statuses[start + 1 : -1])


def _tracks(old: State, new: State) -> list[b.TrackChange]:
    changes = []
    names = {i: s.track.name for i, s in new.tracks.items()}
    for track_id, now in sorted(new.tracks.items(), key=lambda i: (i[1].track.name, i[0])):
        was = old.tracks[track_id].current.item if track_id in old.tracks else None
        status = now.current.item
        interim = _interim(old.tracks[track_id], now) if was else ()
        change = None
        if was is None:
            change = "opened"
        elif was.status != status.status:
            change = "ended" if now.closed else "status"
        elif any(s != status.status for s in interim):
            change = "reverted"
        if change:
            changes.append(
                b.TrackChange(
                    id=track_id,
                    name=now.track.name,
                    change=change,
                    before=was.status if was else None,
                    after=status.status,
                    date=status.date,
                    reported=status.reported,
                    note=status.note,
                    interim=tuple(s for s in interim if s != status.status) if was else (),
                )
            )
        # Both states hold the same content's objects: identity tells a link seen before.
        old_links = {id(k.item) for k in old.tracks[track_id].links} if was else set()
        for link in now.links:
            if id(link.item) not in old_links and link.item.track in names:
                changes.append(
                    b.TrackChange(
                        id=track_id,
                        name=now.track.name,
                        change=link.item.relation,
                        before=None,
                        after=status.status,
                        date=link.item.date,
                        reported=link.item.reported,
                        note=link.item.note,
                        other=names[link.item.track],
                    )
                )
    return changes


def _trends(old: State, new: State, moved: set[str], before: dt.date) -> list[b.TrendView]:
    """A trend line for every continuing track that moved: a trend call, or a status change."""
    trends = []
    continuing = sorted(
        set(old.tracks) & set(new.tracks), key=lambda i: (new.tracks[i].track.name, i)
    )
    for track_id in continuing:
        track = new.tracks[track_id].track
        mark = trend_between(track.trend, before, new.day)
        if mark is None and track_id not in moved:
            continue
        trends.append(
            b.TrendView(
                id=track_id,
                name=track.name,
                trend=mark.trend if mark else "unchanged",
                reason=mark.reason if mark else None,
                date=mark.date if mark else None,
            )
        )
    return trends


def _positions(old: State, new: State, actors: dict[str, str]) -> list[b.PositionChange]:
    changes = []
    for key, now in sorted(new.positions.items()):
        p = now.item
        was = old.positions[key].item if key in old.positions else None
        if was is None or was.id != p.id:
            changes.append(
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
    return changes


def _questions(old: State, new: State) -> list[b.QuestionChange]:
    opened = sorted(
        (q.question for qid, q in new.questions.items() if qid not in old.questions),
        key=lambda q: (new.current_or_first(q.priority), q.id),
    )
    changes = [
        b.QuestionChange(id=q.id, question=q.question, change="opened", answer=None, date=q.opened)
        for q in opened
    ]
    texts = {qid: s.question.question for qid, s in new.questions.items()}
    for qid, now in sorted(new.questions.items()):
        q, was = now.question, old.questions.get(qid)
        # (what happened, known now, known before, what it says, its date)
        answer, later, closed = q.answer, q.superseded_by, q.closed
        settled = [
            ("answered", now.answered, was and was.answered,
             answer.text if answer else None, answer.date if answer else None),
            ("superseded", now.superseded, was and was.superseded,
             texts.get(later.question, "a follow-up question") if later else None,
             later.date if later else None),
            ("closed", now.closed, was and was.closed,
             closed.reason if closed else None, closed.date if closed else None),
        ]  # fmt: skip
        for change, known, before, text, date in settled:
            if known and not before and date:
                changes.append(
                    b.QuestionChange(
                        id=qid, question=q.question, change=change, answer=text, date=date
                    )
                )
    return changes


def _signposts(old: State, new: State) -> list[b.SignpostChange]:
    """Signposts observed since, on questions that were already open."""
    found = []
    for qid, now in sorted(new.questions.items()):
        if qid not in old.questions:
            continue
        for index in sorted(set(now.observed) - set(old.questions[qid].observed)):
            s = now.question.signposts[index]
            assert s.observed is not None
            found.append(
                b.SignpostChange(
                    id=qid, question=now.question.question, text=s.text, observed=s.observed
                )
            )
    return found


def _judgments(old: State, new: State, labels: Labels) -> list[b.JudgmentChange]:
    changes = []
    by_date = sorted(new.judgments.items(), key=lambda i: (i[1].item.date, i[0]), reverse=True)
    for jid, now in by_date:
        if jid in old.judgments:
            continue
        j = now.item
        was = old.judgments[j.replaces].item if j.replaces in old.judgments else None
        change = "new" if was is None else "moved" if was.statement == j.statement else "replaced"
        changes.append(
            b.JudgmentChange(
                id=jid,
                statement=j.statement,
                change=change,
                before_statement=was.statement if change == "replaced" and was else None,
                before=_estimate(was, labels) if was else None,
                after=_estimate(j, labels),
                reason=j.reason,
            )
        )
    return changes


def _discredited(old: State, new: State) -> list[b.SourceChange]:
    """Sources discredited or withdrawn since, each with the facts known to rest on it."""
    changes = []
    for source_id, mark in sorted(new.discredited.items()):
        if source_id in old.discredited:
            continue
        source = new.sources[source_id]
        name = ", ".join(filter(None, [source.outlet, source.title])) or source_id
        changes.append(
            b.SourceChange(
                id=source_id,
                source=name,
                status=mark.status,
                date=mark.date,
                reason=mark.reason,
                items=tuple(dict.fromkeys(f"{e.kind}: {e.label}" for e in new.resting(source_id))),
            )
        )
    return changes


def compare(
    content: Content, before: dt.date | None, after: dt.date, series: Series | None = None
) -> b.Changes:
    """Changes from the state on `before` to the state on `after`; empty with no `before`."""
    if before is None:
        return b.Changes(previous=None)
    series = series or Series(content)
    old, new = series.at(before), series.at(after)
    actors = {a.id: a.short_name for a in content.actors}
    tracks = _tracks(old, new)
    fresh = sorted(
        (d.item for i, d in new.developments.items() if i not in old.developments),
        key=lambda d: (d.when, d.id),
        reverse=True,
    )
    return b.Changes(
        previous=before,
        tracks=tuple(tracks),
        trends=tuple(_trends(old, new, {c.id for c in tracks}, before)),
        positions=tuple(_positions(old, new, actors)),
        questions=tuple(_questions(old, new)),
        signposts=tuple(_signposts(old, new)),
        judgments=tuple(
            _judgments(old, new, Labels.resolve(content.settings.language, content.settings.labels))
        ),
        developments=tuple(
            b.DevelopmentChange(id=d.id, date=d.date, reported=d.reported, headline=d.headline)
            for d in fresh
        ),
        discredited=tuple(_discredited(old, new)),
    )


def only_shown(changes: b.Changes, brief: b.Brief) -> b.Changes:
    """The changes that refer to what the brief shows: the body's ceiling, window and limits
    apply to What changed too, so it never points at something the brief leaves out."""
    tracks = {t.id for t in brief.tracks}
    positions = {p.id for issue in brief.positions for p in issue.positions}
    questions = {q.id for q in brief.questions}
    judgments = {j.id for j in brief.judgments}
    developments = {d.id for d in brief.timeline} | {
        d.id for t in brief.tracks for d in t.developments
    }
    shown = changes.model_copy(
        update={
            "tracks": tuple(c for c in changes.tracks if c.id in tracks),
            "trends": tuple(c for c in changes.trends if c.id in tracks),
            "positions": tuple(c for c in changes.positions if c.id in positions),
            "questions": tuple(c for c in changes.questions if c.id in questions),
            "signposts": tuple(c for c in changes.signposts if c.id in questions),
            "judgments": tuple(c for c in changes.judgments if c.id in judgments),
            "developments": tuple(c for c in changes.developments if c.id in developments),
        }
    )
    return shown.model_copy(update={"moved": ranked(shown)})
