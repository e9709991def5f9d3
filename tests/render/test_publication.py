"""The analyst and public briefs read like a publication: the sample's PDFs, read back."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pypdf
import pytest

from tests.conftest import sample_pages

EDITIONS = ("2025-05-08", "2025-07-03")
AUDIENCES = ("analyst", "public")


@pytest.fixture
def out(sample_out: Path) -> Path:
    """The sample's editions, built once for the run (tests/conftest.py)."""
    return sample_out


def pages(path: Path) -> list[str]:
    return list(sample_pages(path))


def test_analyst_brief_opens_with_bottom_line_and_key_judgments(out: Path) -> None:
    text = pages(out / "2025-07-03" / "analyst.pdf")
    first = text[0].casefold()
    assert "bottom line" in first and "key judgments" in first
    assert first.index("bottom line") < first.index("key judgments")


def test_running_header_and_footer_name_edition_audience_and_page(out: Path) -> None:
    text = pages(out / "2025-07-03" / "analyst.pdf")
    assert "Weekly brief · 2025-W27 · no. 2 · Analyst brief" in text[1]
    assert f"Page 2 of {len(text)}" in text[1] and "RESTRICTED" in text[1]
    public = pages(out / "2025-07-03" / "public.pdf")
    assert "no. 2 · Public edition" in public[1] and "PUBLIC" in public[1]


@pytest.mark.parametrize("day", EDITIONS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_page_holds_only_the_colophon(out: Path, day: str, audience: str) -> None:
    text = pages(out / day / f"{audience}.pdf")
    last = text[-1]
    # What the last page holds before the colophon, but for the running header.
    before = last[: last.casefold().index("cite as")]
    for running in ("Syria–Israel Diplomatic Tracks", "Weekly brief", "no. ", "brief", "edition"):
        before = before.replace(running, "")
    assert len(before.strip()) > 80, f"{day}/{audience}: the last page holds only the colophon"


@pytest.mark.parametrize("day", EDITIONS)
def test_public_edition_is_a_public_document(out: Path, day: str) -> None:
    text = "\n".join(pages(out / day / "public.pdf"))
    assert not re.search(r"\b[A-F][1-6]\b", text), "an Admiralty grade in the public edition"
    assert "Grade" not in text and "Priority" not in text
    assert re.search("cite as", text, re.I) and "CC BY 4.0" in text
    assert "sample-desk@example.org" in text
    analyst = "\n".join(pages(out / day / "analyst.pdf"))
    assert "Priority " in analyst and "CC BY 4.0" not in analyst  # licence: public briefs only


@pytest.mark.parametrize("audience", AUDIENCES)
def test_first_edition_marks_nothing_new_and_says_it_is_the_first(out: Path, audience: str) -> None:
    html = (out / "2025-05-08" / f"{audience}.html").read_text(encoding="utf-8")
    assert "This is the first edition" in html
    assert 'class="mark-new"' not in html and 'class="mark-updated"' not in html
    july = (out / "2025-07-03" / f"{audience}.html").read_text(encoding="utf-8")
    assert 'class="mark-new"' in july


def test_a_development_is_printed_once_and_linked_elsewhere(out: Path) -> None:
    html = (out / "2025-07-03" / "analyst.html").read_text(encoding="utf-8")
    headline = "Israeli Broadcasting Authority reports a new undeclared Moscow–Israel channel"
    assert html.count(headline) == 1
    targets = set(re.findall(r'href="#(dev-[a-z0-9-]+)"', html))
    anchors = set(re.findall(r'id="(dev-[a-z0-9-]+)"', html))
    assert targets and targets <= anchors
    for anchor in anchors:
        assert html.count(f'id="{anchor}"') == 1
    # The links work in the PDF too: WeasyPrint turns them into internal destinations.
    reader = pypdf.PdfReader(BytesIO((out / "2025-07-03" / "analyst.pdf").read_bytes()))
    internal = [
        a.get_object()
        for page in reader.pages
        for a in page.get("/Annots") or []
        if "/Dest" in a.get_object() or a.get_object().get("/A", {}).get("/S") == "/GoTo"
    ]
    assert len(internal) >= len(targets)


@pytest.mark.parametrize("day", EDITIONS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_readers_see_words_not_field_names_nor_straight_quotes(
    out: Path, day: str, audience: str
) -> None:
    text = "\n".join(pages(out / day / f"{audience}.pdf"))
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)
    assert "'" not in text and '"' not in text
