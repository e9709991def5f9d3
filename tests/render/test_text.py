"""`briefgen diff` in the terminal: `changes_text` of render/text.py, exactly; and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from briefgen.brief.select import diff
from briefgen.cli import main
from briefgen.content.load import load
from briefgen.render.text import WIDTH, changes_text
from tests.conftest import brief_for

# Between the May and July editions of MINIMAL, with these changes, every kind of change
# happens at least once.
EVERY_KIND: dict[str, str] = {
    "tracks/alpha-beta.md": """\
        ---
        name: Alpha–Beta talks
        summary: Indirect talks between Alpha and Beta.
        format: indirect
        parties: [alpha, beta]
        status:
          - status: active
            date: 2025-05-07
            sources: [may-report]
          - status: stalled
            date: 2025-07-02
            note: Beta walked out.
            sources: [july-report]
        trend:
          - date: 2025-07-03
            trend: deteriorated
            reason: Beta left the table.
        sources: [may-report]
        ---
        Background on the talks.
        """,
    "tracks/delta-talks.md": """\
        ---
        name: Delta talks
        summary: Talks on the border crossings.
        format: direct
        parties: [alpha, beta]
        status:
          - status: active
            date: 2025-05-07
            sources: [may-report]
          - status: concluded
            date: 2025-07-03
            note: >-
              Both sides signed the crossings protocol, which reopens the two northern
              crossings to trade and sets up a joint committee that meets monthly.
            sources: [july-report]
        sources: [may-report]
        ---
        Background.
        """,
    "tracks/gamma-channel.md": """\
        ---
        name: Gamma channel
        summary: A backchannel through Gamma.
        format: backchannel
        parties: [alpha, beta]
        status:
          - status: exploratory
            date: 2025-07-01
            sources: [july-report]
        sources: [july-report]
        ---
        Background.
        """,
    "positions/alpha-talks-july.yaml": """\
        actor: alpha
        issue: Talks
        stance: Alpha wants *full* withdrawal first.
        date: 2025-07-03
        sources: [july-report]
        """,
    "positions/beta-talks-july.yaml": """\
        actor: beta
        issue: Talks
        stance: Beta wants talks without preconditions.
        date: 2025-07-03
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
          - text: Talks move to a third country.
        answer:
          text: "**Gamma** mediates."
          date: 2025-07-03
          sources: [july-report]
        """,
    "questions/venue.yaml": """\
        question: Where would direct talks be held?
        why: The venue tells us who sponsors them.
        opened: 2025-07-02
        signposts: [{text: A venue is announced.}]
        sources: [july-report]
        """,
    "judgments/no-deal-july.yaml": """\
        statement: No deal soon.
        likelihood: very likely
        confidence: moderate
        basis: Both sides harden their preconditions.
        date: 2025-07-03
        replaces: no-deal
        reason: Beta walked out.
        sources: [july-report]
        """,
    "judgments/gamma-hosts.yaml": """\
        statement: Gamma will host the next round.
        likelihood: roughly even chance
        confidence: low
        basis: Gamma mediates.
        date: 2025-07-02
        sources: [july-report]
        """,
    "sources/may-report.yaml": """\
        outlet: May Outlet
        title: Talks confirmed
        published: 2025-05-07
        reliability: B
        discredited: {date: 2025-06-15, reason: The quotes were made up.}
        """,
    "developments/long.yaml": """\
        date: 2025-07-03
        headline: >-
          Alpha's foreign ministry says it will not attend any further round of talks
          until Beta withdraws from the three disputed hilltops and returns the detainees
        sources: [july-report]
        """,
}

EXPECTED = """\
What changed between 8 May 2025 and 3 July 2025

Tracks
  ~ status    Alpha–Beta talks: active → stalled (2 Jul 2025) — Beta walked out.
  ~ ended     Delta talks: active → concluded (3 Jul 2025) — Both sides signed the crossings
              protocol, which reopens the two northern crossings to trade and sets up a joint
              committee that meets monthly.
  + opened    Gamma channel: exploratory since 1 Jul 2025
  ~ deteriorated Alpha–Beta talks — Beta left the table.

Positions
  ~ shifted   Alpha on Talks: was “Alpha wants calm.” now “Alpha wants full withdrawal first.”
  + new       Beta on Talks: Beta wants talks without preconditions.

Questions
  + opened    Where would direct talks be held?
  ✓ answered  Who mediates? Gamma mediates. (3 Jul 2025)
  ✓ observed  A mediator is named. (3 Jul 2025) — Who mediates?

Judgments
  ~ moved     No deal soon. likely, low confidence → very likely, moderate confidence. Why: Beta
              walked out.
  + new       Gamma will host the next round. (roughly even chance, low confidence)

Sources
  ! discredited May Outlet, Talks confirmed (15 Jun 2025): The quotes were made up. Resting on it:
                development: Alpha confirms talks with Beta; position: Alpha on Talks; status
                change: Alpha–Beta talks: active; status change: Delta talks: active; judgment: No
                deal soon.

Developments
  + 3 Jul 2025 Alpha's foreign ministry says it will not attend any further round of talks until
               Beta withdraws from the three disputed hilltops and returns the detainees
  + 2 May 2025 EARLYEVENT first reported in July
