"""Hashes of files and of briefgen itself: what caches and stamps key on."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from briefgen.reading import MAX_FILE_BYTES, Refused, read_bytes

PACKAGE = Path(__file__).parent


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_digest(folders: list[Path], roots: Iterable[Path] = ()) -> str:
    """Hash of everything under the folders, by relative name (compiled Python caches aside):
    a file's bytes; a link's target, and its bytes when it is a file inside the folders or
    `roots` (resolved); for anything else, or a file too big to read, why it is not read.
    A change to any of them changes the hash, yet nothing outside is ever read."""
    allowed = [*(folder.resolve() for folder in folders), *roots]
    digest = hashlib.sha256()
    for index, folder in enumerate(folders):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if "__pycache__" in path.parts or path.is_dir():
                continue
            name = f"{index}/{path.relative_to(folder).as_posix()}"
            digest.update(name.encode() + b"\0")
            if path.is_symlink():
                digest.update(os.fsencode(os.readlink(path)) + b"\0")
            try:
                # rglob never enters a linked folder: only a link can lead outside.
                data = read_bytes(path, allowed) if path.is_symlink() else _read(path)
            except Refused as exc:
                data = f"{exc} {_mtime(path)}".encode()
            digest.update(data + b"\0")
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES or not path.is_file():
            raise Refused("not read")
        return path.read_bytes()
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror}") from None


def _mtime(path: Path) -> int:
    try:
        return path.lstat().st_mtime_ns
    except OSError:
        return 0


@lru_cache(maxsize=1)
def toolchain() -> str:
    """briefgen's own files (code, built-in templates and audiences) and the versions of the
    libraries that shape its output: a change to any of them makes every stamp and cache stale,
    released version number or not."""
    versions = []
    for name in ("weasyprint", "jinja2", "markdown-it-py", "pydantic", "pyyaml"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} ?")
    return sha((folder_digest([PACKAGE]) + "\0" + "\0".join(versions)).encode())
