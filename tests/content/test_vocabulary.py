"""Vocabularies as data: a new track status is a line of YAML, checked and drawn like the
built-in ones; a value outside the vocabulary is an error at its file and line."""

from __future__ import annotations

import datetime as dt
import subprocess
import textwrap
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from briefgen.content.load import load
from briefgen.errors import ContentError
from briefgen.output.build import Project, build
from tests.conftest import BUILT_AT, MINIMAL

STATUSES = """\
vocabulary:
  track_statuses:
    active: {colour: "#1e6b3a"}
    stalled: {colour: "#9a6a00"}
    initialled: {colour: "#2a5d8f"}
    signed: {colour: "#123456"}
    ratified: {colour: "#0b6e4f", closed: true}
labels:
  status.initialled: initialled
  status.ratified: ratified by both parliaments
"""


def _signed(root_files: dict[str, str]) -> dict[str, str]:
    track = MINIMAL["tracks/alpha-beta.md"].replace(
        "        sources: [may-report]\n        ---",
        "          - status: signed\n            date: 2025-07-03\n"
        "            sources: [july-report]\n        sources: [may-report]\n        ---",
    )
    return {**root_files, "tracks/alpha-beta.md": track}


def test_a_new_status_needs_no_code(make_project) -> None:
    root = make_project(_signed({"brief.yaml": textwrap.dedent(MINIMAL["brief.yaml"]) + STATUSES}))
    result = build(
        Project.at(root), as_of=dt.date(2025, 7, 3), formats=["html", "pdf"], built_at=BUILT_AT
    )
    html = (result.written[0].parent / "analyst.html").read_text(encoding="utf-8")
    assert '<span class="status status-signed">signed</span>' in html
    assert ".status-signed { color: #123456; }" in html
    assert 'fill="#123456"' in html  # the figure draws it in its colour
    pdf = pypdf.PdfReader(BytesIO((root / "output/2025-07-03/analyst.pdf").read_bytes()))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "signed" in text
    assert "stalled" in text


def test_a_closed_status_of_the_vocabulary_ends_the_track(make_project) -> None:
    settings = textwrap.dedent(MINIMAL["brief.yaml"]) + STATUSES
    root = make_project(_signed({"brief.yaml": settings}))
    track = (root / "content/tracks/alpha-beta.md").read_text(encoding="utf-8")
    (root / "content/tracks/alpha-beta.md").write_text(
        track.replace("status: signed", "status: ratified"), encoding="utf-8"
    )
    from tests.conftest import brief_for

    brief = brief_for(root, "2025-07-03")
    assert brief.changes is not None
    assert [t.change for t in brief.changes.tracks] == ["ended"]


def test_a_status_outside_the_vocabulary_is_an_error_at_its_line(make_project) -> None:
    root = make_project(_signed({}))
    with pytest.raises(ContentError) as info:
        load(root)
    [line] = info.value.lines()
    assert line.startswith(
        "content/tracks/alpha-beta.md:13: status.2.status: 'signed' is not a track status "
        "of this brief: use one of proposed, exploratory, active, stalled, suspended, "
        "concluded, or add it under `vocabulary: track_statuses` in brief.yaml"
    )


def test_a_likelihood_outside_the_scale_is_an_error(make_project, tmp_path: Path) -> None:
    root = make_project({})
    judgments = sorted((root / "content/judgments").glob("*.yaml"))
    if not judgments:
        pytest.skip("the minimal project has no judgment")
    text = judgments[0].read_text(encoding="utf-8")
    judgments[0].write_text(
        text.replace("likelihood: ", "likelihood: fairly ", 1), encoding="utf-8"
    )
    with pytest.raises(ContentError) as info:
        load(root)
    assert any("is not a likelihood of this brief" in line for line in info.value.lines())


def test_pdftotext_reads_a_french_brief_in_french(make_project) -> None:
    root = make_project({"brief.yaml": textwrap.dedent(MINIMAL["brief.yaml"]) + "language: fr\n"})
    build(Project.at(root), as_of=dt.date(2025, 7, 3), formats=["pdf"], built_at=BUILT_AT)
    pdf = root / "output/2025-07-03/analyst.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "3 juillet 2025" in text
    assert "Note hebdomadaire · 2025-S27" in text
