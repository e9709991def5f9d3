"""`content/brief.yaml`: what the brief is, who issues it, and how it prints markings."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from briefgen.content.changing import Changing
from briefgen.content.fields import SENSITIVITIES, Model, Period, Sensitivity, Text
from briefgen.content.labels import Labels, locale
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

    @model_validator(mode="before")
    @classmethod
    def _markings_in_language(cls, data: object) -> object:
        """briefgen's own markings are words too: in the brief's language unless set here.
        A language or override that is wrong is reported by its own field's check."""
        if not isinstance(data, dict) or "markings" in data:
            return data
        try:
            labels = Labels.resolve(str(data.get("language", "en")), data.get("labels") or {})
        except (TypeError, ValueError):
            return data
        markings = {
            level: {"label": labels(f"marking.{level}"), "short": labels(f"marking.{level}.short")}
            for level in MARKINGS
        }
        return {**data, "markings": markings}
