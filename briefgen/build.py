"""Build an edition: gather and check everything, render every output in memory, then write.

A bad file anywhere means nothing is written; an edition's files are replaced by rename.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefgen import __version__
from briefgen.archive import archive_html
from briefgen.brief import Brief
from briefgen.errors import BriefgenError, OutputError, UsageError
from briefgen.load import Loaded, load
from briefgen.models import Audience, Content
from briefgen.render import BUILTIN_TEMPLATES, render_html
from briefgen.select import select

FORMATS = ("html", "pdf", "json")
GENERATOR = f"briefgen {__version__}"


@dataclass(frozen=True)
class Project:
    """Where a brief project's parts live."""

    root: Path
    content: Path
    out: Path

    @classmethod
    def at(cls, root: Path, content: Path | None = None, out: Path | None = None) -> Project:
        root = root.resolve()
        return cls(
            root, (content or root / "content").resolve(), (out or root / "output").resolve()
        )

    @property
    def templates(self) -> Path:
        return self.root / "templates"


def latest_edition(content: Content) -> dt.date:
    if not content.editions:
        raise UsageError("the content defines no edition; give --as-of or add content/editions/")
    return max(e.as_of for e in content.editions)


def brief_json(brief: Brief) -> str:
    return (
        json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
    )


def pick_audiences(content: Content, names: Sequence[str] | None) -> list[Audience]:
    """The audiences asked for (all, by default); an unknown name lists the known ones."""
    known = {a.id: a for a in content.audiences}
    unknown = [n for n in names or () if n not in known]
    if unknown:
        raise UsageError(
            f"unknown audience {', '.join(repr(n) for n in unknown)}; "
            f"known: {', '.join(sorted(known))}"
        )
    return (
        [known[n] for n in dict.fromkeys(names)]
        if names
        else sorted(known.values(), key=lambda a: a.id)
    )


def render_outputs(
    project: Project, brief: Brief, audience: Audience, formats: Iterable[str]
) -> dict[str, bytes]:
    """Every requested file of one brief, as bytes, keyed by file name."""
    formats = list(formats)
    html = render_html(
        brief, project.root, template=audience.template, stylesheet=audience.stylesheet
    )
    files: dict[str, bytes] = {}
    if "html" in formats:
        files[f"{audience.id}.html"] = html.encode("utf-8")
    if "pdf" in formats:
        from briefgen.pdf import render_pdf

        roots = [BUILTIN_TEMPLATES, project.templates]
        files[f"{audience.id}.pdf"] = render_pdf(html, project.templates, roots)
    if "json" in formats:
        files[f"{audience.id}.json"] = brief_json(brief).encode("utf-8")
    return files


def write_edition(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write files aside, then rename each into place; a failure leaves the old files."""
    staged: list[tuple[Path, Path]] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, data in sorted(files.items()):
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, 0o644)
            staged.append((Path(tmp), out_dir / name))
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"{out_dir}: cannot write output: {exc.strerror or exc}") from None
    return [final for _, final in staged]


def write_archive(project: Project, content: Content) -> Path:
    """Rebuild `output/index.html` from the editions found there."""
    html = archive_html(project.out, content.settings, project.root)
    return write_edition(project.out, {"index.html": html.encode("utf-8")})[0]


@dataclass(frozen=True)
class BuildResult:
    as_of: dt.date
    written: list[Path]
    loaded: Loaded


def render_edition(
    project: Project,
    content: Content,
    day: dt.date,
    audiences: list[Audience],
    formats: Sequence[str],
    built_at: dt.datetime,
) -> dict[str, bytes]:
    """Every file of one edition, in memory."""
    files: dict[str, bytes] = {}
    for audience in audiences:
        brief = select(content, day, audience, built_at=built_at, generator=GENERATOR)
        files.update(render_outputs(project, brief, audience, formats))
    return files


def build(
    project: Project,
    *,
    as_of: dt.date | None,
    audiences: Sequence[str] | None = None,
    formats: Iterable[str] = FORMATS,
    built_at: dt.datetime,
) -> BuildResult:
    """Build one edition for every audience asked for into `output/<as-of>/`.

    Every audience is rendered before any file of the edition is replaced.
    """
    loaded = load(project.root, project.content)
    content = loaded.content
    day = as_of or latest_edition(content)
    chosen = pick_audiences(content, audiences)
    files = render_edition(project, content, day, chosen, list(formats), built_at)
    written = write_edition(project.out / day.isoformat(), files)
    written.append(write_archive(project, content))
    return BuildResult(day, written, loaded)


@dataclass(frozen=True)
class EditionOutcome:
    as_of: dt.date
    written: list[Path]
    error: BriefgenError | None


def build_all(
    project: Project,
    loaded: Loaded,
    *,
    audiences: Sequence[str] | None = None,
    formats: Iterable[str] = FORMATS,
    built_at: dt.datetime,
) -> Iterator[EditionOutcome]:
    """Build every edition the content defines, oldest first; one failure spares the others."""
    content = loaded.content
    chosen = pick_audiences(content, audiences)
    formats = list(formats)
    for day in sorted(e.as_of for e in content.editions):
        try:
            files = render_edition(project, content, day, chosen, formats, built_at)
            written = write_edition(project.out / day.isoformat(), files)
            yield EditionOutcome(day, written, None)
        except BriefgenError as exc:
            yield EditionOutcome(day, [], exc)
    write_archive(project, content)
