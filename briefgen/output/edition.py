"""One edition: every audience's brief selected and rendered, then written all at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.brief.omissions import Omission
from briefgen.brief.select import Selection
from briefgen.fingerprint import folder_digest
from briefgen.output.fit import fit_brief
from briefgen.output.stamps import STAMP, Stamps, brief_key
from briefgen.output.swap import replace_folder
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
    cache: Path | None = None
    """Where compiled templates are kept between runs; None: nowhere."""
    explain: bool = False
    """Account for what each brief leaves out (for the summary line of a single build)."""


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
    warnings: list[str] = field(default_factory=list)
    """A brief that cannot keep to its page budget."""
    fits: dict[str, dict[str, int] | None] = field(default_factory=dict)
    """The limits each fitted brief was cut to, kept in the stamp."""


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
    templates = folder_digest([BUILTIN_TEMPLATES, project.templates], project.roots)
    for selection in selections:
        audience = selection.audience
        brief = selection.brief(day, built_at=options.built_at)
        if options.explain:
            plan.left_out[audience.id] = selection.explain(day, brief)
        key = brief_key(brief, audience, options.formats, templates)
        fresh = [] if options.force else plan.stamps.fresh(audience.id, key)
        if fresh:
            plan.unchanged += [folder / name for name in fresh]
            cut = plan.stamps.fit(audience.id)
            if options.explain and cut:  # what the budget cut, as when it was built
                fitted_brief = selection.brief(day, built_at=options.built_at, fit=cut)
                plan.left_out[audience.id] = selection.explain(day, fitted_brief)
            continue
        laid_out = None
        if audience.pages:
            fitted = fit_brief(
                project.root,
                selection,
                day,
                options.built_at,
                options.cache,
                pool,
                "pdf" in options.formats,
            )
            brief, laid_out = fitted.brief, (fitted.html, fitted.pdf)
            plan.fits[audience.id] = fitted.limits
            plan.warnings += [fitted.warning] if fitted.warning else []
            if options.explain:
                plan.left_out[audience.id] = selection.explain(day, brief)
        files = render_files(
            project.root, brief, audience, options.formats, pool, options.cache, laid_out
        )
        plan.files.update(files)
        plan.keys[audience.id] = (key, list(files))
    return plan


def finish_edition(plan: EditionPlan) -> list[Path]:
    """Wait for the PDFs, then replace the edition folder with one holding its new files and
    stamp (and its other files as they were), in one step."""
    files = {name: data() if callable(data) else data for name, data in plan.files.items()}
    if not files:
        return []
    for audience, (key, names) in plan.keys.items():
        made = {name: files[name] for name in names}
        plan.stamps.record(audience, key, made, plan.fits.get(audience))
    replace_folder(plan.folder, {**files, STAMP: plan.stamps.data()})
    return [plan.folder / name for name in sorted(files)]
