"""Hunting hindsight: whatever an analyst writes later, in any field, never reaches an earlier
brief. Each change below adds a value dated (or first reported) after the brief's date, with a
unique marker where the field takes free text; the brief as of that date must be byte for byte
what it was before, and no marker may appear in any channel."""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.brief.select import Selection
from briefgen.content.load import load
from briefgen.output.build import Project, build
from briefgen.render.json import brief_json
from tests.conftest import BUILT_AT, MINIMAL
from tests.test_leaks import everything_in

AS_OF = dt.date(2025, 7, 3)
LATER = "2025-08-01"
Files = dict[str, Any]  # path → mapping (YAML) or (front matter, body) for Markdown


def base() -> Files:
    files: Files = {}
    for name, text in MINIMAL.items():
        text = "\n".join(
            line[8:] if line.startswith(" " * 8) else line for line in text.split("\n")
        )
        if name.endswith(".md"):
            _, front, body = text.split("---\n", 2)
            files[name] = (yaml.safe_load(front) or {}, body)
        elif name.endswith(".txt"):
            files[name] = text  # a snapshot: kept byte for byte
        else:
            files[name] = yaml.safe_load(text)
    files["sources/later.yaml"] = {"outlet": "Later Outlet", "published": LATER, "reliability": "B"}
    # Every changing field starts with a plain value, so that a change can only add to it.
    track(files).update(
        mediators=[], mediators_note="Unnamed.", supporters=[], watch=["A meeting."]
    )
    files["actors/alpha.yaml"].update(kind="person", role="Envoy")
    files["brief.yaml"].update(subtitle="Talks", description="D")
    files["questions/open.yaml"] = {
        "question": "Still open?",
        "why": "W.",
        "opened": "2025-05-07",
        "signposts": [{"text": "S."}],
    }
    return files


def grow(item: dict[str, Any], key: str, later: Any) -> None:
    """The field's plain value becomes the first entry of a history; `later` follows it."""
    first = item.get(key, 3 if key == "priority" else None)
    item[key] = [{"value": first, "date": "2025-05-01"}, {"value": later, "date": LATER}]


def track(files: Files) -> dict[str, Any]:
    return files["tracks/alpha-beta.md"][0]


def question(files: Files) -> dict[str, Any]:
    return files["questions/mediators.yaml"]


def _actor(files: Files, mark: str) -> str:
    files[f"actors/{mark.lower()}.yaml"] = {"name": mark, "short_name": mark, "kind": "state"}
    return mark.lower()


def _narrative(files: Files, mark: str) -> None:
    front, body = files["tracks/alpha-beta.md"]
    files["tracks/alpha-beta.md"] = (front, body + f"\n## {LATER}\n\n{mark} later part.\n")


def _new_track(files: Files, mark: str, link: str | None = None) -> str:
    front: dict[str, Any] = {
        "name": mark,
        "summary": mark,
        "format": "direct",
        "parties": ["alpha"],
        "status": [{"status": "active", "date": LATER, "sources": ["later"]}],
        "sources": ["later"],
    }
    files[f"tracks/{mark.lower()}.md"] = (front, f"{mark} narrative.\n")
    if link:
        track(files).setdefault("links", []).append(
            {"relation": link, "track": mark.lower(), "date": LATER, "sources": ["later"]}
        )
    return mark.lower()


def _new_question(files: Files, mark: str) -> str:
    files[f"questions/{mark.lower()}.yaml"] = {
        "question": f"{mark}?",
        "why": mark,
        "opened": LATER,
        "signposts": [{"text": mark}],
        "sources": ["later"],
    }
    return mark.lower()


