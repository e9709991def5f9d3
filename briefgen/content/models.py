"""The content model: the single description of what an analyst may write in `content/`.

Field descriptions are the documentation; `briefgen schema` turns them into JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, HttpUrl, StringConstraints, field_validator

from briefgen.content.dates import Day, PartialDate
from briefgen.content.fields import (
    Confidence,
    Likelihood,
    Markdown,
    MaybeSensitivity,
    Model,
    Note,
    Period,
    Sensitivity,
    Slug,
    SourceRefs,
    Text,
    TrackStatus,
)
from briefgen.content.narrative import NarrativePart, split_narrative


class Settings(Model):
    """`content/brief.yaml`: what the brief is and who issues it."""

    title: Text = Field(description="Title of the brief, printed in the masthead and header.")
    subtitle: Text | None = Field(None, description="One line under the title.")
    organisation: Text = Field(description="Issuing organisation.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = Field(
        "en", description="Language of the brief as a BCP 47 tag, e.g. en or en-GB."
    )
    handling: Text = Field(
        "INTERNAL", description="Handling label printed in the masthead and every page footer."
    )
    period: Period = Field("weekly", description="How often an edition is issued.")
    description: Text | None = Field(None, description="What the brief covers, for metadata.")
    sensitivity: Sensitivity = Field(
        "internal", description="Sensitivity of every item that does not give its own."
    )


class Source(Model):
    """A publication the brief relies on. Cited by id from every fact."""

    id: Slug
    outlet: Text | None = Field(None, description="Who published it; leave out if unknown.")
    title: Text | None = Field(None, description="Headline or title; leave out if it has none.")
    url: HttpUrl | None = Field(None, description="Where it can be read.")
    published: PartialDate = Field(description="Publication date, as precisely as known.")
    known_from: Day | None = Field(
        None,
        description=(
            "When `published` is only a month or year: the first day the source is known to "
            "have been available. Without it, a brief counts the source from the last day of "
            "its month or year, so that nothing appears before it could have been known."
        ),
    )
    accessed: Day | None = Field(None, description="When the analyst read it.")
    reliability: Literal["A", "B", "C", "D", "E", "F"] = Field(
        description="Source reliability (Admiralty code): A reliable ... E unreliable, "
        "F cannot be judged."
    )
    credibility: int | None = Field(
        None,
        ge=1,
        le=6,
        description="Credibility of the information (Admiralty code): 1 confirmed ... "
        "5 improbable, 6 cannot be judged.",
    )
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None


class Actor(Model):
    """A state, organisation, group or person that takes part in the situation."""

    id: Slug
    name: Text = Field(description="Full name.")
    short_name: Text = Field(description="Name used in tables and running text.")
    kind: Literal["state", "organisation", "group", "person", "media"] = Field(
        description="What sort of actor this is."
    )
    role: Text | None = Field(None, description="For a person: office or role.")
    affiliation: Slug | None = Field(
        None, description="Actor id this one belongs to or speaks for."
    )
    sensitivity: MaybeSensitivity = None


class StatusChange(Model):
    """A track took this status on this date."""

    status: TrackStatus
    date: PartialDate
    note: Text | None = Field(None, description="Why, in one line.")
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs


class TrendMark(Model):
    """The analyst's call on where a track went since the previous edition, and why."""

    date: PartialDate = Field(description="When the call was made; it applies to that edition.")
    trend: Literal["improved", "deteriorated", "unchanged"]
    reason: Text | None = Field(None, description="One line: why. Expected when it moved.")
    sensitivity: MaybeSensitivity = None


class Track(Model):
    """A diplomatic channel: who talks to whom, how, through whom, and how it stands.

    Written as Markdown with front matter; the body is the narrative.
    """

    id: Slug
    name: Text = Field(description="Name of the track.")
    summary: Text = Field(description="One line: what the track is about.")
    format: Literal["direct", "indirect", "backchannel"]
    parties: list[Slug] = Field(min_length=1, description="Actor ids of the parties.")
    mediators: list[Slug] = Field(default_factory=list, description="Actor ids of mediators.")
    mediators_note: Text | None = Field(
        None, description="What is known of mediators who are not named, or how they help."
    )
    supporters: list[Slug] = Field(
        default_factory=list, description="Actor ids that back the track without mediating."
    )
    status: list[StatusChange] = Field(min_length=1, description="Dated status history.")
    watch: list[Text] = Field(default_factory=list, description="What to watch next.")
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
            "(`## 2025-07-03`) starts a part known from that date; a brief as of an earlier "
            "date leaves it out. Text before the first such heading is background, always "
            "shown. A sensitivity after the date (`## 2025-07-03 restricted`, or alone: "
            "`## restricted`) limits who sees the part."
        ),
    )
    sources: SourceRefs

    @field_validator("narrative", mode="before")
    @classmethod
    def _split_narrative(cls, value: object) -> object:
        return split_narrative(value) if isinstance(value, str) else value


