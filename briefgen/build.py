"""Build an edition: gather and check everything, render every output in memory, then write.

A bad file anywhere means nothing is written; an edition's files are replaced by rename.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.archive import archive_html
from briefgen.brief import Brief
from briefgen.errors import BriefgenError, OutputError, UsageError
from briefgen.load import Loaded, load
from briefgen.models import Audience, Content
from briefgen.project import FORMATS, Project
from briefgen.render import BUILTIN_TEMPLATES, render_html
from briefgen.select import Selection
from briefgen.stamps import (
    REQUESTS,
    STAMP,
    Stamps,
    brief_key,
    folder_digest,
    inputs_digest,
    record_request,
    request_key,
)

if TYPE_CHECKING:
    from briefgen.pdf import PdfPool

Pending = bytes | Callable[[], bytes]
"""A file's bytes, or a function that waits for them (a PDF being laid out elsewhere)."""
GENERATOR = f"briefgen {__version__}"


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
    project: Project,
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
        brief,
        project.root,
        template=audience.template,
        stylesheet=audience.stylesheet,
        cache=cache,
    )
    files: dict[str, Pending] = {}
    if "html" in formats:
        files[f"{audience.id}.html"] = html.encode("utf-8")
    if "pdf" in formats:
        roots = [BUILTIN_TEMPLATES, project.templates]
        if pool is None:
            from briefgen.pdf import render_pdf

            files[f"{audience.id}.pdf"] = render_pdf(html, project.templates, roots)
        else:
            files[f"{audience.id}.pdf"] = pool.submit(html, project.templates, roots)
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


@dataclass
class EditionPlan:
    """One edition with its files rendered or on their way (PDFs), not yet written."""

    day: dt.date
    folder: Path
    stamps: Stamps
    files: dict[str, Pending] = field(default_factory=dict)
    keys: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    unchanged: list[Path] = field(default_factory=list)


def plan_edition(
    project: Project,
    selections: list[Selection],
    day: dt.date,
    options: BuildOptions,
    pool: PdfPool | None,
) -> EditionPlan:
    """Select and render every audience of an edition, skipping briefs that are up to date."""
    folder = project.out / day.isoformat()
    plan = EditionPlan(day, folder, Stamps(folder))
    templates = folder_digest([BUILTIN_TEMPLATES, project.templates])
    for selection in selections:
        audience = selection.audience
        brief = selection.brief(day, built_at=options.built_at, generator=GENERATOR)
        key = brief_key(brief, audience, options.formats, templates)
        fresh = [] if options.force else plan.stamps.fresh(audience.id, key)
        if fresh:
            plan.unchanged += [folder / name for name in fresh]
            continue
        files = render_outputs(project, brief, audience, options.formats, pool, project.cache)
        plan.files.update(files)
        plan.keys[audience.id] = (key, list(files))
    return plan


def finish_edition(plan: EditionPlan) -> list[Path]:
    """Wait for the PDFs, then write the edition's files and its stamp."""
    files = {name: data() if callable(data) else data for name, data in plan.files.items()}
    for audience, (key, names) in plan.keys.items():
        plan.stamps.record(audience, key, {name: files[name] for name in names})
    written = write_edition(plan.folder, files) if files else []
    if plan.keys:
        write_edition(plan.folder, {STAMP: plan.stamps.data()})
    return written


@dataclass(frozen=True)
class BuildOptions:
    formats: list[str]
    built_at: dt.datetime
    force: bool = False


@dataclass(frozen=True)
class BuildResult:
    as_of: dt.date
    written: list[Path]
    unchanged: list[Path]
    loaded: Loaded


@contextmanager
def _pool(formats: Sequence[str], jobs: int, pool: PdfPool | None) -> Iterator[PdfPool | None]:
    """PDF workers for the build (the caller's, if it started them), if it makes PDFs: let go
    when the build succeeds, stopped if not."""
    if "pdf" not in formats or jobs < 1:
        if pool:
            pool.abandon()
        yield None
        return
    from briefgen.pdf import PdfPool

    pool = pool or PdfPool(jobs)
    try:
        yield pool
    except BaseException:
        pool.abandon()
        raise
    pool.close()


def build(
    project: Project,
    *,
    as_of: dt.date | None,
    audiences: Sequence[str] | None = None,
    formats: Iterable[str] = FORMATS,
    built_at: dt.datetime,
    force: bool = False,
    pool: PdfPool | None = None,
) -> BuildResult:
    """Build one edition for every audience asked for into `output/<as-of>/`.

    Every audience is rendered before any file of the edition is replaced. PDF workers are
    started first (or given, started earlier still), so that WeasyPrint's import overlaps
    with loading the content and rendering the HTML.
    """
    options = BuildOptions(list(formats), built_at, force)
    inputs = inputs_digest(project)
    with _pool(options.formats, len(audiences) if audiences else 3, pool) as pool:
        loaded = load(project.root, project.content, project.cache)
        content = loaded.content
        day = as_of or latest_edition(content)
        chosen = [Selection(content, a) for a in pick_audiences(content, audiences)]
        plan = plan_edition(project, chosen, day, options, pool)
        written = finish_edition(plan)
    # Recorded only now: the request is up to date once every one of its files is written.
    key = request_key(as_of, audiences or [], options.formats)
    stamp = record_request(project, key, inputs, [*written, *plan.unchanged])
    write_edition(project.out, {REQUESTS: stamp})
    written.append(write_archive(project, content))
    return BuildResult(day, written, plan.unchanged, loaded)


@dataclass(frozen=True)
class EditionOutcome:
    as_of: dt.date
    written: list[Path]
    unchanged: list[Path]
    error: BriefgenError | None


AHEAD = 2
"""Editions rendered ahead of the one being written: enough to keep every core busy with PDFs,
few enough that waiting PDFs do not pile up in memory."""


def build_all(
    project: Project,
    loaded: Loaded,
    *,
    audiences: Sequence[str] | None = None,
    formats: Iterable[str] = FORMATS,
    built_at: dt.datetime,
    force: bool = False,
) -> Iterator[EditionOutcome]:
    """Build every edition the content defines, oldest first; one failure spares the others."""
    content = loaded.content
    chosen = [Selection(content, a) for a in pick_audiences(content, audiences)]
    options = BuildOptions(list(formats), built_at, force)
    days = sorted(e.as_of for e in content.editions)
    planned: deque[EditionPlan | EditionOutcome] = deque()

    def finish(item: EditionPlan | EditionOutcome) -> EditionOutcome:
        if isinstance(item, EditionOutcome):
            return item
        try:
            return EditionOutcome(item.day, finish_edition(item), item.unchanged, None)
        except BriefgenError as exc:
            return EditionOutcome(item.day, [], [], exc)

    with _pool(options.formats, len(days) * len(chosen), None) as pool:
        for day in days:
            try:
                planned.append(plan_edition(project, chosen, day, options, pool))
            except BriefgenError as exc:
                planned.append(EditionOutcome(day, [], [], exc))
            if len(planned) > AHEAD:
                yield finish(planned.popleft())
        while planned:
            yield finish(planned.popleft())
    write_archive(project, content)
