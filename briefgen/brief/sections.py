"""The sections of one brief, built from the state on its date.

Every section reads the same `State` as *What changed*. An audience's window leaves out what
has had no news within it; an audience's limits keep the most important items of a section:
the newest judgments, the tracks and positions with the latest news, open questions by priority,
the newest developments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from briefgen.brief import views as b
from briefgen.brief.citations import Citations, marking, note_view
from briefgen.brief.periods import window_start
from briefgen.brief.state import Known, QuestionState, State, TrackState
from briefgen.content.editions import Audience
from briefgen.content.facts import Development, Judgment, Position
from briefgen.content.fields import ExcerptModel
from briefgen.content.models import Content, Source

T = TypeVar("T")

REVERSE = {"became": "continues", "merged into": "took in", "split from": "split off"}
"""How a link reads from the other track's side."""


class Sections:
    def __init__(
        self,
        content: Content,
        state: State,
        previous: State | None,
        changes: b.Changes,
        audience: Audience,
        fit: Mapping[str, int] | None = None,
    ) -> None:
        self.content = content
        self.fit = fit or {}
        self.fitted: dict[str, tuple[str, ...]] = {}
        """Per section, the ids of the items `fit` left out (shown under the limits alone)."""
        self.state = state
        self.as_of = state.day
        self.audience = audience
        # NEW and UPDATED come from the same comparison as What changed, so a mark always has
        # its line there; a first edition (nothing to compare with) marks nothing.
        self.new = {
            *(c.id for c in changes.tracks if c.change == "opened"),
            *(c.id for c in changes.positions if c.change == "new"),
            *(c.id for c in changes.questions if c.change == "opened"),
            *(c.id for c in changes.judgments if c.change != "moved"),
            *(c.id for c in changes.developments),
        }
        self.updated = {
            *(c.id for c in changes.tracks if c.change != "opened"),
            *(c.id for c in changes.positions if c.change == "shifted"),
            *(c.id for c in changes.questions if c.change != "opened"),
            *(c.id for c in changes.signposts),
            *(c.id for c in changes.judgments if c.change == "moved"),
        } - self.new
        self.trends = {t.id: t for t in changes.trends}
        self.continuing = set(previous.tracks) if previous else set()
        self.window = window_start(content.settings.period, self.as_of, audience.window)
        self.actors = {a.id: a for a in content.actors}
        self.citations = Citations(state)
        self.track_names = {i: s.track.name for i, s in state.tracks.items()}

    def recent(self, moment: dt.date | None) -> bool:
        """Within the audience's window. The window ages out settled history only (developments,
        concluded tracks, settled questions): what is live stays whatever its age."""
        return moment is not None and (self.window is None or moment >= self.window)

    def limit(self, section: str, items: Sequence[T], ident: Callable[[T], str]) -> Sequence[T]:
        """The first items, as many as the audience allows, then as many as `fit` keeps to
        hold the page budget; `items` come most important first."""
        most = self.audience.limits.get(section)  # type: ignore[call-overload]
        kept = items[:most] if most else items
        tight = self.fit.get(section)
        if tight is not None and tight < len(kept):
            self.fitted[section] = tuple(ident(i) for i in kept[tight:])
            kept = kept[:tight]
        return kept

    def cite(self, refs: Iterable[str], excerpt: ExcerptModel | None = None) -> tuple[int, ...]:
        return self.citations.cite(refs, excerpt)

    def outlets(self, refs: Iterable[str]) -> tuple[str, ...]:
        """Who reported it: the outlets of the sources known by the brief's date."""
        sources = self.state.sources
        return tuple(dict.fromkeys(o for r in refs if r in sources and (o := sources[r].outlet)))

    def names(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.actors[i].short_name for i in ids)

    def trend(self, track_id: str, name: str) -> b.TrendView | None:
        """The track's trend against the previous edition; None for a track new since then."""
        if track_id in self.trends:
            return self.trends[track_id]
        if track_id in self.continuing:
            return b.TrendView(id=track_id, name=name, trend="unchanged", reason=None, date=None)
        return None

    def bottom_line(self) -> tuple[str | None, str | None]:
        """The edition's bottom line for this audience, and its sensitivity."""
        edition = next((e for e in self.content.editions if e.as_of == self.as_of), None)
        if edition is None or edition.bottom_line is None:
            return None, None
        return edition.bottom_line, marking(edition)

    def expired(self, j: Judgment) -> bool:
        """Past its horizon: the time the judgment was about is over."""
        return j.horizon is not None and j.horizon.last_day < self.as_of

    def judgments(self) -> tuple[b.JudgmentView, ...]:
        live = [
            j
            for j in self.state.judgments.values()
            if not (self.audience.expired == "drop" and self.expired(j.item))
        ]
        live.sort(key=lambda j: (-j.item.date.first_day.toordinal(), j.item.id))
        return tuple(
            self.judgment(entry) for entry in self.limit("judgments", live, lambda e: e.item.id)
        )

    def judgment(self, entry: Known[Judgment]) -> b.JudgmentView:
        j = entry.item
        old = self.state.replaced.get(j.replaces) if j.replaces else None
        replaces = None
        if old and old.item.statement != j.statement:
            replaces = b.ReplacedView(
                id=old.item.id,
                statement=old.item.statement,
                likelihood=old.item.likelihood,
                confidence=old.item.confidence,
                date=old.item.date,
            )
        return b.JudgmentView(
            sensitivity=marking(j),
            id=j.id,
            statement=j.statement,
            likelihood=j.likelihood,
            likelihood_rank=self.content.settings.vocabulary.likelihoods.index(j.likelihood),
            confidence=j.confidence,
            basis=j.basis,
            date=j.date,
            horizon=j.horizon,
            expired=self.expired(j),
            replaces=replaces,
            reason=j.reason if old else None,
            cites=self.cite(j.sources, j.excerpt),
            new=j.id in self.new,
            updated=j.id in self.updated,
            note=note_view(self.state.note(j.note)),
            discredited=self.state.flagged(j.sources),
        )

    def development(self, d: Development) -> b.DevelopmentView:
        return b.DevelopmentView(
            sensitivity=marking(d),
            id=d.id,
            date=d.date,
            reported=d.reported,
            headline=d.headline,
            detail=d.detail,
            tracks=tuple(self.track_names[t] for t in d.tracks if t in self.track_names),
            actors=self.names(d.actors),
            cites=self.cite(d.sources, d.excerpt),
            new=d.id in self.new,
            note=note_view(self.state.note(d.note)),
            discredited=self.state.flagged(d.sources),
        )

    def developments(self) -> list[Development]:
        """Developments with news in the window, newest first (when they happened, else when
        they were reported)."""
        known = [d.item for d in self.state.developments.values() if self.recent(d.known)]
        return sorted(known, key=lambda d: (d.when.first_day, d.id), reverse=True)

    def tracks(self, section: str) -> tuple[b.TrackView, ...]:
        """Full track blocks, or (for `track_lines`) the same without narrative and events."""
        full = section == "tracks"
        developments = self.developments()
        active = {t for d in developments for t in d.tracks}
        found = [
            s
            for track_id, s in self.state.tracks.items()
            if not s.settled or self.recent(s.last_known) or track_id in active
        ]
        found.sort(
            key=lambda s: (-s.current.item.when.first_day.toordinal(), s.track.name, s.track.id)
        )
        return tuple(
            self.track(s, full, developments)
            for s in self.limit(section, found, lambda s: s.track.id)
        )

    def track(self, state: TrackState, full: bool, developments: list[Development]) -> b.TrackView:
        track, now = state.track, self.state.current
        mediators = now(track.mediators) or []
        parties: list[str] = now(track.parties) or []
        supporters: list[str] = now(track.supporters) or []
        watch: list[str] = now(track.watch) or []
        statuses = tuple(
            b.Status(
                sensitivity=marking(s),
                status=s.status,
                date=s.date,
                reported=s.reported,
                note=s.note,
                cites=self.cite(s.sources, s.excerpt),
                discredited=self.state.flagged(s.sources),
            )
            for s in (entry.item for entry in (state.history if full else state.history[-1:]))
        )
        narrative = tuple(
            b.NarrativeView(sensitivity=marking(part), date=part.date, text=part.text)
            for part in track.narrative
            if full and (part.date is None or part.date.last_day <= self.as_of)
        )
        return b.TrackView(
            sensitivity=marking(track),
            id=track.id,
            name=track.name,
            summary=now(track.summary),
            format=now(track.format),
            parties=self.names(parties),
            mediators=self.names(m.actor for m in mediators),
            unconfirmed=self.names(m.actor for m in mediators if not m.confirmed),
            mediators_note=now(track.mediators_note),
            supporters=self.names(supporters),
            status=statuses[-1],
            history=statuses,
            narrative=narrative,
            developments=tuple(
                self.development(d) for d in developments if full and track.id in d.tracks
            ),
            watch=tuple(watch),
            cites=self.cite(track.sources) if full else (),
            new=track.id in self.new,
            updated=track.id in self.updated,
            trend=self.trend(track.id, track.name),
            links=self.links(state),
            note=note_view(self.state.note(track.note)) if full else None,
        )

    def links(self, state: TrackState) -> tuple[b.LinkView, ...]:
        """Its own links, then other tracks' links to it, each as this track's reader says it."""
        names = {t.id: t.name for t in self.content.tracks}
        own = [(link.item.relation, link.item.track, link) for link in state.links]
        theirs = [(REVERSE[link.item.relation], other, link) for other, link in state.linked]
        return tuple(
            b.LinkView(
                relation=relation,
                track=names[other],
                track_id=other,
                date=link.item.date,
                reported=link.item.reported,
                note=link.item.note,
                cites=self.cite(link.item.sources),
            )
            for relation, other, link in sorted(
                [*own, *theirs], key=lambda r: (r[2].item.when, r[0], r[1])
            )
            if other in names
        )

    def positions(self) -> tuple[b.IssueView, ...]:
        """Every actor's current position on each issue, whatever its age. The limit keeps the
        issues with the latest positions; they are shown by name, so a reader finds an issue."""
        issues: dict[str, list[Known[Position]]] = {}
        for (issue, _), entry in sorted(self.state.positions.items()):
            issues.setdefault(issue, []).append(entry)
        by_news = sorted(
            issues.items(),
            key=lambda i: (
                -max(e.item.date.first_day for e in i[1]).toordinal(),
                -max(e.known for e in i[1]).toordinal(),
                i[0],
            ),
        )
        kept = sorted(self.limit("positions", by_news, lambda i: i[0]))
        return tuple(
            b.IssueView(
                issue=issue, positions=tuple(self.position(e) for e in self._by_actor(entries))
            )
            for issue, entries in kept
        )

    def _by_actor(self, entries: list[Known[Position]]) -> list[Known[Position]]:
        return sorted(entries, key=lambda e: (self.actors[e.item.actor].short_name, e.item.id))

    def position(self, entry: Known[Position]) -> b.PositionView:
        p = entry.item
        quote = None
        if p.quote and p.quote.source in self.state.sources:
            speaker = p.quote.speaker
            quote = b.QuoteView(
                sensitivity=marking(p.quote),
                text=p.quote.text,
                speaker=self.actors[speaker].short_name
                if speaker
                else self.outlet(self.state.sources[p.quote.source]),
                speaker_role=self.role(speaker) if speaker else None,
                by_outlet=speaker is None,
                cite=self.cite([p.quote.source])[0],
            )
        return b.PositionView(
            sensitivity=marking(p),
            id=p.id,
            actor=self.actors[p.actor].short_name,
            actor_role=self.role(p.actor),
            issue=p.issue,
            stance=p.stance,
            quote=quote,
            date=p.date,
            cites=self.cite(p.sources, p.excerpt),
            new=p.id in self.new,
            updated=p.id in self.updated,
            note=note_view(self.state.note(p.note)),
            discredited=self.state.flagged([*p.sources, *([p.quote.source] if p.quote else [])]),
        )

    @staticmethod
    def outlet(source: Source) -> str:
        """Who a quote is attributed to when the source names no speaker."""
        return source.outlet or source.title or "the source"

    def role(self, actor_id: str) -> str | None:
        """A person's office on the brief's date, shown where they speak or act."""
        actor = self.actors[actor_id]
        return self.state.current(actor.role) if actor.kind == "person" else None

    def questions(self) -> tuple[b.QuestionView, ...]:
        """Open questions, and settled ones with news in the window; open first, by priority."""
        found = [
            q
            for q in self.state.questions.values()
            if not q.settled
            or any(
                self.recent(m)
                for m in (q.known, q.answered, q.superseded, q.closed, *q.observed.values())
            )
        ]
        found.sort(key=lambda q: (q.settled, self.priority(q), q.question.id))
        return tuple(
            self.question(q) for q in self.limit("questions", found, lambda q: q.question.id)
        )

    def priority(self, state: QuestionState) -> int:
        return self.state.current_or_first(state.question.priority)

    def question(self, state: QuestionState) -> b.QuestionView:
        q = state.question
        answer = None
        if state.answered and q.answer:
            answer = b.AnswerView(
                sensitivity=marking(q.answer),
                text=q.answer.text,
                date=q.answer.date,
                cites=self.cite(q.answer.sources, q.answer.excerpt),
                discredited=self.state.flagged(q.answer.sources),
            )
        signposts = tuple(
            b.SignpostView(
                sensitivity=marking(s),
                text=s.text,
                observed=s.observed if index in state.observed else None,
                seen_in=self.outlets(s.sources) if index in state.observed else (),
                cites=self.cite(s.sources, s.excerpt) if index in state.observed else (),
                discredited=index in state.observed and self.state.flagged(s.sources),
            )
            for index, s in enumerate(q.signposts)
            if index in state.signposts
        )
        later = q.superseded_by if state.superseded else None
        questions = {other.id: other for other in self.content.questions}
        return b.QuestionView(
            sensitivity=marking(q),
            id=q.id,
            question=q.question,
            why=self.state.current(q.why),
            signposts=signposts,
            tracks=tuple(self.track_names[t] for t in q.tracks if t in self.track_names),
            opened=q.opened,
            priority=self.priority(state),
            answer=answer,
            superseded_by=b.FollowUpView(
                id=later.question,
                question=questions[later.question].question,
                date=later.date,
                note=later.note,
            )
            if later and later.question in questions
            else None,
            follows=tuple(questions[i].question for i in state.follows if i in questions),
            closed=b.ClosureView(date=q.closed.date, reason=q.closed.reason)
            if q.closed and state.closed
            else None,
            cites=self.cite(q.sources),
            new=q.id in self.new,
            updated=q.id in self.updated,
            note=note_view(self.state.note(q.note)),
        )

    def timeline(self) -> tuple[b.DevelopmentView, ...]:
        return tuple(
            self.development(d) for d in self.limit("timeline", self.developments(), lambda d: d.id)
        )
