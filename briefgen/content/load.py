"""Load the content folder: read every file, validate every item, cross-check every reference.

Gathers every problem before giving up, so `briefgen check` can list them all at once.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from briefgen.content.changing import FORM_TAGS, Change, Changing
from briefgen.content.cycles import cycles
from briefgen.content.documents import Document, Loc, read_documents
from briefgen.content.editions import Audience
from briefgen.content.evidence import evidence
from briefgen.content.histories import unordered
from briefgen.content.kinds import KINDS
from briefgen.content.labels import Labels
from briefgen.content.models import Content
from briefgen.content.narrative import heading_problems
from briefgen.content.references import cross_check
from briefgen.content.settings import Settings
from briefgen.content.sourcing import sourcing
from briefgen.content.template_refs import template_problems
from briefgen.content.wording import label_problems, vocabulary_problems
from briefgen.errors import ContentError, Problem, relative

SETTINGS_FILE = "brief.yaml"
BUILTIN_AUDIENCES = Path(__file__).resolve().parent / "audiences"
SUFFIXES = {".yaml", ".yml", ".md"}


@dataclass(frozen=True)
class Origin:
    """Where an item is written: its file, first line, and the line of each of its fields."""

    path: str
    line: int
    lines: dict[Loc, int]

    def line_of(self, part: str) -> int:
        """The line of a part named like `status.1`, `note` or `narrative part 2025-07-03`
        (its first word is the field); the item's line when it has none."""
        field = part.split(" ")[0].replace("bottom", "bottom_line")
        loc = tuple(int(p) if p.isdigit() else p for p in field.split("."))
        return Document(self.path, {}, self.line, self.lines).line_of(loc) if part else self.line


@dataclass(frozen=True)
class Loaded:
    """The validated content, where each item was written, and the warnings found on the way."""

    content: Content
    warnings: tuple[Problem, ...]
    files: int
    origins: dict[tuple[str, str], Origin]
    """(kind, id) → where the item is written."""

    def summary(self) -> str:
        """One line: how many files and items of each kind, and warnings."""
        c = self.content
        sizes = ((len(getattr(c, folder)), kind) for folder, kind in KINDS.items())
        counts = ", ".join(f"{n} {kind.folder if n != 1 else kind.name}" for n, kind in sizes)
        n = len(self.warnings)
        warned = f"; {n} warning{'s' if n != 1 else ''}" if n else ""
        return f"{self.files} files: {counts}{warned}"


def content_files(content_dir: Path) -> list[Path]:
    """Every file the content consists of, sorted; hidden files and editor backups skipped.

    Links are listed, not followed, into folders: reading decides whether a file may be read.
    """
    files = []
    for path in sorted(content_dir.rglob("*")):
        rel = path.relative_to(content_dir)
        if any(part.startswith((".", "_")) for part in rel.parts) or path.is_dir():
            continue
        if path.suffix in SUFFIXES:
            files.append(path)
    return files


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    if error["type"] == "extra_forbidden":
        name = str(error["loc"][-1])
        known = _fields_at(model, error["loc"][:-1])
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
        return f"unknown field{hint}"
    if error["type"] == "missing":
        return "required field is missing"
    if error["type"] == "too_short" and error["loc"][-1] == "sources":
        return "cites no source: give at least one source id"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the (nested) model that `loc` points into."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        annotation = info.annotation
        candidates = [annotation, *getattr(annotation, "__args__", ())]
        current = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
        if isinstance(current, type) and issubclass(current, Changing):
            current = Change  # a history entry's fields
        if current is None:
            return []
    return sorted(getattr(current, "model_fields", {}))


def named(audiences: tuple[Audience, ...], labels: Labels) -> tuple[Audience, ...]:
    """Audiences that give no label (briefgen's own) take `audience.<id>` in the brief's
    language, and their colophon `audience.<id>.colophon` if the catalogue has one."""

    def own(audience: Audience) -> Audience:
        update: dict[str, str] = {}
        if audience.label is None:
            key = f"audience.{audience.id}"
            update["label"] = labels.form(key) if key in labels.texts else audience.id
        key = f"audience.{audience.id}.colophon"
        if audience.colophon is None and key in labels.texts:
            update["colophon"] = labels.form(key)
        return audience.model_copy(update=update) if update else audience

    return tuple(own(a) for a in audiences)


