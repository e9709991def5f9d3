"""Plain-text forms of briefgen's results, for the terminal."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from collections import Counter
from typing import Any

from briefgen.brief.omissions import REASONS, Omission
from briefgen.brief.views import Changes
from briefgen.content.dates import human_date
from briefgen.content.labels import ENGLISH
from briefgen.content.load import Origin
from briefgen.content.markup import to_plain
from briefgen.render.when import when

WIDTH = 100


def _item(sign: str, label: str, text: str) -> list[str]:
    head = f"  {sign} {label:<9} "
    return textwrap.wrap(text, WIDTH, initial_indent=head, subsequent_indent=" " * len(head))


def _what(omission: Omission) -> str:
    kind = omission.kind.removesuffix("s")
    return f"{kind} {omission.id}" + (f", {omission.part}" if omission.part else "")


def explain_text(
    audience: str, as_of: dt.date, omissions: list[Omission], origins: dict[Any, Origin]
) -> str:
    """`briefgen explain`: one line per item or part left out, with where it is written."""
    head = f"{audience}: the brief as of {human_date(as_of)} leaves out "
    if not omissions:
        return head + "nothing.\n"
    lines = [head + f"{len(omissions)} items and parts:"]
    for o in omissions:
        origin = origins.get((o.kind, o.id))
        where = f"{origin.path}:{origin.line_of(o.part)}" if origin else f"content/{o.kind}"
        why = REASONS[o.reason] + (f" ({o.detail})" if o.detail != REASONS[o.reason] else "")
        lines.append(f"  {where}: {_what(o)}: {why}")
    return "\n".join(lines) + "\n"


def explain_json(
    as_of: dt.date, found: list[tuple[str, list[Omission]]], origins: dict[Any, Origin]
) -> str:
    """`briefgen explain --json`: every omission with its audience, file and line."""
    rows = []
    for audience, omissions in found:
        for o in omissions:
            origin = origins.get((o.kind, o.id))
            rows.append(
                {
                    "audience": audience,
                    "as_of": as_of.isoformat(),
                    "kind": o.kind,
                    "id": o.id,
                    "part": o.part or None,
                    "reason": o.reason,
                    "detail": o.detail,
                    "path": origin.path if origin else None,
                    "line": origin.line_of(o.part) if origin else None,
                }
            )
    return json.dumps(rows, indent=2, ensure_ascii=False)


def left_out_line(audience: str, omissions: list[Omission]) -> str:
    """One line for `briefgen build`: how many items a brief leaves out, by reason."""
    items = [o for o in omissions if not o.part and o.reason != "not yet known"]
    if not items:
        return f"{audience}: nothing left out"
    counts = Counter(o.reason for o in items)
    reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items()))
    noun = "item" if len(items) == 1 else "items"
    return f"{audience}: {len(items)} {noun} left out — {reasons}; see briefgen explain"


def changes_text(changes: Changes, after_label: str) -> str:
    """`briefgen diff` output: one block per kind of change, one line (wrapped) per change."""
    if changes.previous is None:
        return f"{after_label}: no earlier date to compare with.\n"
    lines = [
        f"What changed between {human_date(changes.previous)} and {after_label}",
        "",
    ]
    blocks: list[tuple[str, list[str]]] = []
    tracks = []
    for t in changes.tracks:
        if t.change == "opened":
            tracks += _item("+", "opened", f"{t.name}: {t.after}{when(t, ENGLISH, since=True)}")
        elif t.other:
            text = f"{t.name} {t.change} {t.other} ({when(t, ENGLISH)})"
            tracks += _item("~", "linked", text + (f" — {t.note}" if t.note else ""))
        else:
            steps = " → ".join([str(t.before), *t.interim, t.after])
            text = f"{t.name}: {steps} ({when(t, ENGLISH)})"
            tracks += _item("~", t.change, text + (f" — {t.note}" if t.note else ""))
    for trend in changes.trends:
        if trend.trend != "unchanged" or trend.reason:
            reason = f" — {trend.reason}" if trend.reason else ""
            tracks += _item("~", trend.trend, f"{trend.name}{reason}")
    blocks.append(("Tracks", tracks))
    positions = []
    for p in changes.positions:
        if p.before:
            text = f"{p.actor} on {p.issue}: was “{to_plain(p.before)}” now “{to_plain(p.after)}”"
            positions += _item("~", "shifted", text)
        else:
            positions += _item("+", "new", f"{p.actor} on {p.issue}: {to_plain(p.after)}")
    blocks.append(("Positions", positions))
    questions = []
    for q in changes.questions:
        if q.change == "answered" and q.answer:
            text = f"{q.question} {to_plain(q.answer)} ({q.date.short()})"
            questions += _item("✓", "answered", text)
        elif q.change in ("superseded", "closed"):
            questions += _item("✓", q.change, f"{q.question} {q.answer} ({q.date.short()})")
        else:
            questions += _item("+", "opened", q.question)
    for s in changes.signposts:
        questions += _item("✓", "observed", f"{s.text} ({s.observed.short()}) — {s.question}")
    blocks.append(("Questions", questions))
    judgments = []
    for j in changes.judgments:
        if j.before_statement:
            why = f" Why: {j.reason}" if j.reason else ""
            text = f"{j.statement} ({j.after}) replaces “{j.before_statement}” ({j.before}).{why}"
            judgments += _item("~", "replaced", text)
        elif j.before:
            why = f" Why: {j.reason}" if j.reason else ""
            judgments += _item("~", "moved", f"{j.statement} {j.before} → {j.after}.{why}")
        else:
            judgments += _item("+", "new", f"{j.statement} ({j.after})")
    blocks.append(("Judgments", judgments))
    sources = []
    for c in changes.discredited:
        resting = f" Resting on it: {'; '.join(c.items)}" if c.items else ""
        text = f"{c.source} ({c.date.short()}): {c.reason}{resting}"
        sources += _item("!", c.status, text)
    blocks.append(("Sources", sources))
    blocks.append(
        (
            "Developments",
            [
                line
                for d in changes.developments
                for line in _item("+", when(d, ENGLISH), d.headline)
            ],
        )
    )
    for title, body in blocks:
        if body:
            lines += [title, *body, ""]
    if changes.empty:
        lines.append("No change.")
    return "\n".join(lines).rstrip() + "\n"
