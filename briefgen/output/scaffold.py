"""Starter files written from the models, so they always list the fields the models accept."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path
from typing import Any

from briefgen.content.fields import HappenedOrReported, Model
from briefgen.content.kinds import BY_NAME
from briefgen.errors import UsageError
from briefgen.output.files import cannot_write
from briefgen.reading import Refused, inside

DATE_FIELDS = {"date", "reported", "published", "opened", "accessed", "known_from", "as_of"}


def _choices(schema: dict[str, Any]) -> list[str]:
    found = list(schema.get("enum", []))
    for option in schema.get("anyOf", []):
        found += option.get("enum", [])
        if "const" in option:
            found.append(option["const"])
    return [str(f) for f in found]


def _placeholder(name: str, schema: dict[str, Any], today: dt.date) -> str:
    """A YAML value that shows what goes in the field."""
    options = _choices(schema)
    if options:
        return str(options[0])
    kind = schema.get("type") or next(
        (o.get("type") for o in schema.get("anyOf", []) if o.get("type") != "null"), None
    )
    if name in DATE_FIELDS:
        return today.isoformat()
    if kind == "array":
        return "[]"
    if kind == "integer":
        return str(schema.get("default", schema.get("minimum", 1)))
    if kind == "object":
        return "{}"
    if kind == "boolean":
        return "false"
    return "TODO"


def _plain_form(field: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """For a field that may change over time (plain value or history), the plain value's
    schema: a starter file shows the simple form."""
    options = [o for o in field.get("anyOf", [field]) if o.get("type") != "null"]
    ref = options[0].get("$ref", "") if len(options) == 1 else ""
    target = defs.get(ref.rpartition("/")[2], {})
    return target["oneOf"][0] if "oneOf" in target else field


def _comment(text: str) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, 96)]


def starter_yaml(model: type[Model], today: dt.date, skip: set[str]) -> str:
    """Every field of the model: required ones to fill in, optional ones commented out."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    required = set(schema.get("required", []))
    if issubclass(model, HappenedOrReported):
        required.add("date")  # one of date and reported is: the event's date is the usual one
    lines: list[str] = []
    for name, field in schema["properties"].items():
        if name in skip:
            continue
        about = field.get("description", "")
        field = _plain_form(field, defs)
        choices = _choices(field)
        if choices:
            about += f" One of: {', '.join(choices)}."
        lines += _comment(about.strip()) if about.strip() else []
        value = _placeholder(name, field, today)
        lines.append(f"{name}: {value}" if name in required else f"# {name}: {value}")
    return "\n".join(lines) + "\n"


def new_item(content_dir: Path, kind: str, today: dt.date, item_id: str | None = None) -> Path:
    """Write a starter file for one new item; never overwrite an existing file."""
    if kind not in BY_NAME:
        raise UsageError(f"unknown kind '{kind}'; give one of: {', '.join(BY_NAME)}")
    if item_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,79}", item_id):
        raise UsageError(
            f"'{item_id[:80]}' is not an id: lower-case letters, digits and hyphens (at most 80)"
        )
    spec = BY_NAME[kind]
    folder_name, model, body_field = spec.folder, spec.model, spec.body
    suffix = ".md" if body_field else ".yaml"
    folder = content_dir / folder_name
    if folder_name == "editions":
        stem = item_id or today.isoformat()
        path = folder / f"{stem}{suffix}"
    else:
        base = item_id or f"{today.isoformat()}-{kind}"
        path, number = folder / f"{base}{suffix}", 2
        while not item_id and path.exists():
            path, number = folder / f"{base}-{number}{suffix}", number + 1
    if path.exists():
        raise UsageError(f"{path} already exists; briefgen new never overwrites a file")
    skip = {spec.id_field, *(filter(None, [body_field]))}
    text = starter_yaml(model, today, skip)
    if body_field:
        text = f"---\n{text}---\nTODO: the {body_field.replace('_', ' ')}, in Markdown.\n"
    doc = (model.__doc__ or "").strip().splitlines()[0]
    header = f"# New {kind} ({json.dumps(path.stem)[1:-1]}): {doc}\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # A folder linked out of the content would have `new` write anywhere.
        inside(folder, (content_dir.resolve(),))
    except Refused as exc:
        raise UsageError(f"{folder} {exc}") from None
    except OSError as exc:
        raise cannot_write(folder, exc) from None
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text if body_field else header + text)
    except FileExistsError:
        raise UsageError(f"{path} already exists; briefgen new never overwrites a file") from None
    except OSError as exc:
        raise cannot_write(path, exc) from None
    return path


STARTER = Path(__file__).parent / "starter"
TODAY = "__TODAY__"


def init_project(target: Path, today: dt.date) -> list[Path]:
    """A new, valid brief project in `target` (new or empty): one example of each kind."""
    written = []
    try:
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise UsageError(f"{target} is not an empty folder; briefgen init never overwrites")
        for source in sorted(STARTER.rglob("*")):
            if not source.is_file():
                continue
            relative = source.relative_to(STARTER).as_posix().replace(TODAY, today.isoformat())
            if relative == "gitignore":
                relative = ".gitignore"
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            text = source.read_text(encoding="utf-8").replace(TODAY, today.isoformat())
            path.write_text(text, encoding="utf-8")
            written.append(path)
        (target / "output").mkdir(exist_ok=True)
    except OSError as exc:
        raise cannot_write(target, exc) from None
    return written
