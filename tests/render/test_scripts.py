"""Arabic and Hebrew in the brief: real glyphs in every style, isolated names and quotes, and a
right-to-left page for a right-to-left language. The PDFs are read back with poppler."""

from __future__ import annotations

import hashlib
import re
import subprocess
import textwrap
import unicodedata
from pathlib import Path

import pytest

from briefgen.content.labels import Labels
from briefgen.project import BUILTIN_TEMPLATES
from briefgen.render.filters import isolate
from briefgen.render.html import render_html
from briefgen.render.pdf import render_pdf
from tests.conftest import JULY_TEXT, MINIMAL, brief_for, write_project

# Test fixtures written for these tests, not taken from any source.
ARABIC_QUOTE = "لن نتفاوض مع Beta قبل عام 2026"  # "we will not negotiate with Beta before 2026"
HEBREW_QUOTE = "אין שיחות לפני הנסיגה"  # "no talks before the withdrawal"
ARABIC_HEADLINE = "ألفا تؤكد المحادثات مع بيتا"  # "Alpha confirms talks with Beta"
ARABIC_TITLE = "موجز اختبار"  # "test brief"
TEXT = JULY_TEXT + ARABIC_QUOTE + "\n" + HEBREW_QUOTE + "\n"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F])


def scripts_project(root: Path, language: str) -> Path:
    """MINIMAL in `language`, with an Arabic quote that names Beta and a year, a Hebrew quote
    (both set in italic) and an Arabic headline."""
    write_project(root, MINIMAL)
    july = MINIMAL["sources/july-report.yaml"].replace(
        re.search(r"sha256: (\w+)", MINIMAL["sources/july-report.yaml"]).group(1), SHA
    )
    return write_project(
        root,
        {
            "brief.yaml": textwrap.dedent(MINIMAL["brief.yaml"]).replace(
                "Test Brief", ARABIC_TITLE if language == "ar" else "Test Brief"
            )
            + f"language: {language}\n",
            "sources/july-report.yaml": july,
            "sources/july-report.txt": TEXT,
            "positions/alpha-talks-july.yaml": MINIMAL["positions/alpha-talks-july.yaml"].replace(
                "no talks before withdrawal", ARABIC_QUOTE
            ),
            "positions/beta-talks-july.yaml": f"""\
                actor: beta
                issue: Talks
                stance: Beta is silent.
                date: 2025-07-03
                quote:
                  text: {HEBREW_QUOTE}
                  speaker: beta
                  source: july-report
                sources: [july-report]
                """,
            "developments/confirmed.yaml": MINIMAL["developments/confirmed.yaml"].replace(
                "Alpha confirms talks with Beta", ARABIC_HEADLINE
            ),
        },
    )


def build_pdf(root: Path, out: Path) -> tuple[str, Path]:
    html = render_html(brief_for(root, "2025-07-03"), root)
    path = out / "brief.pdf"
    path.write_bytes(render_pdf(html, root, [root]))
    return html, path


