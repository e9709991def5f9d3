"""Tracks as a brief shows them: status and its history, narrative, developments, links."""

from __future__ import annotations

from briefgen.brief.views.base import NoteView, View
from briefgen.content.dates import PartialDate


class Status(View):
    sensitivity: str
    status: str
    date: PartialDate | None
    """When it happened; None when the sources give only when they reported it."""
    reported: PartialDate | None = None
    """When the sources reported it, if given."""
    note: str | None
    cites: tuple[int, ...]
    discredited: bool = False
    """It rests on a source discredited or withdrawn by the brief's date."""


class DevelopmentView(View):
    sensitivity: str
    id: str
    date: PartialDate | None
    """When it happened; None when the sources give only when they reported it."""
    reported: PartialDate | None = None
    headline: str
    detail: str | None
    tracks: tuple[str, ...]
    actors: tuple[str, ...]
    cites: tuple[int, ...]
    new: bool
    note: NoteView | None
    discredited: bool = False


class NarrativeView(View):
    sensitivity: str
    date: PartialDate | None
    text: str


class TrendView(View):
    id: str
    name: str
    trend: str  # improved | deteriorated | unchanged
    reason: str | None
    date: PartialDate | None


class LinkView(View):
    """A track's link to another: became, merged into, split from, or the other way round
    (continues, took in, split off)."""

    relation: str
    track: str
    track_id: str
    date: PartialDate | None
    reported: PartialDate | None = None
    note: str | None
    cites: tuple[int, ...]


class TrackView(View):
    sensitivity: str
    id: str
    name: str
    summary: str | None
    format: str | None
    parties: tuple[str, ...]
    mediators: tuple[str, ...]
    unconfirmed: tuple[str, ...] = ()
    """Those of `mediators` that are reported, not confirmed."""
    mediators_note: str | None
    supporters: tuple[str, ...]
    status: Status
    history: tuple[Status, ...]
    narrative: tuple[NarrativeView, ...]
    developments: tuple[DevelopmentView, ...]
    watch: tuple[str, ...]
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    trend: TrendView | None = None
    links: tuple[LinkView, ...] = ()
    note: NoteView | None
