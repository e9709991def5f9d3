"""The `briefgen` command. Thin: parses options, calls the pipeline, turns errors into text."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from briefgen import __version__, clock
from briefgen.errors import BriefgenError, UsageError

if TYPE_CHECKING:
    from briefgen.project import Project


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
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD") from None
    if problem := clock.out_of_range(day):
        raise click.BadParameter(problem)
    return day


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


def as_of_option(help_text: str) -> Callable[..., Any]:
    return click.option("--as-of", callback=parse_day, metavar="YYYY-MM-DD", help=help_text)


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


@main.command()
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
        click.echo(f"unchanged {_display(path)}")
    for path in outcome.written:
        click.echo(f"wrote {_display(path)}")
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
        f"{_display(project.out)}; archive: {_display(project.out / 'index.html')}"
    )
    if failed:
        sys.exit(max(error.exit_code for error in failed))


@main.command()
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


@main.command()
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


@main.command()
@with_project
@click.argument("kind")
@click.option("--id", "item_id", help="Id (file name) of the new item [default: dated].")
@reports_errors
def new(root: Path, content: Path | None, kind: str, item_id: str | None) -> None:
    """Write a new content file of KIND with every field to fill in; print its path."""
    from briefgen.output.scaffold import new_item
    from briefgen.project import Project

    project = Project.at(root, content)
    click.echo(_display(new_item(project.content, kind, clock.today(), item_id)))


@main.group()
def source() -> None:
    """Add a source from an article."""


@source.command("add")
@with_project
@click.argument("target", metavar="URL|FILE")
@click.option("--id", "item_id", help="Id (file name) of the source [default: outlet and date].")
@reports_errors
def source_add(root: Path, content: Path | None, target: str, item_id: str | None) -> None:
    """Read an article (fetching a URL, or a saved HTML or text file) into
    content/sources/<id>.yaml and a snapshot of its text beside it; never overwrites."""
    from briefgen.output.source_add import add_source
    from briefgen.project import Project

    added = add_source(Project.at(root, content).content, target, clock.today(), item_id)
    a = added.article
    click.echo(f"wrote {_display(added.source)} and {_display(added.snapshot)}")
    found = [f"{name}: {value}" for name, value in a.found() if value]
    missing = [name for name, value in a.found() if not value]
    click.echo("found " + "; ".join(found) if found else "found no metadata")
    if missing:
        click.echo(f"not found: {', '.join(missing)}")
    click.echo("reliability is F (cannot be judged) until you grade the source")


@main.command()
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


@main.command()
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


@main.group()
def templates() -> None:
    """Built-in templates: copy one into the project to adapt it."""


@templates.command("export")
@click.option(
    "--project",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Folder of the brief project.",
)
@click.argument("name")
@click.option("--force", is_flag=True, help="Replace the project's own copy.")
@reports_errors
def templates_export(root: Path, name: str, force: bool) -> None:
    """Copy the built-in template NAME (e.g. partials/tracks.html) into templates/."""
    from briefgen.output.template_export import export
    from briefgen.project import Project

    click.echo(f"wrote {export(Project.at(root), name, force)}")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def init(folder: Path) -> None:
    """Start a new brief project in FOLDER (new or empty), with one example of each kind."""
    from briefgen.output.scaffold import init_project

    written = init_project(folder, clock.today())
    click.echo(f"created a brief project in {_display(folder)} ({len(written)} files); next:")
    click.echo(f"  cd {_display(folder)} && briefgen check && briefgen build")


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
    from briefgen.content.kinds import KINDS
    from briefgen.content.schema import all_schemas, schema_for

    kinds = ["settings", *KINDS]
    if out:
        from briefgen.output.files import write_files

        texts = {name: text.encode("utf-8") for name, text in all_schemas().items()}
        for path in write_files(out, texts):
            click.echo(f"wrote {_display(path)}")
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


@main.command()
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


if __name__ == "__main__":
    main()
