"""Commands that read the content and report on it: check, diff, explain, sources, labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from briefgen.cli.options import as_of_option, parse_day, reports_errors, with_project
from briefgen.errors import UsageError


@click.command()
@with_project
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@reports_errors
def check(root: Path, content: Path | None, strict: bool) -> None:
    """Validate the content and list every problem as path:line: field: message."""
    from briefgen.brief.select import emptied
    from briefgen.content.load import load
    from briefgen.errors import ContentError
    from briefgen.project import Project

    project = Project.at(root, content)
    loaded = load(project.root, project.content)
    warnings = sorted([*loaded.warnings, *emptied(loaded)])
    for warning in warnings:
        click.echo(str(warning), err=True)
    if strict and warnings:
        raise ContentError(warnings)
    click.echo(f"ok: {loaded.summary()}")


@click.command()
@with_project
@click.argument("before", callback=parse_day, metavar="D1")
@click.argument("after", callback=parse_day, metavar="D2")
@click.option("--audience", default="analyst", show_default=True, help="Compare as this audience.")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@reports_errors
def diff(
    root: Path, content: Path | None, before: dt.date, after: dt.date, audience: str, as_json: bool
) -> None:
    """What changed between the brief as of D1 and as of D2."""
    from briefgen.brief.select import diff as compare
    from briefgen.brief.select import pick_audiences
    from briefgen.content.dates import human_date
    from briefgen.content.load import load
    from briefgen.project import Project
    from briefgen.render.text import changes_text

    if after < before:
        raise UsageError("D2 must not be earlier than D1")
    project = Project.at(root, content)
    loaded = load(project.root, project.content)
    [profile] = pick_audiences(loaded.content, [audience])
    changes = compare(loaded.content, profile, before, after)
    if as_json:
        click.echo(changes.model_dump_json(indent=2))
    else:
        click.echo(changes_text(changes, human_date(after)), nl=False)


@click.command()
@with_project
@as_of_option("The brief as of this date [default: the latest edition].")
@click.option(
    "--audience",
    "audiences",
    multiple=True,
    metavar="NAME",
    help="Audience to explain; repeat for several [default: every audience].",
)
@click.option("--json", "as_json", is_flag=True, help="Print the omissions as JSON.")
@reports_errors
def explain(
    root: Path,
    content: Path | None,
    as_of: dt.date | None,
    audiences: tuple[str, ...],
    as_json: bool,
) -> None:
    """List every item and part a brief leaves out, and why, with its file and line."""
    from briefgen.content.load import load
    from briefgen.output.fit import explain_all
    from briefgen.project import Project
    from briefgen.render.text import explain_json, explain_text

    project = Project.at(root, content)
    loaded = load(project.root, project.content)
    day, found, warnings = explain_all(project.root, loaded.content, as_of, audiences)
    for warning in warnings:
        click.echo(warning, err=True)
    if as_json:
        click.echo(explain_json(day, found, loaded.origins))
        return
    for audience, omissions in found:
        click.echo(explain_text(audience, day, omissions, loaded.origins), nl=False)


@click.command()
@with_project
@click.argument("source_id", required=False, metavar="[ID]")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@reports_errors
def sources(root: Path, content: Path | None, source_id: str | None, as_json: bool) -> None:
    """List each source (or one) with every item that cites it."""
    from briefgen.content.load import load
    from briefgen.content.reliance import by_source
    from briefgen.project import Project
    from briefgen.render.sources_list import sources_json, sources_text

    project = Project.at(root, content)
    loaded = load(project.root, project.content)
    known = {s.id: s for s in loaded.content.sources}
    if source_id is not None and source_id not in known:
        raise UsageError(f"unknown source '{source_id}'; `briefgen sources` lists them all")
    reliance = by_source(loaded.content)
    listing = [
        (s, reliance.get(s.id, ()))
        for s in known.values()
        if source_id is None or s.id == source_id
    ]
    click.echo((sources_json if as_json else sources_text)(listing), nl=False)


@click.command()
@with_project
@click.option("--json", "as_json", is_flag=True, help="Print the labels as JSON.")
@reports_errors
def labels(root: Path, content: Path | None, as_json: bool) -> None:
    """List every label a brief prints, with its text in the brief's language."""
    from briefgen.content.labels import listing
    from briefgen.content.load import load
    from briefgen.project import Project
    from briefgen.render.labels_list import labels_json, labels_text

    project = Project.at(root, content)
    settings = load(project.root, project.content).content.settings
    rows = listing(settings.language, settings.labels, settings.vocabulary.label_keys())
    click.echo((labels_json if as_json else labels_text)(rows), nl=False)
