"""The brief: what one reader sees as of one date. Built by `select`, read by templates and JSON.

One module per kind of view; here they are all together, as the templates and the stages
after `brief` know them.
"""

from briefgen.brief.views.base import MarkingView, NoteView, View
from briefgen.brief.views.brief import Brief, Meta
from briefgen.brief.views.changes import (
    Changes,
    DevelopmentChange,
    JudgmentChange,
    MovedView,
    PositionChange,
    QuestionChange,
    SignpostChange,
    SourceChange,
    TrackChange,
)
from briefgen.brief.views.facts import (
    IssueView,
    JudgmentView,
    PositionView,
    QuoteView,
    ReplacedView,
)
from briefgen.brief.views.questions import (
    AnswerView,
    ClosureView,
    FollowUpView,
    QuestionView,
    SignpostView,
)
from briefgen.brief.views.sources import DiscreditView, SourceNote
from briefgen.brief.views.tracks import (
    DevelopmentView,
    LinkView,
    NarrativeView,
    Status,
    TrackView,
    TrendView,
)

__all__ = [
    "AnswerView",
    "Brief",
    "Changes",
    "ClosureView",
    "DevelopmentChange",
    "DevelopmentView",
    "DiscreditView",
    "FollowUpView",
    "IssueView",
    "JudgmentChange",
    "JudgmentView",
    "LinkView",
    "MarkingView",
    "Meta",
    "MovedView",
    "NarrativeView",
    "NoteView",
    "PositionChange",
    "PositionView",
    "QuestionChange",
    "QuestionView",
    "QuoteView",
    "ReplacedView",
    "SignpostChange",
    "SignpostView",
    "SourceChange",
    "SourceNote",
    "Status",
    "TrackChange",
    "TrackView",
    "TrendView",
    "View",
]