"""


def diff_text(root: Path, before: str, after: str, audience: str = "analyst") -> str:
    content = load(root).content
    [profile] = [a for a in content.audiences if a.id == audience]
    day = dt.date.fromisoformat(after)
    changes = diff(content, profile, dt.date.fromisoformat(before), day)
    return changes_text(changes, f"{day.day} {day:%B %Y}")


def test_every_kind_of_change_exactly(make_project) -> None:
    text = diff_text(make_project(EVERY_KIND), "2025-05-08", "2025-07-03")
    assert text == EXPECTED
    assert max(len(line) for line in text.splitlines()) <= WIDTH


def test_the_brief_s_own_changes_print_the_same(make_project) -> None:
    """The edition's "What changed" (previous edition to as-of) is the same comparison."""
    brief = brief_for(make_project(EVERY_KIND), "2025-07-03")
    assert brief.changes is not None
    assert changes_text(brief.changes, "3 July 2025") == EXPECTED


def test_public_audience_sees_no_internal_change(make_project) -> None:
    """A change marked internal is left out of the public diff; what is left prints the same."""
    root = make_project(
        {
            **EVERY_KIND,
            "judgments/gamma-hosts.yaml": EVERY_KIND["judgments/gamma-hosts.yaml"].replace(
                "sources: [july-report]", "sources: [july-report]\n        sensitivity: internal"
            ),
            "brief.yaml": "title: T\norganisation: O\nsensitivity: public\n",
        }
    )
    public = diff_text(root, "2025-05-08", "2025-07-03", "public")
    assert "Gamma will host" not in public
    assert public == EXPECTED.replace(
        "  + new       Gamma will host the next round. (roughly even chance, low confidence)\n", ""
    )


def test_first_edition_has_no_earlier_date(project: Path) -> None:
    brief = brief_for(project, "2025-05-08")
    assert brief.changes is not None and brief.changes.previous is None
    assert changes_text(brief.changes, "8 May 2025") == (
        "8 May 2025: no earlier date to compare with.\n"
    )


def test_nothing_known_in_between_is_no_change(project: Path) -> None:
    assert diff_text(project, "2025-06-01", "2025-06-30") == (
        "What changed between 1 June 2025 and 30 June 2025\n\nNo change.\n"
    )


def test_a_trend_call_of_unchanged_is_printed_with_its_reason(make_project) -> None:
    """The analyst's call is shown, yet nothing moved: the diff still says so."""
    track = EVERY_KIND["tracks/alpha-beta.md"].replace(
        """\
          - date: 2025-07-03
            trend: deteriorated
            reason: Beta left the table.""",
        """\
          - date: 2025-06-15
            trend: unchanged
            reason: No source reports progress or a halt since 7 May.""",
    )
    root = make_project({"tracks/alpha-beta.md": track})
    assert diff_text(root, "2025-06-01", "2025-06-30") == (
        "What changed between 1 June 2025 and 30 June 2025\n"
        "\n"
        "Tracks\n"
        "  ~ unchanged Alpha–Beta talks — No source reports progress or a halt since 7 May.\n"
        "\n"
        "No change.\n"
    )


def test_cli_diff_text_and_json(make_project) -> None:
    root = make_project(EVERY_KIND)
    args = ["diff", "--project", str(root), "2025-05-08", "2025-07-03"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == EXPECTED
    assert result.stderr == ""

    result = CliRunner().invoke(main, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["previous"] == "2025-05-08"
    assert [(t["id"], t["change"], t["before"], t["after"], t["date"]) for t in data["tracks"]] == [
        ("alpha-beta", "status", "active", "stalled", "2025-07-02"),
        ("delta-talks", "ended", "active", "concluded", "2025-07-03"),
        ("gamma-channel", "opened", None, "exploratory", "2025-07-01"),
    ]
    assert data["trends"] == [
        {
            "id": "alpha-beta",
            "name": "Alpha–Beta talks",
            "trend": "deteriorated",
            "reason": "Beta left the table.",
            "date": "2025-07-03",
        },
        {
            "id": "delta-talks",
            "name": "Delta talks",
            "trend": "unchanged",
            "reason": None,
            "date": None,
        },
    ]
    assert [(p["id"], p["change"], p["before"]) for p in data["positions"]] == [
        ("alpha-talks-july", "shifted", "Alpha wants calm."),
        ("beta-talks-july", "new", None),
    ]
    assert [(q["id"], q["change"], q["answer"]) for q in data["questions"]] == [
        ("venue", "opened", None),
        ("mediators", "answered", "**Gamma** mediates."),
    ]
    assert data["signposts"] == [
        {
            "id": "mediators",
            "question": "Who mediates?",
            "text": "A mediator is named.",
            "observed": "2025-07-03",
        }
    ]
    assert [(j["id"], j["change"], j["before"], j["after"]) for j in data["judgments"]] == [
        ("no-deal-july", "moved", "likely, low confidence", "very likely, moderate confidence"),
        ("gamma-hosts", "new", None, "roughly even chance, low confidence"),
    ]
    assert [(c["id"], c["status"], c["date"], len(c["items"])) for c in data["discredited"]] == [
        ("may-report", "discredited", "2025-06-15", 5)
    ]
    assert [(d["id"], d["date"]) for d in data["developments"]] == [
        ("long", "2025-07-03"),
        ("early-event", "2025-05-02"),
    ]
