"""The templates and stylesheets that audiences name: each must be a file of the project's
templates/ (inside the project) or a built-in one, so that a build never fails to find it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefgen.content.documents import Document
from briefgen.errors import Problem
from briefgen.project import find_template
from briefgen.reading import Refused


def template_problems(
    audiences: list[tuple[Any, Document]], templates: Path, roots: tuple[Path, ...]
) -> list[Problem]:
    """A problem for each template or stylesheet an audience names that cannot be used."""
    problems = []
    for model, doc in audiences:
        for field in ("template", "stylesheet"):
            name = getattr(model, field, None)
            if name is None:
                continue
            try:
                found = find_template(name, templates, roots)
            except Refused as exc:
                found, message = None, f"templates/{name} {exc}"
            else:
                message = f"no template '{name}' in templates/ nor among the built-in ones"
            if found is None:
                problems.append(Problem(doc.path, doc.line_of((field,)), field, message))
    return problems
