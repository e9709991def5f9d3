"""Hashes of files and of briefgen itself: what caches and stamps key on."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).parent


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_digest(folders: list[Path]) -> str:
    """Hash of every file under the folders, by relative name and content (compiled Python
    caches aside)."""
    digest = hashlib.sha256()
    for index, folder in enumerate(folders):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file() and "__pycache__" not in path.parts:
                name = f"{index}/{path.relative_to(folder).as_posix()}"
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


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
