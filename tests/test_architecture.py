"""Modules import downward only, in the order of the pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

LAYERS = [
    {"__init__", "errors", "dates", "markup", "periods", "project"},
    {"models", "documents", "brief", "clock"},
    {"references", "schema", "redact", "knowledge", "scaffold", "stamps"},
    {"changes"},
    {"load", "select"},
    {"render", "pdf", "report"},
    {"archive"},
    {"build"},
    {"reload", "preview"},
    {"snapshot"},
    {"serve"},
    {"cli"},
]


def rank(module: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if module in layer)


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefgen"):
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("briefgen."))
    return found


def test_every_module_has_a_layer() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules == set().union(*LAYERS)


def test_imports_go_downward_only() -> None:
    wrong = []
    for path in sorted(PACKAGE.glob("*.py")):
        for target in imports(path):
            if target not in ("__version__", "__init__") and rank(target) >= rank(path.stem):
                wrong.append(f"{path.stem} imports {target}")
    assert wrong == []
