"""The sections of one brief, built from the state on its date.

Every section reads the same `State` as *What changed*. An audience's window leaves out what
has had no news within it; an audience's limits keep the most important items of a section:
the newest judgments, the tracks and positions with the latest news, open questions by priority,
the newest developments. One module per kind of section; `Sections` joins them.
"""

from briefgen.brief.sections.facts import FactSections
from briefgen.brief.sections.questions import QuestionSections
from briefgen.brief.sections.tracks import TrackSections


class Sections(TrackSections, FactSections, QuestionSections):
    """Every section of one brief; call them in the audience's order, so that endnotes are
    numbered as a reader meets them."""
