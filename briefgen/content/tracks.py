"""Tracks: diplomatic channels, their status histories, mediators and links."""

from __future__ import annotations

from typing import Annotated, Literal

from annotated_types import MinLen
from pydantic import (
    BeforeValidator,
    Field,
    field_validator,
)

from briefgen.content.changing import Changing
from briefgen.content.dates import PartialDate
from briefgen.content.fields import (
    HappenedOrReported,
    MaybeExcerpt,
    MaybeSensitivity,
    Model,
    Note,
    Slug,
    SlugValue,
    SourceRefs,
    Text,
    TrackFormat,
    TrackStatus,
)
from briefgen.content.narrative import NarrativePart, split_narrative


class StatusChange(HappenedOrReported):
    """A track took this status: when, when the sources reported it, or both."""

    timeless = frozenset({"status", "note", "sensitivity", "sources", "excerpt"})

    status: TrackStatus
    note: Text | None = Field(None, description="Why, in one line.")
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs
    excerpt: MaybeExcerpt = None


class TrendMark(Model):
    """The analyst's call on where a track went since the previous edition, and why."""

    timeless = frozenset({"trend", "reason", "sensitivity"})
    dated = frozenset({"date"})

    date: PartialDate = Field(description="When the call was made; it applies to that edition.")
    trend: Literal["improved", "deteriorated", "unchanged"]
    reason: Text | None = Field(None, description="One line: why. Expected when it moved.")
    sensitivity: MaybeSensitivity = None


class MediatorModel(Model):
    """A mediator of a track, and whether that role is confirmed."""

    timeless = frozenset({"actor", "confirmed"})

    actor: Slug = Field(description="Actor id.")
    confirmed: bool = Field(
        True, description="false: reported, not confirmed (shown as such in the brief)."
    )


def _mediator(value: object) -> object:
    return {"actor": value} if isinstance(value, str) else value


Mediator = Annotated[MediatorModel, BeforeValidator(_mediator)]
Parties = Annotated[list[SlugValue], MinLen(1)]


class TrackLink(HappenedOrReported):
    """How this track relates to another from a date (or a report) on."""

    timeless = frozenset({"relation", "track", "note", "sources"})

    relation: Literal["became", "merged into", "split from"] = Field(
        description="became / merged into: this track goes on as the other one and ends here; "
        "split from: this track began as a part of the other one, which goes on."
    )
    track: Slug = Field(description="Id of the other track.")
    note: Text | None = Field(None, description="One line: how or why.")
    sources: SourceRefs


class Track(Model):
    """A diplomatic channel: who talks to whom, how, through whom, and how it stands.

    Written as Markdown with front matter; the body is the narrative.
    """

    timeless = frozenset({"id", "name", "note", "sensitivity", "sources"})
    dated = frozenset({"status", "trend", "links", "narrative"})

    id: Slug
    name: Text = Field(description="Name of the track.")
    summary: Changing[Text] = Field(description="One line: what the track is about.")
    format: Changing[TrackFormat] = Field(
        description="A track format of the brief (`vocabulary: track_formats`; by default direct, "
        "indirect or backchannel); a history when the talks change form."
    )
    parties: Changing[Parties] = Field(description="Actor ids of the parties.")
    mediators: Changing[list[Mediator]] | None = Field(
        None,
        description="Mediators: actor ids, or {actor, confirmed: false} for a mediator "
        "reported but not confirmed. A history when mediators change.",
    )
    mediators_note: Changing[Text] | None = Field(
        None, description="What is known of mediators who are not named, or how they help."
    )
    supporters: Changing[list[SlugValue]] | None = Field(
        None, description="Actor ids that back the track without mediating."
    )
    status: list[StatusChange] = Field(min_length=1, description="Dated status history.")
    watch: Changing[list[Text]] | None = Field(
        None, description="What to watch next; a history, so old watch items give way."
    )
    links: list[TrackLink] = Field(
        default_factory=list,
        description="This track became, merged into or split from another one.",
    )
    trend: list[TrendMark] = Field(
        default_factory=list,
        description="Trend calls by date. An edition shows the latest call made since the "
        "previous edition; without one, the track is unchanged.",
    )
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    narrative: tuple[NarrativePart, ...] = Field(
        min_length=1,
        description=(
            "The story of the track: the file's Markdown body. A heading that is only a date "
            "(`## 2025-07-03`, `## late 2025-07`) starts a part known from the last day that "
            "date allows; a brief as of an earlier date leaves it out. Text before the first "
            "such heading is background, always shown. A sensitivity after the date "
            "(`## 2025-07-03 restricted`, or alone: `## restricted`) limits who sees the part."
        ),
    )
    sources: SourceRefs

    @field_validator("narrative", mode="before")
    @classmethod
    def _split_narrative(cls, value: object) -> object:
        return split_narrative(value) if isinstance(value, str) else value
