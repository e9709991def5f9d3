"""Every file of one brief, rendered in memory: HTML, PDF (possibly still being laid out) and
JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.brief.views import Brief
from briefgen.content.editions import Audience
from briefgen.render.html import BUILTIN_TEMPLATES, render_html
from briefgen.render.json import brief_json
from briefgen.render.urls import check_html

if TYPE_CHECKING:
    from briefgen.render.pdf import PdfPool

Pending = bytes | Callable[[], bytes]
"""A file's bytes, or a function that waits for them (a PDF being laid out elsewhere)."""


def render_files(
    root: Path,
    brief: Brief,
    audience: Audience,
    formats: Iterable[str],
    pool: PdfPool | None = None,
    cache: Path | None = None,
) -> dict[str, Pending]:
    """Every requested file of one brief, keyed by file name; PDFs go to the pool if given.

    `cache` keeps compiled templates for the next build (the preview passes none: it writes
    nothing into the project).
    """
    formats = list(formats)
    html = render_html(
        brief, root, template=audience.template, stylesheet=audience.stylesheet, cache=cache
    )
    templates = root / "templates"
    roots = [BUILTIN_TEMPLATES, templates.resolve()]
    # The PDF's policy for every format: an HTML file never loads what a PDF would refuse.
    check_html(html, templates, roots, f"the {audience.id} brief")
    files: dict[str, Pending] = {}
    if "html" in formats:
        files[f"{audience.id}.html"] = html.encode("utf-8")
    if "pdf" in formats:
        if pool is None:
            from briefgen.render.pdf import render_pdf

            files[f"{audience.id}.pdf"] = render_pdf(html, templates, roots)
        else:
            files[f"{audience.id}.pdf"] = pool.submit(html, templates, roots)
    if "json" in formats:
        files[f"{audience.id}.json"] = brief_json(brief).encode("utf-8")
    return files
