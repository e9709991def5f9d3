"""Commands that make briefs: `build` writes them, `serve` previews them as the content changes."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefgen import clock
from briefgen.cli.options import as_of_option, display, reports_errors, with_project
from briefgen.errors import UsageError

if TYPE_CHECKING:
    from briefgen.project import Project


@click.command()
@with_project
@as_of_option("Information as of this date [default: the latest edition].")
@click.option(
    "--audience",
    "audiences",
    multiple=True,
    metavar="NAME",
    help="Audience to build; repeat for several [default: every audience].",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["html", "pdf", "json"]),
    help="Output format; repeat for several [default: all three].",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder [default: PROJECT/output].",
)
@click.option("--all-editions", is_flag=True, help="Build every edition the content defines.")
@click.option("--force", is_flag=True, help="Rebuild even the briefs that are up to date.")
@click.option(
    "--archive",
    is_flag=True,
    help="List a brief for a date that is not an edition on the archive page too.",
)
@reports_errors
def build(
    root: Path,
    content: Path | None,
    as_of: dt.date | None,
    audiences: tuple[str, ...],
    formats: tuple[str, ...],
    out: Path | None,
    all_editions: bool,
    force: bool,
    archive: bool,
) -> None:
    """Build the brief as of a date into OUT/<as-of>/<audience>.html|pdf|json.

    A brief whose files are exactly as its content, templates and briefgen's version would
    make them is left alone (--force rebuilds it).
    """
    from briefgen.project import FORMATS, Project

    project = Project.at(root, content, out)
    if all_editions:
        if as_of:
            raise UsageError("give either --as-of or --all-editions, not both")
        _build_all(project, audiences, formats or FORMATS, force)
        return
    from briefgen.output.request import build_request

    outcome = build_request(
        project,
        as_of=as_of,
        audiences=audiences,
        formats=formats or FORMATS,
        built_at=clock.now(),
        force=force,
        archive=archive,
    )
    for warning in outcome.warnings:
        click.echo(warning, err=True)
    for path in outcome.unchanged:
        click.echo(f"unchanged {display(path)}")
    for path in outcome.written:
        click.echo(f"wrote {display(path)}")
    for line in outcome.left_out:
        click.echo(line)


def _build_all(
    project: Project, audiences: tuple[str, ...], formats: tuple[str, ...], force: bool
) -> None:
    from briefgen.output.build import build_all

    run = build_all(
        project, audiences=audiences or None, formats=formats, built_at=clock.now(), force=force
    )
    for warning in (*run.warnings, *run.loaded.warnings):
        click.echo(str(warning), err=True)
    failed, files = [], 0
    with click.progressbar(
        run.outcomes,
        length=run.count,
        label="Building editions",
        file=sys.stderr,
        item_show_func=lambda o: o.as_of.isoformat() if o else None,
    ) as bar:
        for outcome in bar:
            files += len(outcome.written)
            if outcome.error:
                failed.append(outcome.error)
                for line in outcome.error.lines():
                    click.echo(f"{outcome.as_of}: {line}", err=True)
    click.echo(
        f"built {run.count - len(failed)} of {run.count} editions ({files} files) in "
        f"{display(project.out)}; archive: {display(project.out / 'index.html')}"
    )
    if failed:
        sys.exit(max(error.exit_code for error in failed))


@click.command()
@with_project
@as_of_option("Also print the address of the brief as of this date [default: the latest edition].")
@click.option("--audience", metavar="NAME", help="Also print the address of this audience's brief.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on; 0 picks a free one.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback shares the brief with the network.",
)
@reports_errors
def serve(
    root: Path,
    content: Path | None,
    as_of: dt.date | None,
    audience: str | None,
    port: int,
    host: str,
) -> None:
    """Preview the brief in a browser; every save rebuilds it and reloads open pages."""
    from briefgen.preview.server import serve as run_serve
    from briefgen.project import Project

    run_serve(
        Project.at(root, content),
        as_of=as_of,
        audience=audience,
        host=host,
        port=port,
        out=click.echo,
        err=lambda line: click.echo(line, err=True),
    )
