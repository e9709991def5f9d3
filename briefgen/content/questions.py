"""Open questions, their signposts, and how they end: answered, superseded, closed."""

from __future__ import annotations

from typing import Annotated

from annotated_types import Ge, Le
from pydantic import (
    Field,
)

from briefgen.content.changing import Changing
from briefgen.content.dates import PartialDate
from briefgen.content.fields import (
    Markdown,
    MarkdownValue,
    MaybeExcerpt,
    MaybeSensitivity,
    Model,
    Note,
    Slug,
    SourceRefs,
    Text,
)


class Signpost(Model):
    """An observable event that would help answer a question."""

    timeless = frozenset({"text", "sources", "sensitivity", "excerpt"})
    dated = frozenset({"added", "observed"})

    text: Text
    added: PartialDate | None = Field(
        None,
        description="When the signpost was added; briefs as of earlier dates leave it out. "
        "Without it: when the question was opened.",
    )
    observed: PartialDate | None = Field(None, description="When it was seen, once it was.")
    sources: list[Slug] = Field(default_factory=list, description="Sources that report it.")
    sensitivity: MaybeSensitivity = None
    excerpt: MaybeExcerpt = None


class Answer(Model):
    """What answered a question, and when."""

    timeless = frozenset({"text", "sensitivity", "sources", "excerpt"})
    dated = frozenset({"date"})

    text: Markdown
    date: PartialDate
    sensitivity: MaybeSensitivity = None
    sources: SourceRefs
    excerpt: MaybeExcerpt = None


class FollowUp(Model):
    """A question replaced by a follow-up question."""

    timeless = frozenset({"question", "note", "sources"})
    dated = frozenset({"date"})

    question: Slug = Field(description="Id of the follow-up question.")
    date: PartialDate = Field(description="From when the follow-up replaces this question.")
    note: Text | None = Field(None, description="One line: why.")
    sources: list[Slug] = Field(default_factory=list, description="Sources behind the change.")


class Closure(Model):
    """A question closed without an answer: moot, overtaken by events."""

    timeless = frozenset({"reason", "sources"})
    dated = frozenset({"date"})

    date: PartialDate = Field(description="When it stopped needing an answer.")
    reason: Text = Field(description="Why, in one line (e.g. moot since the talks ended).")
    sources: list[Slug] = Field(default_factory=list, description="Sources behind the closure.")


Priority = Annotated[int, Ge(1), Le(5)]


class Question(Model):
    """A question the brief cannot yet answer, and how we would know."""

    timeless = frozenset({"id", "question", "tracks", "note", "sensitivity", "sources"})
    dated = frozenset({"signposts", "opened", "answer", "superseded_by", "closed"})

    id: Slug
    question: Text
    why: Changing[MarkdownValue] = Field(description="Why it matters; may change over time.")
    signposts: list[Signpost] = Field(min_length=1)
    tracks: list[Slug] = Field(default_factory=list, description="Track ids it bears on.")
    opened: PartialDate = Field(description="When the question was first asked.")
    priority: Changing[Priority] = Field(
        Changing[Priority](3), description="1 is most important; may change over time."
    )
    answer: Answer | None = None
    superseded_by: FollowUp | None = Field(
        None, description="The follow-up question that replaces this one, from a date."
    )
    closed: Closure | None = Field(None, description="Closed without an answer (moot).")
    note: Note | None = Field(
        None, description="Analyst's note: internal unless it says otherwise."
    )
    sensitivity: MaybeSensitivity = None
    sources: list[Slug] = Field(default_factory=list, description="Sources that raise it.")
