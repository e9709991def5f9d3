"""End to end: the sample brief builds to real HTML, PDF and JSON, read back."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from briefgen.errors import ContentError
from briefgen.output.build import Project, build
from briefgen.render.fonts import STYLE_ID
from tests.conftest import BUILT_AT, REPO, sample_pages, tree_digest
from tests.render.test_golden import CASES, GOLDEN


def outline_titles(items: list, reader: pypdf.PdfReader, depth: int = 0) -> list[str]:
    titles = []
    for item in items:
        if isinstance(item, list):
            titles += outline_titles(item, reader, depth + 1)
        else:
            titles.append("  " * depth + item.title)
    return titles


@pytest.fixture
def sample(sample_out: Path) -> dict[str, Path]:
    """Every sample edition for every audience in every format, built once for the run
    (tests/conftest.py); the repository's content untouched."""
    return {"out": sample_out}


def read_pdf(path: Path) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(BytesIO(path.read_bytes()))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def read_sample_pdf(path: Path) -> tuple[pypdf.PdfReader, str]:
    """`read_pdf` for a PDF of `sample_out`, whose text is read once for the run."""
    return pypdf.PdfReader(BytesIO(path.read_bytes())), "\n".join(sample_pages(path))


def test_sample_pdf_has_outline_pages_and_metadata(sample) -> None:
    reader, text = read_sample_pdf(sample["out"] / "2025-07-03" / "analyst.pdf")
    outline = outline_titles(reader.outline, reader)
    top = [t for t in outline if not t.startswith(" ")]
    assert top == [
        "Bottom line",
        "Key judgments",
        "What changed",
        "Diplomatic tracks",
        "Positions",
        "Open questions",
        "Timeline",
        "Sources",
    ]
    assert "  Russia–Israel channel on Syria" in outline
    pages = len(reader.pages)
    assert 3 <= pages <= 14
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert "Information as of 3 July 2025" in text
    # The analyst brief shows a restricted judgment: every page says so, whatever the
    # profile's own label, and the judgment carries its portion mark.
    assert text.count("RESTRICTED") >= pages and "INTERNAL" not in text
    assert "(R) Israeli strikes" in text
    meta = reader.metadata
    assert "RESTRICTED" in meta["/Keywords"]
    assert meta.title == "Syria–Israel Diplomatic Tracks — Analyst brief, as of 3 July 2025"
    assert meta.author == "briefgen sample desk"
    assert "as of 2025-07-03" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert meta.creation_date.replace(tzinfo=dt.UTC) == BUILT_AT
    # Nothing is attached but the brief's own JSON (tests/render/test_archival.py reads it).
    assert list(reader.attachments) == ["analyst.json"]


def test_sample_executive_pdf_is_two_pages_at_most(sample) -> None:
    for day, human in (("2025-05-08", "8 May 2025"), ("2025-07-03", "3 July 2025")):
        reader, text = read_sample_pdf(sample["out"] / day / "executive.pdf")
        assert 1 <= len(reader.pages) <= 2, day
        assert reader.metadata.title == (
            f"Syria–Israel Diplomatic Tracks — Executive summary, as of {human}"
        )
        assert "INFORMATION AS OF" in text and human in text
        assert "BOTTOM LINE" in text and "WHAT WE JUDGE" in text


def test_built_html_is_the_golden_html(sample) -> None:
    """What `build` writes is what tests/render/test_golden.py compares, byte for byte, but
    for the embedded fonts: their bytes follow the installed font files and fontTools
    (tests/render/test_fonts.py reads them)."""
    for day, audience in CASES:
        built = (sample["out"] / day / f"{audience}.html").read_text(encoding="utf-8")
        assert f'<style id="{STYLE_ID}">' in built, f"{day}/{audience}: no fonts"
        built = re.sub(f'<style id="{STYLE_ID}">.*?</style>\n', "", built, flags=re.S)
        expected = (GOLDEN / day / f"{audience}.html").read_text(encoding="utf-8")
        assert built == expected, f"{day}/{audience}"


def test_sample_may_edition_has_nothing_first_reported_in_july(sample) -> None:
    _, text = read_sample_pdf(sample["out"] / "2025-05-08" / "analyst.pdf")
    html = (sample["out"] / "2025-05-08" / "analyst.html").read_text()
    json_text = (sample["out"] / "2025-05-08" / "analyst.json").read_text()
    flat = re.sub(r"\s+", " ", text)
    for july in (
        "Clash Report",
        "Gulf-mediated",
        "Russia–Israel channel",
        "US monitors",
        "Al-Monitor",
        "constructive player",
        "3 Jul 2025",
    ):
        assert july not in flat
        assert july not in html
        assert july not in json_text
    assert "Information as of 8 May 2025" in flat
    assert "al-Sharaa" in flat


def test_output_is_byte_identical_for_the_same_input(sample, tmp_path) -> None:
    build(
        Project.at(REPO, out=tmp_path),
        as_of=dt.date(2025, 7, 3),
        formats=["html", "json"],
        built_at=BUILT_AT,
    )
    for name in ("analyst.html", "analyst.json"):
        assert (tmp_path / "2025-07-03" / name).read_bytes() == (
            sample["out"] / "2025-07-03" / name
        ).read_bytes()


def test_latest_edition_is_the_default(project: Path) -> None:
    result = build(Project.at(project), as_of=None, formats=["json"], built_at=BUILT_AT)
    assert result.as_of == dt.date(2025, 7, 3)
    assert [p.name for p in result.written] == [
        "analyst.json",
        "executive.json",
        "public.json",
        "index.html",
    ]


