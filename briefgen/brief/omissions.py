"""What a brief leaves out, and why: nothing is dropped silently.

Redaction records what goes above the audience's ceiling; `left_out` adds what the selection
leaves out of the brief for one date (not yet known, outside the window, over a limit...).
"""

from __future__ import annotations

from dataclasses import dataclass

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
