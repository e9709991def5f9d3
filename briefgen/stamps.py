"""Build stamps: skip re-rendering a brief whose inputs and outputs are exactly as last built.

The key of a brief covers everything its files are made from: what the brief shows (so a later
fact that an old edition cannot see leaves that edition alone), the audience profile, every
template, the formats and briefgen's version. The stamp also keeps a hash of every file it
wrote, so an output changed or removed by hand is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from briefgen.brief import Brief
from briefgen.models import Audience

STAMP = ".briefgen-stamp.json"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def folder_digest(folders: list[Path]) -> str:
    """Hash of every file under the folders, by relative name and content."""
    digest = hashlib.sha256()
    for index, folder in enumerate(folders):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                name = f"{index}/{path.relative_to(folder).as_posix()}"
                digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def brief_key(
    brief: Brief, audience: Audience, formats: list[str], templates: str, version: str
) -> str:
    shown = brief.model_dump_json(exclude={"meta": {"built_at"}})
    parts = [shown, audience.model_dump_json(), ",".join(sorted(formats)), templates, version]
    return _sha("\0".join(parts).encode())


class Stamps:
    """The stamp of one edition folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            self.entries: dict[str, dict] = json.loads((folder / STAMP).read_text())
        except (OSError, ValueError):
            self.entries = {}

    def fresh(self, audience: str, key: str) -> list[str]:
        """The files of this audience if they are exactly as built from this key, else []."""
        entry = self.entries.get(audience)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return []
        files: dict[str, str] = entry.get("files", {})
        for name, sha in files.items():
            try:
                if _sha((self.folder / name).read_bytes()) != sha:
                    return []
            except OSError:
                return []
        return sorted(files)

    def record(self, audience: str, key: str, files: dict[str, bytes]) -> None:
        self.entries[audience] = {
            "key": key,
            "files": {name: _sha(data) for name, data in sorted(files.items())},
        }

    def data(self) -> bytes:
        return (json.dumps(self.entries, indent=1, sort_keys=True) + "\n").encode()
