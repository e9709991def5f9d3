"""What moved: every change as one line, the most important first."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.brief import views as b
from briefgen.brief.moved import ranked
from briefgen.brief.select import select
from briefgen.content.dates import PartialDate
from briefgen.content.load import load
from briefgen.render.html import render_html
from tests.conftest import BUILT_AT, REPO


def test_a_moved_judgment_comes_before_an_opened_track_and_news() -> None:
    day = PartialDate.parse("2025-07-03")
    changes = b.Changes(
        previous=None,
        developments=(b.DevelopmentChange(id="d", date=day, headline="Envoy visits"),),
        tracks=(
            b.TrackChange(id="t", name="Gulf talks", change="opened", before=None,
                          after="exploratory", date=day, note=None),
        ),
        judgments=(
            b.JudgmentChange(id="j", statement="No deal", change="moved",
                             before="likely, low confidence", after="very likely, low confidence",
                             reason=None),
        ),
    )  # fmt: skip
    moved = ranked(changes)
    assert [(m.kind, m.change) for m in moved] == [
        ("judgment", "moved"),
        ("track", "opened"),
        ("development", "new"),
    ]
    assert moved[1].subject == "Gulf talks" and moved[1].after == "exploratory"


def test_the_sample_executive_brief_names_what_moved() -> None:
    content = load(REPO).content
    [executive] = [a for a in content.audiences if a.id == "executive"]
    brief = select(content, dt.date(2025, 7, 3), executive, built_at=BUILT_AT)
    sample_text = re.sub(r"<[^>]+>", "", render_html(brief, REPO, template="executive.html"))
    assert "Gulf-mediated Syria–Israel talks opened (exploratory)." in sample_text
    assert "tracks opened" not in sample_text and "more changes" in sample_text
