"""Replace a whole folder in one step: a reader sees all of its old files or all of its new
ones, never a mix, and a build killed at any moment leaves the old folder whole."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path

from briefgen.output.files import ASIDE, cannot_write, clear_abandoned, remove, sync_folder


def replace_folder(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """`folder` with `files` written or replaced and its other files kept, swapped in whole.

    The new folder is staged next to the old one (other files hard-linked, new ones written
    and fsynced), then exchanged with it by one rename.
    """
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        clear_abandoned(parent)
        stage = Path(tempfile.mkdtemp(prefix=f"{ASIDE}{os.getpid()}-{folder.name}.", dir=parent))
    except OSError as exc:
        raise cannot_write(parent, exc) from None
    try:
        _keep_others(folder, stage, set(files))
        for name, data in sorted(files.items()):
            _write_synced(stage / name, data)
        os.chmod(stage, 0o755)
        sync_folder(stage)
        _swap(stage, folder)
        sync_folder(parent)
    except OSError as exc:
        raise cannot_write(folder, exc) from None
    finally:
        remove(stage)  # after the swap, what was there before
    return [folder / name for name in sorted(files)]


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _keep_others(folder: Path, stage: Path, replaced: set[str]) -> None:
    """Every entry of the old folder that is not replaced, as a hard link (or a copy where
    links are not allowed); files are only ever replaced, never changed, so links are safe."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name in replaced:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, stage / entry.name, symlinks=True)
            continue
        try:
            os.link(entry, stage / entry.name, follow_symlinks=False)
        except FileNotFoundError:  # another build replaced the folder meanwhile
            continue
        except OSError:
            shutil.copy2(entry, stage / entry.name, follow_symlinks=False)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _swap(new: Path, folder: Path) -> None:
    """Put `new` where `folder` is, in one step where the system allows; `new` then holds the
    old folder, if there was one."""
    if _exchange(new, folder):
        return
    if not folder.exists():
        try:
            os.rename(new, folder)
            return
        except OSError as exc:  # another build made the folder in the meantime
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST) or not _exchange(new, folder):
                raise
            return
    # No atomic exchange here (not Linux, or a file system without it): two renames, with a
    # moment in between when the folder is missing but never half written.
    old = new.with_name(new.name + ".old")
    os.rename(folder, old)
    os.rename(new, folder)
    os.rename(old, new)


def _exchange(new: Path, folder: Path) -> bool:
    """Linux's renameat2(RENAME_EXCHANGE); False where it is missing or not supported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(folder), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOENT, errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(folder))
