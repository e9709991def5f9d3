"""`python -m briefgen` is the `briefgen` command."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefgen", "check", "--project", str(REPO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: 56 files: 2 sources, 16 actors, 4 tracks,")