def normalised(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(BIDI_CONTROLS)


def words(pdf: Path) -> list[tuple[str, float, float, int]]:
    """Each word poppler reads, with its left and right x and its line (page and top y)."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found, page = [], 0
    for line in xhtml.splitlines():
        page += "<page " in line
        if match := re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)".*xMax="([\d.]+)".*>(.*)</word>', line
        ):
            line_at = page * 10_000 + round(float(match[2]))
            found.append((normalised(match[4]), float(match[1]), float(match[3]), line_at))
    return found


def where(
    found: list[tuple[str, float, float, int]], word: str, line: int | None = None
) -> tuple[float, float, int]:
    """A word's box (on `line` if given); poppler may give a right-to-left word's letters in
    either order."""
    for text, left, right, at in found:
        if text.strip("“”.,()") in (word, word[::-1]) and (line is None or abs(at - line) < 8):
            return left, right, at
    raise AssertionError(f"{word!r} not read back from the PDF")


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> tuple[str, Path]:
    root = scripts_project(tmp_path_factory.mktemp("en"), "en")
    return build_pdf(root, root)


@pytest.fixture(scope="module")
def arabic(tmp_path_factory) -> tuple[str, Path]:
    root = scripts_project(tmp_path_factory.mktemp("ar"), "ar")
    return build_pdf(root, root)


def test_direction_of_a_language() -> None:
    languages = ("ar", "he", "fa", "en", "en-GB", "fr")
    assert [Labels.resolve(lang).direction for lang in languages] == [
        *["rtl"] * 3,
        *["ltr"] * 3,
    ]


def test_isolate_escapes_text_and_keeps_markup() -> None:
    assert isolate("<b>") == "<bdi>&lt;b&gt;</bdi>"
    assert isolate(isolate("x")) == "<bdi><bdi>x</bdi></bdi>"


def test_quotes_and_names_are_isolated_in_html(english) -> None:
    html, _ = english
    assert '<html lang="en" dir="ltr">' in html
    assert f"“<bdi>{ARABIC_QUOTE}</bdi>”" in html and f"“<bdi>{HEBREW_QUOTE}</bdi>”" in html
    assert "<bdi>Beta</bdi>" in html


def test_arabic_and_hebrew_italic_quotes_read_back(english) -> None:
    _, pdf = english
    text = normalised(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    assert ARABIC_QUOTE.split(" Beta")[0] in text and HEBREW_QUOTE in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Amiri-Italic" in fonts and "CLM" in fonts and "DejaVu-Sans-Oblique" not in fonts


def test_mixed_quote_reads_right_to_left_in_an_english_brief(english) -> None:
    found = words(english[1])
    verb = where(found, "نتفاوض")
    beta, year = (where(found, w, verb[2]) for w in ("Beta", "2026"))
    # Isolated, the quote is one right-to-left run: its first word is right of the Latin
    # name, which is right of the year at its end.
    assert verb[0] > beta[1] and beta[0] > year[1]


def page_pixels(pdf: Path, body: str, out: Path) -> bytes:
    """The top of the first page of `body` set in the brief's serif italic, as grey pixels."""
    tokens = (BUILTIN_TEMPLATES / "tokens.css").read_text(encoding="utf-8")
    serif = re.search(r"--serif: (.*);", tokens).group(1)
    html = (
        f'<html lang="en"><head><style>@page {{ margin: 0 }} body {{ margin: 0; font: italic'
        f" 14pt {serif}; }} p {{ margin: 0; height: 1in; }}</style></head>"
        f"<body>{body}</body></html>"
    )
    pdf.write_bytes(render_pdf(html, out, [out]))
    prefix = out / pdf.stem
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "60", "-H", "120", "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    return prefix.with_suffix(".pgm").read_bytes()


def test_arabic_italic_draws_the_same_beside_hebrew(tmp_path: Path) -> None:
    """The garbled case: with a Hebrew italic run earlier in the document, Arabic italic once
    came out in another face's glyphs. Its line must look as it does alone."""
    alone = page_pixels(tmp_path / "alone.pdf", f"<p></p><p>{ARABIC_QUOTE}</p>", tmp_path)
    beside = page_pixels(
        tmp_path / "beside.pdf", f"<p>{HEBREW_QUOTE}</p><p>{ARABIC_QUOTE}</p>", tmp_path
    )
    header, pixels = alone.split(b"255\n", 1)
    width = int(header.split()[1])
    second_line = slice(width * 60, width * 120)  # the second inch at 60 dpi
    assert pixels[second_line] == beside.split(b"255\n", 1)[1][second_line]
    assert min(pixels[second_line]) < 128  # something is drawn


def test_arabic_brief_is_right_to_left(arabic) -> None:
    html, pdf = arabic
    assert '<html lang="ar" dir="rtl">' in html
    found = words(pdf)
    left, right, _ = where(found, "موجز")
    # The title is right-aligned: A4 is 595pt wide, its right margin 18mm (51pt).
    assert right > 595 - 51 - 5 and left > 595 / 2
    assert where(found, "تؤكد")
    verb = where(found, "نتفاوض")
    beta, year = (where(found, w, verb[2]) for w in ("Beta", "2026"))
    assert verb[0] > beta[1] and beta[0] > year[1]
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(pdf.parent / "page")],
        check=True,
    )
    assert list(pdf.parent.glob("page*.png"))


def test_arabic_brief_prints_its_chrome_in_arabic(arabic) -> None:
    html, pdf = arabic
    text = normalised(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True).stdout.decode()
    )
    for heading in ("الخلاصة", "المسارات الدبلوماسية", "المواقف", "المصادر"):
        assert heading in html and heading in text, heading
    assert re.search(r"الصفحة\s+\d\s*من\s*\d", text) and "المعلومات حتى" in text
    assert "منخفضة، متوسطة" in html
    for english in ("Bottom line", "Diplomatic tracks", "Page 1 of", "Information as of"):
        assert english not in text
