"""A starter project built once, copied fresh for every hostile case, and the CLI run on it."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.output.scaffold import init_project

DAY = dt.date(2025, 7, 3)
EPOCH = {"SOURCE_DATE_EPOCH": "1751587200"}


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    exception: BaseException | None


def run(*args: str, env: dict[str, str] | None = None) -> Run:
    """A briefgen command in this process; `exception` is whatever escaped it (a traceback)."""
    result = CliRunner().invoke(main, [str(a) for a in args], env={**EPOCH, **(env or {})})
    escaped = None if isinstance(result.exception, SystemExit | None) else result.exception
    return Run(result.exit_code, result.stdout, result.stderr, escaped)


def digest(folder: Path) -> str:
    """Every name, link and byte under a folder, hidden files included."""
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        sha.update(path.relative_to(folder).as_posix().encode() + b"\0")
        if path.is_symlink():
            sha.update(b"-> " + str(path.readlink()).encode())
        elif path.is_file():
            sha.update(path.read_bytes())
    return sha.hexdigest()


@pytest.fixture(scope="session")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`briefgen init` dated 2025-07-03, with one good HTML and JSON build in output/."""
    root = tmp_path_factory.mktemp("starter") / "brief"
    init_project(root, DAY)
    built = run("build", "--project", root, "--format", "html", "--format", "json")
    assert built.code == 0, built.err
    return root


@pytest.fixture
def project_copy(starter: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built starter project to make hostile."""
    root = tmp_path / "brief"
    shutil.copytree(starter, root, symlinks=True)
    return root
