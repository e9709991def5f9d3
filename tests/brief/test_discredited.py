"""What rests on a source in a brief: counts in the endnotes, pinned passages, and flags from
the day a source is discredited or withdrawn (never before)."""

from __future__ import annotations

from briefgen.render.html import render_html
from tests.conftest import brief_for

# The July report is withdrawn on 10 July; every kind of fact rests on it.
WITHDRAWN: dict[str, str] = {
    "sources/july-report.yaml": """\
        outlet: July Outlet
        url: https://example.org/july
        published: 2025-07-03
        reliability: C
        discredited: {date: 2025-07-10, reason: The outlet retracted the story., status: withdrawn}
        """,
    "sources/july-report.txt": None,
    "developments/july.yaml": """\
        date: 2025-07-03
        headline: Talks stall
        sources: [july-report]
        """,
    "questions/mediators.yaml": """\
        question: Who mediates?
        why: It tells us who can deliver.
        opened: 2025-05-07
        signposts:
          - text: A mediator is named.
            observed: 2025-07-03
            sources: [july-report]
        answer:
          text: Gamma mediates.
          date: 2025-07-03
          sources: [july-report]
        """,
    "judgments/july.yaml": """\
        statement: Talks resume by autumn.
        likelihood: unlikely
        confidence: low
        basis: B.
        date: 2025-07-03
        sources: [july-report, may-report]
        """,
    "editions/2025-07-11.md": "---\n---\nA week on.\n",
}


def flags(brief) -> dict[str, bool]:
    [track] = brief.tracks
    [question] = brief.questions
    [issue] = brief.positions
    return {
        "development": next(d for d in brief.timeline if d.id == "july").discredited,
        "status": track.status.discredited,
        "position": next(p for p in issue.positions if p.id == "alpha-talks-july").discredited,
        "answer": question.answer.discredited,
        "signpost": question.signposts[0].discredited,
        "judgment": next(j for j in brief.judgments if j.id == "july").discredited,
    }


def test_before_the_date_nothing_is_flagged(make_project) -> None:
    brief = brief_for(make_project(WITHDRAWN), "2025-07-03")
    assert not any(flags(brief).values())
    [note] = [s for s in brief.sources if s.id == "july-report"]
    assert note.discredited is None
    assert "discredited" not in note.model_dump()  # the JSON is what it was before


def test_from_the_date_every_fact_resting_on_it_is_flagged(make_project) -> None:
    root = make_project(WITHDRAWN)
    brief = brief_for(root, "2025-07-11")
    assert all(flags(brief).values()), flags(brief)
    [note] = [s for s in brief.sources if s.id == "july-report"]
    assert note.discredited is not None
    assert (note.discredited.status, note.discredited.date.iso()) == ("withdrawn", "2025-07-10")
    html = render_html(brief, root)
    assert "Withdrawn 10 Jul 2025:</b> The outlet retracted the story." in html
    assert html.count('class="flag-discredited"') >= 6


def test_what_changed_lists_the_source_and_what_rests_on_it(make_project) -> None:
    brief = brief_for(make_project(WITHDRAWN), "2025-07-11")
    assert brief.changes is not None
    [change] = brief.changes.discredited
    assert (change.id, change.status, change.reason) == (
        "july-report",
        "withdrawn",
        "The outlet retracted the story.",
    )
    assert change.items == (
        "development: EARLYEVENT first reported in July",
        "development: Talks stall",
        "position: Alpha on Talks",
        "status change: Alpha–Beta talks: stalled",
        "answer: Who mediates?",
        "signpost: A mediator is named.",
        "judgment: No deal soon.",
        "judgment: Talks resume by autumn.",
    )
    assert not brief.changes.empty


def test_endnotes_count_the_facts_known_by_the_day(make_project) -> None:
    root = make_project(WITHDRAWN)
    may = {s.id: s.resting for s in brief_for(root, "2025-05-08").sources}
    july = {s.id: s.resting for s in brief_for(root, "2025-07-11").sources}
    # May: a development, a position, a status change and the judgment of 8 May.
    assert may == {"may-report": 4}
    assert july == {"may-report": 5, "july-report": 8}
    html = render_html(brief_for(root, "2025-07-11"), root)
    assert "8 facts rest on it." in html


def test_public_counts_only_what_the_public_may_see(make_project) -> None:
    root = make_project(
        {
            **WITHDRAWN,
            "brief.yaml": "title: T\norganisation: O\nsensitivity: public\n",
            "judgments/july.yaml": WITHDRAWN["judgments/july.yaml"].rstrip(" ")
            + "        sensitivity: internal\n",
        }
    )
    public = {s.id: s.resting for s in brief_for(root, "2025-07-11", "public").sources}
    analyst = {s.id: s.resting for s in brief_for(root, "2025-07-11").sources}
    assert analyst["july-report"] - public["july-report"] == 1


def test_a_pinned_passage_is_shown_in_its_source_s_endnote(make_project) -> None:
    root = make_project(
        {
            "developments/confirmed.yaml": """\
                date: 2025-07-03
                headline: Alpha refuses talks
                sources: [july-report, may-report]
                excerpt: {text: No talks before withdrawal, source: july-report}
                """,
        }
    )
    brief = brief_for(root, "2025-07-03")
    notes = {s.id: s for s in brief.sources}
    assert notes["july-report"].excerpts == ("No talks before withdrawal",)
    assert notes["may-report"].excerpts == ()
    html = render_html(brief, root)
    excerpt = "“<bdi>No talks before withdrawal</bdi>”"
    assert f'<blockquote class="excerpt">{excerpt}</blockquote>' in html
