"""The content model: the single description of what an analyst may write in `content/`.

One module per kind (`settings`, `sources`, `actors`, `tracks`, `facts`, ...); `Content` holds
them all. Field descriptions are the documentation; `briefgen schema` turns them into JSON Schema.
"""

from __future__ import annotations

from briefgen.content.actors import Actor
from briefgen.content.editions import Audience, Edition
from briefgen.content.facts import Development, Judgment, Position
from briefgen.content.fields import Model
from briefgen.content.questions import Question
from briefgen.content.settings import Settings
from briefgen.content.sources import Source
from briefgen.content.tracks import Track


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
