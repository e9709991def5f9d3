"""The content model: the single description of what an analyst may write in `content/`.

Field descriptions are the documentation; `briefgen schema` turns them into JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    Field,
    HttpUrl,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from briefgen.content.changing import Changing
from briefgen.content.dates import Day, PartialDate
from briefgen.content.editions import Audience, Edition
from briefgen.content.facts import Development, Judgment, Position
from briefgen.content.fields import (
    SENSITIVITIES,
    MaybeSensitivity,
    Model,
    Note,
    Period,
    Sensitivity,
    Slug,
    Text,
)
from briefgen.content.labels import locale
from briefgen.content.questions import Question
from briefgen.content.tracks import Track
from briefgen.content.vocabulary import Vocabulary

PluralForm = Annotated[str, StringConstraints(pattern=r"^(zero|one|two|few|many|other)$")]
"""A CLDR plural category."""
LabelText = Text | dict[PluralForm, Text]


class Marking(Model):
    """How one sensitivity is printed: in the banner, and as each item's portion mark."""

    timeless = frozenset({"label", "short"})

    label: Text = Field(description="Banner and footer text, e.g. INTERNAL or TLP:AMBER.")
    short: Text = Field(description="Portion mark before each item, e.g. I or TLP:A.")


MARKINGS: dict[Sensitivity, Marking] = {
    "public": Marking(label="PUBLIC", short="P"),
    "internal": Marking(label="INTERNAL", short="I"),
    "restricted": Marking(label="RESTRICTED", short="R"),
}


class Settings(Model):
    """`content/brief.yaml`: what the brief is and who issues it."""

    timeless = frozenset(
        {
            "organisation",
            "language",
            "handling",
            "markings",
            "period",
            "sensitivity",
            "cite_as",
            "licence",
            "contact",
            "labels",
            "vocabulary",
        }
    )

    title: Changing[Text] = Field(
        description="Title of the brief, printed in the masthead and header. May change: a "
        "history of titles, each from its date (the first one also covers earlier editions)."
    )
    subtitle: Changing[Text] | None = Field(
        None, description="One line under the title; may change over time."
    )
    organisation: Text = Field(description="Issuing organisation.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = Field(
        "en",
        description="Language of the brief as a BCP 47 tag, e.g. en, en-GB, fr or ar: every "
        "label, date and number is printed in it (catalogues ship for en, fr and ar; a label a "
        "language lacks is shown in English and `check` warns).",
    )
    labels: dict[str, LabelText] = Field(
        default_factory=dict,
        description="Labels renamed for this brief, by key (`briefgen labels` lists every key "
        "with its text), e.g. `section.tracks: Negotiation channels`. A label with a count "
        "takes a mapping of CLDR plural forms (one, other, ...).",
    )
    vocabulary: Vocabulary = Field(
        default_factory=Vocabulary,
        description="The track formats, track statuses (colour, closed), likelihoods and "
        "confidences content may use; briefgen's own if left out.",
    )
    handling: Text = Field(
        "INTERNAL",
        description="The lowest marking a brief carries (public, internal or restricted, or one "
        "of the `markings` labels). The banner, footers and metadata show the highest "
        "sensitivity actually in the brief, never lower than this.",
    )
    markings: dict[Sensitivity, Marking] = Field(
        default_factory=lambda: dict(MARKINGS),
        description="How each sensitivity is printed (banner label and portion mark); give "
        "all three to use another scheme, e.g. TLP.",
    )
    period: Period = Field("weekly", description="How often an edition is issued.")
    description: Changing[Text] | None = Field(
        None, description="What the brief covers, for metadata; may change over time."
    )
    sensitivity: Sensitivity = Field(
        "internal", description="Sensitivity of every item that does not give its own."
    )
    cite_as: Text | None = Field(
        None,
        description="How to cite the brief, printed in the colophon; if left out, made from the "
        "organisation, title, edition and date.",
    )
    licence: Text | None = Field(
        None,
        description="The licence a public brief is published under, e.g. CC BY 4.0; printed "
        "in the colophon of briefs marked public only.",
    )
    contact: Text | None = Field(
        None, description="Where readers write to, e.g. a desk's e-mail address; in the colophon."
    )

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        locale(value)
        return value

    @field_validator("markings")
    @classmethod
    def _every_level_marked(cls, value: dict[str, Marking]) -> dict[str, Marking]:
        missing = [level for level in SENSITIVITIES if level not in value]
        if missing:
            raise ValueError(f"give a marking for every sensitivity; missing: {', '.join(missing)}")
        return value


class Snapshot(Model):
    """The article's main text kept beside its source file, and the hash it had when kept."""

    timeless = frozenset({"file", "sha256"})

    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$")] = Field(
        description="Name of the plain-text file in `content/sources/`, e.g. `x.txt`."
    )
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the file's bytes: `check` reports a text changed since."
    )


class Discredit(Model):
    """A source found false or taken back: from its date, briefs flag what rests on it."""

    timeless = frozenset({"status", "reason"})
    dated = frozenset({"date"})

    status: Literal["discredited", "withdrawn"] = Field(
        "discredited",
        description="discredited: shown to be false or unreliable; withdrawn: retracted by "
        "its outlet.",
    )
    date: PartialDate = Field(
        description="When it was discredited or withdrawn; briefs count it from the last day "
        "this date allows."
    )
    reason: Text = Field(description="Why, in one line.")


class Source(Model):
    """A publication the brief relies on. Cited by id from every fact."""

    timeless = frozenset(
        {
            "id",
            "outlet",
            "title",
            "author",
            "snapshot",
            "url",
            "relays",
            "reliability",
            "credibility",
            "note",
            "sensitivity",
        }
    )
    dated = frozenset({"published", "known_from", "accessed", "discredited"})

    id: Slug
    outlet: Text | None = Field(None, description="Who published it; leave out if unknown.")
    title: Text | None = Field(None, description="Headline or title; leave out if it has none.")
    author: Text | None = Field(None, description="Byline, when the source names one.")
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
    accessed: Day | None = Field(
        None,
        description=(
            "When the analyst read it. For an undated source without `known_from`, briefs "
            "count it from this day."
        ),
    )
    known_from: Day | None = Field(
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
    snapshot: Snapshot | None = Field(
        None,
        description="The article's text kept beside this file (`briefgen source add` writes "
        "it): `check` finds every quote and excerpt from this source in it.",
    )
    discredited: Discredit | None = Field(
        None,
        description="The source was discredited or withdrawn: {date, reason, status}. From "
        "that date briefs flag every item resting on it and What changed lists them.",
    )

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
