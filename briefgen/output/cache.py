"""The project's build cache (`.briefgen-cache/`): validated content kept between runs.

Content whose every file (and briefgen itself) is unchanged since the last load is read back
from here instead of parsed and validated again. Safe to delete; a cache that cannot be read or
written is no error.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from briefgen.content.load import Loaded, load
from briefgen.fingerprint import folder_digest, toolchain
from briefgen.project import Project


def load_cached(project: Project) -> Loaded:
    """The project's content, from the cache when nothing changed since it was stored."""
    if not project.content.is_dir():
        return load(project.root, project.content)  # raises the usual "no content folder"
    digest = hashlib.sha256((folder_digest([project.content]) + toolchain()).encode())
    key = project.cache / f"content-{digest.hexdigest()[:32]}.pickle"
    try:
        with key.open("rb") as handle:
            loaded = pickle.load(handle)
        if isinstance(loaded, Loaded):
            return loaded
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    loaded = load(project.root, project.content)
    _store(project.cache, key, loaded)
    return loaded


def _store(cache: Path, key: Path, loaded: Loaded) -> None:
    """Keep only the newest entry."""
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for old in cache.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache, prefix=".content-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(loaded, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, key)
    except OSError:
        pass
