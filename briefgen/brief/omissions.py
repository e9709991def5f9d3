"""What a brief leaves out, and why: nothing is dropped silently.

Redaction records what goes above the audience's ceiling; `left_out` adds what the selection
leaves out of the brief for one date (not yet known, outside the window, over a limit...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from briefgen.brief import views as b
from briefgen.brief.state import State
from briefgen.content.editions import Audience
from briefgen.content.facts import Judgment, Position
from briefgen.content.models import Content

REASONS: dict[str, str] = {
    "ceiling": "above the audience's ceiling",
    "inherited": "above the ceiling by inherited sensitivity",
    "hidden sources": "cites only sources the audience may not see",
    "hidden actor": "about an actor the audience may not see",
    "hidden link": "links to an item the audience may not see",
    "no visible status": "every status change is above the ceiling",
    "no visible signpost": "every signpost is above the ceiling",
    "not yet known": "not yet known on the brief's date",
    "section": "the audience shows no such section",
    "window": "settled history outside the audience's window",
    "limit": "over the audience's limit for the section",
    "fit": "left out to keep the brief to its page budget",
    "expired": "past its horizon (the audience drops expired judgments)",
    "replaced": "replaced by a later judgment",
    "superseded": "an actor's earlier position, superseded by a later one",
}
"""Every reason an item or part can be left out, as `briefgen explain` words it."""

HANDLING = ("ceiling", "inherited", "hidden sources", "hidden actor", "no visible status",
            "no visible signpost")  # fmt: skip
"""The reasons that come from the audience's ceiling rather than from the date."""


Kind = tuple[str, Any, set[str], set[str], Callable[[Any], "str | None"], Callable[[Any], bool]]
"""(kind, its items, those shown, the sections that show it, own reason, aged out)."""


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
    cannot drift from what they do. Each kind answers, in this order: not yet known (or a
    reason of its own), no such section, outside the window; anything else was over a limit."""

    def aged(day: dt.date | None) -> bool:
        return day is not None and window is not None and day < window

    def judgment(j: Judgment) -> str | None:
        if j.id in state.replaced:
            return "replaced"
        if j.id not in state.judgments:
            return "not yet known"
        expired = j.horizon is not None and j.horizon.last_day < state.day
        return "expired" if audience.expired == "drop" and expired else None

    current = {k.item.id for k in state.positions.values()}

    def position(p: Position) -> str | None:
        if p.id in current:
            return None
        known = state.knowledge.known(p.date, p.sources, state.day)
        return "superseded" if known else "not yet known"

    def settled(entry: Any) -> bool:
        return bool(entry and entry.settled and aged(entry.last_known))

    kinds: list[Kind] = [
        ("judgments", content.judgments, {j.id for j in brief.judgments}, {"judgments"},
         judgment, lambda j: False),
        ("tracks", content.tracks, {t.id for t in brief.tracks}, {"tracks", "track_lines"},
         lambda t: None if t.id in state.tracks else "not yet known",
         lambda t: settled(state.tracks.get(t.id))),
        ("positions", content.positions,
         {p.id for issue in brief.positions for p in issue.positions}, {"positions"},
         position, lambda p: False),
        ("questions", content.questions, {q.id for q in brief.questions}, {"questions"},
         lambda q: None if q.id in state.questions else "not yet known",
         lambda q: state.questions[q.id].settled),
        ("developments", content.developments,
         {d.id for d in brief.timeline} | {d.id for t in brief.tracks for d in t.developments},
         {"timeline", "tracks"},
         lambda d: None if d.id in state.developments else "not yet known",
         lambda d: aged(state.developments[d.id].known)),
    ]  # fmt: skip
    fitted = {
        ("tracks" if section == "track_lines" else section, i)
        for section, ids in brief.fitted.items()
        for i in ids
    }
    to_fit = f"left out to keep the brief to {audience.pages} pages"
    found = []
    shown: dict[str, set[str]] = {}
    for kind, items, seen, places, own_reason, outside in kinds:
        shown[kind] = seen
        for item in items:
            if item.id in seen:
                continue
            reason = own_reason(item)
            if reason is None and (kind, item.id) in fitted:
                found.append(Omission(kind, item.id, "", "fit", to_fit))
                continue
            if reason is None:
                reason = (
                    "section"
                    if not places & set(audience.sections)
                    else "window"
                    if outside(item)
                    else "limit"
                )
            found.append(Omission(kind, item.id, "", reason, REASONS[reason]))
    return found + _later_parts(content, state, shown)


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
