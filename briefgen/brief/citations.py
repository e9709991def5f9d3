"""Endnotes: sources numbered in the order a reader first meets them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefgen.brief import views as b
from briefgen.brief.state import State
from briefgen.content.fields import ExcerptModel, NoteModel


def marking(item: Any) -> str:
    """The sensitivity redaction resolved for an item or part (public when it set none)."""
    return getattr(item, "sensitivity", None) or "public"


def note_view(note: NoteModel | None) -> b.NoteView | None:
    return b.NoteView(text=note.text, sensitivity=note.sensitivity) if note else None


class Citations:
    """Numbers for the sources available to one brief, given on first citation."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.sources = state.sources
        self.numbers: dict[str, int] = {}
        self.excerpts: dict[str, dict[str, None]] = {}
        """Source id → the passages pinned by what cites it, in the order met, once each."""

    def cite(self, refs: Iterable[str], excerpt: ExcerptModel | None = None) -> tuple[int, ...]:
        """Endnote numbers for the refs that the brief may cite (sources available by then),
        keeping the passage the citing fact is pinned to for its source's endnote."""
        refs = list(refs)
        numbers = []
        for ref in refs:
            if ref not in self.sources:
                continue
            if ref not in self.numbers:
                self.numbers[ref] = len(self.numbers) + 1
            numbers.append(self.numbers[ref])
        # `check` makes sure an excerpt names its source or its fact cites only one.
        pinned = excerpt and (excerpt.source or (refs[0] if refs else None))
        if excerpt and pinned in self.numbers:
            self.excerpts.setdefault(pinned, {})[excerpt.text] = None
        return tuple(sorted(set(numbers)))

    def notes(self) -> tuple[b.SourceNote, ...]:
        """The endnotes of every source cited so far, in number order."""
        discredited = self.state.discredited
        return tuple(
            b.SourceNote(
                number=number,
                id=s.id,
                outlet=s.outlet,
                title=s.title,
                url=str(s.url) if s.url else None,
                relays=tuple(s.relays),
                published=s.published,
                accessed=s.accessed,
                reliability=s.reliability,
                credibility=s.credibility,
                note=note_view(self.state.note(s.note)),
                sensitivity=marking(s),
                resting=len(self.state.resting(s.id)),
                discredited=b.DiscreditView(
                    status=discredited[ref].status,
                    date=discredited[ref].date,
                    reason=discredited[ref].reason,
                )
                if ref in discredited
                else None,
                excerpts=tuple(self.excerpts.get(ref, ())),
            )
            for ref, number in sorted(self.numbers.items(), key=lambda item: item[1])
            for s in [self.sources[ref]]
        )
