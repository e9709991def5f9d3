"""Loading and checking content: every problem reported as path:line: field: message."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.content.load import load
from briefgen.errors import ContentError


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(root)
    return info.value.lines()


def test_minimal_project_loads(project: Path) -> None:
    loaded = load(project)
    assert [s.id for s in loaded.content.sources] == ["july-report", "may-report"]
    assert loaded.content.tracks[0].narrative[1].date.iso() == "2025-07-03"
    assert loaded.warnings == ()


def test_yaml_syntax_error_names_line(make_project) -> None:
    root = make_project({"actors/alpha.yaml": "name: [unclosed\nshort_name: A\nkind: state\n"})
    [line] = [p for p in problems(root) if "alpha.yaml" in p]
    assert line.startswith("content/actors/alpha.yaml:2: YAML syntax error:")


def test_type_errors_unknown_fields_and_bad_dates(make_project) -> None:
    root = make_project(
        {
            "sources/may-report.yaml": (
                "outlet: May Outlet\npublished: 2025-13-01\nreliability: G\nfoo: 1\n"
            ),
        }
    )
    assert problems(root) == [
        "content/sources/may-report.yaml:2: published: '2025-13-01' is not a real date: "
        "month must be in 1..12",
        "content/sources/may-report.yaml:3: reliability: Input should be 'A', 'B', 'C', 'D', "
        "'E' or 'F'",
        "content/sources/may-report.yaml:4: foo: unknown field (known: accessed, author, "
        "credibility, discredited, id, known_from, note, outlet, published, relays, reliability, "
        "sensitivity, snapshot, title, url)",
    ]


def test_typo_gets_a_suggestion_and_missing_field_is_named(make_project) -> None:
    root = make_project(
        {
            "positions/alpha-talks-may.yaml": (
                "actor: alpha\nissue: Talks\nstance: s\ndate: 2025-05-07\nsoruces: [may-report]\n"
            ),
        }
    )
    assert problems(root) == [
        "content/positions/alpha-talks-may.yaml:1: sources: required field is missing",
        "content/positions/alpha-talks-may.yaml:5: soruces: unknown field "
        "(did you mean 'sources'?)",
    ]


def test_fact_without_source(make_project) -> None:
    root = make_project(
        {
            "developments/confirmed.yaml": "date: 2025-05-07\nheadline: H\nsources: []\n",
        }
    )
    assert problems(root) == [
        "content/developments/confirmed.yaml:3: sources: cites no source: give at least one "
        "source id",
    ]


def test_unknown_references_in_nested_fields(make_project) -> None:
    root = make_project(
        {
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S\nformat: sideways\nparties: [alpha, nobody]\nstatus:\n"
                "  - status: active\n    date: 2025-05\n    sources: [ghost]\n"
                "sources: [may-report]\n---\nText\n"
            ),
        }
    )
    assert problems(root) == [
        "content/tracks/alpha-beta.md:4: format: 'sideways' is not a track format of this "
        "brief: use one of direct, indirect, backchannel, or add it under `vocabulary: "
        "track_formats` in brief.yaml",
        "content/tracks/alpha-beta.md:5: parties.1: unknown actor 'nobody'",
        "content/tracks/alpha-beta.md:9: status.0.sources.0: unknown source 'ghost'",
    ]


def test_duplicate_ids_and_keys(make_project) -> None:
    root = make_project(
        {
            "developments/more.yaml": (
                "- id: confirmed\n  date: 2025-05-01\n  headline: Dup\n  sources: [may-report]\n"
                "- id: other\n  date: 2025-05-01\n  headline: H\n  headline: Again\n"
                "  sources: [may-report]\n"
            ),
        }
    )
    assert problems(root) == [
        "content/developments/more.yaml:1: id: 'confirmed' is already used by "
        "content/developments/confirmed.yaml:1",
        "content/developments/more.yaml:8: headline: key given twice",
    ]


def test_markdown_file_needs_front_matter_and_body_not_as_key(make_project) -> None:
    root = make_project(
        {
            "editions/2025-05-08.md": "No front matter here.\n",
            "editions/2025-07-03.md": "---\nbottom_line: x\n---\nBody\n",
        }
    )
    assert problems(root) == [
        "content/editions/2025-05-08.md:1: a Markdown file must start with '---' front matter",
        "content/editions/2025-07-03.md:2: bottom_line: written in the body below the front "
        "matter, not as a key",
    ]


def test_deep_markdown_nesting_is_refused(make_project) -> None:
    deep = "> " * 30 + "deep"
    root = make_project({"editions/2025-07-03.md": f"---\n---\n{deep}\n"})
    [line] = problems(root)
    assert line.startswith("content/editions/2025-07-03.md:3: bottom_line: Markdown nested 20 ")


def test_file_outside_known_folders_and_missing_settings(make_project) -> None:
    root = make_project({"notes/todo.yaml": "a: 1\n", "brief.yaml": None})
    assert problems(root) == [
        "content/brief.yaml: missing: the brief's settings",
        "content/notes/todo.yaml: not in a known folder (sources, actors, tracks, developments, "
        "positions, questions, judgments, editions, audiences)",
    ]


def test_date_after_sources_is_a_warning(make_project) -> None:
    root = make_project(
        {
            "developments/confirmed.yaml": "date: 2025-06-01\nheadline: H\nsources: [may-report]\n",
        }
    )
    loaded = load(root)
    assert [str(w) for w in loaded.warnings] == [
        "content/developments/confirmed.yaml:1: warning: date: 2025-06-01 is after every cited "
        "source was published",
    ]


def test_hidden_and_backup_files_are_ignored(make_project) -> None:
    root = make_project({".#draft.yaml": "broken: [", "actors/_scratch.yaml": "x: ["})
    assert load(root).files == 14


def test_cache_serves_unchanged_content_and_notices_any_change(project: Path) -> None:
    from briefgen.output.cache import load_cached
    from briefgen.project import Project

    cache = project / ".briefgen-cache"
    first = load_cached(Project.at(project))
    assert len(list(cache.glob("content-*.pickle"))) == 1
    assert load_cached(Project.at(project)) == first
    (project / "content" / "actors" / "beta.yaml").write_text(
        "name: Kingdom of Beta\nshort_name: Beta2\nkind: state\n"
    )
    changed = load_cached(Project.at(project))
    assert [a.short_name for a in changed.content.actors] == ["Alpha", "Beta2"]
    assert len(list(cache.glob("content-*.pickle"))) == 1
    (project / "content" / "actors" / "beta.yaml").write_text("name: [broken\n")
    with pytest.raises(ContentError):
        load_cached(Project.at(project))
