"""Narrative parts: every date form as a heading, counted from the end of its span, and headings
that look dated but are not in the form are a check error at their own line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.content.narrative import misread_headings, split_narrative
from briefgen.render.html import render_html
from tests.conftest import brief_for

FRONT = (
    "---\nname: Alpha–Beta talks\nsummary: S\nformat: indirect\nparties: [alpha, beta]\n"
    "status:\n  - {status: active, date: 2025-05-07, sources: [may-report]}\n"
    "sources: [may-report]\n---\n"
)
"""A track's front matter: 9 lines, so the body starts on line 10."""


def track(body: str) -> dict[str, str]:
    return {"tracks/alpha-beta.md": FRONT + body}


def narrative(root, day: str) -> str:  # type: ignore[no-untyped-def]
    [view] = brief_for(root, day).tracks
    return "".join(part.text for part in view.narrative)


def test_every_date_form_starts_a_part() -> None:
    body = "Background.\n## late 2025-07 internal\nA\n## ~2025-08/2025-09\nB\n## mid 2025-10\nC\n"
    assert [(p["date"], p["sensitivity"]) for p in split_narrative(body)] == [
        (None, None),
        ("late 2025-07", "internal"),
        ("~2025-08/2025-09", None),
        ("mid 2025-10", None),
    ]


@pytest.mark.parametrize(
    ("heading", "hidden", "shown"),
    [
        ("late 2025-07", "2025-07-25", "2025-07-31"),
        ("~2025-07", "2025-07-30", "2025-07-31"),
        ("2025-07", "2025-07-30", "2025-07-31"),
        ("2025-07-20/2025-07-28", "2025-07-27", "2025-07-28"),
        ("~2025-07-03", "2025-07-02", "2025-07-03"),
    ],
)
def test_a_part_counts_from_the_last_day_its_heading_allows(
    make_project, heading: str, hidden: str, shown: str
) -> None:
    root = make_project(track(f"Background.\n\n## {heading}\n\nLATEPART: talks resumed.\n"))
    assert "LATEPART" not in narrative(root, hidden)
    assert "LATEPART" not in render_html(brief_for(root, hidden), root)
    assert "LATEPART" in narrative(root, shown)
    assert "LATEPART" in render_html(brief_for(root, shown), root)


@pytest.mark.parametrize(
    "heading",
    [
        "## Late July 2025",
        "## late July",
        "## 31 July 2025",
        "## July 31, 2025",
        "## July 2025",
        "## In July 2025",
        "## July",
        "## 2025-07-31 (Baku)",
        "## 2025-07-31 Restricted",
        "## 2025-7-31",
        "## 31/07/2025",
        "## Early 2025-07",
        "## mid-2025",
        "## Q3 2025",
        "## Summer 2025",
        "## 2024–2025",
        "## 2025-07-31 ##",
        "## **31 July 2025**",
        "##2025-07-31",
        " ## 2025-07-31",
        "# 2025-07-31",
        "### 2025-07-31",
        "### 2025",
        "### ~2025",
        "## Restricted",
        "### restricted",
        "## [internal]",
    ],
)
def test_a_heading_that_looks_dated_but_is_not_in_the_form_is_found(heading: str) -> None:
    body = f"Background.\n\n{heading}\n\nText.\n"
    assert list(misread_headings(body)) == [(2, heading)]


@pytest.mark.parametrize(
    "heading",
    [
        "## The 1974 agreement",
        "### Background",
        "## Talks in Baku",
        "## May talks",
        "## Mid-level contacts",
        "## End of the ceasefire",
        "## Internal politics",
        "## Public reaction",
        "## Fall of Assad",
        "## 1974–1976 negotiations",
        "## 10 Downing Street",
        "## Decision",
        "## ~~Old plan~~",
        "## 2025-07-31",
        "## late 2025-07 restricted",
        "## ~2025-08/2025-09",
        "## 2025",
        "## internal",
    ],
)
def test_ordinary_and_well_formed_headings_pass(heading: str) -> None:
    assert list(misread_headings(f"Background.\n\n{heading}\n\nText.\n")) == []


def test_setext_headings_count_and_code_does_not() -> None:
    body = (
        "Background.\n\n31 July 2025\n------------\n\n```\n## 31 July 2025\n```\n\n"
        "~~~~\n### 2025\n~~~~\n\nText.\n\n---\n\nLate July\n=========\n"
    )
    assert list(misread_headings(body)) == [(2, "31 July 2025"), (17, "Late July")]


def test_check_names_the_file_line_of_each_misread_heading(make_project) -> None:
    body = "Background.\n\n## Late July 2025\n\nText.\n\n### 2025-07-31\n\nMore.\n"
    root = make_project(track(body))
    result = CliRunner().invoke(main, ["check", "--project", str(root)])
    assert result.exit_code == 1
    rule = (
        "looks like a date or a sensitivity but starts no part (its text would join the part "
        "before): write '## DATE', '## DATE SENSITIVITY' or '## SENSITIVITY', where DATE is "
        "YYYY-MM-DD, YYYY-MM, YYYY, early/mid/late YYYY-MM or START/END (~ in front if "
        "approximate) and SENSITIVITY is public, internal or restricted"
    )
    assert result.stderr.splitlines() == [
        f"content/tracks/alpha-beta.md:12: narrative: heading '## Late July 2025' {rule}",
        f"content/tracks/alpha-beta.md:16: narrative: heading '### 2025-07-31' {rule}",
        "2 problems; nothing was built.",
    ]


def test_a_narrative_written_in_yaml_is_checked_at_its_key(make_project) -> None:
    root = make_project(
        {
            "tracks/alpha-beta.md": None,
            "tracks/alpha-beta.yaml": (
                "name: Alpha–Beta talks\nsummary: S\nformat: indirect\nparties: [alpha, beta]\n"
                "status:\n  - {status: active, date: 2025-05-07, sources: [may-report]}\n"
                "sources: [may-report]\nnarrative: |\n  Background.\n\n  ## July 2025\n\n  Text.\n"
            ),
        }
    )
    result = CliRunner().invoke(main, ["check", "--project", str(root)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "content/tracks/alpha-beta.yaml:8: narrative: heading '## July 2025' looks like"
    )
