"""Fields that change over time show, in every brief, the value known on its date."""

from __future__ import annotations

from pathlib import Path

from briefgen.render.html import render_html
from tests.conftest import brief_for

TRACK = """\
---
name: Alpha–Beta talks
summary:
  - value: Indirect talks between Alpha and Beta.
    date: 2025-05-07
    sources: [may-report]
  - value: JULYSUMMARY direct talks between Alpha and Beta.
    date: 2025-07-03
    sources: [july-report]
format:
  - value: indirect
    date: 2025-05-07
    sources: [may-report]
  - value: direct
    date: 2025-07-03
    sources: [july-report]
parties: [alpha, beta]
mediators:
  - value: [{actor: gamma, confirmed: false}]
    date: 2025-05-07
    sources: [may-report]
  - value: [delta]
    date: 2025-07-03
    sources: [july-report]
watch:
  - value: [A first meeting.]
    date: 2025-05-07
  - value: [JULYWATCH a second meeting.]
    date: 2025-07-03
status:
  - status: active
    date: 2025-05-07
    sources: [may-report]
sources: [may-report]
---
Background.
"""

ACTORS = {
    "actors/gamma.yaml": "name: Gamma\nshort_name: Gamma\nkind: state\n",
    "actors/delta.yaml": "name: Delta\nshort_name: Delta\nkind: state\n",
}


def html(root: Path, day: str, audience: str = "analyst") -> str:
    return render_html(brief_for(root, day, audience), root)


def test_track_format_mediators_summary_and_watch_as_known_then(make_project) -> None:
    root = make_project({**ACTORS, "tracks/alpha-beta.md": TRACK})
    [may] = brief_for(root, "2025-05-08").tracks
    assert (may.format, may.mediators, may.unconfirmed) == ("indirect", ("Gamma",), ("Gamma",))
    assert may.watch == ("A first meeting.",) and "JULY" not in (may.summary or "")
    [july] = brief_for(root, "2025-07-03").tracks
    assert (july.format, july.mediators, july.unconfirmed) == ("direct", ("Delta",), ())
    assert july.watch == ("JULYWATCH a second meeting.",)
    page = html(root, "2025-05-08")
    assert '<bdi>Gamma</bdi> <span class="aside">(reported, not confirmed)</span>' in page
    assert "JULY" not in page and "Delta" not in page


def test_a_negotiator_replaced_shows_the_role_of_the_day(make_project) -> None:
    root = make_project(
        {
            "actors/alpha-envoy.yaml": (
                "name: Ann Envoy\nshort_name: Envoy\nkind: person\nrole:\n"
                "  - value: Chief negotiator\n    date: 2025-05-01\n"
                "  - value: Former negotiator\n    date: 2025-07-02\n    sources: [july-report]\n"
            ),
            "positions/alpha-talks-may.yaml": (
                "actor: alpha-envoy\nissue: Talks\nstance: Calm.\ndate: 2025-05-07\n"
                "sources: [may-report]\n"
            ),
        }
    )
    [issue] = brief_for(root, "2025-05-08").positions
    assert [(p.actor, p.actor_role) for p in issue.positions] == [("Envoy", "Chief negotiator")]
    july = brief_for(root, "2025-07-03")
    roles = {p.actor: p.actor_role for i in july.positions for p in i.positions}
    assert roles["Envoy"] == "Former negotiator"


def test_settings_subtitle_written_later_stays_out_of_earlier_briefs(make_project) -> None:
    root = make_project(
        {
            "brief.yaml": (
                "title: Test Brief\norganisation: Test Desk\nsubtitle:\n"
                "  - value: Indirect talks\n    date: 2025-05-01\n"
                "  - value: AUGSUBTITLE direct talks\n    date: 2025-08-01\n"
            )
        }
    )
    may = brief_for(root, "2025-07-03")
    assert may.meta.subtitle == "Indirect talks"
    assert "AUGSUBTITLE" not in html(root, "2025-07-03") + may.model_dump_json()
    assert brief_for(root, "2025-08-01").meta.subtitle == "AUGSUBTITLE direct talks"


def test_signposts_and_notes_written_later_stay_out(make_project) -> None:
    root = make_project(
        {
            "questions/mediators.yaml": (
                "question: Who mediates?\nwhy: W.\nopened: 2025-05-07\nsignposts:\n"
                "  - text: A mediator is named.\n  - text: LATESIGNPOST a second one.\n"
                "    added: 2025-07-03\nnote:\n  text: LATENOTE hindsight.\n  date: 2025-07\n"
            )
        }
    )
    may = brief_for(root, "2025-05-08").model_dump_json()
    assert "LATESIGNPOST" not in may and "LATENOTE" not in may
    july = brief_for(root, "2025-07-03").model_dump_json()
    assert "LATESIGNPOST" in july and "LATENOTE" not in july  # a July note counts from 31 July
    assert "LATENOTE" in brief_for(root, "2025-07-31").model_dump_json()


