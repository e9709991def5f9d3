"""`briefgen sources`: each source, how it is graded and kept, and everything that cites it."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from briefgen.content.reliance import FACTS, Reliance
from briefgen.content.sources import Source

WIDTH = 100
Listing = list[tuple[Source, tuple[Reliance, ...]]]


def _name(s: Source) -> str:
    parts = [s.outlet or "outlet not stated", f"“{s.title}”" if s.title else None]
    parts.append(s.published.human() if s.published else "undated")
    return ", ".join(p for p in parts if p)


def _facts(entries: tuple[Reliance, ...]) -> int:
    return sum(1 for e in entries if e.kind in FACTS)


def sources_text(listing: Listing) -> str:
    """One block per source: a heading line, then one line per item citing it."""
    lines: list[str] = []
    for s, entries in listing:
        facts, others = _facts(entries), len(entries) - _facts(entries)
        kept = f"snapshot {s.snapshot.file}" if s.snapshot else "no snapshot"
        rest = f"{facts} fact{'s' if facts != 1 else ''} rest{'s' if facts == 1 else ''} on it"
        rest += f", {others} other citation{'s' if others != 1 else ''}" if others else ""
        grade = f"grade {s.reliability}{s.credibility or ''}"
        heading = f"{s.id}: {_name(s)} · {grade} · {kept} · {rest}"
        lines += textwrap.wrap(heading, WIDTH, break_on_hyphens=False)
        if s.discredited:
            d = s.discredited
            lines.append(f"  {d.status.upper()} {d.date.human()}: {d.reason}")
        for e in entries:
            when = e.date.short() if e.date else ""
            quoted = " (quoted)" if e.quoted else ""
            head = f"  {e.kind:<13} {when:<14} "
            text = f"{e.label}{quoted} [{e.item}]"
            lines += textwrap.wrap(
                text,
                WIDTH,
                initial_indent=head,
                subsequent_indent=" " * len(head),
                break_on_hyphens=False,  # ids stay whole
            )
        if not entries:
            lines.append("  cited by nothing")
        lines.append("")
    return "\n".join(lines)


def sources_json(listing: Listing) -> str:
    """The same as JSON: a list of sources, each with what cites it."""
    found: list[dict[str, Any]] = []
    for s, entries in listing:
        d = s.discredited
        found.append(
            {
                "id": s.id,
                "outlet": s.outlet,
                "title": s.title,
                "published": s.published.iso() if s.published else None,
                "reliability": s.reliability,
                "credibility": s.credibility,
                "snapshot": s.snapshot.file if s.snapshot else None,
                "discredited": {"status": d.status, "date": d.date.iso(), "reason": d.reason}
                if d
                else None,
                "facts": _facts(entries),
                "cited_by": [
                    {
                        "kind": e.kind,
                        "item": e.item,
                        "label": e.label,
                        "date": e.date.iso() if e.date else None,
                        "quoted": e.quoted,
                    }
                    for e in entries
                ],
            }
        )
    return json.dumps(found, indent=2, ensure_ascii=False) + "\n"
