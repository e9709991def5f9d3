"""Every kind of content file, described once: its folder, model, body and references."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.content.documents import Loc
from briefgen.content.fields import Model
from briefgen.content.models import (
    Actor,
    Audience,
    Development,
    Edition,
    Judgment,
    Position,
    Question,
    Source,
    Track,
)


@dataclass(frozen=True)
class Kind:
    folder: str
    """Folder under `content/`; also the `Content` field that holds the items."""
    name: str
    """Singular, as `briefgen new` takes it."""
    model: type[Model]
    body: str | None = None
    """For Markdown files: the field the body fills."""
    id_field: str = "id"
    """The field the file name fills when a one-item file leaves it out."""
    references: tuple[tuple[Loc, str], ...] = ()
    """Fields that name items of another kind (by folder); a `*` walks a list."""


_ALL = (
    Kind("sources", "source", Source),
    Kind("actors", "actor", Actor, references=((("affiliation",), "actors"),)),
    Kind(
        "tracks",
        "track",
        Track,
        body="narrative",
        references=(
            (("parties", "*"), "actors"),
            (("mediators", "*"), "actors"),
            (("supporters", "*"), "actors"),
            (("status", "*", "sources", "*"), "sources"),
            (("sources", "*"), "sources"),
        ),
    ),
    Kind(
        "developments",
        "development",
        Development,
        references=(
            (("tracks", "*"), "tracks"),
            (("actors", "*"), "actors"),
            (("sources", "*"), "sources"),
        ),
    ),
    Kind(
        "positions",
        "position",
        Position,
        references=(
            (("actor",), "actors"),
            (("quote", "speaker"), "actors"),
            (("quote", "source"), "sources"),
            (("sources", "*"), "sources"),
        ),
    ),
    Kind(
        "questions",
        "question",
        Question,
        references=(
            (("tracks", "*"), "tracks"),
            (("signposts", "*", "sources", "*"), "sources"),
            (("answer", "sources", "*"), "sources"),
            (("sources", "*"), "sources"),
        ),
    ),
    Kind(
        "judgments",
        "judgment",
        Judgment,
        references=((("sources", "*"), "sources"), (("replaces",), "judgments")),
    ),
    Kind("editions", "edition", Edition, body="bottom_line", id_field="as_of"),
    Kind("audiences", "audience", Audience),
)

KINDS: dict[str, Kind] = {kind.folder: kind for kind in _ALL}
"""Folder under `content/` → its kind."""

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in _ALL}
"""Singular name (`briefgen new source`) → its kind."""
