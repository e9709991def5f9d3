"""Build editions: gather and check everything, render every output in memory, then write.

A bad file anywhere means nothing is written; an edition's files are replaced by rename.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.brief.omissions import Omission
from briefgen.brief.select import Selection, latest_edition, pick_audiences
from briefgen.content.load import Loaded
from briefgen.errors import BriefgenError
from briefgen.output.archive import ARCHIVED, write_archive
from briefgen.output.cache import load_cached, usable_cache
from briefgen.output.edition import BuildOptions, EditionPlan, finish_edition, plan_edition
from briefgen.output.files import write_files
from briefgen.output.stamps import REQUESTS, inputs_digest, record_request, request_key
from briefgen.project import FORMATS, Project, pdf_workers

if TYPE_CHECKING:
    from briefgen.render.pdf import PdfPool


@dataclass(frozen=True)
class BuildResult:
    as_of: dt.date
    written: list[Path]
    unchanged: list[Path]
    loaded: Loaded
    left_out: dict[str, list[Omission]]
    warnings: tuple[str, ...] = ()
    """About the build itself (such as a cache it could not use); content warnings are in
    `loaded`."""


@contextmanager
def _pool(
    formats: Sequence[str], briefs: int | None, pool: PdfPool | None
) -> Iterator[PdfPool | None]:
    """PDF workers for a build of `briefs` briefs (None: not yet known), if it makes PDFs: the
    caller's, if it started them. Let go when the build succeeds, stopped if not."""
    if "pdf" not in formats or briefs == 0:
        if pool:
            pool.abandon()
        yield None
        return
    from briefgen.render.pdf import PdfPool

    pool = pool or PdfPool(pdf_workers(briefs))
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
    archive: bool = False,
) -> BuildResult:
    """Build one edition for every audience asked for into `output/<as-of>/`.

    Every audience is rendered before any file of the edition is replaced. PDF workers are
    started first (or given, started earlier still), so that WeasyPrint's import overlaps
    with loading the content and rendering the HTML. A date that is not an edition enters
    the archive page only with `archive`.
    """
    with _pool(list(formats), len(audiences) if audiences else None, pool) as pool:
        project.check_out()
        cache, warning = usable_cache(project)
        options = BuildOptions(list(formats), built_at, force, cache, explain=True)
        inputs = inputs_digest(project)
        loaded = load_cached(project, cached=cache is not None)
        content = loaded.content
        day = as_of or latest_edition(content)
        chosen = [Selection(content, a) for a in pick_audiences(content, audiences)]
        plan = plan_edition(project, chosen, day, options, pool)
        written = finish_edition(plan)
        if archive and day not in {e.as_of for e in content.editions}:
            write_files(plan.folder, {ARCHIVED: b""})
    # Recorded only now: the request is up to date once every one of its files is written.
    key = request_key(as_of, audiences or [], options.formats, archive)
    stamp = record_request(project, key, inputs, [*written, *plan.unchanged])
    write_files(project.out, {REQUESTS: stamp})
    written.append(write_archive(project, content))
    warnings = ((warning,) if warning else ()) + tuple(plan.warnings)
    return BuildResult(day, written, plan.unchanged, loaded, plan.left_out, warnings)


@dataclass(frozen=True)
class EditionOutcome:
    as_of: dt.date
    written: list[Path]
    unchanged: list[Path]
    error: BriefgenError | None


@dataclass(frozen=True)
class AllEditions:
    """Every edition of the content, built one after another as `outcomes` is read."""

    loaded: Loaded
    count: int
    outcomes: Iterator[EditionOutcome]
    warnings: tuple[str, ...] = ()


AHEAD = 2
"""Editions rendered ahead of the one being written: enough to keep every core busy with PDFs,
few enough that waiting PDFs do not pile up in memory."""


def build_all(
    project: Project,
    *,
    audiences: Sequence[str] | None = None,
    formats: Iterable[str] = FORMATS,
    built_at: dt.datetime,
    force: bool = False,
) -> AllEditions:
    """Build every edition the content defines, oldest first; one failure spares the others."""
    project.check_out()
    cache, warning = usable_cache(project)
    loaded = load_cached(project, cached=cache is not None)
    content = loaded.content
    chosen = [Selection(content, a) for a in pick_audiences(content, audiences)]
    options = BuildOptions(list(formats), built_at, force, cache)
    days = sorted(e.as_of for e in content.editions)

    def finish(item: EditionPlan | EditionOutcome) -> EditionOutcome:
        if isinstance(item, EditionOutcome):
            return item
        try:
            return EditionOutcome(item.day, finish_edition(item), item.unchanged, None)
        except BriefgenError as exc:
            return EditionOutcome(item.day, [], [], exc)

    def outcomes() -> Iterator[EditionOutcome]:
        planned: deque[EditionPlan | EditionOutcome] = deque()
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

    return AllEditions(loaded, len(days), outcomes(), (warning,) if warning else ())
