"""Dated facts: developments, positions with their quotes, and key judgments."""

from __future__ import annotations

from pydantic import (
    Field,
)

from briefgen.content.dates import PartialDate
from briefgen.content.fields import (
    Confidence,
    HappenedOrReported,
    Likelihood,
    Markdown,
    MaybeExcerpt,
    MaybeSensitivity,
    Model,
    Note,
    Slug,
    SourceRefs,
    Text,
)


class Development(HappenedOrReported):
    """Something that happened: when, and when its sources reported it (one or both)."""

    timeless = frozenset(
        {
            "id",
            "headline",
            "detail",
            "tracks",
            "actors",
            "note",
            "sensitivity",
            "sources",
            "excerpt",
        }
    )

    id: Slug
    headline: Text = Field(description="One line.")
    detail: Markdown | None = Field(None, description="A few sentences more.")
    tracks: list[Slug] = Field(default_factory=list, description="Track ids it bears on.")
    actors: list[Slug] = Field(default_factory=list, description="Actor ids involved.")
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs
    excerpt: MaybeExcerpt = None


class Quote(Model):
    """Words an actor said (or the outlet wrote), quoted exactly and briefly."""

    timeless = frozenset({"text", "speaker", "source", "sensitivity"})

    text: Text = Field(description="The exact words, without quotation marks.")
    speaker: Slug | None = Field(
        None,
        description="Actor id of who said it. Leave it out when the source names no speaker: "
        "the words are then the outlet's, and the brief attributes them to it.",
    )
    source: Slug = Field(description="Source id where the quote appears.")
    sensitivity: MaybeSensitivity = None


class Position(Model):
    """What an actor holds on an issue, as of a date."""

    timeless = frozenset(
        {"id", "actor", "issue", "stance", "quote", "note", "sensitivity", "sources", "excerpt"}
    )
    dated = frozenset({"date"})

    id: Slug
    actor: Slug = Field(description="Actor id.")
    issue: Text = Field(description="The issue, named the same way across actors.")
    stance: Markdown = Field(description="The stance in a sentence or two, in our own words.")
    quote: Quote | None = None
    date: PartialDate = Field(description="When the actor stated it.")
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs
    excerpt: MaybeExcerpt = None


class Judgment(Model):
    """A key judgment in calibrated estimative language."""

    timeless = frozenset(
        {
            "id",
            "statement",
            "likelihood",
            "confidence",
            "basis",
            "replaces",
            "reason",
            "note",
            "sensitivity",
            "sources",
            "excerpt",
        }
    )
    dated = frozenset({"date", "horizon"})

    id: Slug
    statement: Text = Field(description="The judgment, in one or two sentences.")
    likelihood: Likelihood
    confidence: Confidence
    basis: Markdown = Field(description="Why we judge so.")
    date: PartialDate = Field(description="When the judgment was made.")
    replaces: Slug | None = Field(
        None,
        description="Id of an earlier judgment this one updates; the earlier one is "
        "dropped from briefs from this one's date on.",
    )
    reason: Text | None = Field(None, description="Why the judgment changed, when it replaces one.")
    horizon: PartialDate | None = Field(
        None,
        description="The judgment is about the time up to here ('in the next six months', "
        "judged in July 2025: 2026-01). Later briefs show it as expired, or leave it out, by "
        "the audience's `expired` setting.",
    )
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs
    excerpt: MaybeExcerpt = None
