"""The building blocks of the content model: field types, vocabularies and the base model."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from briefgen.content import markup

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80),
    Field(description="Stable id: lower-case letters, digits and hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(markup.check),
    Field(description="Markdown; raw HTML is shown as text and only web links are kept."),
]
SourceRefs = Annotated[
    list[Slug],
    Field(min_length=1, description="Ids of the sources that support this; at least one."),
]

Likelihood = Literal[
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
]
LIKELIHOODS: tuple[str, ...] = get_args(Likelihood)
Confidence = Literal["low", "moderate", "high"]
Sensitivity = Literal["public", "internal", "restricted"]
SENSITIVITIES: tuple[str, ...] = get_args(Sensitivity)
MaybeSensitivity = Annotated[
    Sensitivity | None,
    Field(
        description="public < internal < restricted. An audience sees an item only up to its "
        "ceiling. Left out: the brief's default `sensitivity`."
    ),
]
TrackStatus = Literal["proposed", "exploratory", "active", "stalled", "suspended", "concluded"]
Period = Literal["daily", "weekly", "monthly"]


MAX_FIELD_CHARS = 20_000
"""Longest text in one field (about 3,000 words; a dated part of a narrative is a field of its
own). The PDF's layout time grows faster than the length of one block of text."""


class Model(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, str_max_length=MAX_FIELD_CHARS
    )


class NoteModel(Model):
    """An analyst's note with its own sensitivity."""

    text: Markdown
    sensitivity: Sensitivity = "internal"


def _note(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


Note = Annotated[
    NoteModel,
    BeforeValidator(_note),
    Field(
        description="An analyst's note: text (internal), or {text, sensitivity}. Shown only "
        "to audiences whose ceiling reaches it; never to the public by default."
    ),
]
