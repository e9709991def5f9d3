"""What changed between editions, computed from what was known on each date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefgen.brief.changes import compare
from briefgen.content.load import load
from tests.conftest import brief_for

MAY, JUNE, JULY = dt.date(2025, 5, 8), dt.date(2025, 6, 1), dt.date(2025, 7, 3)


def changes(root: Path, before: dt.date | None, after: dt.date):
    return compare(load(root).content, before, after)


def test_each_kind_of_change(make_project) -> None:
    root = make_project(
        {
            "judgments/deal-unlikely.yaml": (
                "statement: Deal very unlikely.\nlikelihood: very unlikely\nconfidence: moderate\n"
                "basis: Talks stalled.\ndate: 2025-07-03\nreplaces: no-deal\n"
                "reason: Both sides hardened.\nsources: [july-report]\n"
            ),
            "questions/mediators.yaml": (
                "question: Who mediates?\nwhy: W\nopened: 2025-05-07\nsignposts:\n"
                "  - text: A mediator is named.\n    observed: 2025-07-02\n"
                "    sources: [july-report]\n"
                "answer:\n  text: Gamma.\n  date: 2025-07-03\n  sources: [july-report]\n"
            ),
            "questions/late.yaml": (
                "question: Will talks resume?\nwhy: W\nopened: 2025-07-03\n"
                "signposts: [{text: A meeting.}]\nsources: [july-report]\n"
            ),
        }
    )
    c = changes(root, MAY, JULY)
    assert [(t.change, t.before, t.after) for t in c.tracks] == [("status", "active", "stalled")]
    assert [(p.change, p.before, p.after) for p in c.positions] == [
        ("shifted", "Alpha wants calm.", "JULYSTANCE Alpha wants withdrawal first."),
    ]
    assert [(q.id, q.change) for q in c.questions] == [
        ("late", "opened"),
        ("mediators", "answered"),
    ]
    assert [s.text for s in c.signposts] == ["A mediator is named."]
    # A different statement replaces the old judgment; it is not the old one "moving".
    assert [(j.change, j.before_statement) for j in c.judgments] == [("replaced", "No deal soon.")]
    assert [(j.change, j.before, j.after, j.reason) for j in c.judgments] == [
        (
            "replaced",
            "likely, low confidence",
            "very unlikely, moderate confidence",
            "Both sides hardened.",
        ),
    ]
    assert [d.id for d in c.developments] == ["early-event"]
    assert not c.empty


def test_opened_and_ended_tracks_and_trend_with_reason(make_project) -> None:
    root = make_project(
        {
            "tracks/alpha-beta.md": (
                "---\nname: Alpha–Beta talks\nsummary: S\nformat: indirect\n"
                "parties: [alpha, beta]\n"
                "status:\n  - {status: active, date: 2025-05-07, sources: [may-report]}\n"
                "  - {status: concluded, date: 2025-07-02, sources: [july-report]}\n"
                "trend:\n  - {date: 2025-07-03, trend: improved, reason: A deal was signed.}\n"
                "sources: [may-report]\n---\nText\n"
            ),
            "tracks/new-track.md": (
                "---\nname: New channel\nsummary: S\nformat: direct\nparties: [alpha]\n"
                "status:\n  - {status: exploratory, date: 2025-07-03, sources: [july-report]}\n"
                "sources: [july-report]\n---\nText\n"
            ),
        }
    )
    c = changes(root, MAY, JULY)
    assert [(t.name, t.change, t.after) for t in c.tracks] == [
        ("Alpha–Beta talks", "ended", "concluded"),
        ("New channel", "opened", "exploratory"),
    ]
    assert [(t.name, t.trend, t.reason) for t in c.trends] == [
        ("Alpha–Beta talks", "improved", "A deal was signed."),
    ]
    july = brief_for(root, "2025-07-03")
    track = next(t for t in july.tracks if t.id == "alpha-beta")
    assert (track.updated, track.new, track.trend.trend) == (True, False, "improved")


def test_no_change_and_first_edition(project: Path) -> None:
    same = changes(project, JUNE, dt.date(2025, 6, 20))
    assert same.empty and same.previous == JUNE
    first = brief_for(project, "2025-05-08")
    assert first.changes is not None and first.changes.previous is None


def test_brief_compares_with_previous_edition_and_marks_items(project: Path) -> None:
    july = brief_for(project, "2025-07-03")
    assert july.meta.previous_edition == MAY
    assert july.changes.previous == MAY
    [issue] = july.positions
    assert (issue.positions[0].updated, issue.positions[0].new) == (True, False)
    assert [(d.id, d.new) for d in july.timeline] == [("confirmed", False), ("early-event", True)]


def test_trend_change_without_reason_is_a_warning(make_project) -> None:
    root = make_project(
        {
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S\nformat: indirect\nparties: [alpha]\n"
                "status:\n  - {status: active, date: 2025-05-07, sources: [may-report]}\n"
                "trend:\n  - {date: 2025-07-03, trend: deteriorated}\n"
                "sources: [may-report]\n---\nText\n"
            ),
        }
    )
    assert [str(w) for w in load(root).warnings] == [
        "content/tracks/alpha-beta.md:9: warning: trend.0.reason: the track deteriorated but "
        "no reason says why",
    ]


def test_past_edition_is_rebuilt_unchanged_after_later_facts(project: Path) -> None:
    before = brief_for(project, "2025-05-08").model_dump_json()
    (project / "content" / "developments" / "later.yaml").write_text(
        "date: 2025-05-05\nheadline: Learned later\nsources: [july-report]\n"
    )
    (project / "content" / "editions" / "2025-08-01.md").write_text("---\n---\nAugust.\n")
    (project / "content" / "sources" / "august.yaml").write_text(
        "outlet: A\npublished: 2025-08-01\nreliability: B\n"
    )
    assert brief_for(project, "2025-05-08").model_dump_json() == before
