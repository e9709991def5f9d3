"""As-of semantics: nothing known only after the date reaches the brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import brief_for


def brief_as_of(root: Path, day: str, audience: str = "analyst"):
    return brief_for(root, day, audience)


def test_may_brief_has_nothing_first_reported_in_july(project: Path) -> None:
    brief = brief_as_of(project, "2025-05-08")
    dumped = brief.model_dump_json()
    for marker in ("JULYNARRATIVE", "JULYSTANCE", "JULYANSWER", "EARLYEVENT", "July Outlet"):
        assert marker not in dumped
    [track] = brief.tracks
    assert (track.status.status, [s.status for s in track.history]) == ("active", ["active"])
    assert [s.id for s in brief.sources] == ["may-report"]
    assert brief.questions[0].answer is None
    assert brief.bottom_line == "Alpha confirmed talks."


def test_event_counts_from_its_first_report(project: Path) -> None:
    """An event of 2 May first reported on 3 July is not in a brief as of 5 May."""
    may = {d.id for d in brief_as_of(project, "2025-05-05").timeline}
    july = {d.id for d in brief_as_of(project, "2025-07-03").timeline}
    assert "early-event" not in may
    assert "early-event" in july


def test_july_brief_has_latest_status_position_and_answer(project: Path) -> None:
    brief = brief_as_of(project, "2025-07-03")
    [track] = brief.tracks
    assert track.status.status == "stalled"
    assert [p.text.startswith("JULYNARRATIVE") for p in track.narrative] == [False, True]
    [issue] = brief.positions
    [position] = issue.positions
    assert position.stance.startswith("JULYSTANCE")
    assert position.quote and position.quote.text == "no talks before withdrawal"
    assert brief.questions[0].answer is not None


def test_period_marks_and_edition_meta(project: Path) -> None:
    brief = brief_as_of(project, "2025-07-03")
    meta = brief.meta
    assert (meta.period_start, meta.period_end) == (dt.date(2025, 6, 27), dt.date(2025, 7, 3))
    assert meta.edition_label == "Weekly brief · 2025-W27"
    assert (meta.edition_number, meta.next_edition) == (2, dt.date(2025, 7, 10))
    new = {d.id: d.new for d in brief.timeline}
    assert new == {"early-event": True, "confirmed": False}


def test_endnotes_are_numbered_without_gaps_in_order_of_citation(project: Path) -> None:
    brief = brief_as_of(project, "2025-07-03")
    assert [(s.number, s.id) for s in brief.sources] == [(1, "may-report"), (2, "july-report")]


def test_source_of_month_precision_counts_from_month_end_unless_known_from(make_project) -> None:
    root = make_project(
        {
            "sources/may-report.yaml": "outlet: M\npublished: 2025-05\nreliability: B\n",
        }
    )
    assert brief_as_of(root, "2025-05-08").timeline == ()
    root = make_project(
        {
            "sources/may-report.yaml": (
                "outlet: M\npublished: 2025-05\nknown_from: 2025-05-07\nreliability: B\n"
            ),
        }
    )
    [event] = brief_as_of(root, "2025-05-08").timeline
    assert event.id == "confirmed"


def test_replaced_judgment_gives_way(make_project) -> None:
    root = make_project(
        {
            "judgments/deal-unlikely.yaml": (
                "statement: Deal very unlikely.\nlikelihood: very unlikely\nconfidence: moderate\n"
                "basis: Talks stalled.\ndate: 2025-07-03\nreplaces: no-deal\nreason: Stalled.\n"
                "sources: [july-report]\n"
            ),
        }
    )
    assert [j.id for j in brief_as_of(root, "2025-05-08").judgments] == ["no-deal"]
    assert [j.id for j in brief_as_of(root, "2025-07-03").judgments] == ["deal-unlikely"]


def test_track_first_known_later_is_not_named_anywhere_earlier(make_project) -> None:
    root = make_project(
        {
            "tracks/late.md": (
                "---\nname: LATETRACK\nsummary: S\nformat: direct\nparties: [alpha]\nstatus:\n"
                "  - status: proposed\n    date: 2025-07-03\n    sources: [july-report]\n"
                "sources: [july-report]\n---\nText\n"
            ),
            "questions/mediators.yaml": (
                "question: Who mediates?\nwhy: W\nopened: 2025-05-07\ntracks: [alpha-beta, late]\n"
                "signposts:\n  - text: A mediator is named.\n"
            ),
            "developments/confirmed.yaml": (
                "date: 2025-05-07\nheadline: H\ntracks: [alpha-beta, late]\nsources: [may-report]\n"
            ),
        }
    )
    assert "LATETRACK" not in brief_as_of(root, "2025-05-08").model_dump_json()
    assert "LATETRACK" in brief_as_of(root, "2025-07-03").model_dump_json()


def test_window_keeps_history_out_unless_asked(make_project) -> None:
    old = {
        "sources/old.yaml": "outlet: O\npublished: 2025-01-02\nreliability: B\n",
        "developments/old-event.yaml": "date: 2025-01-01\nheadline: OLDEVENT\nsources: [old]\n",
        "judgments/old-call.yaml": (
            "statement: OLDJUDGMENT\nlikelihood: likely\nconfidence: low\nbasis: B\n"
            "date: 2025-01-02\nsources: [old]\n"
        ),
        "audiences/archivist.yaml": (
            "label: Archive\nsections: [judgments, timeline, sources]\nceiling: restricted\n"
            "window: 0\n"
        ),
    }
    root = make_project(old)
    recent = brief_as_of(root, "2025-07-03").model_dump_json()
    # Settled history ages out; a live judgment stays whatever its age.
    assert "OLDEVENT" not in recent and "OLDJUDGMENT" in recent
    everything = brief_as_of(root, "2025-07-03", "archivist").model_dump_json()
    assert "OLDEVENT" in everything and "OLDJUDGMENT" in everything
    assert "OLDEVENT" in brief_as_of(root, "2025-02-01").model_dump_json()
