"""Actors: the states, organisations, groups and people that take part in the situation."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from briefgen.content.changing import Changing
from briefgen.content.fields import MaybeSensitivity, Model, Slug, Text


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
