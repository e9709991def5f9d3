"""Check that every history can be ordered, so that one entry is current on any day.

A track's status changes and trend calls, and an actor's positions on one issue, order by their
own date and then by the day they became known (`knowledge`). Two entries equal on both leave
the brief to guess which is current; they are an error that names both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefgen.content.changing import changing_fields
from briefgen.content.documents import Document, Loc
from briefgen.content.kinds import KINDS
from briefgen.content.knowledge import Knowledge, Order
from briefgen.errors import Problem

Entry = tuple[Order, Document, Loc]


def _ties(entries: Sequence[Entry], what: str) -> list[Problem]:
    problems = []
    first: dict[Order, tuple[Document, Loc]] = {}
    for order, doc, loc in sorted(entries, key=lambda e: (e[1].path, e[1].line_of(e[2]))):
        if order not in first:
            first[order] = (doc, loc)
            continue
        other, other_loc = first[order]
        date, known = order
        where = f"{other.path}:{other.line_of(other_loc)}"
        problems.append(
            Problem(
                doc.path,
                doc.line_of(loc),
                ".".join(str(part) for part in loc),
                f"cannot tell which {what} is current: same date ({date}) and known from the same "
                f"day ({known}) as {where}; give one a more precise date or the source that "
                "reported it first",
            )
        )
    return problems


def unordered(items: dict[str, list[tuple[Any, Document]]]) -> list[Problem]:
    """Entries of one history that cannot be told apart in time."""
    knowledge = Knowledge(model for model, _ in items["sources"] if model)
    problems: list[Problem] = []
    positions: dict[tuple[str, str], list[Entry]] = {}
    for track, doc in items["tracks"]:
        if track is None:
            continue
        statuses = [
            (knowledge.order(s.when, s.sources, s.learned), doc, ("status", index))
            for index, s in enumerate(track.status)
        ]
        problems += _ties(statuses, "status")
        marks = [
            ((m.date, m.date.first_day), doc, ("trend", index))
            for index, m in enumerate(track.trend)
        ]
        problems += _ties(marks, "trend call")
    for kind, pairs in items.items():
        fields = changing_fields(KINDS[kind].model)
        for model, doc in pairs:
            for name in fields if model is not None else ():
                field = getattr(model, name)
                entries: list[Entry] = [
                    (knowledge.order(e.date, e.sources), doc, (name, index))
                    for index, e in enumerate(field.history or () if field else ())
                ]
                problems += _ties(entries, name.replace("_", " "))
    for p, doc in items["positions"]:
        if p is not None:
            order = knowledge.order(p.date, p.sources)
            positions.setdefault((p.issue, p.actor), []).append((order, doc, ("date",)))
    for entries in positions.values():
        problems += _ties(entries, "position")
    return problems
