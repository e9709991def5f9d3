"""The brief's typefaces inside its HTML: Charis SIL and Inter, cut to the characters it uses.

A built HTML file then looks the same on a machine without them. The faces are found with
fontconfig's `fc-list`, subset with fontTools (WOFF2 when `brotli` is installed, else WOFF) and
embedded as base64 data URLs in one `<style>` before `</head>`. A face that is missing or
unreadable is left out without a word: the CSS font stack still names the system fonts.
Nothing is fetched. The PDF does not use these: WeasyPrint embeds the system fonts itself.

Each face comes in two parts. The core (Latin letters and punctuation, with kerning) is the
same for every brief, so it is cut once per machine and kept in the user's cache folder:
cutting it costs about a second, which every brief, edition and preview reload would
otherwise pay. The characters a brief uses beyond the core, if any, get a small second
face of their own (`unicode-range`), cut without layout features, which is quick.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import logging
import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path

LOG = logging.getLogger("briefgen.render.fonts")

FACES = (
    # family, CSS weight, CSS style, fontconfig weight, fontconfig slant
    ("Charis SIL", 400, "normal", 80, 0),
    ("Charis SIL", 700, "normal", 200, 0),
    ("Charis SIL", 400, "italic", 80, 100),
    ("Charis SIL", 700, "italic", 200, 100),
    ("Inter", 400, "normal", 80, 0),
    ("Inter", 600, "normal", 180, 0),
    ("Inter", 700, "normal", 200, 0),
)
"""The faces style.css asks for: body, bold and italic serif; regular, semibold, bold sans."""

CORE = "".join(
    chr(c)
    for c in (
        *range(0x20, 0x7F),  # ASCII
        *range(0xA0, 0x100),  # Latin-1: accented letters, ·, §, °, «»
        *range(0x2010, 0x2028),  # dashes, quotes, bullets, ellipsis
        *(0x2030, 0x2039, 0x203A, 0x20AC, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x2212),
        *(0x25B2, 0x25B6, 0x25BC, 0x25C0),  # the trend marks
    )
)
"""The characters of every face's core part, whether a brief uses them all or not."""

STYLE_ID = "briefgen-fonts"
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")


def embed_fonts(html: str) -> str:
    """`html` with the faces it may use embedded; unchanged if none is found or the document
    has no `</head>`."""
    head = html.find("</head>")
    if head < 0:
        return html
    extra = "".join(c for c in characters(html) if c not in CORE)
    faces = tuple(sorted((key, str(path)) for key, path in installed().items()))
    style = _style(extra, faces)
    return html[:head] + style + html[head:] if style else html


@lru_cache(maxsize=32)
def _style(extra: str, faces: tuple[object, ...]) -> str:
    """The style block for the core and these extra characters: briefs of one series mostly
    share it, and reading and encoding the faces again cost more than laying out the HTML."""
    rules = [rule for face in FACES for rule in _face_rules(face, extra)]
    return f'<style id="{STYLE_ID}">\n' + "\n".join(rules) + "\n</style>\n" if rules else ""


def characters(html: str) -> str:
    """Every character the document may show, sorted: its text and markup, CSS escapes
    (generated content), and both cases (CSS `text-transform`)."""
    found = set(html) | set(html.upper()) | set(html.lower())
    found |= {chr(int(code, 16)) for code in _CSS_ESCAPE.findall(html) if int(code, 16) < 0x110000}
    return "".join(sorted(c for c in found if c >= " " and not 0xD800 <= ord(c) < 0xE000))


