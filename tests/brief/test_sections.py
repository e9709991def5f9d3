"""Audience limits keep the most important items of every section."""

from __future__ import annotations

import pytest

from tests.conftest import brief_for

EXTRA = {
    "audiences/top.yaml": (
        "label: Top\nsections: [judgments, tracks, positions, questions, timeline]\n"
        "limits: {judgments: 1, tracks: 1, positions: 1, questions: 1, timeline: 1}\n"
        "ceiling: restricted\nwindow: 0\n"
    ),
    "audiences/lines.yaml": (
        "label: Lines\nsections: [track_lines]\nlimits: {track_lines: 1}\n"
        "ceiling: restricted\nwindow: 0\n"
    ),
    # An issue that sorts first by name but has only old news.
    "positions/beta-border-may.yaml": (
        "actor: beta\nissue: Border\nstance: Hold the line.\ndate: 2025-05-07\n"
        "sources: [may-report]\n"
    ),
    # A second track whose latest status is older than alpha-beta's.
    "tracks/a-early.md": (
        "---\nname: A early track\nsummary: S\nformat: direct\nparties: [alpha]\nstatus:\n"
        "  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
        "sources: [may-report]\n---\nText.\n"
    ),
    "judgments/a-later-call.yaml": (
        "statement: Later call.\nlikelihood: unlikely\nconfidence: low\nbasis: B.\n"
        "date: 2025-07-03\nsources: [july-report]\n"
    ),
    "questions/a-minor.yaml": (
        "question: A minor question?\nwhy: W.\nopened: 2025-05-07\npriority: 4\n"
        "signposts:\n  - text: S.\nsources: [may-report]\n"
    ),
    "questions/z-major.yaml": (
        "question: The major question?\nwhy: W.\nopened: 2025-05-07\npriority: 1\n"
        "signposts:\n  - text: S.\nsources: [may-report]\n"
    ),
}


@pytest.fixture
def brief(make_project):  # type: ignore[no-untyped-def]
    return brief_for(make_project(EXTRA), "2025-07-03", "top")


def test_judgments_keep_the_newest(brief) -> None:  # type: ignore[no-untyped-def]
    assert [j.id for j in brief.judgments] == ["a-later-call"]


def test_tracks_keep_the_latest_news(brief, make_project) -> None:  # type: ignore[no-untyped-def]
    assert [t.id for t in brief.tracks] == ["alpha-beta"]
    lines = brief_for(make_project(EXTRA), "2025-07-03", "lines")
    assert [t.id for t in lines.tracks] == ["alpha-beta"]


def test_positions_keep_the_issue_with_the_latest_positions(brief) -> None:  # type: ignore[no-untyped-def]
    assert [i.issue for i in brief.positions] == ["Talks"]


def test_questions_keep_open_ones_by_priority(brief) -> None:  # type: ignore[no-untyped-def]
    assert [q.id for q in brief.questions] == ["z-major"]


def test_timeline_keeps_the_newest(brief) -> None:  # type: ignore[no-untyped-def]
    assert [d.id for d in brief.timeline] == ["confirmed"]


def test_a_source_cited_only_by_a_cut_item_is_not_listed(make_project) -> None:
    root = make_project(
        {
            **EXTRA,
            "audiences/top.yaml": (
                "label: Top\nsections: [judgments, sources]\nlimits: {judgments: 1}\n"
                "ceiling: restricted\nwindow: 0\n"
            ),
        }
    )
    brief = brief_for(root, "2025-07-03", "top")
    assert [s.id for s in brief.sources] == ["july-report"]
