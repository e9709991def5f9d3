"""The words for when something happened and when it was reported, wherever a brief prints them."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass

import pytest

from briefgen.content.dates import PartialDate
from briefgen.content.labels import Labels
from briefgen.output.build import Project, build
from briefgen.render.when import Style, when, when_html
from tests.conftest import BUILT_AT, MINIMAL, write_project

ENGLISH = Labels.resolve("en")


@dataclass(frozen=True)
class Item:
    date: PartialDate | None
    reported: PartialDate | None


def item(date: str | None, reported: str | None) -> Item:
    return Item(
        PartialDate.parse(date) if date else None, PartialDate.parse(reported) if reported else None
    )


@pytest.mark.parametrize(
    ("date", "reported", "style", "since", "text"),
    [
        ("2025-07-03", None, "short", False, "3 Jul 2025"),
        (None, "2025-07-03", "short", False, "reported 3 Jul 2025"),
        ("late 2025-06", "2025-07-03", "short", False, "late Jun 2025, reported 3 Jul 2025"),
        ("2025-07-03", "2025-07-03", "short", False, "3 Jul 2025"),
        ("2025-05-07", None, "human", True, " since 7 May 2025"),
        (None, "2025-07-03", "short", True, ", reported 3 Jul 2025"),
        ("late 2025-06", "2025-07-03", "short", True, " since late Jun 2025, reported 3 Jul 2025"),
        (None, "2025-07-03", "human", True, ", reported 3 July 2025"),
    ],
)
def test_wording(
    date: str | None, reported: str | None, style: Style, since: bool, text: str
) -> None:
    assert when(item(date, reported), ENGLISH, style, since) == text


def test_wording_follows_the_brief_language() -> None:
    french = Labels.resolve("fr")
    assert when(item("late 2025-06", "2025-07-03"), french, "human", since=True) == (
        " depuis fin juin 2025, signalé le 3 juillet 2025"
    )


def test_html_keeps_each_date_on_one_line_and_escapes() -> None:
    html = when_html(item("late 2025-06", "2025-07-03"), ENGLISH, since=True)
    assert html == (
        ' since <span class="nowrap">late Jun 2025</span>, reported '
        '<span class="nowrap">3 Jul 2025</span>'
    )


REPORTED = {
    "developments/begun.yaml": (
        "headline: Talks have begun\nreported: 2025-07-03\nsources: [july-report]\n"
    ),
    "tracks/gamma.md": (
        "---\nname: Gamma channel\nsummary: S\nformat: backchannel\nparties: [alpha, beta]\n"
        "status:\n  - status: active\n    reported: 2025-07-03\n    sources: [july-report]\n"
        "sources: [july-report]\n---\nBackground.\n"
    ),
    "positions/beta-talks-july.yaml": (
        "actor: beta\nissue: Talks\nstance: Beta stays silent.\ndate: 2025-07-03\n"
        "quote:\n  text: Beta did not answer\n  source: july-report\nsources: [july-report]\n"
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, str]:
    """The July analyst brief with report-only dates: its PDF's text, and its JSON."""
    root = write_project(write_project(tmp_path_factory.mktemp("project"), MINIMAL), REPORTED)
    result = build(
        Project.at(root),
        as_of=dt.date(2025, 7, 3),
        audiences=["analyst"],
        formats=["pdf", "json"],
        built_at=BUILT_AT,
    )
    [pdf] = [p for p in result.written if p.suffix == ".pdf"]
    [data] = [p for p in result.written if p.suffix == ".json"]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    return {"pdf": " ".join(text.decode().split()), "json": data.read_text(encoding="utf-8")}


def test_pdf_says_reported_where_only_the_report_is_dated(built) -> None:
    text = built["pdf"]
    assert "reported 3 Jul 2025 (I) Talks have begun" in text  # the timeline
    assert "reported 3 July 2025" in text  # the track's status line
    assert "since 3 Jul" not in text and "since 3 July" not in text
    assert "since 2 July 2025" in text  # an event date still reads as one


def test_pdf_reads_a_quote_without_speaker_as_the_outlets_own_wording(built) -> None:
    assert "“Beta did not answer” — July Outlet’s own wording" in built["pdf"]


def test_json_carries_both_dates(built) -> None:
    brief = json.loads(built["json"])
    [begun] = [d for d in brief["timeline"] if d["id"] == "begun"]
    assert (begun["date"], begun["reported"]) == (None, "2025-07-03")
    [gamma] = [t for t in brief["tracks"] if t["id"] == "gamma"]
    assert (gamma["status"]["date"], gamma["status"]["reported"]) == (None, "2025-07-03")
    [quote] = [
        p["quote"]
        for i in brief["positions"]
        for p in i["positions"]
        if p["id"] == "beta-talks-july"
    ]
    assert (quote["speaker"], quote["by_outlet"]) == ("July Outlet", True)
