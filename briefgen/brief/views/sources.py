"""The endnotes: each source the brief cites, and whether it was discredited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import SerializerFunctionWrapHandler, model_serializer

from briefgen.brief.views.base import NoteView, View
from briefgen.content.dates import PartialDate


class DiscreditView(View):
    status: str  # discredited | withdrawn
    date: PartialDate
    reason: str


class SourceNote(View):
    sensitivity: str
    number: int
    id: str
    outlet: str | None
    title: str | None
    url: str | None
    relays: tuple[str, ...]
    published: PartialDate | None  # None: undated
    accessed: dt.date | None
    reliability: str
    credibility: int | None
    note: NoteView | None
    resting: int = 0
    """How many facts known by the brief's date rest on the source (`content.reliance`)."""
    discredited: DiscreditView | None = None
    excerpts: tuple[str, ...] = ()
    """Passages of the source that facts shown in the brief are pinned to."""

    @model_serializer(mode="wrap")
    def _relays_only_if_any(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # A brief that relays no one, pins no passage and cites no discredited source keeps
        # the JSON it had before sources could say so.
        data: dict[str, Any] = handler(self)
        for name in ("relays", "excerpts", "discredited"):
            if not getattr(self, name):
                del data[name]
        return data
