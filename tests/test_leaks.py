"""Nothing above an audience's ceiling reaches any of its outputs, through any channel."""

from __future__ import annotations

import datetime as dt
import json
import re
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from briefgen.fingerprint import sha
from briefgen.output.build import Project, build
from tests.conftest import BUILT_AT, JULY_TEXT, MINIMAL

# The July report's kept text, with the words a quote and a restricted excerpt take from it.
LEAK_TEXT = JULY_TEXT + "Overheard: LEAKQUOTE. Later LEAKEXCERPT said more.\n"

# Each marker appears only in an item (or part of an item) that the public must not see.
RESTRICTED: dict[str, str] = {
    "sources/leak-source.yaml": """\
        outlet: LEAKOUTLET
        title: LEAKSOURCETITLE
        url: https://leak.example/LEAKURL
        published: 2025-06-01
        reliability: B
        sensitivity: restricted
        discredited: {date: 2025-06-10, reason: LEAKDISCREDIT}
        """,
    "developments/leak-pinned.yaml": """\
        date: 2025-06-03
        headline: LEAKPINNED
        sources: [july-report]
        excerpt: LEAKEXCERPT said
        sensitivity: restricted
        """,
    "actors/leak-actor.yaml": """\
        name: Restricted Person (full name is not printed in briefs)
        short_name: LEAKACTOR
        kind: person
        sensitivity: restricted
        """,
    "tracks/leak-track.md": """\
        ---
        name: LEAKTRACKNAME
        summary: LEAKTRACKSUMMARY
        format: backchannel
        parties: [alpha, leak-actor]
        status:
          - status: exploratory
            date: 2025-06-02
            note: LEAKSTATUSNOTE
            sources: [may-report]
        watch: [LEAKWATCH]
        sources: [may-report]
        sensitivity: restricted
        ---
        LEAKNARRATIVE
        """,
    "developments/leak-event.yaml": """\
        date: 2025-06-03
        headline: LEAKEVENT
        tracks: [leak-track]
        sources: [leak-source]
        sensitivity: restricted
        """,
    "positions/leak-position.yaml": """\
        actor: beta
        issue: LEAKISSUE
        stance: LEAKSTANCE
        date: 2025-06-03
        sources: [may-report]
        sensitivity: restricted
        """,
    "questions/leak-question.yaml": """\
        question: LEAKQUESTION?
        why: LEAKWHY
        opened: 2025-06-01
        signposts: [{text: LEAKSIGNPOST}]
        sources: [leak-source]
        sensitivity: restricted
        """,
    "judgments/leak-judgment.yaml": """\
        statement: LEAKJUDGMENT
        likelihood: unlikely
        confidence: high
        basis: LEAKBASIS
        date: 2025-06-03
        sources: [may-report]
        sensitivity: restricted
        """,
}

