"""The `briefgen` command. Thin: parses options, calls the pipeline, turns errors into text.

One module per group of commands; this one only gathers them under `main`.
"""

from __future__ import annotations

import click

from briefgen import __version__
from briefgen.cli import authoring, building, reports


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """Turn curated, sourced facts into a dated situation brief (HTML and PDF)."""


for command in (
    reports.check,
    building.build,
    reports.diff,
    reports.explain,
    authoring.new,
    authoring.source,
    reports.sources,
    reports.labels,
    authoring.templates,
    authoring.init,
    authoring.schema,
    building.serve,
):
    main.add_command(command)