def _face_rules(face: tuple[str, int, str, int, int], extra: str) -> list[str]:
    family, weight, style, fc_weight, fc_slant = face
    path = installed().get((family, fc_weight, fc_slant))
    if path is None:
        return []
    head = f'font-family: "{family}"; font-style: {style}; font-weight: {weight}'
    rules = []
    core = _subset(path, CORE, kerned=True)
    if core:
        rules.append(f"@font-face {{ {head}; font-display: swap; src: {_src(core)}; }}")
    extra = "".join(c for c in extra if c in _covered(str(path)))
    part = _subset(path, extra, kerned=False) if extra else None
    if part:  # declared after the core, so it wins for the characters of its range
        ranges = ", ".join(f"U+{ord(c):X}" for c in extra)
        rules.append(
            f"@font-face {{ {head}; font-display: swap; src: {_src(part)}; "
            f"unicode-range: {ranges}; }}"
        )
    return rules


def _src(data: bytes) -> str:
    kind = "woff2" if _woff2() else "woff"
    return f'url(data:font/{kind};base64,{base64.b64encode(data).decode("ascii")}) format("{kind}")'


@lru_cache(maxsize=1)
def installed() -> dict[tuple[str, int, int], Path]:
    """The font files fontconfig knows, by (family, weight, slant); empty without fc-list."""
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{file}\t%{family}\t%{weight}\t%{slant}\n"],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        LOG.info("no fonts embedded: fc-list failed: %s", exc)
        return {}
    found: dict[tuple[str, int, int], Path] = {}
    for line in sorted(listing.splitlines()):
        parts = line.split("\t")
        if len(parts) != 4 or not parts[2].isdigit() or not parts[3].isdigit():
            continue  # a variable font gives a range of weights: not one of ours
        for family in parts[1].split(","):
            found.setdefault((family, int(parts[2]), int(parts[3])), Path(parts[0]))
    return found


def _woff2() -> bool:
    """WOFF2 needs brotli, which fontTools imports only if it is installed."""
    return importlib.util.find_spec("brotli") is not None


def cache_folder() -> Path:
    """Where cut faces are kept for every project of this user: they depend only on the font
    files, and deleting the folder is always safe."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefgen" / "fonts"


def _subset(path: Path, text: str, kerned: bool) -> bytes | None:
    """The face at `path` cut to `text`, from the cache folder when it has it."""
    try:
        stat = path.stat()
    except OSError:
        return None
    from fontTools import version as fonttools

    flavor = "woff2" if _woff2() else "woff"
    key = f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{fonttools}\0{flavor}\0{kerned}\0{text}"
    stored = cache_folder() / (hashlib.sha256(key.encode()).hexdigest()[:32] + "." + flavor)
    try:
        return stored.read_bytes()
    except OSError:
        pass
    data = _cut(str(path), text, flavor, kerned)
    if data:
        try:
            stored.parent.mkdir(parents=True, exist_ok=True)
            temporary = stored.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            temporary.replace(stored)  # whole or not at all, whoever else is cutting it
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower
    return data


@lru_cache(maxsize=16)
def _covered(path: str) -> frozenset[str]:
    """The characters the font at `path` has glyphs for; none if it cannot be read."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True) as font:
            return frozenset(chr(code) for code in font.getBestCmap())
    except (OSError, TTLibError, AssertionError, KeyError, ValueError, TypeError):
        return frozenset()


@lru_cache(maxsize=32)
def _cut(path: str, text: str, flavor: str, kerned: bool) -> bytes | None:
    """Subset with fontTools; None if the file is not a font it can read."""
    from fontTools import subset
    from fontTools.ttLib import TTLibError

    options = subset.Options()
    options.flavor = flavor
    # Kerning, and no other layout feature: the others cost most of the time of a cut and
    # change little in a brief's text.
    options.layout_features = ["kern"] if kerned else []
    options.hinting = False  # screens rasterise unhinted outlines well; hints are half the size
    options.desubroutinize = True  # CFF without subroutines compresses smaller
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # it warns of each dropped table
    try:
        font = subset.load_font(path, options, lazy=True)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        out = io.BytesIO()
        subset.save_font(font, out, options)
    except (OSError, TTLibError, AssertionError, KeyError, ValueError, TypeError) as exc:
        LOG.info("font %s not embedded: %s", path, exc)
        return None
    return out.getvalue()