def _validate(doc: Document, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(part for part in error["loc"] if part not in FORM_TAGS)
            field = ".".join(str(part) for part in loc)
            problems.append(Problem(doc.path, doc.line_of(loc), field, _message(error, model)))
        return None, problems


def load(root: Path, content_dir: Path | None = None) -> Loaded:
    """Load and check `content/` under the project root; raise ContentError listing all problems."""
    root = root.resolve()
    content_dir = (content_dir or root / "content").resolve()
    if not content_dir.is_dir():
        raise ContentError([Problem(relative(content_dir, root), 0, "", "no content folder here")])
    return _load(root, content_dir, content_files(content_dir))


def _load(root: Path, content_dir: Path, files: list[Path]) -> Loaded:
    problems: list[Problem] = []
    templates = root / "templates"
    roots = (root, content_dir, templates.resolve())

    settings_path = content_dir / SETTINGS_FILE
    settings: Settings | None = None
    settings_doc: Document | None = None
    if not (settings_path.is_file() or settings_path.is_symlink()):
        problems.append(
            Problem(relative(settings_path, root), 0, "", "missing: the brief's settings")
        )
    else:
        docs, found = read_documents(
            settings_path, relative(settings_path, root), None, None, roots=roots, one=True
        )
        problems += found
        for doc in docs:
            model, found = _validate(doc, Settings)
            problems += found
            settings = model if isinstance(model, Settings) else None
            settings_doc = doc

    items: dict[str, list[tuple[Any, Document]]] = {kind: [] for kind in KINDS}
    for file in files:
        rel = file.relative_to(content_dir)
        if rel.as_posix() == SETTINGS_FILE:
            continue
        display = relative(file, root)
        kind = rel.parts[0] if len(rel.parts) > 1 else None
        if kind not in KINDS:
            folders = ", ".join(KINDS)
            problems.append(Problem(display, 0, "", f"not in a known folder ({folders})"))
            continue
        spec = KINDS[kind]
        docs, found = read_documents(
            file, display, spec.body, (spec.id_field, file.stem), roots=roots
        )
        problems += found
        for doc in docs:
            model, found = _validate(doc, spec.model)
            problems += found
            if kind == "tracks":
                problems += heading_problems(doc)
            items[kind].append((model, doc))

    problems += template_problems(items["audiences"], templates, roots)
    own = {doc.data.get("id") for _, doc in items["audiences"]}
    for file in sorted(BUILTIN_AUDIENCES.glob("*.yaml")):
        if file.stem not in own:
            docs, _ = read_documents(
                file, f"(built-in) {file.name}", None, ("id", file.stem), roots=[BUILTIN_AUDIENCES]
            )
            items["audiences"] += [
                (_validate(doc, KINDS["audiences"].model)[0], doc) for doc in docs
            ]

    warnings = cross_check(items) + evidence(items, content_dir, root)
    if settings is not None and settings_doc is not None:
        problems += vocabulary_problems(items, settings.vocabulary)
        warnings += label_problems(settings, settings_doc)
    problems += [p for p in warnings if not p.warning]
    if not problems:  # with a broken item, an order could only be guessed
        problems += unordered(items) + cycles(items)
    if problems or settings is None:
        raise ContentError(problems)

    def ordered(kind: str) -> tuple[Any, ...]:
        field = KINDS[kind].id_field
        models = (m for m, _ in items[kind] if m is not None)
        return tuple(sorted(models, key=lambda m: getattr(m, field)))

    kinds = {kind: ordered(kind) for kind in KINDS}
    kinds["audiences"] = named(
        kinds["audiences"], Labels.resolve(settings.language, settings.labels)
    )
    content = Content(settings=settings, **kinds)
    # Sourcing is judged on the whole, valid content: what cites what, and how it is graded.
    linted = sourcing(content, items)
    if any(not p.warning for p in linted):
        raise ContentError([p for p in linted if not p.warning])
    warnings += linted
    origins = {
        (kind, str(getattr(m, KINDS[kind].id_field))): Origin(doc.path, doc.line, doc.lines)
        for kind, pairs in items.items()
        for m, doc in pairs
        if m is not None
    }
    return Loaded(content, tuple(sorted(p for p in warnings if p.warning)), len(files), origins)
