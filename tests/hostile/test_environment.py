"""A hostile or broken environment: the clock, the options, the cache and the output folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.conftest import digest, run


@pytest.mark.parametrize(
    ("epoch", "message"),
    [
        (
            "1e9",
            "SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (digits only), not '1e9'",
        ),
        ("-1", "digits only"),
        ("99999999999999999999", "is after the year 8999; at most 221845391999 is accepted"),
        ("253402300800", "SOURCE_DATE_EPOCH=253402300800 is after the year 8999"),
    ],
)
def test_a_bad_source_date_epoch_is_a_usage_error_saying_why(
    epoch: str, message: str, project_copy: Path
) -> None:
    for command in (["build"], ["new", "source"]):
        result = run(*command, "--project", project_copy, env={"SOURCE_DATE_EPOCH": epoch})
        assert (result.code, message in result.err, result.exception) == (2, True, None)


def test_the_latest_accepted_source_date_epoch_builds(project_copy: Path) -> None:
    result = run(
        "build",
        "--project",
        project_copy,
        "--format",
        "json",
        env={"SOURCE_DATE_EPOCH": "221845391999"},
    )
    assert result.code == 0, result.err


def test_a_date_outside_the_range_is_a_usage_error(project_copy: Path) -> None:
    result = run("build", "--project", project_copy, "--as-of", "0001-01-01")
    assert result.code == 2 and "0001-01-01 is outside the years 1000 to 8999" in result.err


@pytest.mark.parametrize("out", ["content/out", "content", "templates/out", ".briefgen-cache/o"])
def test_output_inside_what_the_build_reads_is_a_usage_error(out: str, project_copy: Path) -> None:
    before = digest(project_copy)
    for extra in ([], ["--all-editions"]):
        result = run("build", "--project", project_copy, "--out", project_copy / out, *extra)
        assert result.code == 2, result.err
        assert "a build never writes there" in result.err or "inside the build cache" in result.err
    assert digest(project_copy) == before


def _cache_is_a_file(root: Path) -> None:
    shutil.rmtree(root / ".briefgen-cache")
    (root / ".briefgen-cache").write_text("not a folder")


def _cache_links_out(root: Path) -> None:
    shutil.rmtree(root / ".briefgen-cache")
    (root.parent / "shared-cache").mkdir()
    (root / ".briefgen-cache").symlink_to(root.parent / "shared-cache")


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [(_cache_is_a_file, "is not a folder"), (_cache_links_out, "is a link to")],
)
def test_an_unusable_cache_is_one_warning_and_no_cache(spoil, reason: str, project_copy) -> None:
    spoil(project_copy)
    for extra in ([], ["--all-editions"]):
        result = run("build", "--project", project_copy, "--format", "json", "--force", *extra)
        assert result.code == 0, result.err
        [warning] = [line for line in result.err.splitlines() if line.startswith("warning:")]
        assert warning.startswith(f"warning: .briefgen-cache: {reason}")
        assert warning.endswith("; building without the cache")
    assert list((project_copy.parent).glob("shared-cache/*")) == []


def _without_root_powers() -> list[str] | None:
    """A command prefix under which the folder permissions hold, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"] if setpriv else None


def test_a_read_only_cache_is_one_warning_and_no_traceback(project_copy: Path) -> None:
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to hold")
    cache = project_copy / ".briefgen-cache"
    for folder in (cache, *cache.rglob("*")):
        folder.chmod(0o555) if folder.is_dir() else None
    (project_copy / "content" / "brief.yaml").write_text(
        (project_copy / "content" / "brief.yaml").read_text().replace("Example", "Changed")
    )
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "briefgen", "build", "--format", "html"],
            cwd=project_copy,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        for folder in (cache, *cache.rglob("*")):
            folder.chmod(0o755) if folder.is_dir() else None
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr == "warning: .briefgen-cache: Permission denied; building without the cache\n"
    )


def test_an_output_folder_that_is_a_file_is_an_output_error(project_copy: Path) -> None:
    shutil.rmtree(project_copy / "output")
    (project_copy / "output").write_text("a file")
    result = run("build", "--project", project_copy, "--format", "json")
    assert result.code == 4
    assert (
        result.err
        == f"{project_copy / 'output'}: cannot write: a file stands where a folder is needed\n"
    )


def test_stamps_that_point_anywhere_are_ignored(project_copy: Path) -> None:
    edition = project_copy / "output" / "2025-07-03"
    (edition / ".briefgen-stamp.json").write_text(
        '{"analyst": {"key": "k", "files": {"../../../../../dev/zero": "x", "/etc/passwd": "y"}}}'
    )
    (project_copy / "output" / ".briefgen-requests.json").unlink()
    (project_copy / "output" / ".briefgen-requests.json").symlink_to("/dev/zero")
    result = run("build", "--project", project_copy, "--format", "html", "--format", "json")
    assert result.code == 0 and "wrote" in result.out, result.err


def test_new_writes_nowhere_outside_the_content(project_copy: Path) -> None:
    result = run("new", "source", "--id", "../../../escaped", "--project", project_copy)
    assert result.code == 2 and "is not an id" in result.err
    shutil.rmtree(project_copy / "content" / "questions")
    (project_copy.parent / "elsewhere").mkdir()
    (project_copy / "content" / "questions").symlink_to(project_copy.parent / "elsewhere")
    result = run("new", "question", "--project", project_copy)
    assert result.code == 2 and "questions is a link to" in result.err
    assert list(project_copy.parent.glob("elsewhere/*")) == []
    assert not list(project_copy.parent.rglob("escaped*"))


def test_schemas_that_cannot_be_written_are_an_output_error() -> None:
    result = run("schema", "--out", "/proc/no/such/folder")
    assert result.code == 4 and "cannot write" in result.err
