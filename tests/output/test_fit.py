"""The executive brief keeps to two pages, proven by laying it out and reading the PDF back."""

from __future__ import annotations

import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from briefgen.content.load import load
from briefgen.output.build import Project, build
from briefgen.output.fit import explain_all
from tests.conftest import BUILT_AT, REPO

ROOMY = (
    "label: Executive summary\n"
    "sections: [bottom_line, judgments, changes, track_lines, questions, colophon]\n"
    "pages: 2\nlimits: {judgments: 12, questions: 12, track_lines: 24}\n"
    "ceiling: internal\ntemplate: executive.html\n"
)
"""The built-in executive profile with limits far beyond two pages: only the fit holds it."""


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """Generated content at 4× the sample over a year of weekly editions."""
    root = tmp_path_factory.mktemp("large")
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), str(root), "--scale", "4",
         "--weeks", "52", "--no-snapshots"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return root


def pages(path: Path) -> list[str]:
    reader = pypdf.PdfReader(BytesIO(path.read_bytes()))
    return [page.extract_text() for page in reader.pages]


def built(root: Path, out: Path) -> tuple[list[str], str, tuple[str, ...]]:
    project = Project.at(root, out=out)
    result = build(project, as_of=None, audiences=["executive"], built_at=BUILT_AT)
    folder = out / result.as_of.isoformat()
    return pages(folder / "executive.pdf"), (folder / "executive.html").read_text(), result.warnings


def test_built_in_profile_fits_two_pages_and_uses_page_two(large, tmp_path) -> None:
    text, _, warnings = built(large, tmp_path)
    assert len(text) == 2 and warnings == ()
    body = [line for line in text[1].splitlines() if not {"INTERNAL", "Page 2"} & set(line.split())]
    assert len(" ".join(body)) > 800  # more than a running head and a footer


def test_over_budget_leaves_out_least_important_and_says_so(large, tmp_path) -> None:
    (large / "content" / "audiences").mkdir(exist_ok=True)
    (large / "content" / "audiences" / "executive.yaml").write_text(ROOMY)
    try:
        text, html, warnings = built(large, tmp_path)
        _, found, _ = explain_all(large, load(large).content, None, ["executive"])
    finally:
        (large / "content" / "audiences" / "executive.yaml").unlink()
    assert len(text) == 2 and warnings == ()
    assert "more in the analyst brief" in "".join(text)
    [(_, omissions)] = found
    fit = [o for o in omissions if o.reason == "fit"]
    assert fit and all(o.detail == "left out to keep the brief to 2 pages" for o in fit)
    # The HTML shows what the PDF shows: the same fitted selection.
    dropped = {o.id for o in fit if o.kind == "tracks"}
    assert dropped and not any(f"Synthetic track {i.split('-')[-1]}<" in html for i in dropped)
    named = r"Synthetic (?:track|question|judgment) \d+"
    assert set(re.findall(named, html)) == set(re.findall(named, "".join(text)))


def test_a_bottom_line_beyond_the_budget_stops_with_a_warning(make_project, tmp_path) -> None:
    long = "\n\n".join(["The talks went on. " * 60] * 14)
    root = make_project({"editions/2025-07-03.md": f"---\nas_of: 2025-07-03\n---\n{long}\n"})
    text, _, warnings = built(root, tmp_path / "out")
    assert len(text) > 2
    [warning] = warnings
    assert "runs to" in warning and "its budget is 2" in warning


def test_masthead_keeps_a_long_organisation_clear_of_the_badge(make_project, tmp_path) -> None:
    from briefgen.brief.select import Selection
    from briefgen.render.outputs import brief_html, pdf_roots
    from briefgen.render.pdf import lay_out

    name = "The Very Long Name of an Organisation " * 4
    root = make_project({"brief.yaml": f"title: Test Brief\norganisation: {name[:120]}\n"
                                       "handling: INTERNAL\n"})  # fmt: skip
    content = load(root).content
    [executive] = [a for a in content.audiences if a.id == "executive"]
    brief = Selection(content, executive).brief(
        max(e.as_of for e in content.editions), built_at=BUILT_AT
    )
    document = lay_out(brief_html(root, brief, executive), *pdf_roots(root))
    boxes = {}

    def walk(box) -> None:
        element = getattr(box, "element", None)
        kind = element.get("class") if element is not None else None
        if kind in ("x-kicker", "x-handling") and kind not in boxes:
            boxes[kind] = box
        for child in getattr(box, "children", ()):
            walk(child)

    walk(document.pages[0]._page_box)
    kicker, badge = boxes["x-kicker"], boxes["x-handling"]
    assert kicker.position_x + kicker.margin_width() <= badge.position_x
    assert kicker.height > badge.height  # the name wraps beside the badge
    dateline = [line for line in pages_of(document)[0].splitlines() if "NEXT" in line]
    assert dateline and all(line.strip() != "NEXT" for line in dateline)


def pages_of(document) -> list[str]:
    from briefgen.render.pdf import write_pdf

    return pages_from_bytes(write_pdf(document))


def pages_from_bytes(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def test_a_rebuild_skipping_a_fitted_brief_still_says_fit(large, tmp_path) -> None:
    (large / "content" / "audiences").mkdir(exist_ok=True)
    (large / "content" / "audiences" / "executive.yaml").write_text(ROOMY)
    project = Project.at(large, out=tmp_path)
    try:
        first = build(project, as_of=None, audiences=["executive"], built_at=BUILT_AT)
        again = build(project, as_of=None, audiences=["executive"], built_at=BUILT_AT)
    finally:
        (large / "content" / "audiences" / "executive.yaml").unlink()
    assert again.unchanged and not any("executive" in p.name for p in again.written)
    reasons = {o.reason for o in again.left_out["executive"]}
    assert "fit" in reasons and again.left_out["executive"] == first.left_out["executive"]
