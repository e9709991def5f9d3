"""What a brief leaves out, and why: nothing is dropped silently.

Redaction records what goes above the audience's ceiling; `left_out` adds what the selection
leaves out of the brief for one date (not yet known, outside the window, over a limit...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen.brief import views as b
from briefgen.brief.state import State
from briefgen.content.editions import Audience
from briefgen.content.models import Content

REASONS: dict[str, str] = {
    "ceiling": "above the audience's ceiling",
    "inherited": "above the ceiling by inherited sensitivity",
    "hidden sources": "cites only sources the audience may not see",
    "hidden actor": "about an actor the audience may not see",
    "no visible status": "every status change is above the ceiling",
    "no visible signpost": "every signpost is above the ceiling",
    "not yet known": "not yet known on the brief's date",
    "section": "the audience shows no such section",
    "window": "settled history outside the audience's window",
    "limit": "over the audience's limit for the section",
    "expired": "past its horizon (the audience drops expired judgments)",
    "replaced": "replaced by a later judgment",
    "superseded": "an actor's earlier position, superseded by a later one",
}
"""Every reason an item or part can be left out, as `briefgen explain` words it."""

HANDLING = ("ceiling", "inherited", "hidden sources", "hidden actor", "no visible status",
            "no visible signpost")  # fmt: skip
"""The reasons that come from the audience's ceiling rather than from the date."""


@dataclass(frozen=True, order=True)
class Omission:
    """One item, or one part of an item, that a brief leaves out."""

    kind: str
    """Folder of the item under content/ (tracks, judgments...)."""
    id: str
    part: str
    """Empty for the whole item; else the part (status.1, note, quote, narrative part...)."""
    reason: str
    detail: str


def left_out(
    content: Content,
    state: State,
    brief: b.Brief,
    audience: Audience,
    window: dt.date | None,
) -> list[Omission]:
    """What the selection for one date leaves out of the redacted content, and why.

    Read off the brief itself: whatever the sections show is not an omission, so this account
    cannot drift from what they do."""
    found: list[Omission] = []

    def out(kind: str, item_id: str, reason: str, detail: str = "", part: str = "") -> None:
        found.append(Omission(kind, item_id, part, reason, detail or REASONS[reason]))

    def recent(day: dt.date) -> bool:
        return window is None or day >= window

    sections = set(audience.sections)
    shown = {
        "judgments": {j.id for j in brief.judgments},
        "tracks": {t.id for t in brief.tracks},
        "positions": {p.id for issue in brief.positions for p in issue.positions},
        "questions": {q.id for q in brief.questions},
        "developments": {d.id for d in brief.timeline}
        | {d.id for t in brief.tracks for d in t.developments},
    }
    for j in content.judgments:
        if j.id in shown["judgments"]:
            continue
        if j.id in state.replaced:
            by = next((k.item.id for k in state.judgments.values() if k.item.replaces == j.id), "")
            out("judgments", j.id, "replaced", f"replaced by {by}" if by else "")
        elif j.id not in state.judgments:
            out("judgments", j.id, "not yet known")
        elif "judgments" not in sections:
            out("judgments", j.id, "section")
        elif audience.expired == "drop" and j.horizon and j.horizon.last_day < state.day:
            out("judgments", j.id, "expired", f"its horizon {j.horizon} has passed")
        else:
            out("judgments", j.id, "limit")
    for t in content.tracks:
        now = state.tracks.get(t.id)
        if t.id in shown["tracks"]:
            continue
        if now is None:
            out("tracks", t.id, "not yet known")
        elif not sections & {"tracks", "track_lines"}:
            out("tracks", t.id, "section")
        elif now.settled and not recent(now.last_known):
            out("tracks", t.id, "window")
        else:
            out("tracks", t.id, "limit")
    current = {k.item.id for k in state.positions.values()}
    for p in content.positions:
        if p.id in shown["positions"]:
            continue
        if p.id not in current:
            known = state.knowledge.known(p.date, p.sources, state.day)
            out("positions", p.id, "superseded" if known else "not yet known")
        elif "positions" not in sections:
            out("positions", p.id, "section")
        else:
            out("positions", p.id, "limit")
    for q in content.questions:
        now_q = state.questions.get(q.id)
        if q.id in shown["questions"]:
            continue
        if now_q is None:
            out("questions", q.id, "not yet known")
        elif "questions" not in sections:
            out("questions", q.id, "section")
        elif now_q.settled:
            out("questions", q.id, "window")
        else:
            out("questions", q.id, "limit")
    for d in content.developments:
        known_d = state.developments.get(d.id)
        if d.id in shown["developments"]:
            continue
        if known_d is None:
            out("developments", d.id, "not yet known")
        elif not sections & {"timeline", "tracks"}:
            out("developments", d.id, "section")
        elif not recent(known_d.known):
            out("developments", d.id, "window")
        else:
            out("developments", d.id, "limit")
    found += _later_parts(content, state, shown)
    return found


def _later_parts(content: Content, state: State, shown: dict[str, set[str]]) -> list[Omission]:
    """Parts of shown items that were written after the brief's date."""
    found = []
    later = "not yet known"
    for t in content.tracks:
        if t.id in shown["tracks"]:
            for p in t.narrative:
                if p.date and p.date.last_day > state.day:
                    part = f"narrative part {p.date}"
                    found.append(Omission("tracks", t.id, part, later, REASONS[later]))
    for q in content.questions:
        now = state.questions.get(q.id)
        if now and q.id in shown["questions"]:
            for i in range(len(q.signposts)):
                if i not in now.signposts:
                    found.append(
                        Omission("questions", q.id, f"signposts.{i}", later, "added later")
                    )
    return found
