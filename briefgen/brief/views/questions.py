"""Open questions with their signposts, answers, follow-ups and closures."""

from __future__ import annotations

from briefgen.brief.views.base import NoteView, View
from briefgen.content.dates import PartialDate


class SignpostView(View):
    sensitivity: str
    text: str
    observed: PartialDate | None
    seen_in: tuple[str, ...] = ()
    """Outlets that reported the observation."""
    cites: tuple[int, ...]
    discredited: bool = False


class AnswerView(View):
    sensitivity: str
    text: str
    date: PartialDate
    cites: tuple[int, ...]
    discredited: bool = False


class FollowUpView(View):
    id: str
    question: str
    date: PartialDate
    note: str | None


class ClosureView(View):
    date: PartialDate
    reason: str


class QuestionView(View):
    sensitivity: str
    id: str
    question: str
    why: str | None
    signposts: tuple[SignpostView, ...]
    tracks: tuple[str, ...]
    opened: PartialDate
    priority: int
    answer: AnswerView | None
    superseded_by: FollowUpView | None = None
    follows: tuple[str, ...] = ()
    """The questions this one follows up."""
    closed: ClosureView | None = None
    cites: tuple[int, ...]
    new: bool
    updated: bool = False
    note: NoteView | None
