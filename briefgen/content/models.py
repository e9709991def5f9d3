"""The content model: the single description of what an analyst may write in `content/`.

Field descriptions are the documentation; `briefgen schema` turns them into JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from annotated_types import Ge, Le, MinLen
from pydantic import (
    BeforeValidator,
    Field,
    HttpUrl,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from briefgen.content.changing import Changing
from briefgen.content.dates import PartialDate
from briefgen.content.fields import (
    Confidence,
    Likelihood,
    Markdown,
    MarkdownValue,
    MaybeSensitivity,
    Model,
    Note,
    Period,
    Sensitivity,
    Slug,
    SlugValue,
    SourceRefs,
    Text,
    TrackFormat,
    TrackStatus,
)
from briefgen.content.narrative import NarrativePart, split_narrative


class Settings(Model):
    """`content/brief.yaml`: what the brief is and who issues it."""

    timeless = frozenset({"organisation", "language", "handling", "period", "sensitivity"})

    title: Changing[Text] = Field(
        description="Title of the brief, printed in the masthead and header. May change: a "
        "history of titles, each from its date (the first one also covers earlier editions)."
    )
    subtitle: Changing[Text] | None = Field(
        None, description="One line under the title; may change over time."
    )
    organisation: Text = Field(description="Issuing organisation.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = Field(
        "en", description="Language of the brief as a BCP 47 tag, e.g. en or en-GB."
    )
    handling: Text = Field(
        "INTERNAL", description="Handling label printed in the masthead and every page footer."
    )
    period: Period = Field("weekly", description="How often an edition is issued.")
    description: Changing[Text] | None = Field(
        None, description="What the brief covers, for metadata; may change over time."
    )
    sensitivity: Sensitivity = Field(
        "internal", description="Sensitivity of every item that does not give its own."
    )


class Source(Model):
    """A publication the brief relies on. Cited by id from every fact."""

    timeless = frozenset(
        {
            "id",
            "outlet",
            "title",
            "url",
            "relays",
            "reliability",
            "credibility",
            "note",
            "sensitivity",
        }
    )
    dated = frozenset({"published", "known_from", "accessed"})

    id: Slug
    outlet: Text | None = Field(None, description="Who published it; leave out if unknown.")
    title: Text | None = Field(None, description="Headline or title; leave out if it has none.")
    url: HttpUrl | None = Field(None, description="Where it can be read.")
    relays: list[Text] = Field(
        default_factory=list,
        description=(
            "Outlets whose report this source carries rather than its own (a wire story on a "
            "website: `outlet: Example News`, `relays: [Reuters]`). The endnote says "
            "'relaying Reuters'; grade the source you read, not the original."
        ),
    )
    published: PartialDate | None = Field(
        None,
        description=(
            "Publication date, as precisely as known (a day, part of a month, month, year or "
            "range). Leave it out when the source carries none: then `known_from` or "
            "`accessed` says when it is known, and the endnote says 'undated'."
        ),
    )
    accessed: dt.date | None = Field(
        None,
        description=(
            "When the analyst read it. For an undated source without `known_from`, briefs "
            "count it from this day."
        ),
    )
    known_from: dt.date | None = Field(
        None,
        validate_default=True,
        description=(
            "The first day the source is known to have been available; it must lie within "
            "the days `published` allows. Without it, a brief counts a source from the last "
            "day its `published` date allows (31 July for 2025-07), so that nothing appears "
            "before it could have been known; an undated source from `accessed`."
        ),
    )
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

    @field_validator("known_from")
    @classmethod
    def _known_within_published(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if "published" not in info.data or "accessed" not in info.data:
            return value  # one of them is wrong in itself, and its own error says so
        published: PartialDate | None = info.data["published"]
        if published is None and value is None and info.data["accessed"] is None:
            raise ValueError(
                "the source is undated: give `known_from` (the first day it is known to have "
                "been available) or `accessed` (the day you read it), or `published`"
            )
        if published and value and not published.first_day <= value <= published.last_day:
            first, last = published.first_day, published.last_day
            span = first if first == last else f"{first} to {last}"
            raise ValueError(
                f"{value} lies outside the days `published` ({published}) allows: {span}"
            )
        return value


class Actor(Model):
    """A state, organisation, group or person that takes part in the situation."""

    timeless = frozenset({"id", "name", "short_name", "kind", "affiliation", "sensitivity"})

    id: Slug
    name: Text = Field(description="Full name.")
    short_name: Text = Field(description="Name used in tables and running text.")
    kind: Literal["state", "organisation", "group", "person", "media"] = Field(
        description="What sort of actor this is."
    )
    role: Changing[Text] | None = Field(
        None,
        description="For a person: office or role, shown where they speak or act. May change: "
        "a history of roles (an envoy replaced, a minister appointed).",
    )
    affiliation: Slug | None = Field(
        None, description="Actor id this one belongs to or speaks for."
    )
    sensitivity: MaybeSensitivity = None


class StatusChange(Model):
    """A track took this status on this date."""

    timeless = frozenset({"status", "note", "sensitivity", "sources"})
    dated = frozenset({"date"})

    status: TrackStatus
    date: PartialDate
    note: Text | None = Field(None, description="Why, in one line.")
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs


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


class TrackLink(Model):
    """How this track relates to another from a date on."""

    timeless = frozenset({"relation", "track", "note", "sources"})
    dated = frozenset({"date"})

    relation: Literal["became", "merged into", "split from"] = Field(
        description="became / merged into: this track goes on as the other one and ends here; "
        "split from: this track began as a part of the other one, which goes on."
    )
    track: Slug = Field(description="Id of the other track.")
    date: PartialDate = Field(description="When it happened, as precisely as known.")
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
        description="direct, indirect or backchannel; a history when the talks change form."
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


class Development(Model):
    """Something that happened, on a date, reported by sources."""

    timeless = frozenset(
        {"id", "headline", "detail", "tracks", "actors", "note", "sensitivity", "sources"}
    )
    dated = frozenset({"date"})

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

    timeless = frozenset({"text", "speaker", "source", "sensitivity"})

    text: Text = Field(description="The exact words, without quotation marks.")
    speaker: Slug = Field(description="Actor id of who said it.")
    source: Slug = Field(description="Source id where the quote appears.")
    sensitivity: MaybeSensitivity = None


class Position(Model):
    """What an actor holds on an issue, as of a date."""

    timeless = frozenset(
        {"id", "actor", "issue", "stance", "quote", "note", "sensitivity", "sources"}
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


class Signpost(Model):
    """An observable event that would help answer a question."""

    timeless = frozenset({"text", "sources", "sensitivity"})
    dated = frozenset({"added", "observed"})

    text: Text
    added: PartialDate | None = Field(
        None,
        description="When the signpost was added; briefs as of earlier dates leave it out. "
        "Without it: when the question was opened.",
    )
    observed: PartialDate | None = Field(None, description="When it was seen, once it was.")
    sources: list[Slug] = Field(default_factory=list, description="Sources that report it.")
    sensitivity: MaybeSensitivity = None


class Answer(Model):
    """What answered a question, and when."""

    timeless = frozenset({"text", "sensitivity", "sources"})
    dated = frozenset({"date"})

    text: Markdown
    date: PartialDate
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs


class FollowUp(Model):
    """A question replaced by a follow-up question."""

    timeless = frozenset({"question", "note", "sources"})
    dated = frozenset({"date"})

    question: Slug = Field(description="Id of the follow-up question.")
    date: PartialDate = Field(description="From when the follow-up replaces this question.")
    note: Text | None = Field(None, description="One line: why.")
    sources: list[Slug] = Field(default_factory=list, description="Sources behind the change.")


class Closure(Model):
    """A question closed without an answer: moot, overtaken by events."""

    timeless = frozenset({"reason", "sources"})
    dated = frozenset({"date"})

    date: PartialDate = Field(description="When it stopped needing an answer.")
    reason: Text = Field(description="Why, in one line (e.g. moot since the talks ended).")
    sources: list[Slug] = Field(default_factory=list, description="Sources behind the closure.")


Priority = Annotated[int, Ge(1), Le(5)]


class Question(Model):
    """A question the brief cannot yet answer, and how we would know."""

    timeless = frozenset({"id", "question", "tracks", "note", "sensitivity", "sources"})
    dated = frozenset({"signposts", "opened", "answer", "superseded_by", "closed"})

    id: Slug
    question: Text
    why: Changing[MarkdownValue] = Field(description="Why it matters; may change over time.")
    signposts: list[Signpost] = Field(min_length=1)
    tracks: list[Slug] = Field(default_factory=list, description="Track ids it bears on.")
    opened: PartialDate = Field(description="When the question was first asked.")
    priority: Changing[Priority] = Field(
        Changing[Priority](3), description="1 is most important; may change over time."
    )
    answer: Answer | None = None
    superseded_by: FollowUp | None = Field(
        None, description="The follow-up question that replaces this one, from a date."
    )
    closed: Closure | None = Field(None, description="Closed without an answer (moot).")
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: list[Slug] = Field(default_factory=list, description="Sources that raise it.")


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


class Edition(Model):
    """`content/editions/<as-of>.md`: the editorial text of one edition; the body is the
    bottom line."""

    timeless = frozenset({"label", "bottom_line", "bottom_lines", "sensitivity"})
    dated = frozenset({"as_of"})

    as_of: dt.date = Field(description="Information as of this date.")
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
    An audience is configuration, not a fact: it applies to every edition built with it.
    """

    timeless = frozenset(
        {
            "id",
            "label",
            "sections",
            "limits",
            "ceiling",
            "window",
            "expired",
            "template",
            "stylesheet",
            "handling",
            "title_suffix",
            "colophon",
        }
    )

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
        description="How far back the brief reaches, in edition periods (13 weekly editions: "
        "a quarter). Developments, tracks, positions, questions and judgments with nothing new "
        "in that window are left out; they stay in the content and in the editions of their "
        "time. 0 reaches back to the beginning.",
    )
    expired: Literal["show", "drop"] = Field(
        "show",
        description="Judgments past their horizon: show them marked expired, or leave them out.",
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

    timeless = frozenset(
        {
            "settings",
            "sources",
            "actors",
            "tracks",
            "developments",
            "positions",
            "questions",
            "judgments",
            "editions",
            "audiences",
        }
    )

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