def test_question_superseded_by_a_follow_up_is_linked_both_ways(make_project) -> None:
    root = make_project(
        {
            "questions/mediators.yaml": (
                "question: Who mediates?\nwhy: W.\nopened: 2025-05-07\n"
                "signposts: [{text: A mediator is named.}]\n"
                "superseded_by:\n  question: terms\n  date: 2025-07-03\n  note: Mediator known.\n"
            ),
            "questions/terms.yaml": (
                "question: On what terms?\nwhy: W.\nopened: 2025-07-03\n"
                "signposts: [{text: A draft leaks.}]\nsources: [july-report]\n"
            ),
        }
    )
    may = brief_for(root, "2025-05-08")
    assert [(q.id, q.superseded_by) for q in may.questions] == [("mediators", None)]
    july = brief_for(root, "2025-07-03")
    by_id = {q.id: q for q in july.questions}
    assert by_id["mediators"].superseded_by is not None
    assert by_id["mediators"].superseded_by.question == "On what terms?"
    assert by_id["terms"].follows == ("Who mediates?",)
    assert [q.id for q in july.questions] == ["terms", "mediators"]  # open first
    assert july.changes is not None
    assert ("mediators", "superseded", "On what terms?") in [
        (c.id, c.change, c.answer) for c in july.changes.questions
    ]


def test_question_closed_as_moot(make_project) -> None:
    root = make_project(
        {
            "questions/mediators.yaml": (
                "question: Who mediates?\nwhy: W.\nopened: 2025-05-07\n"
                "signposts: [{text: A mediator is named.}]\n"
                "closed:\n  date: 2025-07-03\n  reason: Moot since the talks went direct.\n"
                "  sources: [july-report]\n"
            )
        }
    )
    [q] = brief_for(root, "2025-07-03").questions
    assert q.closed is not None and q.closed.reason.startswith("Moot")
    assert "Closed" in html(root, "2025-07-03")
    assert brief_for(root, "2025-05-08").questions[0].closed is None


def test_judgment_past_its_horizon_is_marked_or_dropped(make_project) -> None:
    extra = {
        "judgments/no-deal.yaml": (
            "statement: No deal soon.\nlikelihood: likely\nconfidence: low\nbasis: B.\n"
            "date: 2025-05-08\nhorizon: 2025-06\nsources: [may-report]\n"
        ),
        "audiences/strict.yaml": (
            "label: Strict\nsections: [judgments]\nceiling: restricted\nexpired: drop\n"
        ),
    }
    root = make_project(extra)
    [may] = brief_for(root, "2025-05-08").judgments
    assert not may.expired
    [july] = brief_for(root, "2025-07-03").judgments
    assert july.expired and "expired: horizon was Jun 2025" in html(root, "2025-07-03")
    assert brief_for(root, "2025-07-03", "strict").judgments == ()


def test_a_different_statement_is_shown_as_replacing_the_old_one(make_project) -> None:
    root = make_project(
        {
            "judgments/deal-unlikely.yaml": (
                "statement: A deal is very unlikely.\nlikelihood: very unlikely\n"
                "confidence: moderate\nbasis: Stalled.\ndate: 2025-07-03\nreplaces: no-deal\n"
                "reason: Both sides hardened.\nsources: [july-report]\n"
            )
        }
    )
    [j] = brief_for(root, "2025-07-03").judgments
    assert j.replaces is not None and j.replaces.statement == "No deal soon."
    assert j.reason == "Both sides hardened."
    page = html(root, "2025-07-03")
    assert "Replaces</span> “No deal soon.”" in page


def test_a_track_that_became_another_is_shown_on_both(make_project) -> None:
    root = make_project(
        {
            "tracks/direct.md": (
                "---\nname: Direct talks\nsummary: S.\nformat: direct\nparties: [alpha, beta]\n"
                "status:\n  - status: active\n    date: 2025-07-03\n    sources: [july-report]\n"
                "sources: [july-report]\n---\nText.\n"
            ),
            "tracks/alpha-beta.md": TRACK.replace(
                "status:\n",
                "links:\n  - relation: became\n    track: direct\n    date: 2025-07-03\n"
                "    sources: [july-report]\nstatus:\n",
            ),
            **ACTORS,
        }
    )
    july = brief_for(root, "2025-07-03")
    links = {t.id: [(k.relation, k.track) for k in t.links] for t in july.tracks}
    assert links == {
        "alpha-beta": [("became", "Direct talks")],
        "direct": [("continues", "Alpha–Beta talks")],
    }
    assert july.changes is not None
    assert [(c.id, c.change, c.other) for c in july.changes.tracks if c.other] == [
        ("alpha-beta", "became", "Direct talks")
    ]
    assert brief_for(root, "2025-05-08").tracks[0].links == ()


def test_a_status_that_changed_and_changed_back_is_reported(make_project) -> None:
    root = make_project(
        {
            **{"sources/june-report.yaml": "outlet: J\npublished: 2025-06-10\nreliability: B\n"},
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S.\nformat: direct\nparties: [alpha]\nstatus:\n"
                "  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
                "  - status: suspended\n    date: 2025-06-10\n    sources: [june-report]\n"
                "  - status: active\n    date: 2025-07-01\n    sources: [july-report]\n"
                "sources: [may-report]\n---\nText.\n"
            ),
        }
    )
    july = brief_for(root, "2025-07-03")
    assert july.changes is not None
    [change] = july.changes.tracks
    assert (change.change, change.before, change.interim, change.after) == (
        "reverted",
        "active",
        ("suspended",),
        "active",
    )
    assert "changed and changed back" in html(root, "2025-07-03")
