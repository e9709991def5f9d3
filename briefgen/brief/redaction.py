"""The rules every item and part of the content follows under an audience's ceiling: what
stays, what goes (recorded as an `Omission`), and what the rest loses with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from briefgen.brief.omissions import Omission
from briefgen.content.changing import Change, changing_fields
from briefgen.content.fields import SENSITIVITIES, Model, Sensitivity
from briefgen.content.models import Content

M = TypeVar("M", bound=Model)


@dataclass
class Redactor:
    """Cuts items and parts to what the ceiling lets through, recording each one that goes."""

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
