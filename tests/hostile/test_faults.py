"""Faults leave nothing behind: a full disk, a failure while an edition is replaced, and a build
killed in the middle of its PDFs."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.errors import OutputError
from briefgen.output import swap
from briefgen.output.files import ASIDE
from tests.hostile.conftest import EPOCH, digest, run

EDITION = Path("output") / "2025-07-03"


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.startswith(ASIDE) or ".tmp" in p.name]


def test_a_full_disk_leaves_the_old_edition_and_no_temporary_file(project_copy: Path) -> None:
    before = digest(project_copy / EDITION)
    (project_copy / "content" / "brief.yaml").write_text(
        (project_copy / "content" / "brief.yaml").read_text().replace("Example", "Changed")
    )

    def small_disk() -> None:  # every write past 8 kB fails, as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (8_000, 8_000))

    done = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", "--format", "html", "--format", "json"],
        cwd=project_copy,
        preexec_fn=small_disk,
        capture_output=True,
        text=True,
        env={**os.environ, **EPOCH},
        timeout=60,
    )
    assert done.returncode == 4, done.stderr
    assert done.stderr.endswith(": cannot write: File too large\n"), done.stderr
    assert digest(project_copy / EDITION) == before
    assert leftovers(project_copy) == []


def test_a_failure_while_an_edition_is_replaced_keeps_the_old_one_whole(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(project_copy / EDITION)
    written: list[str] = []
    real_write = swap._write_synced

    def fail_on_second(path: Path, data: bytes) -> None:
        written.append(path.name)
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(swap, "_write_synced", fail_on_second)
    result = run("build", "--project", project_copy, "--format", "html", "--force")
    assert result.code == 4 and "No space left on device" in result.err
    assert digest(project_copy / EDITION) == before
    assert leftovers(project_copy) == []


def test_what_a_killed_build_left_aside_is_cleared_by_the_next(project_copy: Path) -> None:
    dead = 4_194_305  # above any pid Linux hands out
    (project_copy / "output" / f"{ASIDE}{dead}-2025-07-03.x1").mkdir()
    (project_copy / "output" / f"{ASIDE}{dead}-index.html.x2").write_text("half")
    assert run("build", "--project", project_copy, "--format", "json").code == 0
    assert leftovers(project_copy) == []


def test_swapping_an_edition_replaces_all_its_files_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "2025-07-03"
    swap.replace_folder(folder, {"a.html": b"old a", "b.pdf": b"old b", "keep.json": b"kept"})
    inode = (folder / "keep.json").stat().st_ino
    swap.replace_folder(folder, {"a.html": b"new a", "b.pdf": b"new b"})
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        "a.html": b"new a",
        "b.pdf": b"new b",
        "keep.json": b"kept",
    }
    assert (folder / "keep.json").stat().st_ino == inode  # kept by a link, not copied
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025-07-03"]
    with pytest.raises(OutputError):
        swap.replace_folder(folder / "keep.json" / "x", {"a": b""})


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def _lays_out(pid: int) -> bool:
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False
    return any(line.endswith((".ttf", ".otf", ".ttc")) for line in maps.splitlines())


def _children(pid: int) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and _parent(int(p)) == pid]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_pdf_workers_die_with_a_build_killed_mid_pdf(project_copy: Path) -> None:
    paragraph = " ".join(["the talks stalled again after a short meeting"] * 5)
    parts = "".join(
        f"\n## 2025-06-{day:02d}\n\n" + "\n\n".join([paragraph] * 80) + "\n" for day in range(1, 13)
    )
    with (project_copy / "content" / "tracks" / "example-talks.md").open("a") as track:
        track.write(parts)
    build = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", "--force", "--audience", "analyst"],
        cwd=project_copy,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **EPOCH},
    )
    # Mid-PDF: a worker has mapped a font, which WeasyPrint does only when it lays out.
    workers: list[int] = []
    while build.poll() is None and not any(_lays_out(w) for w in workers):
        workers = _children(build.pid)
        time.sleep(0.02)
    assert build.poll() is None, "the build ended before its PDF was laid out"
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline and any(_state(w) not in (None, "Z") for w in workers):
        time.sleep(0.05)
    assert [w for w in workers if _state(w) not in (None, "Z")] == []
    assert leftovers(project_copy / "output") == []
