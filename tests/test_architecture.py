"""The folder tree is the pipeline: each stage imports only from the stages before it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"

# In pipeline order. Top-level modules are the foundation (errors, clock, where a project's
# parts live, file hashes, reading files) or the front door (the CLI), which may call any stage.
STAGES = ["content", "brief", "render", "output", "preview"]
FOUNDATION = {"__init__", "errors", "clock", "project", "fingerprint", "reading"}
FRONT = ["cli", "__main__"]

MOST_LINES = 300
"""Modules stay small enough to read whole; a larger one is split along a seam."""
LARGER: dict[str, tuple[int, str]] = {}
"""Modules allowed more lines: dotted name -> (lines, why a split would be artificial)."""


def place(module: str) -> int:
    """Rank of a dotted module name under briefgen (or of a top-level name)."""
    head = module.split(".")[0]
    if head in FOUNDATION:
        return 0
    if head in STAGES:
        return 1 + STAGES.index(head)
    assert head in FRONT, f"briefgen.{module} sits in no stage"
    return len(STAGES) + 1 + FRONT.index(head)


def imported(path: Path) -> set[str]:
    """briefgen modules that `path` imports, as dotted names under briefgen."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("briefgen"):
            rest = node.module.removeprefix("briefgen").lstrip(".")
            found.update([rest] if rest else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("briefgen.")
                for a in node.names
                if a.name.startswith("briefgen.")
            )
    return found - {"__version__"}


def modules() -> dict[str, Path]:
    return {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts): p
        for p in sorted(PACKAGE.rglob("*.py"))
        if "starter" not in p.parts
    }


def test_every_module_sits_in_a_stage() -> None:
    names = [n for n in modules() if n.split(".")[0] not in FOUNDATION | set(FRONT)]
    assert all(n.split(".")[0] in STAGES for n in names), names
    assert {n.split(".")[0] for n in names} == set(STAGES)


def test_stages_import_only_from_earlier_stages() -> None:
    wrong = []
    for name, path in modules().items():
        for target in imported(path):
            if place(target) > place(name):
                wrong.append(f"briefgen.{name} imports briefgen.{target}")
    assert wrong == []


def test_modules_are_small() -> None:
    lines = {name: len(path.read_text().splitlines()) for name, path in modules().items()}
    large = {name: n for name, n in lines.items() if n > LARGER.get(name, (MOST_LINES, ""))[0]}
    assert large == {}, f"over {MOST_LINES} lines; split along a seam: {large}"


def test_stage_packages_import_nothing_on_their_own() -> None:
    """`import briefgen.render` alone must not pull Jinja2 into `check`: packages are folders."""
    for stage in STAGES:
        tree = ast.parse((PACKAGE / stage / "__init__.py").read_text())
        assert not [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)], stage


def test_check_imports_no_render_stage_nor_jinja() -> None:
    code = (
        "import sys\n"
        "from briefgen.cli import main\n"
        "try:\n"
        "    main(['check', '--project', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('jinja2', 'weasyprint')"
        " or m.startswith(('briefgen.render', 'briefgen.output', 'briefgen.preview'))]\n"
        "print(sorted(bad))\n"
    )
    repo = PACKAGE.parent
    done = subprocess.run(
        [sys.executable, "-c", code, str(repo)], capture_output=True, text=True, check=True
    )
    assert "ok: " in done.stdout and done.stdout.strip().endswith("[]"), done.stdout + done.stderr
