"""What rests on each source: every item, and every part of one, that cites it.

An item rests on a source when it, or a part of it, cites the source: a position also rests on
the source of its quote, a track on the sources of its status changes, links and dated values,
a question on those of its signposts, answer, follow-up and closure. The content has no link
from a judgment to the developments it weighs, so a judgment rests on the sources it cites.

Six kinds are *facts* a brief shows with their sources (`FACTS`): developments, positions,
status changes, answers, observed signposts and judgments. The others (a track's or a
question's own sources, links, follow-ups, closures, dated values) are listed by
`briefgen sources` and count as citations, but are not counted as facts resting on a source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from briefgen.content.changing import changing_fields
from briefgen.content.dates import PartialDate
from briefgen.content.fields import Model
from briefgen.content.models import Content

FACTS = ("development", "position", "status change", "answer", "signpost", "judgment")


@dataclass(frozen=True)
class Reliance:
    """One item, or part of one, that cites a source."""

    source: str
    kind: str
    """One of `FACTS`, or track, question, track link, follow-up, closure, dated value."""
    item: str
    """Id of the item (of the track or question, for their parts)."""
    label: str
    """What a reader knows it by: a headline, "Syria on Talks", a status, a statement."""
    date: PartialDate | None
    """The date it counts as known from (for a reported item, the later of event and report)."""
    refs: tuple[str, ...]
    """Every source the item or part cites: when it became known depends on all of them."""
    quoted: bool = False
    """The source is (also) where the item's quote comes from."""


def _entries(
    kind: str, item: str, label: str, date: PartialDate | None, refs: Iterable[str], **extra: str
) -> Iterator[Reliance]:
    cited = tuple(refs)
    for source in dict.fromkeys((*cited, *extra.values())):
        quoted = source == extra.get("quote")
        yield Reliance(source, kind, item, label, date, cited, quoted)


@cache
def _changing(model: type[Model]) -> tuple[str, ...]:
    return tuple(changing_fields(model))  # (looked up once per model: it reads annotations)


def _values(model: Model, item: str, label: str) -> Iterator[Reliance]:
    """The entries of an item's changing fields that cite sources."""
    for name in _changing(type(model)):
        history = getattr(model, name).history if getattr(model, name) is not None else None
        for entry in history or ():
            text = f"{label}: {name.replace('_', ' ')}"
            yield from _entries("dated value", item, text, entry.date, entry.sources)


def _all(content: Content) -> Iterator[Reliance]:
    actors = {a.id: a.short_name for a in content.actors}
    for d in content.developments:
        yield from _entries("development", d.id, d.headline, d.learned, d.sources)
    for p in content.positions:
        label = f"{actors.get(p.actor, p.actor)} on {p.issue}"
        quote = {"quote": p.quote.source} if p.quote else {}
        yield from _entries("position", p.id, label, p.date, p.sources, **quote)
    for t in content.tracks:
        yield from _entries("track", t.id, t.name, None, t.sources)
        for s in t.status:
            yield from _entries(
                "status change", t.id, f"{t.name}: {s.status}", s.learned, s.sources
            )
        for link in t.links:
            text = f"{t.name} {link.relation} {link.track}"
            yield from _entries("track link", t.id, text, link.learned, link.sources)
        yield from _values(t, t.id, t.name)
    for q in content.questions:
        yield from _entries("question", q.id, q.question, None, q.sources)
        for post in q.signposts:
            yield from _entries("signpost", q.id, post.text, post.observed, post.sources)
        if q.answer:
            yield from _entries("answer", q.id, q.question, q.answer.date, q.answer.sources)
        if q.superseded_by:
            later = q.superseded_by
            yield from _entries("follow-up", q.id, q.question, later.date, later.sources)
        if q.closed:
            yield from _entries("closure", q.id, q.question, q.closed.date, q.closed.sources)
        yield from _values(q, q.id, q.question)
    for j in content.judgments:
        yield from _entries("judgment", j.id, j.statement, j.date, j.sources)
    for a in content.actors:
        yield from _values(a, a.id, a.short_name)
    yield from _values(content.settings, "brief.yaml", "the brief")


def by_source(content: Content) -> dict[str, tuple[Reliance, ...]]:
    """Source id → what cites it, facts first (in the order of `FACTS`), then by date and id."""
    found: dict[str, list[Reliance]] = {}
    for entry in _all(content):
        found.setdefault(entry.source, []).append(entry)
    order = {kind: index for index, kind in enumerate(FACTS)}

    def key(e: Reliance) -> tuple[int, str, str, str]:
        day = e.date.first_day.isoformat() if e.date else ""
        return (order.get(e.kind, len(FACTS)), day, e.item, e.label)

    return {source: tuple(sorted(entries, key=key)) for source, entries in found.items()}
