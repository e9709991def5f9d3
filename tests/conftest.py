"""Small brief projects built in tmp_path, and the sample project of the repository."""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import hashlib
import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests run without hypothesis' per-example deadline: no test here is timed.
settings.register_profile("briefgen", deadline=None, print_blob=True)
settings.load_profile("briefgen")

REPO = Path(__file__).resolve().parent.parent
BUILT_AT = dt.datetime(2025, 7, 4, 9, 30, tzinfo=dt.UTC)
JULY_TEXT = "Alpha said on 3 July: “No talks before withdrawal.” Beta did not answer.\n"
"""The July report's kept text (`sources/july-report.txt`), which holds Alpha's quote."""
JULY_SHA = hashlib.sha256(JULY_TEXT.encode()).hexdigest()

MINIMAL: dict[str, str] = {
    "brief.yaml": """\
        title: Test Brief
        organisation: Test Desk
        handling: INTERNAL
        """,
    "sources/may-report.yaml": """\
        outlet: May Outlet
        title: Talks confirmed
        published: 2025-05-07
        reliability: B
        credibility: 2
        """,
    "sources/july-report.yaml": f"""\
        outlet: July Outlet
        url: https://example.org/july
        published: 2025-07-03
        reliability: C
        snapshot: {{file: july-report.txt, sha256: {JULY_SHA}}}
        """,
    "sources/july-report.txt": JULY_TEXT,
    "actors/alpha.yaml": """\
        name: Republic of Alpha
        short_name: Alpha
        kind: state
        """,
    "actors/beta.yaml": """\
        name: Kingdom of Beta
        short_name: Beta
        kind: state
        """,
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
            sources: [july-report]
        sources: [may-report]
        ---
        Background on the talks.

        ## 2025-07-03

        JULYNARRATIVE: the talks stalled.
        """,
    "developments/confirmed.yaml": """\
        date: 2025-05-07
        headline: Alpha confirms talks with Beta
        tracks: [alpha-beta]
        actors: [alpha]
        sources: [may-report]
        """,
    "developments/early-event.yaml": """\
        date: 2025-05-02
        headline: EARLYEVENT first reported in July
        sources: [july-report]
        """,
    "positions/alpha-talks-may.yaml": """\
        actor: alpha
        issue: Talks
        stance: Alpha wants calm.
        date: 2025-05-07
        sources: [may-report]
        """,
    "positions/alpha-talks-july.yaml": """\
        actor: alpha
        issue: Talks
        stance: JULYSTANCE Alpha wants withdrawal first.
        date: 2025-07-03
        quote:
          text: no talks before withdrawal
          speaker: alpha
          source: july-report
        sources: [july-report]
        """,
    "questions/mediators.yaml": """\
        question: Who mediates?
        why: It tells us who can deliver.
        opened: 2025-05-07
        signposts:
          - text: A mediator is named.
        answer:
          text: JULYANSWER Gamma mediates.
          date: 2025-07-03
          sources: [july-report]
        """,
    "judgments/no-deal.yaml": """\
        statement: No deal soon.
        likelihood: likely
        confidence: low
        basis: Both sides set preconditions.
        date: 2025-05-08
        sources: [may-report, july-report]
        """,
    "editions/2025-05-08.md": """\
        ---
        ---
        Alpha confirmed talks.
        """,
    "editions/2025-07-03.md": """\
        ---
        ---
        The talks stalled.
        """,
}


def brief_for(root: Path, day: str, audience: str = "analyst"):
    """The Brief of a project as of a day, for one audience."""
    from briefgen.brief.select import select
    from briefgen.content.load import load

    content = load(root).content
    [profile] = [a for a in content.audiences if a.id == audience]
    return select(content, dt.date.fromisoformat(day), profile, built_at=BUILT_AT, generator="test")


def write_project(root: Path, files: dict[str, str | None]) -> Path:
    """Write a project: files under content/; None removes a file of MINIMAL."""
    for name, text in files.items():
        path = root / "content" / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small valid brief project with May and July facts."""
    return write_project(tmp_path, MINIMAL)


@pytest.fixture
def make_project(tmp_path: Path):
    """MINIMAL with some files replaced (or removed with None)."""

    def make(changes: dict[str, str | None]) -> Path:
        write_project(tmp_path, MINIMAL)
        return write_project(tmp_path, changes)

    return make


def tree_digest(folder: Path) -> str:
    """Every file's path and bytes under a folder."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every edition of the repository's sample, for every audience, in every format.

    Laying out the sample's PDFs and reading them back is the slowest thing the suite does, so
    it is done once per run: the first xdist worker to need it builds it (and writes each PDF's
    text beside it, see `sample_pages`) into the run's temporary folder, which every worker
    shares, while the others wait on a lock and then read it. Tests only read it. The
    repository's own content is left as it was.
    """
    from briefgen.output.build import Project, build_all

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder; each worker has its own below it
    out, text, done = (shared / name for name in ("sample-out", "sample-text", "sample.done"))
    with (shared / "sample.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released as the file closes
        if not done.exists():
            shutil.rmtree(out, ignore_errors=True)  # left half-built by a worker that failed
            before = tree_digest(REPO / "content")
            editions = build_all(Project.at(REPO, out=out), built_at=BUILT_AT)
            assert [o.error for o in editions.outcomes] == [None, None]
            assert tree_digest(REPO / "content") == before, "building the sample changed it"
            for pdf in out.rglob("*.pdf"):
                target = text / pdf.relative_to(out).with_suffix(".json")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(json.dumps(_read_pages(pdf)), encoding="utf-8")
            done.touch()
    return out


def _read_pages(path: Path) -> list[str]:
    # poppler's pdftotext: a C reader, some fifty times quicker than pypdf on a ten-page brief
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return text.split("\f")[:-1]  # each page ends with a form feed


@functools.cache
def sample_pages(path: Path) -> tuple[str, ...]:
    """The text of each page of a PDF under `sample_out`, as pypdf reads it.

    Read once for the run, when the sample is built (reading a ten-page brief back takes
    pypdf about two seconds, and many tests read the same PDFs).
    """
    [out] = [folder for folder in path.parents if folder.name == "sample-out"]
    stored = out.parent / "sample-text" / path.relative_to(out).with_suffix(".json")
    return tuple(json.loads(stored.read_text(encoding="utf-8")))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the expected files under tests/golden/ from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files instead of comparing."""
    return bool(request.config.getoption("--update-goldens"))
