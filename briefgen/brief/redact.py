"""Remove everything above an audience's ceiling from the content, before anything is selected.

Redacting the content itself, rather than hiding things in templates, means no later stage can
leak a removed item through a field nobody thought of: it simply is not there. What refers to a
removed item loses the reference; a fact left with no visible source goes too.

Every item and part that stays carries its effective sensitivity (its own, else its item's for a
part, else the brief's default), which the brief shows as its portion mark; every one that goes
is recorded as an `Omission`, so that `briefgen explain` can say what was left out and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from briefgen.brief.omissions import Omission
from briefgen.content.changing import Change, changing_fields
from briefgen.content.editions import Audience, Edition
from briefgen.content.facts import Position
from briefgen.content.fields import SENSITIVITIES, Model, Sensitivity
from briefgen.content.models import Content
from briefgen.content.questions import Question
from briefgen.content.tracks import Track

M = TypeVar("M", bound=Model)


@dataclass
class _Redactor:
    content: Content
    ceiling: Sensitivity
    dry: bool = False
    """Only record what goes: no copies of what stays (for `check`, which needs the account)."""
    omitted: list[Omission] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.default: Sensitivity = self.content.settings.sensitivity
        self.sources = {s.id for s in self.content.sources if self.shown(s, "sources", s.id)}
        self.actors = {a.id for a in self.content.actors if self.shown(a, "actors", a.id)}
        self.tracks = {t.id for t in self.content.tracks if self.level_of(t) <= self.limit}
        self.questions = {q.id for q in self.content.questions if self.level_of(q) <= self.limit}

    @property
    def limit(self) -> int:
        return SENSITIVITIES.index(self.ceiling)

    def level_of(self, item: Any, parent: Sensitivity | None = None) -> int:
        return SENSITIVITIES.index(self.effective(item, parent))

    def effective(self, item: Any, parent: Sensitivity | None = None) -> Sensitivity:
        """Its own sensitivity, else its item's (for a part), else the brief's default."""
        return getattr(item, "sensitivity", None) or parent or self.default

    def omit(self, kind: str, item_id: str, part: str, reason: str, detail: str) -> None:
        self.omitted.append(Omission(kind, item_id, part, reason, detail))

    def shown(
        self, item: Any, kind: str, item_id: str, part: str = "", parent: Sensitivity | None = None
    ) -> bool:
        """Whether the item or part is within the ceiling; records it when it is not."""
        level = self.effective(item, parent)
        if SENSITIVITIES.index(level) <= self.limit:
            return True
        own = getattr(item, "sensitivity", None)
        whose = "its own" if own else "its item's" if parent else "the brief's default"
        reason = "ceiling" if own else "inherited"
        self.omit(kind, item_id, part, reason, f"{level} ({whose}) is above {self.ceiling}")
        return False

    def marked(self, item: M, parent: Sensitivity | None = None, **update: Any) -> M:
        if self.dry:
            return item
        return item.model_copy(update={"sensitivity": self.effective(item, parent), **update})

    def ids(self, ids: list[str], allowed: set[str]) -> list[str]:
        return [i for i in ids if i in allowed]

    def sourced(self, item: Any, kind: str, item_id: str, part: str = "") -> list[str] | None:
        """The item's visible sources; None (recorded) when it cites only hidden ones."""
        sources = self.ids(item.sources, self.sources)
        if item.sources and not sources:
            self.omit(kind, item_id, part, "hidden sources", "every source it cites is hidden")
            return None
        return sources

    def note(self, item: Any, kind: str, item_id: str) -> Any:
        note = getattr(item, "note", None)
        if note is None or not self.shown(note, kind, item_id, "note"):
            return None
        return note

    def fact(
        self, item: M, kind: str, item_id: str, changed: dict[str, Any] | None = None, **update: Any
    ) -> M | None:
        """The item with its sources, actors, tracks and note cut to what stays; None if it goes.

        `changed`: its changing fields, already cut (else they are cut here)."""
        if not self.shown(item, kind, item_id):
            return None
        sources = self.sourced(item, kind, item_id)
        if sources is None:
            return None
        update = {"sources": sources, **update}
        for name in ("actors", "tracks"):
            if name in type(item).model_fields:
                update[name] = self.ids(getattr(item, name), getattr(self, name))
        if "note" in type(item).model_fields:
            update["note"] = self.note(item, kind, item_id)
        if changed is None:
            changed = self.changing(item, kind, item_id)
        return self.marked(item, None, **{**changed, **update})

    def part(self, part: M, parent: Sensitivity, kind: str, item_id: str, where: str) -> M | None:
        """A part of an item (status change, answer, quote...) with its sources cut."""
        if not self.shown(part, kind, item_id, where, parent):
            return None
        update: dict[str, Any] = {}
        if "sources" in type(part).model_fields:
            sources = self.sourced(part, kind, item_id, where)
            if sources is None:
                return None
            update["sources"] = sources
        return self.marked(part, parent, **update)

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

    def changing(self, item: Model, kind: str, item_id: str) -> dict[str, Any]:
        """Every changing field of the item without the entries only hidden sources report."""
        found: dict[str, Any] = {}
        if self.dry:
            return found
        for name in changing_fields(type(item)):
            value = getattr(item, name)
            if value is not None:
                found[name] = value.keep(lambda e, n=name: self.entry(e, kind, item_id, n))
        return found

    def entry(self, entry: Change[Any], kind: str, item_id: str, name: str) -> Change[Any] | None:
        sources = self.sourced(entry, kind, item_id, f"{name} from {entry.date}")
        return None if sources is None else entry.model_copy(update={"sources": sources})

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
    r = _Redactor(content, audience.ceiling, dry=True)
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
    r = _Redactor(content, audience.ceiling)

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
