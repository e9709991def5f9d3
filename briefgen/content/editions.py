"""Editions and audiences: what each brief shows, and for whom."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    Field,
)

from briefgen.content.dates import Day
from briefgen.content.fields import (
    Markdown,
    MaybeSensitivity,
    Model,
    Sensitivity,
    Slug,
    Text,
)


class Edition(Model):
    """`content/editions/<as-of>.md`: the editorial text of one edition; the body is the
    bottom line."""

    timeless = frozenset({"label", "bottom_line", "bottom_lines", "sensitivity"})
    dated = frozenset({"as_of"})

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
            "portion_marks",
            "title_suffix",
            "colophon",
            "apparatus",
            "pages",
        }
    )

    id: Slug
    label: Text | None = Field(
        None,
        description="Printed in the masthead, e.g. 'Executive summary'; if left out, the label "
        "`audience.<id>` in the brief's language (briefgen's own audiences have one), else the id.",
    )
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
    expired: Literal["show", "drop"] = Field(
        "show",
        description="Judgments past their horizon: show them marked expired, or leave them out.",
    )
    template: Text = Field("brief.html", description="Page template (a file in templates/).")
    stylesheet: Text | None = Field(
        None, description="Extra stylesheet template, added after the built-in style."
    )
    portion_marks: bool = Field(
        True, description="Print each item's sensitivity before it (the banner shows anyway)."
    )
    handling: Text | None = Field(
        None,
        description="The lowest marking this audience's briefs carry (see the settings' "
        "`handling`); the brief's own if left out.",
    )
    title_suffix: Text | None = Field(
        None, description="Added to the title, e.g. 'Public edition'."
    )
    colophon: Markdown | None = Field(None, description="Extra wording for the colophon.")
    apparatus: bool = Field(
        True,
        description="Print the analyst's apparatus: source grades and question priorities. "
        "A public edition leaves it out.",
    )
    pages: int | None = Field(
        None,
        ge=1,
        le=100,
        description="Most pages the PDF may run to: the build lays it out and leaves out the "
        "least important items (tracks at a glance, then questions, then judgments beyond "
        "three) until it fits; the limits are the most it shows when there is room. None: no "
        "budget.",
    )
