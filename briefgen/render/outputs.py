"""Every file of one brief, rendered in memory: HTML, PDF (possibly still being laid out) and
JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.brief.views import Brief
from briefgen.content.editions import Audience
from briefgen.render.archival import Enclosure
from briefgen.render.fonts import embed_fonts
from briefgen.render.html import BUILTIN_TEMPLATES, render_html
from briefgen.render.json import brief_json
from briefgen.render.urls import check_html

if TYPE_CHECKING:
    from briefgen.render.pdf import PdfPool

Pending = bytes | Callable[[], bytes]
"""A file's bytes, or a function that makes or waits for them (a PDF being laid out elsewhere,
an HTML file whose fonts are subset once the PDFs are queued)."""


def brief_html(root: Path, brief: Brief, audience: Audience, cache: Path | None = None) -> str:
    """The brief's page, as the PDF lays it out (system fonts; the HTML file embeds its own)."""
    html = render_html(
        brief, root, template=audience.template, stylesheet=audience.stylesheet, cache=cache
    )
    templates, roots = pdf_roots(root)
    # The PDF's policy for every format: an HTML file never loads what a PDF would refuse.
    check_html(html, templates, roots, f"the {audience.id} brief")
    return html


def pdf_roots(root: Path) -> tuple[Path, list[Path]]:
    """Where a brief's resources resolve, and the folders they may come from."""
    templates = root / "templates"
    return templates, [BUILTIN_TEMPLATES, templates.resolve()]


def enclosure(brief: Brief, audience: Audience) -> Enclosure:
    """The JSON a brief's PDF carries: the same bytes as its .json file."""
    meta = brief.meta
    data = brief_json(brief).encode("utf-8")
    return Enclosure(f"{audience.id}.json", data, meta.built_at, meta.revision)


def render_files(
    root: Path,
    brief: Brief,
    audience: Audience,
    formats: Iterable[str],
    pool: PdfPool | None = None,
    cache: Path | None = None,
    fitted: tuple[str, bytes | None] | None = None,
) -> dict[str, Pending]:
    """Every requested file of one brief, keyed by file name; PDFs go to the pool if given.

    `cache` keeps compiled templates for the next build (the preview passes none: it writes
    nothing into the project). `fitted` is the HTML and PDF of a brief already fitted to its
    page budget: its PDF is the layout the fit proved.
    """
    formats = list(formats)
    html = fitted[0] if fitted else brief_html(root, brief, audience, cache)
    templates, roots = pdf_roots(root)
    files: dict[str, Pending] = {}
    # The PDF carries the same JSON as the .json file, byte for byte; made only if needed.
    wrap = enclosure(brief, audience) if {"pdf", "json"} & set(formats) else None
    if "html" in formats:
        # Cutting the fonts takes a second or two on a machine's first build: as a function,
        # it runs once every PDF of the build is queued, while the workers lay them out.
        # The PDF uses the system fonts.
        files[f"{audience.id}.html"] = lambda: embed_fonts(html).encode("utf-8")
    if "pdf" in formats and wrap:
        if fitted and fitted[1] is not None:
            files[f"{audience.id}.pdf"] = fitted[1]
        elif pool is None:
            from briefgen.render.pdf import render_pdf

            files[f"{audience.id}.pdf"] = render_pdf(html, templates, roots, wrap)
        else:
            files[f"{audience.id}.pdf"] = pool.submit(html, templates, roots, wrap)
    if "json" in formats and wrap:
        files[f"{audience.id}.json"] = wrap.data
    return files
