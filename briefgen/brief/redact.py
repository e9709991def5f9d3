"""Remove everything above an audience's ceiling from the content, before anything is selected.

Redacting the content itself, rather than hiding things in templates, means no later stage can
leak a removed item through a field nobody thought of: it simply is not there. What refers to a
removed item loses the reference; a fact left with no visible source goes too.
"""

from __future__ import annotations

from typing import Any, TypeVar

from briefgen.content.changing import Change, Changing, changing_fields
from briefgen.content.editions import Audience, Edition
from briefgen.content.fields import SENSITIVITIES, Model, NoteModel, Sensitivity
from briefgen.content.models import Content

M = TypeVar("M", bound=Model)


class _Redactor:
    def __init__(self, content: Content, ceiling: Sensitivity) -> None:
        self.default = content.settings.sensitivity
        self.limit = SENSITIVITIES.index(ceiling)
        self.sources = {s.id for s in content.sources if self.visible(s)}
        self.actors = {a.id for a in content.actors if self.visible(a)}
        self.tracks = {t.id for t in content.tracks if self.visible(t)}
        self.questions = {q.id for q in content.questions if self.visible(q)}

    def visible(self, item: Any) -> bool:
        level = getattr(item, "sensitivity", None) or self.default
        return SENSITIVITIES.index(level) <= self.limit

    def note(self, note: NoteModel | None) -> NoteModel | None:
        return note if note is not None and self.visible(note) else None

    def ids(self, ids: list[str], allowed: set[str]) -> list[str]:
        return [i for i in ids if i in allowed]

    def fact(self, item: M, **update: Any) -> M | None:
        """The item with its sources, actors, tracks and note cut to what stays; None if it goes."""
        if not self.visible(item):
            return None
        sources = self.ids(item.sources, self.sources)  # type: ignore[attr-defined]
        if not sources and item.sources:  # type: ignore[attr-defined]
            return None
        update = {"sources": sources, **update}
        for field in ("actors", "tracks"):
            if field in type(item).model_fields:
                update[field] = self.ids(getattr(item, field), getattr(self, field))
        if "note" in type(item).model_fields:
            update["note"] = self.note(item.note)  # type: ignore[attr-defined]
        return item.model_copy(update={**self.changing(item), **update})

    def changing(self, item: Model) -> dict[str, Any]:
        """Every changing field of the item without the entries only hidden sources report."""
        return {
            name: field.keep(self.entry)
            for name in changing_fields(type(item))
            if (field := getattr(item, name)) is not None
        }

    def entry(self, entry: Change[Any]) -> Change[Any] | None:
        sources = self.ids(entry.sources, self.sources)
        if entry.sources and not sources:
            return None
        return entry.model_copy(update={"sources": sources})

    def actor_ids(self, field: Changing[list[str]] | None) -> Changing[list[str]] | None:
        return field.map(lambda ids: self.ids(ids, self.actors)) if field else None

    def track(self, track: Any) -> Any:
        status = [s for s in (self.fact(s) for s in track.status) if s]
        if not status:
            return None
        track = track.model_copy(update=self.changing(track))
        mediators = track.mediators
        return self.fact(
            track,
            status=status,
            parties=self.actor_ids(track.parties),
            mediators=mediators.map(lambda ms: [m for m in ms if m.actor in self.actors])
            if mediators
            else None,
            supporters=self.actor_ids(track.supporters),
            links=[
                link
                for link in (self.fact(link) for link in track.links)
                if link and link.track in self.tracks
            ],
            narrative=tuple(p for p in track.narrative if self.visible_part(p)),
        )

    def visible_part(self, part: Any) -> bool:
        return part.sensitivity is None or SENSITIVITIES.index(part.sensitivity) <= self.limit

    def position(self, position: Any) -> Any:
        if position.actor not in self.actors:
            return None
        quote = position.quote
        speaker_shown = quote is None or quote.speaker is None or quote.speaker in self.actors
        if quote and not (self.visible(quote) and speaker_shown and quote.source in self.sources):
            quote = None
        return self.fact(position, quote=quote)

    def question(self, question: Any) -> Any:
        answer = self.fact(question.answer) if question.answer else None
        signposts = []
        for signpost in question.signposts:
            if not self.visible(signpost):
                continue
            sources = self.ids(signpost.sources, self.sources)
            observed = signpost.observed if sources or not signpost.sources else None
            signposts.append(signpost.model_copy(update={"sources": sources, "observed": observed}))
        if not signposts:
            return None
        later = question.superseded_by
        if later and later.question not in self.questions:
            later = None
        return self.fact(
            question,
            answer=answer,
            signposts=signposts,
            superseded_by=self.cited(later),
            closed=self.cited(question.closed),
        )

    def cited(self, item: M | None) -> M | None:
        """A part whose sources may be empty: kept unless every source it gives is hidden."""
        if item is None:
            return None
        sources = self.ids(item.sources, self.sources)  # type: ignore[attr-defined]
        if item.sources and not sources:  # type: ignore[attr-defined]
            return None
        return item.model_copy(update={"sources": sources})

    def edition(self, edition: Edition, audience: str) -> Edition:
        """Keep every edition (they number the series) with only this audience's bottom line."""
        text = edition.bottom_lines.get(audience) or (
            edition.bottom_line if self.visible(edition) else None
        )
        return edition.model_copy(update={"bottom_line": text, "bottom_lines": {}})


def redact(content: Content, audience: Audience) -> Content:
    """The content as this audience may see it."""
    r = _Redactor(content, audience.ceiling)

    def keep(items: Any) -> tuple[Any, ...]:
        return tuple(item for item in items if item is not None)

    return content.model_copy(
        update={
            "sources": keep(
                s.model_copy(update={"note": r.note(s.note)})
                for s in content.sources
                if s.id in r.sources
            ),
            "actors": keep(
                a.model_copy(
                    update={
                        **r.changing(a),
                        "affiliation": a.affiliation if a.affiliation in r.actors else None,
                    }
                )
                for a in content.actors
                if a.id in r.actors
            ),
            "tracks": keep(r.track(t) for t in content.tracks if t.id in r.tracks),
            "developments": keep(r.fact(d) for d in content.developments),
            "positions": keep(r.position(p) for p in content.positions),
            "questions": keep(r.question(q) for q in content.questions),
            "judgments": keep(r.fact(j) for j in content.judgments),
            "editions": tuple(r.edition(e, audience.id) for e in content.editions),
        }
    )
