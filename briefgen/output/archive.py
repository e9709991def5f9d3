"""The archive page: `output/index.html`, every built edition and audience, newest first."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from briefgen.content.labels import Labels
from briefgen.content.models import Content
from briefgen.output.files import write_files
from briefgen.output.stamps import MAX_OUTPUT_BYTES
from briefgen.project import FORMATS, Project
from briefgen.reading import Refused, read_text
from briefgen.render.html import render_page


@dataclass(frozen=True)
class AudienceFiles:
    label: str
    files: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class EditionFiles:
    as_of: dt.date
    label: str
    audiences: tuple[AudienceFiles, ...]


def _edition(folder: Path, as_of: dt.date) -> EditionFiles | None:
    by_audience: dict[str, list[str]] = {}
    try:
        names = [path.name for path in folder.iterdir()]
    except OSError:  # an edition folder that cannot be listed is left out of the archive
        return None
    for name in names:
        path = folder / name
        if path.suffix[1:] in FORMATS and not name.startswith("."):
            by_audience.setdefault(path.stem, []).append(path.suffix[1:])
    if not by_audience:
        return None
    label, audiences = as_of.isoformat(), []
    for audience, formats in sorted(by_audience.items()):
        name = audience
        if "json" in formats:
            try:
                path = folder / f"{audience}.json"
                meta = json.loads(read_text(path, (folder.resolve(),), MAX_OUTPUT_BYTES))["meta"]
                name, label = str(meta["audience_label"]), str(meta["edition_label"])
            except (Refused, ValueError, KeyError, TypeError):
                pass
        files = tuple((fmt, f"{folder.name}/{audience}.{fmt}") for fmt in FORMATS if fmt in formats)
        audiences.append(AudienceFiles(name, files))
    return EditionFiles(as_of, label, tuple(audiences))


ARCHIVED = ".briefgen-archived"
"""Marks a folder built with `--archive` for a date that is not an edition."""


def editions_in(out: Path, editions: set[dt.date]) -> list[EditionFiles]:
    """Built editions found under `out`, newest first: the content's editions, and briefs for
    other dates only when they were built with `--archive`."""
    found = []
    try:
        folders = list(out.iterdir()) if out.is_dir() else []
    except OSError:
        folders = []
    for folder in folders:
        try:
            as_of = dt.date.fromisoformat(folder.name)
        except ValueError:
            continue
        listed = as_of in editions or (folder / ARCHIVED).is_file()
        if folder.is_dir() and listed and (edition := _edition(folder, as_of)):
            found.append(edition)
    return sorted(found, key=lambda e: e.as_of, reverse=True)


def archive_html(out: Path, content: Content, root: Path) -> str:
    settings = content.settings
    return render_page(
        "archive.html",
        root,
        editions=editions_in(out, {e.as_of for e in content.editions}),
        title=settings.title.latest(),
        organisation=settings.organisation,
        language=settings.language,
        labels=Labels.resolve(settings.language, settings.labels),
    )


def write_archive(project: Project, content: Content) -> Path:
    """Rebuild `output/index.html` from the editions found there."""
    html = archive_html(project.out, content, project.root)
    return write_files(project.out, {"index.html": html.encode("utf-8")})[0]