class Development(Model):
    """Something that happened, on a date, reported by sources."""

    id: Slug
    date: PartialDate = Field(description="When it happened, as precisely as known.")
    headline: Text = Field(description="One line.")
    detail: Markdown | None = Field(None, description="A few sentences more.")
    tracks: list[Slug] = Field(default_factory=list, description="Track ids it bears on.")
    actors: list[Slug] = Field(default_factory=list, description="Actor ids involved.")
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs


class Quote(Model):
    """Words an actor said, quoted exactly and briefly."""

    text: Text = Field(description="The exact words, without quotation marks.")
    speaker: Slug = Field(description="Actor id of who said it.")
    source: Slug = Field(description="Source id where the quote appears.")
    sensitivity: MaybeSensitivity = None


class Position(Model):
    """What an actor holds on an issue, as of a date."""

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


class Signpost(Model):
    """An observable event that would help answer a question."""

    text: Text
    observed: PartialDate | None = Field(None, description="When it was seen, once it was.")
    sources: list[Slug] = Field(default_factory=list, description="Sources that report it.")
    sensitivity: MaybeSensitivity = None


class Answer(Model):
    text: Markdown
    date: PartialDate
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs


class Question(Model):
    """A question the brief cannot yet answer, and how we would know."""

    id: Slug
    question: Text
    why: Markdown = Field(description="Why it matters.")
    signposts: list[Signpost] = Field(min_length=1)
    tracks: list[Slug] = Field(default_factory=list, description="Track ids it bears on.")
    opened: PartialDate = Field(description="When the question was first asked.")
    priority: int = Field(3, ge=1, le=5, description="1 is most important.")
    answer: Answer | None = None
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: list[Slug] = Field(default_factory=list, description="Sources that raise it.")


class Judgment(Model):
    """A key judgment in calibrated estimative language."""

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
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs


class Edition(Model):
    """`content/editions/<as-of>.md`: the editorial text of one edition; the body is the
    bottom line."""

    as_of: Day = Field(description="Information as of this date.")
    label: Text | None = Field(
        None, description="Edition label; computed from the date if left out."
    )
    bottom_line: Markdown | None = Field(
        None, description="Two to four sentences (the file's body)."
    )
    bottom_lines: dict[Slug, Markdown] = Field(
        default_factory=dict,
        description="Bottom line for a named audience (e.g. public), instead of the body.",
    )
    sensitivity: MaybeSensitivity = None


Section = Literal[
    "bottom_line",
    "judgments",
    "changes",
    "tracks",
    "track_lines",
    "positions",
    "questions",
    "timeline",
    "sources",
    "colophon",
]
LimitedSection = Literal["judgments", "tracks", "track_lines", "positions", "questions", "timeline"]


class Audience(Model):
    """`content/audiences/<id>.yaml`: who a brief is for and what they see.

    briefgen ships `executive`, `analyst` and `public`; a file with the same id replaces one.
    """

    id: Slug
    label: Text = Field(description="Printed in the masthead, e.g. 'Executive summary'.")
    sections: list[Section] = Field(min_length=1, description="Sections shown, in order.")
    limits: dict[LimitedSection, Annotated[int, Field(ge=1)]] = Field(
        default_factory=dict,
        description="Most items shown in a section (e.g. questions: 3); the most important first.",
    )
    ceiling: Sensitivity = Field(description="The most sensitive items this audience may see.")
    window: int = Field(
        13,
        ge=0,
        le=10_000,
        description="How far back the brief reaches, in edition periods (13 weekly editions: "
        "a quarter). Developments, tracks, positions, questions and judgments with nothing new "
        "in that window are left out; they stay in the content and in the editions of their "
        "time. 0 reaches back to the beginning.",
    )
    template: Text = Field("brief.html", description="Page template (a file in templates/).")
    stylesheet: Text | None = Field(
        None, description="Extra stylesheet template, added after the built-in style."
    )
    handling: Text | None = Field(
        None, description="Handling label for masthead and footer; the brief's own if left out."
    )
    title_suffix: Text | None = Field(
        None, description="Added to the title, e.g. 'Public edition'."
    )
    colophon: Markdown | None = Field(None, description="Extra wording for the colophon.")


class Content(Model):
    """Everything in the content folder, validated and cross-checked."""

    settings: Settings
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    tracks: tuple[Track, ...] = ()
    developments: tuple[Development, ...] = ()
    positions: tuple[Position, ...] = ()
    questions: tuple[Question, ...] = ()
    judgments: tuple[Judgment, ...] = ()
    editions: tuple[Edition, ...] = ()
    audiences: tuple[Audience, ...] = ()
