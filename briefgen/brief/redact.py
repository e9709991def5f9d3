"""Remove everything above an audience's ceiling from the content, before anything is selected.

Redacting the content itself, rather than hiding things in templates, means no later stage can
leak a removed item through a field nobody thought of: it simply is not there. What refers to a
removed item loses the reference; a fact left with no visible source goes too.

Every item and part that stays carries its effective sensitivity (its own, else its item's for a
part, else the brief's default), which the brief shows as its portion mark; every one that goes
is recorded as an `Omission`, so that `briefgen explain` can say what was left out and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.brief.omissions import Omission
from briefgen.brief.redaction import Redactor
from briefgen.content.editions import Audience, Edition
from briefgen.content.facts import Position
from briefgen.content.models import Content
from briefgen.content.questions import Question
from briefgen.content.tracks import Track


class _ByKind(Redactor):
    """The kinds whose parts follow rules of their own: tracks, positions, questions, editions."""

    def actor_shown(self, actor: str, track_id: str, field: str) -> bool:
        """Whether an actor a track names stays; records the name it loses when not."""
        if actor in self.actors:
            return True
        self.omit("tracks", track_id, field, "hidden actor", f"{field} name a hidden actor")
        return False

    def named(self, ids: Any, track_id: str, field: str) -> Any:
        """A track's changing list of actor ids without the hidden ones (recorded)."""
        if ids is None:
            return None
        return ids.map(lambda v: [i for i in v if self.actor_shown(i, track_id, field)])

    def track_shown(self, other: str, track_id: str) -> bool:
        if other in self.tracks:
            return True
        self.omit("tracks", track_id, "links", "hidden link", "the track it links to is hidden")
        return False

    def track(self, track: Track) -> Track | None:
        if not self.shown(track, "tracks", track.id):
            return None
        own = self.effective(track)
        parts = [
            self.part(s, own, "tracks", track.id, f"status.{i}") for i, s in enumerate(track.status)
        ]
        status = [s for s in parts if s]
        if not status:
            self.omit("tracks", track.id, "", "no visible status", "every status change is hidden")
            return None
        changed = self.changing(track, "tracks", track.id)
        parties, mediators, supporters = (
            changed.get(n) for n in ("parties", "mediators", "supporters")
        )
        links = (
            self.part(k, own, "tracks", track.id, f"links.{i}") for i, k in enumerate(track.links)
        )
        return self.fact(
            track,
            "tracks",
            track.id,
            changed,
            status=status,
            trend=[
                self.marked(m, own)
                for i, m in enumerate(track.trend)
                if self.shown(m, "tracks", track.id, f"trend.{i}", own)
            ],
            parties=self.named(parties, track.id, "parties"),
            mediators=mediators.map(
                lambda ms: [m for m in ms if self.actor_shown(m.actor, track.id, "mediators")]
            )
            if mediators
            else None,
            supporters=self.named(supporters, track.id, "supporters"),
            links=[k for k in links if k and self.track_shown(k.track, track.id)],
            narrative=tuple(
                self.marked(p, own)
                for i, p in enumerate(track.narrative)
                if self.shown(
                    p, "tracks", track.id, f"narrative part {p.date or 'background'}", own
                )
            ),
        )

    def position(self, position: Position) -> Position | None:
        if position.actor not in self.actors:
            if self.shown(position, "positions", position.id):
                self.omit("positions", position.id, "", "hidden actor", "its actor is hidden")
            return None
        own = self.effective(position)
        quote = position.quote
        speaker_shown = quote is None or quote.speaker is None or quote.speaker in self.actors
        if quote and not (speaker_shown and quote.source in self.sources):
            self.omit(
                "positions",
                position.id,
                "quote",
                "hidden sources",
                "its speaker or source is hidden",
            )
            quote = None
        elif quote:
            quote = self.part(quote, own, "positions", position.id, "quote")
        return self.fact(position, "positions", position.id, quote=quote)

    def question(self, question: Question) -> Question | None:
        if not self.shown(question, "questions", question.id):
            return None
        own, qid = self.effective(question), question.id
        answer = (
            self.part(question.answer, own, "questions", qid, "answer") if question.answer else None
        )
        signposts = []
        for i, signpost in enumerate(question.signposts):
            if not self.shown(signpost, "questions", qid, f"signposts.{i}", own):
                continue
            sources = self.ids(signpost.sources, self.sources)
            observed = signpost.observed if sources or not signpost.sources else None
            signposts.append(self.marked(signpost, own, sources=sources, observed=observed))
        if not signposts:
            self.omit("questions", qid, "", "no visible signpost", "every signpost is hidden")
            return None
        later = question.superseded_by
        if later and later.question not in self.questions:
            detail = "the follow-up question it names is hidden"
            self.omit("questions", qid, "superseded_by", "hidden link", detail)
            later = None
        return self.fact(
            question,
            "questions",
            qid,
            answer=answer,
            signposts=signposts,
            superseded_by=self.part(later, own, "questions", qid, "superseded_by")
            if later
            else None,
            closed=self.part(question.closed, own, "questions", qid, "closed")
            if question.closed
            else None,
        )

    def edition(self, edition: Edition, audience: str) -> Edition:
        """Keep every edition (they number the series) with only this audience's bottom line."""
        day = edition.as_of.isoformat()
        own = edition.bottom_lines.get(audience)
        text = own or (
            edition.bottom_line if self.shown(edition, "editions", day, "bottom line") else None
        )
        level = self.ceiling if own else self.effective(edition)
        return edition.model_copy(
            update={"bottom_line": text, "bottom_lines": {}, "sensitivity": level}
        )


@dataclass(frozen=True)
class Redacted:
    content: Content
    omitted: tuple[Omission, ...]


def omitted(content: Content, audience: Audience) -> tuple[Omission, ...]:
    """What redaction would leave out for the audience, without making the redacted content."""
    r = _ByKind(content, audience.ceiling, dry=True)
    for kind, redacted in (
        ("tracks", r.track),
        ("developments", lambda d: r.fact(d, "developments", d.id)),
        ("positions", r.position),
        ("questions", r.question),
        ("judgments", lambda j: r.fact(j, "judgments", j.id)),
    ):
        for item in getattr(content, kind):
            redacted(item)
    return tuple(r.omitted)


def redact(content: Content, audience: Audience) -> Redacted:
    """The content as this audience may see it, and what was left out on the way."""
    r = _ByKind(content, audience.ceiling)

    def keep(items: Any) -> tuple[Any, ...]:
        return tuple(item for item in items if item is not None)

    sources = keep(
        r.marked(s, None, note=r.note(s, "sources", s.id))
        for s in content.sources
        if s.id in r.sources
    )
    actors = keep(
        r.marked(
            a,
            None,
            **r.changing(a, "actors", a.id),
            affiliation=a.affiliation if a.affiliation in r.actors else None,
        )
        for a in content.actors
        if a.id in r.actors
    )
    redacted = content.model_copy(
        update={
            "sources": sources,
            "actors": actors,
            "tracks": keep(r.track(t) for t in content.tracks),
            "developments": keep(r.fact(d, "developments", d.id) for d in content.developments),
            "positions": keep(r.position(p) for p in content.positions),
            "questions": keep(r.question(q) for q in content.questions),
            "judgments": keep(r.fact(j, "judgments", j.id) for j in content.judgments),
            "editions": tuple(r.edition(e, audience.id) for e in content.editions),
        }
    )
    return Redacted(redacted, tuple(r.omitted))
