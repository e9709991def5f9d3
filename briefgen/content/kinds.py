"""Every kind of content file, described once: its folder, model, body and references."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.content.actors import Actor
from briefgen.content.changing import changing_fields
from briefgen.content.documents import Loc
from briefgen.content.editions import Audience, Edition
from briefgen.content.facts import Development, Judgment, Position
from briefgen.content.fields import Model
from briefgen.content.questions import Question
from briefgen.content.sources import Source
from briefgen.content.tracks import Track


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
    """Fields that name items of another kind (by folder). In a path, `*` walks a list, `~`
    takes the values of a changing field (its plain value, or each entry's), `#` walks the
    entries of a changing field's history, and `?key` takes a mapping's key or a plain id."""

    def all_references(self) -> tuple[tuple[Loc, str], ...]:
        """The declared references, and the sources cited by every changing field's entries."""
        cited = tuple(
            ((name, "#", "sources", "*"), "sources") for name in changing_fields(self.model)
        )
        return self.references + cited


_ALL = (
    Kind("sources", "source", Source),
    Kind("actors", "actor", Actor, references=((("affiliation",), "actors"),)),
    Kind(
        "tracks",
        "track",
        Track,
        body="narrative",
        references=(
            (("parties", "~", "*"), "actors"),
            (("mediators", "~", "*", "?actor"), "actors"),
            (("supporters", "~", "*"), "actors"),
            (("status", "*", "sources", "*"), "sources"),
            (("status", "*", "excerpt", "source"), "sources"),
            (("links", "*", "track"), "tracks"),
            (("links", "*", "sources", "*"), "sources"),
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
            (("excerpt", "source"), "sources"),
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
            (("excerpt", "source"), "sources"),
        ),
    ),
    Kind(
        "questions",
        "question",
        Question,
        references=(
            (("tracks", "*"), "tracks"),
            (("signposts", "*", "sources", "*"), "sources"),
            (("signposts", "*", "excerpt", "source"), "sources"),
            (("answer", "sources", "*"), "sources"),
            (("answer", "excerpt", "source"), "sources"),
            (("superseded_by", "question"), "questions"),
            (("superseded_by", "sources", "*"), "sources"),
            (("closed", "sources", "*"), "sources"),
            (("sources", "*"), "sources"),
        ),
    ),
    Kind(
        "judgments",
        "judgment",
        Judgment,
        references=(
            (("sources", "*"), "sources"),
            (("excerpt", "source"), "sources"),
            (("replaces",), "judgments"),
        ),
    ),
    Kind("editions", "edition", Edition, body="bottom_line", id_field="as_of"),
    Kind("audiences", "audience", Audience),
)

KINDS: dict[str, Kind] = {kind.folder: kind for kind in _ALL}
"""Folder under `content/` → its kind."""

BY_NAME: dict[str, Kind] = {kind.name: kind for kind in _ALL}
"""Singular name (`briefgen new source`) → its kind."""
