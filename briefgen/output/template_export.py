"""`briefgen templates export NAME`: a built-in template copied into the project's
`templates/` to edit; the project's copy then replaces the built-in one."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from briefgen.errors import UsageError
from briefgen.project import BUILTIN_TEMPLATES, Project


def builtin_names() -> list[str]:
    """Every built-in template and partial, as a template name (`partials/tracks.html`)."""
    return sorted(
        path.relative_to(BUILTIN_TEMPLATES).as_posix()
        for path in BUILTIN_TEMPLATES.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    )


def export(project: Project, name: str, force: bool = False) -> Path:
    """Copy the built-in `name` to `templates/name`; refuses a name that is not built in, a
    target outside the project, and (without `force`) a file already there."""
    names = builtin_names()
    name = name.removeprefix("builtin/")
    if name not in names:
        close = difflib.get_close_matches(name, names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "built in: " + ", ".join(names)
        raise UsageError(f"no built-in template '{name}'; {hint}")
    target = project.templates / name
    # A templates/ folder or partials/ linked elsewhere must not carry the copy out.
    if not target.parent.resolve().is_relative_to(project.root) and target.parent.exists():
        raise UsageError(f"{target.parent} leads outside the project; nothing was copied")
    if target.is_symlink() or (target.exists() and not force):
        raise UsageError(f"{target} exists; give --force to replace it with the built-in one")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.parent.resolve().is_relative_to(project.root):
        raise UsageError(f"{target.parent} leads outside the project; nothing was copied")
    shutil.copyfile(BUILTIN_TEMPLATES / name, target)
    return target
