"""Write files the safe way: aside first, flushed to disk, then renamed into place."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from briefgen.errors import OutputError

ASIDE = ".briefgen-tmp-"
"""Start of the name of everything written aside, followed by the writer's pid: what a build
killed half way leaves, the next build recognises and removes."""


def write_files(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write files aside, then rename each into place; a failure leaves the old files and no
    temporary file behind (a full disk included)."""
    staged: list[tuple[Path, Path]] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clear_abandoned(folder)
        for name, data in sorted(files.items()):
            staged.append((write_aside(folder, name, data), folder / name))
        for tmp, final in staged:
            os.replace(tmp, final)
        sync_folder(folder)
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise cannot_write(folder, exc) from None
    return [final for _, final in staged]


def cannot_write(path: Path, exc: OSError) -> OutputError:
    """The error for a file or folder that could not be written, in the user's words."""
    if isinstance(exc, FileExistsError | NotADirectoryError):
        reason = "a file stands where a folder is needed"
    else:
        reason = exc.strerror or str(exc)
    return OutputError(f"{path}: cannot write: {reason}")


def write_aside(folder: Path, name: str, data: bytes) -> Path:
    """A hidden file in `folder` holding `data`, on disk; removed again if writing fails."""
    fd, tmp_name = tempfile.mkstemp(prefix=f"{ASIDE}{os.getpid()}-{name}.", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(tmp_name)


def sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable: a crash after this cannot undo them."""
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def clear_abandoned(folder: Path) -> None:
    """Remove what builds that were killed left aside in `folder` (never a running build's)."""
    for entry in folder.iterdir():
        if not entry.name.startswith(ASIDE):
            continue
        pid = entry.name.removeprefix(ASIDE).split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            remove(entry)


def remove(path: Path) -> None:
    """A file, link or folder gone, as far as it can be removed."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, another user's
        return True
    return True
