"""The sample project's HTML, compared byte for byte with expected files in tests/golden/.

Every edition of the sample (content/editions/) for every audience (the built-in profiles and
any in content/audiences/) is loaded, selected and rendered in this process, with the fixed
build time `BUILT_AT` (the same instant as `SOURCE_DATE_EPOCH=1751621400`), and compared with
`tests/golden/<as-of>/<audience>.html`. Those files are exactly what

    SOURCE_DATE_EPOCH=1751621400 .venv/bin/python -m briefgen build --as-of <as-of> --format html

writes to `output/<as-of>/<audience>.html`.

After an intended change of templates, styles, content or selection, regenerate them with

    .venv/bin/pytest tests/render/test_golden.py --update-goldens

and read the change in `git diff tests/golden/` before committing it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from briefgen.brief.select import Selection
from briefgen.content.dates import human_date
from briefgen.content.load import load
from briefgen.content.models import Content
from briefgen.render.html import render_html
from tests.conftest import BUILT_AT, REPO

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = ".venv/bin/pytest tests/render/test_golden.py --update-goldens"

EDITIONS = sorted(p.stem for p in (REPO / "content" / "editions").glob("*.md"))
AUDIENCES = sorted(
    {
        p.stem
        for folder in (REPO / "briefgen" / "content" / "audiences", REPO / "content" / "audiences")
        for p in folder.glob("*.yaml")
    }
)
CASES = [(day, audience) for day in EDITIONS for audience in AUDIENCES]


@pytest.fixture(scope="module")
def sample() -> Content:
    return load(REPO).content


def render(content: Content, day: str, audience: str) -> str:
    """The HTML that `briefgen build --as-of DAY --format html` writes for one audience."""
    [profile] = [a for a in content.audiences if a.id == audience]
    brief = Selection(content, profile).brief(dt.date.fromisoformat(day), built_at=BUILT_AT)
    return render_html(brief, REPO, template=profile.template, stylesheet=profile.stylesheet)


def first_differences(expected: str, actual: str, name: str, most: int = 40) -> str:
    """A unified diff of the first differing lines, cut to `most` lines."""
    diff = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{name} (expected)",
            tofile=f"{name} (rendered now)",
            n=2,
        )
    )
    shown = "".join(diff[:most])
    if not shown.endswith("\n"):
        shown += "\n"
    if len(diff) > most:
        shown += f"... {len(diff) - most} more diff lines\n"
    return shown


def test_every_edition_and_audience_has_a_case(sample: Content) -> None:
    assert sorted(e.as_of.isoformat() for e in sample.editions) == EDITIONS
    assert sorted(a.id for a in sample.audiences) == AUDIENCES
    assert {"analyst", "executive", "public"} <= set(AUDIENCES) and len(EDITIONS) >= 2


def test_no_stale_golden_files(update_goldens) -> None:
    expected = {f"{day}/{audience}.html" for day, audience in CASES}
    present = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.html")}
    if update_goldens:
        for stale in sorted(present - expected):
            (GOLDEN / stale).unlink()
            if not any((GOLDEN / stale).parent.iterdir()):
                (GOLDEN / stale).parent.rmdir()
        return
    assert present - expected == set(), f"regenerate the golden files with: {UPDATE}"


@pytest.mark.parametrize(("day", "audience"), CASES, ids=[f"{d}-{a}" for d, a in CASES])
def test_html_matches_golden(sample: Content, day: str, audience: str, update_goldens) -> None:
    html = render(sample, day, audience)
    title = f", as of {human_date(dt.date.fromisoformat(day))}</title>"
    assert html.startswith("<!DOCTYPE html>") and title in html
    path = GOLDEN / day / f"{audience}.html"
    name = path.relative_to(REPO).as_posix()
    if update_goldens:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != html.encode("utf-8"):
            path.write_bytes(html.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"{name} is missing; generate it with:\n    {UPDATE}", pytrace=False)
    expected = path.read_bytes().decode("utf-8")
    if html != expected:
        pytest.fail(
            f"{name} differs from the HTML rendered now:\n\n"
            f"{first_differences(expected, html, name)}\n"
            f"If the change is intended, regenerate the golden files with:\n    {UPDATE}\n"
            "and review `git diff tests/golden/`.",
            pytrace=False,
        )
