"""The HTML carries its fonts: Charis SIL and Inter, subset, as data URLs; nothing fetched,
and a missing font is no error."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefgen.brief.select import Selection, latest_edition
from briefgen.content.load import load
from briefgen.render import fonts
from briefgen.render.fonts import CORE, FACES, STYLE_ID, embed_fonts
from briefgen.render.outputs import render_files
from tests.conftest import BUILT_AT, REPO

FACE = re.compile(r"@font-face \{ ([^}]*) \}")
DATA = re.compile(r"url\(data:font/(woff2?);base64,([A-Za-z0-9+/=]+)\)")
PAGE = "<!DOCTYPE html><html><head><title>t</title></head><body>{}</body></html>"

needs_fonts = pytest.mark.skipif(
    not all((f[0], f[3], f[4]) in fonts.installed() for f in FACES),
    reason="Charis SIL and Inter are not installed (fonts-sil-charis, fonts-inter)",
)


def faces(html: str) -> list[tuple[str, TTFont]]:
    """Each @font-face rule of the embedded style, with its font read back."""
    found = []
    for rule in FACE.findall(html):
        [(_, data)] = DATA.findall(rule)
        found.append((rule, TTFont(io.BytesIO(base64.b64decode(data)))))
    return found


@pytest.fixture(scope="module")
def sample_html() -> str:
    content = load(REPO).content
    [analyst] = [a for a in content.audiences if a.id == "analyst"]
    brief = Selection(content, analyst).brief(latest_edition(content), built_at=BUILT_AT)
    page = render_files(REPO, brief, analyst, ["html"])["analyst.html"]
    return (page() if callable(page) else page).decode("utf-8")


@needs_fonts
def test_sample_html_embeds_seven_subset_faces_within_budget(sample_html) -> None:
    assert len(sample_html.encode()) < 400_000
    style = sample_html[sample_html.index(f'<style id="{STYLE_ID}">') :]
    assert style.index("</style>") < style.index("</head>")
    found = faces(sample_html)
    assert [(r.split(";")[0], r.split(";")[2]) for r, _ in found] == [
        (f'font-family: "{family}"', f" font-weight: {weight}") for family, weight, *_ in FACES
    ]
    text = set(re.sub(f'<style id="{STYLE_ID}">.*?</style>', "", sample_html, flags=re.S))
    for (rule, font), (family, _, _, weight, slant) in zip(found, FACES, strict=True):
        cmap = {chr(c) for c in font.getBestCmap()}
        assert set("Syria–Israel “talks” ’") <= cmap, rule[:40]
        # Every character of the brief that the installed face has (▶ is Inter's alone).
        has = fonts._covered(str(fonts.installed()[(family, weight, slant)]))
        assert {c for c in text if c in has and c >= " "} <= cmap, rule[:40]
        assert len(font.getGlyphOrder()) < 400  # a subset, not the whole font
        features = {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
        assert font.flavor == "woff2" and features <= {"kern"}  # kerning, if the face has it
        assert "kern" in features or family != "Inter"
    # Nothing for a browser to fetch: every URL in the style is data.
    assert re.findall(r"url\((?!data:)", style[: style.index("</style>")]) == []


@needs_fonts
def test_characters_beyond_the_core_get_a_face_of_their_own() -> None:
    html = embed_fonts(PAGE.format("Şam and Beyoğlu"))
    extra = [(r, f) for r, f in faces(html) if "unicode-range" in r]
    assert len(extra) == len(FACES)  # both typefaces have Ş and ğ
    for rule, font in extra:
        assert "unicode-range: U+11E, U+11F, U+15E, U+15F;" in rule  # both cases of ğ and Ş
        assert {"ğ", "Ş"} <= {chr(c) for c in font.getBestCmap()}


def test_missing_or_broken_fonts_leave_the_html_as_it_was(monkeypatch, tmp_path) -> None:
    html = PAGE.format("text")
    monkeypatch.setattr(fonts, "installed", lambda: {})
    assert embed_fonts(html) == html
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    every = {(f[0], f[3], f[4]): broken for f in FACES}
    monkeypatch.setattr(fonts, "installed", lambda: every)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert embed_fonts(html) == html
    gone = {key: tmp_path / "gone.ttf" for key in every}
    monkeypatch.setattr(fonts, "installed", lambda: gone)
    assert embed_fonts(html) == html


def test_a_page_without_head_is_left_alone() -> None:
    assert embed_fonts("<p>x</p>") == "<p>x</p>"


def test_characters_include_both_cases_and_css_escapes() -> None:
    found = fonts.characters('<p>é</p><style>.x::after { content: "\\2192 " }</style>')
    assert "É" in found and "→" in found and "\n" not in found


@needs_fonts
def test_a_cut_is_the_same_bytes_every_time(monkeypatch, tmp_path) -> None:
    path = str(fonts.installed()[("Charis SIL", 80, 0)])
    once = fonts._cut.__wrapped__(path, CORE, "woff2", True)
    assert once == fonts._cut.__wrapped__(path, CORE, "woff2", True)
    # And the user's cache keeps it whole, where the next build finds it.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert fonts._subset(Path(path), CORE, kerned=True) == once
    [kept] = (tmp_path / "briefgen" / "fonts").iterdir()
    assert kept.read_bytes() == once