CHANGES: dict[str, Callable[[Files, str], None]] = {
    "track summary": lambda f, m: grow(track(f), "summary", m),
    "track format": lambda f, m: grow(track(f), "format", "direct"),
    "track parties": lambda f, m: grow(track(f), "parties", ["alpha", _actor(f, m)]),
    "track mediators": lambda f, m: grow(
        track(f), "mediators", [{"actor": _actor(f, m), "confirmed": False}]
    ),
    "mediators note": lambda f, m: grow(track(f), "mediators_note", m),
    "supporters": lambda f, m: grow(track(f), "supporters", [_actor(f, m)]),
    "watch": lambda f, m: grow(track(f), "watch", [m]),
    "track status": lambda f, m: track(f)["status"].append(
        {"status": "concluded", "date": LATER, "note": m, "sources": ["later"]}
    ),
    "trend call": lambda f, m: track(f).update(
        trend=[{"date": LATER, "trend": "improved", "reason": m}]
    ),
    "narrative part": _narrative,
    "track note": lambda f, m: track(f).update(note={"text": m, "date": LATER}),
    "track became another": lambda f, m: _new_track(f, m, "became") and None,
    "question why": lambda f, m: grow(question(f), "why", m),
    "question priority": lambda f, m: grow(question(f), "priority", 1),
    "signpost added": lambda f, m: question(f)["signposts"].append({"text": m, "added": LATER}),
    "signpost observed": lambda f, m: question(f)["signposts"][0].update(
        observed=LATER, sources=["later"]
    ),
    "question superseded": lambda f, m: question(f).update(
        superseded_by={"question": _new_question(f, m), "date": LATER}
    ),
    "question closed": lambda f, m: question(f).update(
        closed={"date": LATER, "reason": m, "sources": ["later"]}
    ),
    "actor role": lambda f, m: grow(f["actors/alpha.yaml"], "role", m),
    "settings subtitle": lambda f, m: grow(f["brief.yaml"], "subtitle", m),
    "settings title": lambda f, m: grow(f["brief.yaml"], "title", m),
    "settings description": lambda f, m: grow(f["brief.yaml"], "description", m),
    "development": lambda f, m: f.update(
        {"developments/later.yaml": {"date": LATER, "headline": m, "sources": ["later"]}}
    ),
    "event reported later": lambda f, m: f.update(
        {"developments/late.yaml": {"date": "2025-06-01", "headline": m, "sources": ["later"]}}
    ),
    "development note": lambda f, m: f["developments/confirmed.yaml"].update(
        note={"text": m, "date": LATER}
    ),
    "position": lambda f, m: f.update(
        {
            "positions/later.yaml": {
                "actor": "beta",
                "issue": "Talks",
                "stance": m,
                "date": LATER,
                "sources": ["later"],
            }
        }
    ),
    "judgment replaced": lambda f, m: f.update(
        {
            "judgments/later.yaml": {
                "statement": m,
                "likelihood": "unlikely",
                "confidence": "low",
                "basis": m,
                "date": LATER,
                "replaces": "no-deal",
                "reason": m,
                "sources": ["later"],
            }
        }
    ),
    "answer": lambda f, m: f["questions/open.yaml"].update(
        answer={"text": m, "date": LATER, "sources": ["later"]}
    ),
    "edition": lambda f, m: f.update({f"editions/{LATER}.md": ({}, f"{m} bottom line.\n")}),
    "source discredited": lambda f, m: f["sources/may-report.yaml"].update(
        discredited={"date": LATER, "reason": m, "status": "withdrawn"}
    ),
}


def write(root: Path, files: Files) -> None:
    for name, data in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        elif isinstance(data, tuple):
            front, body = data
            text = "---\n" + (yaml.safe_dump(front, allow_unicode=True) if front else "") + "---\n"
            path.write_text(text + body, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def briefs(files: Files) -> dict[str, str]:
    """Every audience's brief as of AS_OF, as JSON: everything a template can show is in it,
    so the same JSON means the same HTML and PDF."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, files)
        content = load(root).content
        out = {}
        for audience in content.audiences:
            brief = Selection(content, audience).brief(AS_OF, built_at=BUILT_AT)
            out[f"{audience.id}.json"] = brief_json(brief)
        return out


def later(names: list[str]) -> Files:
    files = base()
    for index, name in enumerate(names):
        CHANGES[name](files, f"HINDSIGHT{index}X")
    return files


BEFORE: dict[str, str] = {}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(sorted(CHANGES)), min_size=1, max_size=6, unique=True))
def test_later_writing_leaves_an_earlier_brief_byte_identical(names: list[str]) -> None:
    if not BEFORE:
        BEFORE.update(briefs(base()))
    after = briefs(later(names))
    for name, text in after.items():
        assert "HINDSIGHT" not in text, (names, name)
        assert text == BEFORE[name], (names, name)


def test_every_change_at_once_reaches_no_channel_of_a_built_edition(tmp_path: Path) -> None:
    """HTML, JSON, and the PDF's text, outline and metadata, through a real build."""
    files = later(sorted(CHANGES))
    write(tmp_path, copy.deepcopy(files))
    result = build(Project.at(tmp_path), as_of=AS_OF, built_at=BUILT_AT, audiences=["analyst"])
    assert any(p.suffix == ".pdf" for p in result.written)
    text = everything_in(tmp_path / "output" / AS_OF.isoformat())
    assert "HINDSIGHT" not in text
    assert "Alpha" in text  # the channels were read
    # and the later edition does show them: the markers were real
    assert "HINDSIGHT" in briefs_as_of(files, dt.date(2025, 8, 1))


def briefs_as_of(files: Files, day: dt.date) -> str:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, files)
        content = load(root).content
        [analyst] = [a for a in content.audiences if a.id == "analyst"]
        return brief_json(Selection(content, analyst).brief(day, built_at=BUILT_AT))
