"""One edition: every audience's brief selected and rendered, then written all at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.brief.omissions import Omission
from briefgen.brief.select import Selection
from briefgen.fingerprint import folder_digest
from briefgen.output.files import write_files
from briefgen.output.stamps import STAMP, Stamps, brief_key
from briefgen.project import Project
from briefgen.render.html import BUILTIN_TEMPLATES
from briefgen.render.outputs import Pending, render_files

if TYPE_CHECKING:
    from briefgen.render.pdf import PdfPool


@dataclass(frozen=True)
class BuildOptions:
    formats: list[str]
    built_at: dt.datetime
    force: bool = False


@dataclass
class EditionPlan:
    """One edition with its files rendered or on their way (PDFs), not yet written."""

    day: dt.date
    folder: Path
    stamps: Stamps
    files: dict[str, Pending] = field(default_factory=dict)
    keys: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    unchanged: list[Path] = field(default_factory=list)
    left_out: dict[str, list[Omission]] = field(default_factory=dict)
    """What each audience's brief leaves out, for the build's summary lines."""


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
        brief = selection.brief(day, built_at=options.built_at)
        plan.left_out[audience.id] = selection.explain(day, brief)
        key = brief_key(brief, audience, options.formats, templates)
        fresh = [] if options.force else plan.stamps.fresh(audience.id, key)
        if fresh:
            plan.unchanged += [folder / name for name in fresh]
            continue
        files = render_files(project.root, brief, audience, options.formats, pool, project.cache)
        plan.files.update(files)
        plan.keys[audience.id] = (key, list(files))
    return plan


def finish_edition(plan: EditionPlan) -> list[Path]:
    """Wait for the PDFs, then write the edition's files and its stamp."""
    files = {name: data() if callable(data) else data for name, data in plan.files.items()}
    for audience, (key, names) in plan.keys.items():
        plan.stamps.record(audience, key, {name: files[name] for name in names})
    written = write_files(plan.folder, files) if files else []
    if plan.keys:
        write_files(plan.folder, {STAMP: plan.stamps.data()})
    return written
