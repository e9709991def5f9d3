"""Sources: the publications every fact cites, their grades, snapshots and discredits."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, StringConstraints, ValidationInfo, field_validator

from briefgen.content.dates import Day, PartialDate
from briefgen.content.fields import MaybeSensitivity, Model, Note, Slug, Text


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
