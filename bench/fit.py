"""The executive fit alone: `build --audience executive --format pdf --force` of generated
content fitted to two pages, against its twin with no page budget, interleaved.

    .venv/bin/python bench/generate.py /tmp/g10 --scale 10   # and its twin: see unbudgeted_twin
    .venv/bin/python bench/fit.py --runs 3 /tmp/g1 /tmp/g10 /tmp/g100

Each PROJECT needs PROJECT-unbudgeted beside it (`bench/run.py` makes it the same way).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BRIEFGEN = Path(sys.executable).with_name("briefgen")


def once(project: Path) -> float:
    with tempfile.TemporaryDirectory() as out:
        args = ["build", "--project", project, "--out", out, "--audience", "executive"]
        start = time.perf_counter()
        subprocess.run(
            [BRIEFGEN, *args, "--format", "pdf", "--force"], check=True, capture_output=True
        )
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("projects", nargs="+", type=Path)
    options = parser.parse_args()
    for project in options.projects:
        twin = project.with_name(project.name + "-unbudgeted")
        once(project), once(twin)  # the project caches, as a person's second build has them
        fitted, plain = [], []
        for _ in range(options.runs):
            fitted.append(once(project))
            plain.append(once(twin))
        ratio = statistics.median(f / p for f, p in zip(fitted, plain, strict=True))
        print(
            f"{project.name}: fitted {statistics.median(fitted):.3f} s, "
            f"no budget {statistics.median(plain):.3f} s, {ratio:.2f}×"
        )


if __name__ == "__main__":
    main()
