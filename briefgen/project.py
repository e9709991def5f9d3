"""Where a brief project's parts live. Light on purpose: the CLI reads it before anything else."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import UsageError
from briefgen.reading import inside

FORMATS = ("html", "pdf", "json")
BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "render" / "templates"
BUILTIN_PREFIX = "builtin/"


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

    @property
    def roots(self) -> tuple[Path, ...]:
        """Folders whose files briefgen may read (resolved): the project and, wherever --content
        or a linked templates/ folder puts them, the content and the templates."""
        return (self.root, self.content, self.templates.resolve())

    def check_out(self) -> None:
        """Refuse an output folder where a build would overwrite what it is built from."""
        for name, folder in (("content", self.content), ("templates", self.templates.resolve())):
            if self.out.is_relative_to(folder):
                raise UsageError(
                    f"the output folder {self.out} is inside the {name} folder {folder}; "
                    "a build never writes there: choose another --out"
                )
        if self.out.is_relative_to(self.cache.resolve()):
            raise UsageError(f"the output folder {self.out} is inside the build cache")


def find_template(name: str, templates: Path, roots: tuple[Path, ...]) -> Path | None:
    """The file a template name means: the project's own (which must lie inside `roots`), else
    the built-in one; `builtin/NAME` always means the built-in. Raises Refused for a link out."""
    builtin = name.startswith(BUILTIN_PREFIX)
    pieces = [p for p in name.removeprefix(BUILTIN_PREFIX).split("/") if p not in ("", ".")]
    if not pieces or any(p == ".." or os.sep in p for p in pieces):
        return None
    for folder in ([] if builtin else [templates]) + [BUILTIN_TEMPLATES]:
        path = folder.joinpath(*pieces)
        if path.is_file() or path.is_symlink():
            return inside(path, roots if folder == templates else (BUILTIN_TEMPLATES,))
    return None


def pdf_workers(briefs: int | None) -> int:
    """How many PDF workers a build of `briefs` PDFs starts (all cores when not yet known)."""
    cores = len(os.sched_getaffinity(0))
    return max(1, min(briefs or cores, cores))
