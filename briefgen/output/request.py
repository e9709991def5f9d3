"""`briefgen build` as one request, in the order that makes it quick.

Imports nothing heavy: a request whose files are all up to date ends before pydantic, Jinja2 or
WeasyPrint is imported, and PDF workers are forked before the rest of briefgen is, so that
their WeasyPrint import runs while the content loads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen.output.stamps import request_key, up_to_date
from briefgen.project import Project, pdf_workers


@dataclass(frozen=True)
class Outcome:
    written: list[Path]
    unchanged: list[Path]
    warnings: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()
    """One line per audience: what its brief leaves out."""


def build_request(
    project: Project,
    *,
    as_of: dt.date | None,
    audiences: Sequence[str],
    formats: Sequence[str],
    built_at: dt.datetime,
    force: bool = False,
    archive: bool = False,
) -> Outcome:
    """Build the brief as of `as_of` (the latest edition if None) for the audiences named (every
    audience if none), unless every file it would write is already exactly so."""
    if not force:
        fresh = up_to_date(project, request_key(as_of, audiences, formats, archive))
        if fresh is not None:
            return Outcome([], fresh)
    pool = None
    if "pdf" in formats:
        from briefgen.render.pdf import PdfPool

        pool = PdfPool(pdf_workers(len(audiences) or None))
    from briefgen.output.build import build

    result = build(
        project,
        as_of=as_of,
        audiences=audiences or None,
        formats=formats,
        built_at=built_at,
        force=force,
        pool=pool,
        archive=archive,
    )
    from briefgen.render.text import left_out_line

    warnings = result.warnings + tuple(str(w) for w in result.loaded.warnings)
    lines = tuple(left_out_line(a, o) for a, o in sorted(result.left_out.items()))
    return Outcome(result.written, result.unchanged, warnings, lines)
