"""Truth in handling: every item marked, a banner that matches, nothing dropped silently."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from briefgen.brief.select import Selection, emptied
from briefgen.cli import main
from briefgen.content.load import load
from briefgen.render.html import render_html
from tests.conftest import BUILT_AT, brief_for

RESTRICTED_JUDGMENT = {
    "judgments/secret.yaml": (
        "statement: SECRETCALL.\nlikelihood: likely\nconfidence: low\nbasis: B.\n"
        "date: 2025-07-03\nsources: [july-report]\nsensitivity: restricted\n"
    ),
    "brief.yaml": "title: T\norganisation: O\nhandling: INTERNAL\nsensitivity: public\n",
}


def test_banner_is_the_highest_mark_shown_never_below_the_profile(make_project) -> None:
    root = make_project(RESTRICTED_JUDGMENT)
    analyst = brief_for(root, "2025-07-03", "analyst")
    assert (analyst.meta.handling, analyst.meta.sensitivity) == ("RESTRICTED", "restricted")
    assert {j.id: j.sensitivity for j in analyst.judgments}["secret"] == "restricted"
    page = render_html(analyst, root)
    assert 'content: "RESTRICTED"' in page and '<span class="handling">RESTRICTED</span>' in page
    assert '<span class="pm pm-restricted" title="RESTRICTED">(R)</span> SECRETCALL.' in page
    # The executive profile cannot see it: its banner falls back to the brief's own label.
    executive = brief_for(root, "2025-07-03", "executive")
    assert executive.meta.handling == "INTERNAL" and "SECRETCALL" not in executive.model_dump_json()
    public = brief_for(root, "2025-07-03", "public")
    assert public.meta.handling == "PUBLIC"
    assert set(public.meta.markings) == {"public"}  # no word of the levels above it


def test_markings_are_settings_and_portion_marks_can_be_switched_off(make_project) -> None:
    root = make_project(
        {
            **RESTRICTED_JUDGMENT,
            "brief.yaml": (
                "title: T\norganisation: O\nhandling: TLP:AMBER\nsensitivity: public\n"
                "markings:\n  public: {label: 'TLP:CLEAR', short: 'TLP:C'}\n"
                "  internal: {label: 'TLP:AMBER', short: 'TLP:A'}\n"
                "  restricted: {label: 'TLP:RED', short: 'TLP:R'}\n"
            ),
            "audiences/quiet.yaml": (
                "label: Quiet\nsections: [judgments]\nceiling: internal\nportion_marks: false\n"
            ),
        }
    )
    analyst = brief_for(root, "2025-07-03")
    assert analyst.meta.handling == "TLP:RED"
    assert "(TLP:R)" in render_html(analyst, root)
    quiet = brief_for(root, "2025-07-03", "quiet")
    assert quiet.meta.handling == "TLP:AMBER"  # the floor: its label names internal
    assert 'class="pm' not in render_html(quiet, root)


def test_a_part_inherits_its_item_not_the_brief_default(make_project) -> None:
    """A public track whose status changes say nothing reaches the public edition whole."""
    root = make_project(
        {
            "brief.yaml": "title: T\norganisation: O\n",  # default: internal
            "sources/may-report.yaml": (
                "outlet: M\npublished: 2025-05-07\nreliability: B\nsensitivity: public\n"
            ),
            "actors/alpha.yaml": "name: A\nshort_name: Alpha\nkind: state\nsensitivity: public\n",
            "tracks/alpha-beta.md": (
                "---\nname: Public talks\nsummary: S.\nformat: direct\nparties: [alpha]\n"
                "status:\n  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
                "sources: [may-report]\nsensitivity: public\n---\nText.\n"
            ),
        }
    )
    [track] = brief_for(root, "2025-05-08", "public").tracks
    assert (track.name, track.status.sensitivity) == ("Public talks", "public")


def test_explain_accounts_for_what_each_brief_leaves_out(make_project) -> None:
    root = make_project(RESTRICTED_JUDGMENT)
    content = load(root).content
    [public] = [a for a in content.audiences if a.id == "public"]
    reasons = {
        (o.kind, o.id, o.part): o.reason
        for o in Selection(content, public).explain(dt.date(2025, 5, 8))
    }
    assert reasons[("judgments", "secret", "")] == "ceiling"
    assert reasons[("developments", "early-event", "")] == "not yet known"
    assert reasons[("positions", "alpha-talks-july", "")] == "not yet known"
    result = CliRunner().invoke(
        main, ["explain", "--project", str(root), "--as-of", "2025-07-03", "--audience", "public"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "content/judgments/secret.yaml:1: judgment secret: above the audience's ceiling "
        "(restricted (its own) is above public)" in result.output
    )
    assert (
        "content/positions/alpha-talks-may.yaml:1: position alpha-talks-may: an actor's "
        "earlier position, superseded by a later one" in result.output
    )
    rows = json.loads(
        CliRunner()
        .invoke(main, ["explain", "--project", str(root), "--as-of", "2025-07-03", "--json"])
        .output
    )
    assert {"audience": "public", "id": "secret", "reason": "ceiling", "line": 1}.items() <= next(
        r for r in rows if r["id"] == "secret" and r["audience"] == "public"
    ).items()


def test_build_says_what_each_audience_leaves_out(make_project) -> None:
    root = make_project(RESTRICTED_JUDGMENT)
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if line.startswith("executive:")]
    assert "1 ceiling" in line and line.endswith("; see briefgen explain")


def test_window_keeps_what_is_live_months_later(make_project) -> None:
    root = make_project({})
    later = brief_for(root, "2026-03-01", "analyst")  # 35 weeks after the last fact
    assert [j.id for j in later.judgments] == ["no-deal"]
    assert [t.id for t in later.tracks] == ["alpha-beta"]  # stalled, not concluded
    assert [p.id for issue in later.positions for p in issue.positions] == ["alpha-talks-july"]
    assert later.timeline == ()  # developments are settled history
    assert later.questions == ()  # answered in July: settled, aged out


def test_what_changed_never_points_at_what_the_brief_does_not_show(make_project) -> None:
    root = make_project(
        {
            "audiences/slim.yaml": (
                "label: Slim\nsections: [changes, judgments]\nceiling: restricted\n"
            )
        }
    )
    slim = brief_for(root, "2025-07-03", "slim")
    assert slim.changes is not None
    assert slim.changes.tracks == () and slim.changes.positions == ()
    assert slim.changes.developments == () and slim.changes.questions == ()
    assert "Nothing this brief shows has changed" in render_html(slim, root)


def test_executive_watches_the_first_signpost_not_yet_observed(make_project) -> None:
    root = make_project(
        {
            "questions/mediators.yaml": (
                "question: Who mediates?\nwhy: W.\nopened: 2025-05-07\nsignposts:\n"
                "  - text: FIRSTSIGN a name leaks.\n    observed: 2025-07-02\n"
                "    sources: [july-report]\n  - text: SECONDSIGN a mediator is named.\n"
            )
        }
    )
    page = render_html(brief_for(root, "2025-07-03", "executive"), root, template="executive.html")
    questions = page[page.index('id="open-questions"') :]
    assert "To watch: SECONDSIGN" in questions and "FIRSTSIGN" not in questions
    assert "<b>Seen:</b> FIRSTSIGN a name leaks." in page  # what moved names it
    [q] = brief_for(root, "2025-07-03", "analyst").questions
    assert q.signposts[0].seen_in == ("July Outlet",)


def test_out_of_series_brief_is_marked_and_kept_out_of_the_archive(project: Path) -> None:
    brief = brief_for(project, "2025-06-01")
    assert brief.meta.edition_number is None
    assert "out of series" in render_html(brief, project)
    run = CliRunner().invoke
    assert run(main, ["build", "--project", str(project), "--format", "html"]).exit_code == 0
    args = ["build", "--project", str(project), "--format", "html", "--as-of", "2025-06-01"]
    assert run(main, args).exit_code == 0
    index = (project / "output" / "index.html").read_text()
    assert "2025-06-01/" not in index and "2025-07-03/" in index
    assert run(main, [*args, "--archive"]).exit_code == 0
    assert "2025-06-01/" in (project / "output" / "index.html").read_text()


def test_a_deleted_edition_folder_leaves_no_dead_link(project: Path) -> None:
    run = CliRunner().invoke
    args = ["build", "--project", str(project), "--format", "html"]
    assert run(main, [*args, "--as-of", "2025-05-08"]).exit_code == 0
    assert run(main, args).exit_code == 0
    index = project / "output" / "index.html"
    assert "2025-05-08/" in index.read_text()
    for path in (project / "output" / "2025-05-08").iterdir():
        path.unlink()
    (project / "output" / "2025-05-08").rmdir()
    assert run(main, args).exit_code == 0
    assert "2025-05-08/" not in index.read_text()


def test_check_warns_of_an_item_emptied_for_an_audience(make_project) -> None:
    root = make_project(
        {
            "brief.yaml": "title: T\norganisation: O\nsensitivity: public\n",
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S.\nformat: direct\nparties: [alpha]\nstatus:\n"
                "  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
                "    sensitivity: internal\nsources: [may-report]\n---\nText.\n"
            ),
        }
    )
    [warning] = [str(p) for p in emptied(load(root)) if "tracks" in str(p)]
    assert warning == (
        "content/tracks/alpha-beta.md:2: warning: tracks: reaches no public brief although it "
        "may: every status change is above the ceiling (ceiling: public)"
    )
    result = CliRunner().invoke(main, ["check", "--project", str(root), "--strict"])
    assert result.exit_code == 1


def test_the_starter_public_edition_shows_content(tmp_path: Path) -> None:
    run = CliRunner().invoke
    assert run(main, ["init", str(tmp_path / "p")]).exit_code == 0
    content = load(tmp_path / "p").content
    for audience in content.audiences:
        brief = Selection(content, audience).brief(
            max(e.as_of for e in content.editions), built_at=BUILT_AT
        )
        shown = len(brief.tracks) + len(brief.questions) + len(brief.judgments)
        assert shown > 0, audience.id


def test_names_and_links_cut_for_an_audience_are_accounted_for(make_project) -> None:
    """A public track naming an internal actor, and linking to an internal track, loses both
    in the public brief, and explain says so."""
    root = make_project(
        {
            "brief.yaml": "title: T\norganisation: O\nsensitivity: public\n",
            "actors/beta.yaml": "name: B\nshort_name: Beta\nkind: state\nsensitivity: internal\n",
            "tracks/hidden.md": (
                "---\nname: HIDDENTRACK\nsummary: S.\nformat: direct\nparties: [alpha]\n"
                "status:\n  - status: active\n    date: 2025-07-03\n    sources: [july-report]\n"
                "sources: [july-report]\nsensitivity: internal\n---\nText.\n"
            ),
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S.\nformat: direct\nparties: [alpha, beta]\n"
                "status:\n  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
                "links:\n  - {relation: became, track: hidden, date: 2025-07-03, "
                "sources: [july-report]}\nsources: [may-report]\n---\nText.\n"
            ),
        }
    )
    content = load(root).content
    [public] = [a for a in content.audiences if a.id == "public"]
    brief = Selection(content, public).brief(dt.date(2025, 7, 3), built_at=BUILT_AT)
    [track] = [t for t in brief.tracks if t.id == "alpha-beta"]
    assert (track.parties, track.links) == (("Alpha",), ())
    assert "HIDDENTRACK" not in brief.model_dump_json()
    parts = {
        (o.part, o.reason)
        for o in Selection(content, public).explain(dt.date(2025, 7, 3))
        if o.id == "alpha-beta"
    }
    assert parts == {("parties", "hidden actor"), ("links", "hidden link")}
