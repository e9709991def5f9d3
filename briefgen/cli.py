"""The `briefgen` command. Thin: parses options, calls the pipeline, turns errors into text."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from briefgen import __version__, clock
from briefgen.errors import BriefgenError, UsageError


def reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """The one place where briefgen's errors become messages and exit codes."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BriefgenError as exc:
            for line in exc.lines():
                click.echo(line, err=True)
            if hasattr(exc, "problems"):
                count = len(exc.problems)
                click.echo(
                    f"{count} problem{'s' if count != 1 else ''}; nothing was built.", err=True
                )
            sys.exit(exc.exit_code)

    return wrapper


def parse_day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD") from None


project_options = [
    click.option(
        "--project",
        "root",
        type=click.Path(file_okay=False, path_type=Path),
        default=".",
        show_default=True,
        help="Folder of the brief project.",
    ),
    click.option(
        "--content",
        type=click.Path(file_okay=False, path_type=Path),
        help="Content folder [default: PROJECT/content].",
    ),
]


def with_project(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(project_options):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """Turn curated, sourced facts into a dated situation brief (HTML and PDF)."""


@main.command()
@with_project
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@reports_errors
def check(root: Path, content: Path | None, strict: bool) -> None:
    """Validate the content and list every problem as path:line: field: message."""
    from briefgen.build import Project
    from briefgen.errors import ContentError
    from briefgen.load import load

    project = Project.at(root, content)
    loaded = load(project.root, project.content)
    for warning in loaded.warnings:
        click.echo(str(warning), err=True)
    if strict and loaded.warnings:
        raise ContentError(list(loaded.warnings))
    c = loaded.content
    click.echo(
        f"ok: {loaded.files} files: {len(c.sources)} sources, {len(c.actors)} actors, "
        f"{len(c.tracks)} tracks, {len(c.developments)} developments, {len(c.positions)} "
        f"positions, {len(c.questions)} questions, {len(c.judgments)} judgments, "
        f"{len(c.editions)} editions"
        + (f"; {len(loaded.warnings)} warnings" if loaded.warnings else "")
    )


@main.command()
@with_project
@click.option(
    "--as-of",
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="Information as of this date [default: the latest edition].",
)
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
@reports_errors
def build(
    root: Path,
    content: Path | None,
    as_of: dt.date | None,
    audiences: tuple[str, ...],
    formats: tuple[str, ...],
    out: Path | None,
) -> None:
    """Build the brief as of a date into OUT/<as-of>/<audience>.html|pdf|json."""
    from briefgen.build import FORMATS, Project
    from briefgen.build import build as run_build

    project = Project.at(root, content, out)
    result = run_build(
        project,
        as_of=as_of,
        audiences=audiences or None,
        formats=formats or FORMATS,
        built_at=clock.now(),
    )
    for warning in result.loaded.warnings:
        click.echo(str(warning), err=True)
    for path in result.written:
        click.echo(f"wrote {_display(path)}")


@main.command()
@click.argument("kind", required=False)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one NAME.schema.json per kind into this folder.",
)
@reports_errors
def schema(kind: str | None, out: Path | None) -> None:
    """Print the JSON Schema of a kind of content file, or write them all with --out."""
    from briefgen.models import KINDS
    from briefgen.schema import all_schemas, schema_for

    kinds = ["settings", *KINDS]
    if out:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in all_schemas().items():
            (out / name).write_text(text, encoding="utf-8")
            click.echo(f"wrote {_display(out / name)}")
        return
    if kind not in kinds:
        raise UsageError(f"give one of: {', '.join(kinds)} (or --out DIR for all)")
    import json

    click.echo(json.dumps(schema_for(kind), indent=2, sort_keys=True))


def _display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
