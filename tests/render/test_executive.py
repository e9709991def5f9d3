"""The executive two-pager speaks the brief's language: its headings, dateline, What moved and
page furniture come from the label catalogue, read back from the PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from briefgen.output.build import Project, build
from tests.conftest import BUILT_AT, REPO

# The colophon is a partial shared with the other briefs, translated with them: left out here
# so that this test holds the executive template to account, and nothing else.
PROFILE = (REPO / "briefgen" / "content" / "audiences" / "executive.yaml").read_text()
PROFILE = PROFILE.replace(", colophon]", "]")

ENGLISH = (
    "BOTTOM LINE", "WHAT WE JUDGE", "WHAT MOVED", "TRACKS AT A GLANCE", "QUESTIONS TO WATCH",
    "INFORMATION AS OF", "PERIOD", "EDITION", "NEXT", "no. 2", "more change", "opened",
    "CONFIDENCE", "To watch", "Information as of", "Page 1 of",
)  # fmt: skip
"""As pdftotext reads them (headings and labels set in capitals): the content's own English
("the next six months") is not chrome."""


def sample_in(root: Path, language: str) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    settings = root / "content" / "brief.yaml"
    settings.write_text(settings.read_text().replace("language: en", f"language: {language}"))
    (root / "content" / "audiences").mkdir(exist_ok=True)
    (root / "content" / "audiences" / "executive.yaml").write_text(PROFILE)
    return root


def executive_text(root: Path, as_of: str | None = None) -> list[str]:
    import datetime as dt

    project = Project.at(root, out=root / "out")
    day = dt.date.fromisoformat(as_of) if as_of else None
    result = build(project, as_of=day, audiences=["executive"], formats=["pdf"], built_at=BUILT_AT)
    pdf = root / "out" / result.as_of.isoformat() / "executive.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True).stdout
    return text.decode().split("\f")[:-1]


@pytest.mark.parametrize("as_of", [None, "2025-05-08"])
def test_a_french_executive_brief_has_french_chrome(tmp_path, as_of) -> None:
    pages = executive_text(sample_in(tmp_path, "fr"), as_of)
    text = "\n".join(pages)
    assert len(pages) <= 2
    for heading in ("L’ESSENTIEL", "NOS JUGEMENTS", "CE QUI A BOUGÉ", "QUESTIONS À SUIVRE"):
        assert heading in text
    assert f"Page 1 sur {len(pages)}" in text and "Informations arrêtées au" in text
    assert [word for word in ENGLISH if word in text] == []


def test_an_arabic_executive_brief_builds_on_two_pages(tmp_path) -> None:
    pages = executive_text(sample_in(tmp_path, "ar"))
    text = "\n".join(pages)
    assert len(pages) == 2
    assert "الخلاصة" in text and "تقديراتنا" in text
    assert "Bottom line" not in text and "Page 1 of" not in text