# Public items carrying restricted or internal parts.
MIXED: dict[str, str] = {
    "tracks/alpha-beta.md": """\
        ---
        name: Alpha–Beta talks
        summary: Indirect talks between Alpha and Beta.
        format: indirect
        parties: [alpha, beta, leak-actor]
        mediators: [leak-actor]
        status:
          - status: active
            date: 2025-05-07
            sources: [may-report]
          - status: suspended
            date: 2025-06-20
            note: LEAKSUSPENDED
            sources: [may-report]
            sensitivity: restricted
        note: LEAKTRACKNOTE
        sources: [may-report, leak-source]
        ---
        Public background.

        ## 2025-06-01 restricted

        LEAKPART
        """,
    "developments/confirmed.yaml": """\
        date: 2025-05-07
        headline: Alpha confirms talks with Beta
        tracks: [alpha-beta, leak-track]
        actors: [alpha, leak-actor]
        note: {text: LEAKDEVNOTE, sensitivity: internal}
        sources: [may-report, leak-source]
        excerpt: {text: LEAKHIDDENEXCERPT, source: leak-source}
        """,
    "sources/july-report.txt": LEAK_TEXT,
    "sources/july-report.yaml": MINIMAL["sources/july-report.yaml"].replace(
        sha(JULY_TEXT.encode()), sha(LEAK_TEXT.encode())
    ),
    "positions/alpha-talks-july.yaml": """\
        actor: alpha
        issue: Talks
        stance: Alpha wants withdrawal first.
        date: 2025-07-03
        quote:
          text: LEAKQUOTE
          speaker: leak-actor
          source: july-report
        sources: [july-report]
        """,
    "questions/mediators.yaml": """\
        question: Who mediates?
        why: It tells us who can deliver.
        opened: 2025-05-07
        tracks: [alpha-beta, leak-track]
        signposts:
          - text: A mediator is named.
          - text: LEAKSIGNPOST2
            sensitivity: restricted
        answer:
          text: LEAKANSWER
          date: 2025-07-03
          sources: [july-report]
          sensitivity: restricted
        """,
    "sources/may-report.yaml": """\
        outlet: May Outlet
        title: Talks confirmed
        published: 2025-05-07
        reliability: B
        note: LEAKSOURCENOTE
        """,
    "judgments/no-deal.yaml": """\
        statement: No deal soon.
        likelihood: likely
        confidence: low
        basis: Both sides set preconditions.
        date: 2025-05-08
        note: LEAKJUDGMENTNOTE
        sources: [may-report]
        """,
    "editions/2025-07-03.md": """\
        ---
        bottom_lines:
          public: The talks have slowed.
        ---
        LEAKBOTTOMLINE the talks stalled.
        """,
    "brief.yaml": """\
        title: Test Brief
        organisation: Test Desk
        handling: INTERNAL
        sensitivity: public
        """,
}

MARKERS = sorted(
    set(re.findall(r"LEAK[A-Z0-9]+", "".join((*RESTRICTED.values(), *MIXED.values()))))
)


def everything_in(folder: Path) -> str:
    """Every channel of every output file: HTML, JSON, PDF text, outline and metadata."""
    chunks = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".pdf":
            reader = pypdf.PdfReader(BytesIO(path.read_bytes()))
            chunks += [page.extract_text() for page in reader.pages]
            chunks += [str(v) for v in (reader.metadata or {}).values()]
            stack = list(reader.outline)
            while stack:
                item = stack.pop()
                stack.extend(item) if isinstance(item, list) else chunks.append(item.title)
            chunks.append(path.read_bytes().decode("latin-1"))
        else:
            chunks.append(path.read_text(encoding="utf-8"))
    return "\n".join(chunks)


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[str, str]:
    from tests.conftest import write_project

    root = tmp_path_factory.mktemp("leaks")
    write_project(root, {**MINIMAL, **RESTRICTED, **MIXED})
    texts = {}
    for audience in ("public", "analyst"):
        out = root / f"out-{audience}"
        build(
            Project.at(root, out=out),
            as_of=dt.date(2025, 7, 3),
            audiences=[audience],
            built_at=BUILT_AT,
        )
        texts[audience] = everything_in(out / "2025-07-03")
    return texts


def test_markers_cover_every_kind() -> None:
    assert len(MARKERS) >= 25


def test_public_edition_has_no_marker_in_any_channel(editions) -> None:
    assert [m for m in MARKERS if m in editions["public"]] == []
    assert "The talks have slowed." in editions["public"]
    assert "PUBLIC" in editions["public"] and "INTERNAL" not in editions["public"]


def test_analyst_edition_has_every_marker(editions) -> None:
    assert [m for m in MARKERS if m not in editions["analyst"]] == []


def test_public_endnotes_are_numbered_without_gaps(tmp_path) -> None:
    from tests.conftest import write_project

    write_project(tmp_path, {**MINIMAL, **RESTRICTED, **MIXED})
    build(
        Project.at(tmp_path),
        as_of=dt.date(2025, 7, 3),
        audiences=["public"],
        formats=["json"],
        built_at=BUILT_AT,
    )
    brief = json.loads((tmp_path / "output" / "2025-07-03" / "public.json").read_text())
    assert [s["number"] for s in brief["sources"]] == list(range(1, len(brief["sources"]) + 1))
    assert {s["id"] for s in brief["sources"]} == {"may-report", "july-report"}
