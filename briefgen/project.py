"""Where a brief project's parts live. Light on purpose: the CLI reads it before anything else."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

FORMATS = ("html", "pdf", "json")


@dataclass(frozen=True)
class Project:
    root: Path
    content: Path
    out: Path

    @classmethod
    def at(cls, root: Path, content: Path | None = None, out: Path | None = None) -> Project:
        root = root.resolve()
        return cls(
            root, (content or root / "content").resolve(), (out or root / "output").resolve()
        )

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def cache(self) -> Path:
        """Where builds keep the validated content and compiled templates between runs (one
        for the project, whatever --out says)."""
        return self.root / ".briefgen-cache"


def pdf_workers(briefs: int | None) -> int:
    """How many PDF workers a build of `briefs` PDFs starts (all cores when not yet known)."""
    cores = len(os.sched_getaffinity(0))
    return max(1, min(briefs or cores, cores))
