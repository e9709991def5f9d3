"""Links that would go round in a circle: a judgment that replaces itself, two tracks that
became each other, a question superseded by its own follow-up. Each is a check error naming
every file of the cycle."""

from __future__ import annotations

from typing import Any

from briefgen.content.documents import Document, Loc
from briefgen.errors import Problem

# kind → (field of the link as written, how to read the linked ids from a valid item)
LINKS: dict[str, tuple[Loc, Any]] = {
    "judgments": (("replaces",), lambda j: [j.replaces] if j.replaces else []),
    "tracks": (("links",), lambda t: [link.track for link in t.links]),
    "questions": (
        ("superseded_by", "question"),
        lambda q: [q.superseded_by.question] if q.superseded_by else [],
    ),
}


def _rings(edges: dict[str, list[str]]) -> list[list[str]]:
    """Every cycle of a directed graph, each once: depth first, with an explicit stack so that
    a long chain of links needs no recursion."""
    rings: list[list[str]] = []
    known: set[frozenset[str]] = set()
    done: set[str] = set()
    for root in sorted(edges):
        if root in done:
            continue
        path, todo = [root], [iter(edges.get(root, []))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                done.add(path.pop())
                todo.pop()
            elif nxt in path:
                ring = path[path.index(nxt) :]
                if frozenset(ring) not in known:
                    known.add(frozenset(ring))
                    rings.append(ring)
            elif nxt not in done:
                path.append(nxt)
                todo.append(iter(edges.get(nxt, [])))
    return rings


def cycles(items: dict[str, list[tuple[Any, Document]]]) -> list[Problem]:
    """One problem per cycle, on the first item of it (by file and line)."""
    problems = []
    for kind, (loc, linked) in LINKS.items():
        valid = [(m, d) for m, d in items.get(kind, []) if m is not None]
        docs = {m.id: d for m, d in valid}
        edges = {m.id: [i for i in linked(m) if i in docs] for m, _ in valid}
        for ring in _rings(edges):
            first = min(range(len(ring)), key=lambda n: (docs[ring[n]].path, docs[ring[n]].line))
            ring = ring[first:] + ring[:first]
            names = " → ".join(docs[i].path for i in [*ring, ring[0]])
            doc = docs[ring[0]]
            field = ".".join(str(p) for p in loc)
            problems.append(
                Problem(doc.path, doc.line_of(loc), field, f"goes round in a circle: {names}")
            )
    return problems
