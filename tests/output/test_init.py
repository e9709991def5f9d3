"""A brief on another topic, started by `briefgen init` from an installed (non-editable) package."""

from __future__ import annotations

import importlib.metadata
import os
import site
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner
from packaging.requirements import Requirement

from briefgen.cli import main
from tests.conftest import REPO


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "not an empty folder" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def build_needs_isolation() -> bool:
    """False when this environment already has what pyproject.toml's build-system requires."""
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["build-system"]["requires"]
    for requirement in map(Requirement, requires):
        try:
            installed = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            return True
        if not requirement.specifier.contains(installed, prereleases=True):
            return True
    return False


@pytest.mark.install
def test_installed_package_starts_and_builds_a_new_brief(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The fresh environment borrows only the third-party libraries of this one (a .pth line
    # adds a folder without running its own .pth files, so this checkout's editable hook stays
    # out); briefgen itself is installed from a wheel, as a user would get it.
    Path(purelib, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    wheels = tmp_path / "wheels"
    # With the test extra's setuptools the wheel is built with it, not in a fresh isolated
    # environment that pip first installs setuptools into (that took most of this test).
    isolation = [] if build_needs_isolation() else ["--no-build-isolation"]
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation, "-w", wheels, REPO],
        check=True,
        capture_output=True,
    )
    [wheel] = wheels.glob("briefgen-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel],
        check=True,
        capture_output=True,
    )
    project = tmp_path / "elsewhere" / "new-brief"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    briefgen = env_dir / "bin" / "briefgen"
    where = subprocess.run(
        [python, "-c", "import briefgen; print(briefgen.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert where.startswith(str(env_dir)), where
    done = subprocess.run([briefgen, "init", project], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([briefgen, "build"], capture_output=True, text=True, env=env, cwd=project)
    assert done.returncode == 0, done.stderr
    built = sorted(p.name for p in (project / "output" / "2026-01-01").glob("[!.]*"))
    assert built == [
        f"{a}.{f}" for a in ("analyst", "executive", "public") for f in ("html", "json", "pdf")
    ]
    assert (project / ".gitignore").read_text() == "/output/\n/.briefgen-cache/\n"
    public = (project / "output" / "2026-01-01" / "public.html").read_text()
    assert "Country A confirms example talks" in public
    assert "will not produce a settlement" not in public


def test_starter_audiences_are_the_built_in_ones() -> None:
    package = REPO / "briefgen"
    for builtin in sorted((package / "content" / "audiences").glob("*.yaml")):
        copy = package / "output" / "starter" / "content" / "audiences" / builtin.name
        assert copy.read_text().split("\n", 2)[2] == builtin.read_text(), builtin.name
