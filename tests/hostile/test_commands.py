"""Every command in every hostile environment (and, from test_inputs, over every hostile
input): a message and an exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.catalogue import write
from tests.hostile.conftest import run


def commands(root: Path) -> list[list[str]]:
    """Every command of briefgen but `serve` (which would need a port and a browser), the ones
    that write into content last."""
    project = ["--project", str(root)]
    return [
        *content_commands(root)[:-1],
        ["build", "--as-of", "2025-07-03", "--audience", "public", "--format", "html", *project],
        ["diff", "2025-06-01", "2025-07-03", "--json", *project],
        ["schema", "settings"],
        ["schema", "--out", str(root / "schemas")],
        ["init", str(root / "another")],
        ["init", str(root)],
        ["new", "source", "--id", "../../outside", *project],
        content_commands(root)[-1],
    ]


def content_commands(root: Path) -> list[list[str]]:
    """The commands that read the content (test_inputs runs them over every hostile input,
    after `check`)."""
    project = ["--project", str(root)]
    return [
        ["check", "--strict", *project],
        ["build", "--format", "html", "--format", "json", *project],
        ["build", "--all-editions", "--format", "json", *project],
        ["diff", "2025-06-01", "2025-07-03", *project],
        ["new", "development", *project],
    ]


def _set(name: str, value: str) -> Callable[[Path], dict[str, str]]:
    return lambda root: {name: value}


def _file_at(relative: str) -> Callable[[Path], dict[str, str]]:
    def make(root: Path) -> dict[str, str]:
        path = root / relative
        if path.is_dir():
            for child in sorted(path.rglob("*"), reverse=True):
                child.unlink() if not child.is_dir() or child.is_symlink() else child.rmdir()
            path.rmdir()
        path.write_text("a file where a folder belongs\n")
        return {}

    return make


def _stamps_to_dev_zero(root: Path) -> dict[str, str]:
    stamps = (root / "output").glob("*/.briefgen-stamp.json")
    for stamp in [root / "output" / ".briefgen-requests.json", *stamps]:
        stamp.unlink()
        stamp.symlink_to("/dev/zero")
    return {}


ENVIRONMENTS: dict[str, Callable[[Path], dict[str, str]]] = {
    "SOURCE_DATE_EPOCH not a number": _set("SOURCE_DATE_EPOCH", "1e9"),
    "SOURCE_DATE_EPOCH past time_t": _set("SOURCE_DATE_EPOCH", "99999999999999999999"),
    "SOURCE_DATE_EPOCH in the year 10000": _set("SOURCE_DATE_EPOCH", "253402300800"),
    "SOURCE_DATE_EPOCH negative": _set("SOURCE_DATE_EPOCH", "-1"),
    "content folder is a file": _file_at("content"),
    "templates folder is a file": _file_at("templates"),
    "output folder is a file": _file_at("output"),
    "cache folder is a file": _file_at(".briefgen-cache"),
    "stamps that never end": _stamps_to_dev_zero,
}


def no_traceback(root: Path, env: dict[str, str], commands: list[list[str]]) -> None:
    """Each command ends with an exit code of ours, and no exception escapes it."""
    for command in commands:
        result = run(*command, env=env)
        assert result.exception is None, (command, repr(result.exception))
        assert "Traceback" not in result.out + result.err, command
        assert result.code in (0, 1, 2, 3, 4), (command, result.code)
    assert not (root.parent / "outside.yaml").exists()


@pytest.mark.parametrize("name", ENVIRONMENTS)
def test_every_command_answers_a_hostile_environment(name: str, project_copy: Path) -> None:
    no_traceback(project_copy, ENVIRONMENTS[name](project_copy), commands(project_copy))


def test_a_real_process_prints_no_traceback_either(project_copy: Path) -> None:
    """The same, outside the test runner, for the worst inputs at once."""
    write("content/sources/deeper.yaml", "a: " + "[" * 200_000 + "]" * 200_000)(project_copy)
    write("content/sources/bomb.yaml", "a: &a [x]\nb: [*a, *a]\n")(project_copy)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "99999999999999999999"}
    for command in (["check"], ["build"]):
        done = subprocess.run(
            [sys.executable, "-m", "briefgen", *command, "--project", str(project_copy)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode in (1, 2) and "Traceback" not in done.stderr, done.stderr
