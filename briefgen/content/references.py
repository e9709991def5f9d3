"""Cross-checks between items: ids unique, every reference resolves, dates agree with sources."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefgen.content.documents import Document, Loc
from briefgen.content.fields import HappenedOrReported
from briefgen.content.kinds import KINDS
from briefgen.content.knowledge import published_by
from briefgen.errors import Problem


def values_at(value: Any, path: Loc, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every id the path reaches in a raw document, with its location."""
    if not path:
        if isinstance(value, str):
            yield loc, value
        return
    head, rest = path[0], path[1:]
    history = (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(e, dict) and ("value" in e or "date" in e) for e in value)
    )
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from values_at(item, rest, (*loc, index))
    elif head == "~":
        if history:
            for index, entry in enumerate(value):
                yield from values_at(entry.get("value"), rest, (*loc, index, "value"))
        else:
            yield from values_at(value, rest, loc)
    elif head == "#":
        for index, entry in enumerate(value if history else ()):
            yield from values_at(entry, rest, (*loc, index))
    elif isinstance(head, str) and head.startswith("?"):
        if isinstance(value, dict):
            yield from values_at(value.get(head[1:]), rest, (*loc, head[1:]))
        else:
            yield from values_at(value, rest, loc)
    elif isinstance(value, dict):
        yield from values_at(value.get(head), rest, (*loc, head))


def cross_check(items: dict[str, list[tuple[Any, Document]]]) -> list[Problem]:
    """Problems (and warnings) that only show when items are seen together.

    Works on the raw documents, so that a file with a type error still has its references
    checked in the same run; `model` is None for such a file.
    """
    problems: list[Problem] = []
    ids: dict[str, dict[str, Document]] = {}
    for kind, pairs in items.items():
        ids[kind] = {}
        field = KINDS[kind].id_field
        for _, doc in pairs:
            item_id = str(doc.data.get(field, ""))
            if item_id in ids[kind]:
                first = ids[kind][item_id]
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of((field,)),
                        field,
                        f"'{item_id}' is already used by {first.path}:{first.line_of((field,))}",
                    )
                )
            else:
                ids[kind][item_id] = doc

    for kind, pairs in items.items():
        for _, doc in pairs:
            for path, target in KINDS[kind].all_references():
                for loc, ref in values_at(doc.data, path):
                    if ref not in ids[target]:
                        field = ".".join(str(p) for p in loc)
                        problems.append(
                            Problem(
                                doc.path, doc.line_of(loc), field, f"unknown {target[:-1]} '{ref}'"
                            )
                        )

    for model, doc in items["tracks"]:
        for index, mark in enumerate(model.trend if model else ()):
            if mark.trend != "unchanged" and not mark.reason:
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of(("trend", index)),
                        f"trend.{index}.reason",
                        f"the track {mark.trend} but no reason says why",
                        warning=True,
                    )
                )

    sources = {model.id: model for model, _ in items["sources"] if model}
    for kind in ("developments", "positions"):
        for model, doc in items[kind]:
            if model is None:
                continue
            cited = [sources[s] for s in model.sources if s in sources]
            field = "reported" if getattr(model, "reported", None) else "date"
            date = getattr(model, field)
            if cited and date.first_day > max(published_by(s) for s in cited):
                problems.append(
                    Problem(
                        doc.path,
                        doc.line_of((field,)),
                        field,
                        f"{date} is after every cited source was published",
                        warning=True,
                    )
                )
    return problems + _reported_early(items)


def _reported_early(items: dict[str, list[tuple[Any, Document]]]) -> list[Problem]:
    """Items reported before they can have happened: one of the two dates is wrong."""
    found: list[tuple[HappenedOrReported, Document, Loc]] = [
        (model, doc, ()) for model, doc in items["developments"] if model
    ]
    for track, doc in items["tracks"]:
        for name in ("status", "links"):
            found += [(e, doc, (name, i)) for i, e in enumerate(getattr(track, name, ()))]
    problems = []
    for item, doc, loc in found:
        if item.date and item.reported and item.reported.last_day < item.date.first_day:
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of((*loc, "reported")),
                    ".".join(str(part) for part in (*loc, "reported")),
                    f"reported ({item.reported}) before it happened ({item.date}): one of the "
                    "two dates is wrong",
                )
            )
    return problems
