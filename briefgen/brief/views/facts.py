"""Positions (with their quotes) grouped by issue, and judgments."""

from __future__ import annotations

from briefgen.brief.views.base import NoteView, View
from briefgen.content.dates import PartialDate


class QuoteView(View):
    sensitivity: str
    text: str
    speaker: str
    """Who said it, or the outlet when the source names no speaker (`by_outlet`)."""
    speaker_role: str | None = None
    by_outlet: bool = False
    cite: int


class PositionView(View):
    sensitivity: str
    id: str
    actor: str
    actor_role: str | None = None
    issue: str
    stance: str
    quote: QuoteView | None
    date: PartialDate
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    note: NoteView | None
    discredited: bool = False


class IssueView(View):
    issue: str
    positions: tuple[PositionView, ...]


class ReplacedView(View):
    """The judgment a new one replaced, for side-by-side reading."""

    id: str
    statement: str
    likelihood: str
    confidence: str
    date: PartialDate


class JudgmentView(View):
    sensitivity: str
    id: str
    statement: str
    likelihood: str
    likelihood_rank: int
    confidence: str
    basis: str
    date: PartialDate
    horizon: PartialDate | None = None
    expired: bool = False
    replaces: ReplacedView | None = None
    reason: str | None = None
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    note: NoteView | None
    discredited: bool = False
