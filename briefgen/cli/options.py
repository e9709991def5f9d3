"""What every command shares: the project options, dates, paths and turning errors into text."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from briefgen import clock
from briefgen.errors import BriefgenError


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


project_option = click.option(
    "--project",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Folder of the brief project.",
)
"""Alone for the commands that never read content (`templates export`)."""

project_options = [
    project_option,
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


def display(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)
