"""Every field of the content model is timeless, dated, or may change: never a third kind."""

from __future__ import annotations

import json

import pytest
from pydantic import BaseModel

from briefgen.content.changing import changing_fields
from briefgen.content.fields import Model
from briefgen.content.kinds import KINDS
from briefgen.content.schema import schema_for
from briefgen.content.settings import Settings


def models() -> list[type[Model]]:
    """Every content model reachable from the kinds and the settings."""
    found: list[type[Model]] = []
    todo: list[type] = [Settings, *(k.model for k in KINDS.values())]
    while todo:
        model = todo.pop()
        if model in found or not (isinstance(model, type) and issubclass(model, Model)):
            continue
        found.append(model)
        for info in model.model_fields.values():
            stack = [info.annotation]
            while stack:
                t = stack.pop()
                stack += list(getattr(t, "__args__", ()))
                if isinstance(t, type) and issubclass(t, Model):
                    todo.append(t)
                elif isinstance(t, type) and issubclass(t, BaseModel):  # a Changing[...]
                    stack += [f.annotation for f in t.model_fields.values()]
    return found


@pytest.mark.parametrize("model", models(), ids=lambda m: m.__name__)
def test_every_field_is_timeless_dated_or_changing(model: type[Model]) -> None:
    fields = set(model.model_fields)
    changing = set(changing_fields(model))
    kinds = [model.timeless, model.dated, changing]
    assert set().union(*kinds) == fields, (
        f"{model.__name__}: undeclared {fields - set().union(*kinds)}"
    )
    assert sum(len(k) for k in kinds) == len(fields), f"{model.__name__}: declared twice"


def test_the_walk_reaches_the_nested_models() -> None:
    names = {m.__name__.partition("[")[0] for m in models()}
    assert {"Change", "StatusChange", "Signpost", "MediatorModel", "NoteModel"} <= names


def test_schema_describes_both_forms_of_a_changing_field() -> None:
    text = json.dumps(schema_for("tracks"))
    track = schema_for("tracks")["anyOf"][0]
    ref = track["properties"]["format"]["$ref"].split("/")[-1]
    forms = schema_for("tracks")["$defs"][ref]["oneOf"]
    # A format is the project's vocabulary, no fixed enum: a word, its description says where.
    assert forms[0]["pattern"] == "^[a-z][a-z0-9-]*$"
    assert forms[1]["type"] == "array" and "$ref" in forms[1]["items"]
    assert '"value"' in text and '"date"' in text
