"""What every section builder shares: the window, the limits, the endnotes, the NEW marks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from briefgen.brief import views as b
from briefgen.brief.citations import Citations, marking
from briefgen.brief.periods import window_start
from briefgen.brief.state import State
from briefgen.content.editions import Audience
from briefgen.content.fields import ExcerptModel
from briefgen.content.models import Content

T = TypeVar("T")


class SectionBase:
    """What every section builder shares: the state on the date, the audience's window and
    limits, the endnotes being numbered, and which items are NEW or UPDATED."""

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

    def names(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.actors[i].short_name for i in ids)

    def bottom_line(self) -> tuple[str | None, str | None]:
        """The edition's bottom line for this audience, and its sensitivity."""
        edition = next((e for e in self.content.editions if e.as_of == self.as_of), None)
        if edition is None or edition.bottom_line is None:
            return None, None
        return edition.bottom_line, marking(edition)
