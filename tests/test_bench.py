"""The benchmark runs end to end on tiny input (its figures are read by people, not asserted).

The quick run takes about half a minute, so it is opt-in: `.venv/bin/pytest -m bench`
(`.ci/run` runs it after the rest of the suite).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO


def test_generated_content_is_valid(tmp_path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "generate.py"),
            str(tmp_path),
            "--scale",
            "2",
            "--weeks",
            "6",
        ],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [sys.executable, "-m", "briefgen.cli", "check", "--strict", "--project", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")


@pytest.mark.bench
def test_quick_benchmark_prints_every_row() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ")][2:]
    assert len(rows) >= 9
    assert not any("failed" in row or "n/a" in row for row in rows), rows
