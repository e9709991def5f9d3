"""The building blocks of the content model: field types, vocabularies and the base model."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from briefgen.content import markup
from briefgen.content.dates import PartialDate

# The ...Value types carry no FieldInfo, so that they can parametrise `Changing` (whose
# parametrised classes must compare equal after the build cache pickles them).
SlugValue = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Slug = Annotated[SlugValue, Field(description="Stable id: lower-case letters, digits and hyphens.")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
MarkdownValue = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(markup.check)
]
Markdown = Annotated[
    MarkdownValue,
    Field(description="Markdown; raw HTML is shown as text and only web links are kept."),
]
SourceRefs = Annotated[
    list[Slug],
    Field(min_length=1, description="Ids of the sources that support this; at least one."),
]

Word = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=40)]
"""A value of the brief's vocabulary used as a CSS class too (a track status or format)."""
Likelihood = Annotated[
    Text,
    Field(description="A term of the brief's likelihood scale (`vocabulary: likelihoods`)."),
]
Confidence = Annotated[
    Text, Field(description="A confidence level of the brief (`vocabulary: confidences`).")
]
Sensitivity = Literal["public", "internal", "restricted"]
SENSITIVITIES: tuple[str, ...] = get_args(Sensitivity)
MaybeSensitivity = Annotated[
    Sensitivity | None,
    Field(
        description="public < internal < restricted. An audience sees an item only up to its "
        "ceiling. Left out: its item's (for a part of an item), else the brief's default "
        "`sensitivity`."
    ),
]
TrackFormat = Word
TrackStatus = Annotated[
    Word, Field(description="A track status of the brief (`vocabulary: track_statuses`).")
]
Period = Literal["daily", "weekly", "monthly"]


MAX_FIELD_CHARS = 20_000
"""Longest text in one field (about 3,000 words; a dated part of a narrative is a field of its
own). The PDF's layout time grows faster than the length of one block of text."""


class Model(BaseModel):
    """Base of every content model. Each field is declared `timeless`, `dated` (it carries a
    date, or dated entries), or is a `Changing` value; a test keeps every field in one kind."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, str_max_length=MAX_FIELD_CHARS
    )
    timeless: ClassVar[frozenset[str]] = frozenset()
    dated: ClassVar[frozenset[str]] = frozenset()


class NoteModel(Model):
    """An analyst's note with its own sensitivity, and when it was written."""

    timeless = frozenset({"text", "sensitivity"})
    dated = frozenset({"date"})

    text: Markdown
    sensitivity: Sensitivity = "internal"
    date: PartialDate | None = Field(
        None,
        description="When the note was written; briefs as of earlier dates leave it out. "
        "Without it, the note goes with its item.",
    )


class HappenedOrReported(Model):
    """An item the sources date by when it happened, by when they reported it, or both.

    Sources often say only that something "has begun" as of their own date: writing that date
    as the event's would show talks begun weeks earlier as begun on the day of the report."""

    dated = frozenset({"date", "reported"})

    date: PartialDate | None = Field(
        None,
        description="When it happened, as precisely as the sources say. Leave it out when "
        "they give only the day they reported it (then give `reported`).",
    )
    reported: PartialDate | None = Field(
        None,
        description="When the sources reported it. The item counts as known from here. Give "
        "it when it differs from `date`, or instead of a `date` the sources do not give.",
    )

    @model_validator(mode="after")
    def _dated_somehow(self) -> HappenedOrReported:
        if self.date is None and self.reported is None:
            # Raised against `date`, so that the loader names the field and its line.
            error = PydanticCustomError(
                "date_missing",
                "give `date` (when it happened) or `reported` (when the sources reported it)",
            )
            details = InitErrorDetails(type=error, loc=("date",), input=None)
            raise ValidationError.from_exception_data(type(self).__name__, [details])
        return self

    @property
    def when(self) -> PartialDate:
        """The date it sorts by: when it happened, else when it was reported."""
        when = self.date or self.reported
        assert when is not None  # the validator refuses an item with neither
        return when

    @property
    def learned(self) -> PartialDate:
        """The date it counts as known from: the report, or the event if that is later (a
        report before the event is an error `check` names, never a way to show it early)."""
        return max(d for d in (self.date, self.reported) if d is not None)


def text_or_mapping(value: object) -> object:
    """A field written as plain text or as a mapping: the text is the mapping's `text`."""
    return {"text": value} if isinstance(value, str) else value


Note = Annotated[
    NoteModel,
    BeforeValidator(text_or_mapping),
    Field(
        description="An analyst's note: text (internal), or {text, sensitivity, date}. Shown "
        "only to audiences whose ceiling reaches it; never to the public by default."
    ),
]


class ExcerptModel(Model):
    """The passage of a source a fact rests on, copied exactly: `check` finds it in the
    source's snapshot as it finds quotes."""

    timeless = frozenset({"text", "source"})

    text: Text = Field(description="The words of the source, without quotation marks.")
    source: Slug | None = Field(
        None,
        description="Source id the passage is from; may be left out when the item cites one "
        "source.",
    )


MaybeExcerpt = Annotated[
    Annotated[ExcerptModel, BeforeValidator(text_or_mapping)] | None,
    Field(
        description="The passage of a cited source this rests on, copied exactly: its text, or "
        "{text, source} when the item cites several sources. `check` finds it in the source's "
        "snapshot; the brief shows it in the source's endnote."
    ),
]
