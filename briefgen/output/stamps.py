"""Build stamps: skip work whose inputs and outputs are exactly as when it was last done.

Two levels. A *request* stamp (output/.briefgen-requests.json) records, for one build command,
a hash of every input file — content, project templates and briefgen's own package — and of
every file it produced: when all match, the build has nothing to do and ends before briefgen
is even imported. A *brief* stamp (.briefgen-stamp.json in each edition folder) covers one
audience's files with a key made of what the brief shows (so a later fact that an old edition
cannot see leaves that edition alone), the audience profile, every template, the formats and
briefgen's version. Every stamp keeps a hash of each file it wrote, so an output changed or
removed by hand is rebuilt.

This module imports nothing heavy: the CLI asks it first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.fingerprint import folder_digest, sha, toolchain
from briefgen.project import Project
from briefgen.reading import Refused, read_bytes, read_text

if TYPE_CHECKING:
    from briefgen.brief.views import Brief
    from briefgen.content.editions import Audience

STAMP = ".briefgen-stamp.json"
REQUESTS = ".briefgen-requests.json"
MAX_OUTPUT_BYTES = 1 << 30
"""Largest output file a stamp check reads back (far above any brief's PDF)."""


def brief_key(brief: Brief, audience: Audience, formats: list[str], templates: str) -> str:
    shown = brief.model_dump_json(exclude={"meta": {"built_at"}})
    parts = [shown, audience.model_dump_json(), ",".join(sorted(formats)), templates, toolchain()]
    return sha("\0".join(parts).encode())


class Stamps:
    """The stamp of one edition folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            entries = json.loads(read_text(folder / STAMP, (folder.resolve(),)))
        except (Refused, ValueError):
            entries = {}
        self.entries: dict[str, dict] = entries if isinstance(entries, dict) else {}

    def fresh(self, audience: str, key: str) -> list[str]:
        """The files of this audience if they are exactly as built from this key, else []."""
        entry = self.entries.get(audience)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return []
        files: dict[str, str] = entry.get("files", {})
        return sorted(files) if _files_intact(self.folder, files) else []

    def record(
        self, audience: str, key: str, files: dict[str, bytes], fit: dict[str, int] | None = None
    ) -> None:
        """`fit`: the limits a page budget cut the brief to, so that a build skipping it can
        still say what the budget left out without laying it out again."""
        self.entries[audience] = {
            "key": key,
            "files": {name: sha(data) for name, data in sorted(files.items())},
            **({"fit": fit} if fit else {}),
        }

    def fit(self, audience: str) -> dict[str, int] | None:
        """The limits recorded with `record`, if any (and well formed)."""
        entry = self.entries.get(audience)
        cut = entry.get("fit") if isinstance(entry, dict) else None
        if not isinstance(cut, dict) or not all(
            isinstance(k, str) and type(v) is int for k, v in cut.items()
        ):
            return None
        return cut

    def data(self) -> bytes:
        return (json.dumps(self.entries, indent=1, sort_keys=True) + "\n").encode()


def _files_intact(root: Path, files: dict[str, str]) -> bool:
    """Whether every file a stamp lists is as it was. A stamp is read from the output folder,
    where anyone may have written one: it names regular files inside that folder, or none."""
    inside = (root.resolve(),)
    try:
        return all(
            isinstance(name, str)
            and sha(read_bytes(root / name, inside, MAX_OUTPUT_BYTES)) == digest
            for name, digest in files.items()
        )
    except (Refused, AttributeError, TypeError, ValueError):
        return False


def request_key(
    as_of: dt.date | None, audiences: Sequence[str], formats: Sequence[str], archive: bool = False
) -> str:
    day = as_of.isoformat() if as_of else "latest"
    key = f"{day}|{','.join(sorted(audiences)) or '*'}|{','.join(sorted(formats))}"
    return key + ("|archive" if archive else "")


def _folders(project: Project) -> list[str]:
    """The edition folders under the output folder: the archive page lists them."""
    out = project.out
    return sorted(p.name for p in out.iterdir() if p.is_dir()) if out.is_dir() else []


def inputs_digest(project: Project) -> str:
    files = folder_digest([project.content, project.templates], project.roots)
    return sha((files + toolchain()).encode())


def _read_requests(project: Project) -> dict[str, dict]:
    try:
        data = json.loads(read_text(project.out / REQUESTS, (project.out,)))
        return data if isinstance(data, dict) else {}
    except (Refused, ValueError):
        return {}


def up_to_date(project: Project, key: str) -> list[Path] | None:
    """The files of this build request if nothing it depends on changed since it was made."""
    entry = _read_requests(project).get(key)
    if not isinstance(entry, dict) or entry.get("inputs") != inputs_digest(project):
        return None
    files = entry.get("files", {})
    if not files or not _files_intact(project.out, files):
        return None
    if entry.get("folders") != _folders(project):  # the archive page must be made again
        return None
    return [project.out / name for name in sorted(files)]


def record_request(project: Project, key: str, inputs: str, files: list[Path]) -> bytes:
    """The request stamps with this request recorded, to be written with the build's files."""
    requests = _read_requests(project)
    requests[key] = {
        "inputs": inputs,
        "folders": _folders(project),
        "files": {
            path.relative_to(project.out).as_posix(): sha(path.read_bytes())
            for path in sorted(files)
        },
    }
    return (json.dumps(requests, indent=1, sort_keys=True) + "\n").encode()
