"""A brief speaks its language: the French example has no English word left in its chrome, and
no template prints a word that is not a label (every label replaced by a marker leaves only
content)."""

from __future__ import annotations

import html as htmllib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from briefgen.content.labels import catalogue, placeholders
from briefgen.content.load import BUILTIN_AUDIENCES
from briefgen.render.html import render_html
from briefgen.render.pdf import render_pdf
from tests.conftest import REPO, brief_for

FRENCH = REPO / "examples" / "fr"
ENGLISH_CHROME = [
    "Bottom line", "Key judgments", "What changed", "Diplomatic tracks", "Open questions",
    "Timeline", "since", "Information as of", "Weekly brief", "Cite as", "Built",
    "confidence", "judged", "reported", "Status", "Mediators", "Trend", "Updated", "New",
    "Analyst", "Edition", "Why it matters", "Bears on", "Opened", "Page 1 of",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    html = render_html(brief_for(FRENCH, "2025-07-03"), FRENCH)
    pdf = tmp_path_factory.mktemp("fr") / "brief.pdf"
    pdf.write_bytes(render_pdf(html, FRENCH, [FRENCH]))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    return html, text.decode()


def test_the_french_example_has_no_english_chrome(french: tuple[str, str]) -> None:
    html, text = french
    assert '<html lang="fr" dir="ltr">' in html
    for words in ENGLISH_CHROME:
        assert not re.search(rf"\b{words}\b", text), words
    assert "Informations arrêtées au 3 juillet 2025" in text
    assert "Page 1 sur 4" in text and "Note hebdomadaire · 2025-S27 · nº 2" in text
    assert "JUGEMENTS CLÉS" in text and "VOIES DIPLOMATIQUES" in text


def marked(root: Path) -> Path:
    """The sample project in `root`, every label renamed ⟦its key⟧ in brief.yaml, keeping its
    placeholders so that the values still print."""
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "templates", root / "templates")
    texts = {}
    for key, text in catalogue("en").items():
        filled = " ".join("{" + name + "}" for name in sorted(placeholders(text)))
        texts[key] = f"⟦{key}⟧{filled}"
    with (root / "content" / "brief.yaml").open("a", encoding="utf-8") as brief:
        brief.write("\n" + yaml.safe_dump({"labels": texts}, allow_unicode=True))
    return root


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z][A-Za-z-]*", text.replace("’", "'")))


def visible_words(html: str) -> set[str]:
    body = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", body))
    return words(re.sub(r"⟦[^⟧]*⟧", " ", text))


def project_words(root: Path) -> set[str]:
    """Every word the project writes: its content, its own templates, the built-in audiences."""
    found: set[str] = set()
    for folder in (root / "content", root / "templates", BUILTIN_AUDIENCES):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in (".yaml", ".md", ".txt", ".html"):
                found |= words(path.read_text(encoding="utf-8"))
    return found


@pytest.mark.parametrize("audience", ["analyst", "public"])
def test_the_templates_print_no_word_that_is_not_a_label(audience: str, tmp_path: Path) -> None:
    root = marked(tmp_path)
    brief = brief_for(root, "2025-07-03", audience)
    html = render_html(brief, root)
    assert "⟦section.tracks⟧" in html and "⟦masthead.as_of⟧" in html
    assert "⟦edition.weekly⟧" in html and "\\27e6 page.of\\27e7 " in html  # CSS-escaped
    markings = {w for m in brief.meta.markings.values() for w in words(f"{m.label} {m.short}")}
    months = {"May", "Jun", "Jul", "June", "July"}  # dates are Babel's, in the brief's language
    # The build time's zone, the generator's name, the content revision's hex digits.
    generated = {"UTC", "test"} | words(brief.meta.revision)
    left = visible_words(html) - project_words(root) - markings - months - generated
    assert not left, sorted(left)
