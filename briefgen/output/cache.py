"""The project's build cache (`.briefgen-cache/`): validated content kept between runs.

Content whose every file (and briefgen itself) is unchanged since the last load is read back
from here instead of parsed and validated again. Safe to delete; a cache that cannot be used
(not a folder, a link out of the project, not writable) is no error: the build goes without
it and says so once.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from briefgen.content.load import Loaded, load
from briefgen.errors import relative
from briefgen.fingerprint import folder_digest, toolchain
from briefgen.output.files import clear_abandoned, write_aside
from briefgen.project import Project
from briefgen.reading import Refused, inside


def usable_cache(project: Project) -> tuple[Path | None, str | None]:
    """The cache folder if this build can use it; else None and the warning to print."""
    folder = project.cache
    try:
        if not (folder.exists() or folder.is_symlink()):
            folder.mkdir()
        inside(folder, (project.root,))
        if not folder.is_dir():
            raise Refused("is not a folder")
        write_aside(folder, "probe", b"").unlink()
    except (OSError, Refused) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        where = relative(folder, project.root)
        return None, f"warning: {where}: {reason or exc}; building without the cache"
    return folder, None


def load_cached(project: Project, *, cached: bool = True) -> Loaded:
    """The project's content, from the cache when nothing changed since it was stored there
    (and the cache can be used; `cached=False` skips it)."""
    cache = usable_cache(project)[0] if cached else None
    if not project.content.is_dir() or cache is None:
        return load(project.root, project.content)  # raises the usual "no content folder"
    files = folder_digest([project.content], project.roots)
    digest = hashlib.sha256((files + toolchain()).encode())
    key = cache / f"content-{digest.hexdigest()[:32]}.pickle"
    try:
        with key.open("rb") as handle:
            loaded = pickle.load(handle)
        if isinstance(loaded, Loaded):
            return loaded
    except Exception:
        pass
    loaded = load(project.root, project.content)
    _store(cache, key, loaded)
    return loaded


def _store(cache: Path, key: Path, loaded: Loaded) -> None:
    """Keep only the newest entry."""
    try:
        clear_abandoned(cache)
        for old in cache.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        data = pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(write_aside(cache, key.name, data), key)
    except OSError:
        pass
