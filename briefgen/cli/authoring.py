"""Commands that write into a project: init, new, source add, templates export, schema."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen import clock
from briefgen.cli.options import display, project_option, reports_errors, with_project
from briefgen.errors import UsageError


@click.command()
@with_project
@click.argument("kind")
@click.option("--id", "item_id", help="Id (file name) of the new item [default: dated].")
@reports_errors
def new(root: Path, content: Path | None, kind: str, item_id: str | None) -> None:
    """Write a new content file of KIND with every field to fill in; print its path."""
    from briefgen.output.scaffold import new_item
    from briefgen.project import Project

    project = Project.at(root, content)
    click.echo(display(new_item(project.content, kind, clock.today(), item_id)))


@click.group()
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
    click.echo(f"wrote {display(added.source)} and {display(added.snapshot)}")
    found = [f"{name}: {value}" for name, value in a.found() if value]
    missing = [name for name, value in a.found() if not value]
    click.echo("found " + "; ".join(found) if found else "found no metadata")
    if missing:
        click.echo(f"not found: {', '.join(missing)}")
    click.echo("reliability is F (cannot be judged) until you grade the source")


@click.group()
def templates() -> None:
    """Built-in templates: copy one into the project to adapt it."""


@templates.command("export")
@project_option
@click.argument("name")
@click.option("--force", is_flag=True, help="Replace the project's own copy.")
@reports_errors
def templates_export(root: Path, name: str, force: bool) -> None:
    """Copy the built-in template NAME (e.g. partials/tracks.html) into templates/."""
    from briefgen.output.template_export import export
    from briefgen.project import Project

    click.echo(f"wrote {export(Project.at(root), name, force)}")


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def init(folder: Path) -> None:
    """Start a new brief project in FOLDER (new or empty), with one example of each kind."""
    from briefgen.output.scaffold import init_project

    written = init_project(folder, clock.today())
    click.echo(f"created a brief project in {display(folder)} ({len(written)} files); next:")
    click.echo(f"  cd {display(folder)} && briefgen check && briefgen build")


@click.command()
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
            click.echo(f"wrote {display(path)}")
        return
    if kind not in kinds:
        raise UsageError(f"give one of: {', '.join(kinds)} (or --out DIR for all)")
    import json

    click.echo(json.dumps(schema_for(kind), indent=2, sort_keys=True))