def test_bad_content_writes_nothing_and_keeps_old_files(make_project) -> None:
    root = make_project({})
    project = Project.at(root)
    build(
        project,
        as_of=dt.date(2025, 7, 3),
        audiences=["analyst"],
        formats=["html"],
        built_at=BUILT_AT,
    )
    old = (root / "output" / "2025-07-03" / "analyst.html").read_bytes()
    (root / "content" / "actors" / "beta.yaml").write_text("name: B\nkind: planet\n")
    with pytest.raises(ContentError):
        build(project, as_of=dt.date(2025, 7, 3), built_at=BUILT_AT)
    assert sorted(p.name for p in (root / "output" / "2025-07-03").glob("[!.]*")) == [
        "analyst.html"
    ]
    assert (root / "output" / "2025-07-03" / "analyst.html").read_bytes() == old
    with pytest.raises(ContentError):
        build(project, as_of=dt.date(2025, 5, 8), built_at=BUILT_AT)
    assert not (root / "output" / "2025-05-08").exists()


def test_hostile_content_reaches_nothing_and_embeds_nothing(make_project, tmp_path) -> None:
    root = make_project(
        {
            "editions/2025-07-03.md": (
                "---\n---\nSee ![p](file:///etc/passwd) and ![q](http://127.0.0.1:9/x.png) "
                '<link rel="attachment" href="file:///etc/passwd"> '
                '<img src="http://169.254.169.254/latest"> [x](file:///etc/passwd)\n'
            ),
        }
    )
    result = build(Project.at(root), as_of=dt.date(2025, 7, 3), formats=["pdf"], built_at=BUILT_AT)
    pdfs = [p for p in result.written if p.suffix == ".pdf"]
    assert [p.name for p in pdfs] == ["analyst.pdf", "executive.pdf", "public.pdf"]
    for pdf in pdfs:
        reader, text = read_pdf(pdf)
        assert "root:" not in text, pdf.name
        # Nothing is attached but the brief's own JSON.
        assert list(reader.attachments) == [pdf.with_suffix(".json").name]
        for page in reader.pages:
            resources = page.get("/Resources", {})
            assert "/XObject" not in resources or not any(
                x.get_object().get("/Subtype") == "/Image" for x in resources["/XObject"].values()
            )
            for annot in page.get("/Annots", []) or []:
                uri = annot.get_object().get("/A", {}).get("/URI", "")
                assert not str(uri).startswith("file:")


def test_rebuild_skips_up_to_date_briefs_and_redoes_what_changed(make_project) -> None:
    root = make_project({})
    project = Project.at(root)
    day = dt.date(2025, 7, 3)
    first = build(project, as_of=day, formats=["html", "json"], built_at=BUILT_AT)
    assert len(first.written) == 7 and first.unchanged == []
    later = dt.datetime(2025, 7, 5, tzinfo=dt.UTC)
    again = build(project, as_of=day, formats=["html", "json"], built_at=later)
    assert [p.name for p in again.written] == ["index.html"]
    assert len(again.unchanged) == 6
    # A change that only the public edition shows rebuilds only the public edition's files.
    (root / "content" / "editions" / "2025-07-03.md").write_text(
        "---\nbottom_lines:\n  public: New public line.\n---\nThe talks stalled.\n"
    )
    changed = build(project, as_of=day, formats=["html", "json"], built_at=later)
    assert sorted(p.name for p in changed.written) == ["index.html", "public.html", "public.json"]
    # A template change, a damaged output and --force each rebuild.
    (root / "output" / "2025-07-03" / "analyst.html").write_text("edited by hand")
    repaired = build(project, as_of=day, formats=["html", "json"], built_at=later)
    assert [p.name for p in repaired.written] == ["analyst.html", "analyst.json", "index.html"]
    (root / "templates").mkdir()
    (root / "templates" / "page.css").write_text("/* house page */\n")
    assert len(build(project, as_of=day, formats=["html"], built_at=later).written) == 4
    forced = build(project, as_of=day, formats=["html"], built_at=later, force=True)
    assert len(forced.written) == 4 and forced.unchanged == []


def test_output_does_not_depend_on_hash_seeds(sample, tmp_path) -> None:
    """Same input, same bytes, whatever order Python happens to iterate sets in."""
    import os
    import subprocess
    import sys

    # Two processes with different fixed seeds, side by side, and this process (whose seed
    # is random unless PYTHONHASHSEED is set) that built the sample at the same instant.
    builds = {}
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1751621400"}
        command = [sys.executable, "-m", "briefgen.cli", "build", "--project", REPO,
                   "--out", out, "--format", "html", "--format", "json"]  # fmt: skip
        builds[out] = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
    for process in builds.values():
        _, err = process.communicate()
        assert process.returncode == 0, err.decode()
    first, second = (tree_digest(out / "2025-07-03") for out in builds)
    assert first == second, "two hash seeds built different bytes"
    for out in builds:
        for name in sorted(p.name for p in (out / "2025-07-03").glob("[!.]*")):
            assert (out / "2025-07-03" / name).read_bytes() == (
                sample["out"] / "2025-07-03" / name
            ).read_bytes(), f"{name}: this process's hash seed built different bytes"


def test_sample_pdfs_stay_small(sample) -> None:
    # A regression guard, not a timing: a dotted link border once drew every dot as a path
    # and took the ten-page analyst brief from 200 KB to 570 KB.
    for pdf in sorted(sample["out"].rglob("*.pdf")):
        assert pdf.stat().st_size < 300_000, (
            f"{pdf.relative_to(sample['out'])}: {pdf.stat().st_size}"
        )
