"""JSON Schema of every content file, from the models, for editors and docs."""

from __future__ import annotations

import json
from typing import Any

from briefgen.content.kinds import KINDS
from briefgen.content.settings import Settings


def schema_for(kind: str) -> dict[str, Any]:
    """Schema of one file under `content/<kind>/`: one item, or a list of items."""
    if kind == "settings":
        settings = Settings.model_json_schema()
        settings["title"] = "briefgen settings (content/brief.yaml)"
        return settings
    item = KINDS[kind].model.model_json_schema()
    defs = item.pop("$defs", {})
    # The file name gives the id and a Markdown body its long text: a one-item file may omit both.
    implied = {KINDS[kind].id_field, KINDS[kind].body}
    single = {**item, "required": [f for f in item.get("required", []) if f not in implied]}
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"briefgen {kind} file (content/{kind}/)",
        "anyOf": [single, {"type": "array", "items": item}],
    }
    if defs:
        schema["$defs"] = defs
    return schema


def all_schemas() -> dict[str, str]:
    """File name → schema text, for every kind and the settings."""
    kinds = ["settings", *KINDS]
    return {
        f"{kind}.schema.json": json.dumps(schema_for(kind), indent=2, sort_keys=True) + "\n"
        for kind in kinds
    }
