"""The words content may use for track formats, track statuses, likelihoods and confidence:
declared in `brief.yaml` under `vocabulary:`, with briefgen's own as defaults.

A new status (initialled, signed, ratified) is a line of YAML; its label comes from the
catalogue or `labels:` (`status.signed: signed`), its colour and whether it ends a track from
here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from briefgen.content.fields import Model, Text, Word

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class StatusKind(Model):
    """How one track status is drawn, and whether a track in it has ended."""

    timeless = frozenset({"colour", "closed"})

    colour: Colour = Field("#5b6573", description="Its colour as #rrggbb, in text and figure.")
    closed: bool = Field(
        False,
        description="true: the track has ended (concluded); it drops out of later briefs "
        "once outside the window, and What changed says it ended.",
    )


STATUSES: dict[str, StatusKind] = {
    "proposed": StatusKind(colour="#6b4e9b", closed=False),
    "exploratory": StatusKind(colour="#1f3a5f", closed=False),
    "active": StatusKind(colour="#1e6b3a", closed=False),
    "stalled": StatusKind(colour="#9a6a00", closed=False),
    "suspended": StatusKind(colour="#a4461b", closed=False),
    "concluded": StatusKind(colour="#555555", closed=True),
}
FORMATS = ["direct", "indirect", "backchannel"]
LIKELIHOODS = [
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "likely",
    "very likely",
    "almost certain",
]
CONFIDENCES = ["low", "moderate", "high"]


class Vocabulary(Model):
    """The values content may use; each is printed through its label (`status.active`)."""

    timeless = frozenset({"track_formats", "track_statuses", "likelihoods", "confidences"})

    track_formats: list[Word] = Field(
        default_factory=lambda: list(FORMATS),
        min_length=1,
        description="Formats a track may take. Default: " + ", ".join(FORMATS) + ".",
    )
    track_statuses: dict[Word, StatusKind] = Field(
        default_factory=lambda: dict(STATUSES),
        min_length=1,
        description="Statuses a track may have, in the order of a track's life (the figure's "
        "legend follows it), each with its colour and whether it ends the track. Default: "
        + ", ".join(
            f"{k} ({v.colour}{', closed' if v.closed else ''})" for k, v in STATUSES.items()
        )
        + ".",
    )
    likelihoods: list[Text] = Field(
        default_factory=lambda: list(LIKELIHOODS),
        min_length=2,
        description="The likelihood scale, least likely first. Default: "
        + ", ".join(LIKELIHOODS)
        + ".",
    )
    confidences: list[Text] = Field(
        default_factory=lambda: list(CONFIDENCES),
        min_length=1,
        description="Confidence levels, lowest first. Default: " + ", ".join(CONFIDENCES) + ".",
    )

    @model_validator(mode="after")
    def _distinct(self) -> Vocabulary:
        for name in ("track_formats", "likelihoods", "confidences"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"{name}: a value is listed twice")
        return self

    def label_keys(self) -> frozenset[str]:
        """The catalogue keys of this vocabulary's values, so `labels:` may name them."""
        return frozenset(
            [f"format.{v}" for v in self.track_formats]
            + [f"status.{v}" for v in self.track_statuses]
            + [f"likelihood.{v}" for v in self.likelihoods]
            + [f"confidence.{v}" for v in self.confidences]
        )

    def closed(self, status: str) -> bool:
        kind = self.track_statuses.get(status)
        return kind is not None and kind.closed
