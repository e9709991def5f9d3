"""The command line: exit codes, messages, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_check_ok_prints_one_line_summary(project: Path) -> None:
    code, out, err = run("check", "--project", str(project))
    assert code == 0, err
    assert out.startswith("ok: 14 files: 2 sources, 2 actors, 1 track,")
    assert err == ""


def test_check_lists_every_problem_and_exits_1(make_project) -> None:
    root = make_project(
        {
            "actors/beta.yaml": "name: B\nshort_name: B\nkind: planet\n",
            "developments/confirmed.yaml": "date: 2025-05-7\nheadline: H\nsources: [nope]\n",
        }
    )
    code, out, err = run("check", "--project", str(root))
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "content/actors/beta.yaml:3: kind: Input should be 'state', 'organisation', 'group', "
        "'person' or 'media'",
        "content/developments/confirmed.yaml:1: date: '2025-05-7' is not a date; write "
        "YYYY-MM-DD, YYYY-MM, YYYY, early/mid/late YYYY-MM or START/END (~ in front if "
        "approximate)",
        "content/developments/confirmed.yaml:3: sources.0: unknown source 'nope'",
        "3 problems; nothing was built.",
    ]


def test_strict_makes_warnings_fatal(make_project) -> None:
    root = make_project(
        {
            "developments/confirmed.yaml": "date: 2025-06-01\nheadline: H\nsources: [may-report]\n",
        }
    )
    code, _, err = run("check", "--project", str(root))
    assert code == 0 and "warning: date:" in err
    code, _, err = run("check", "--project", str(root), "--strict")
    assert code == 1 and "1 problem; nothing was built." in err


def test_build_prints_paths_and_bad_date_is_a_usage_error(project: Path) -> None:
    code, out, err = run(
        "build",
        "--project",
        str(project),
        "--format",
        "html",
        "--as-of",
        "2025-05-08",
        "--audience",
        "public",
        "--audience",
        "analyst",
    )
    assert code == 0, err
    wrote, summary = out.splitlines()[:3], out.splitlines()[3:]
    assert summary == [
        "analyst: nothing left out",
        "public: 11 items left out — 11 inherited; see briefgen explain",
    ]
    assert [line.rsplit("/", 2)[-2:] for line in wrote] == [
        ["2025-05-08", "analyst.html"],
        ["2025-05-08", "public.html"],
        ["output", "index.html"],
    ]
    assert (project / "output" / "2025-05-08" / "analyst.html").is_file()
    code, _, err = run("build", "--project", str(project), "--audience", "board")
    assert code == 2
    assert err.strip() == "unknown audience 'board'; known: analyst, executive, public"
    code, _, err = run("build", "--project", str(project), "--as-of", "8 May")
    assert code == 2 and "'8 May' is not a date" in err


def test_template_error_exit_code_and_message(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "brief.html").write_text("{{ brief.nothing }}\n")
    code, _, err = run("build", "--project", str(project), "--format", "html")
    assert code == 3
    assert err.startswith("templates/brief.html:1: template: ")
    assert "Traceback" not in err


def test_schema_for_each_kind_and_all_to_folder(tmp_path: Path) -> None:
    code, out, _ = run("schema", "tracks")
    schema = json.loads(out)
    single = schema["anyOf"][0]
    assert "narrative" not in single["required"] and "id" not in single["required"]
    assert single["additionalProperties"] is False
    code, out, _ = run("schema", "--out", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{kind}.schema.json"
        for kind in (
            "settings",
            "sources",
            "actors",
            "tracks",
            "developments",
            "positions",
            "questions",
            "judgments",
            "editions",
            "audiences",
        )
    )
    code, _, err = run("schema", "nonsense")
    assert code == 2 and "give one of: settings, sources" in err


def test_committed_schemas_are_current() -> None:
    from briefgen.content.schema import all_schemas

    folder = Path(__file__).resolve().parent.parent / "schemas"
    for name, text in all_schemas().items():
        assert (folder / name).read_text() == text, f"run: briefgen schema --out schemas ({name})"


def test_check_and_html_build_never_import_weasyprint(project: Path) -> None:
    code = (
        "import sys; from briefgen.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'\n"
    )
    # An audience with a page budget is laid out to be fitted, whatever the format: not these.
    html = ["build", "--format", "html", "--format", "json", "--audience", "analyst"]
    # The three processes run side by side: each is mostly Python starting up.
    running = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args, "--project", str(project)]
            if args != ["--help"]
            else [sys.executable, "-c", code, "--help"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in (["check"], [*html, "--audience", "public"], ["--help"])
    ]
    for process in running:
        _, err = process.communicate()
        assert process.returncode == 0, err


def test_diff_text_and_json(make_project) -> None:
    root = make_project({})
    code, out, err = run("diff", "--project", str(root), "2025-05-08", "2025-07-03")
    assert code == 0, err
    assert out.splitlines()[0] == "What changed between 8 May 2025 and 3 July 2025"
    assert "  ~ status    Alpha–Beta talks: active → stalled (2 Jul 2025)" in out
    assert "  ~ shifted   Alpha on Talks: was “Alpha wants calm.” now" in out
    code, out, _ = run("diff", "--project", str(root), "2025-05-08", "2025-07-03", "--json")
    data = json.loads(out)
    assert data["previous"] == "2025-05-08"
    assert [t["change"] for t in data["tracks"]] == ["status"]
    code, out, _ = run("diff", "--project", str(root), "2025-06-01", "2025-06-02")
    assert out.endswith("No change.\n")
    code, _, err = run("diff", "--project", str(root), "2025-07-03", "2025-05-08")
    assert code == 2 and "D2 must not be earlier than D1" in err


def test_new_writes_a_starter_file_and_never_overwrites(project: Path) -> None:
    code, out, err = run("new", "development", "--project", str(project))
    assert code == 0, err
    path = Path(out.strip())
    text = path.read_text()
    assert text.startswith("# New development (")
    assert "\nheadline: TODO\n" in text and "\n# tracks: []\n" in text
    code, out2, _ = run("new", "development", "--project", str(project))
    assert Path(out2.strip()) != path and path.read_text() == text
    code, _, err = run("new", "position", "--id", "alpha-talks-may", "--project", str(project))
    assert code == 2 and "already exists" in err
    code, _, err = run("check", "--project", str(project))
    assert code == 1 and "headline" not in err and "sources: cites no source" in err


def test_all_editions_builds_each_and_reports_a_failure(make_project) -> None:
    root = make_project({"editions/2025-06-01.md": "---\n---\nJune.\n"})
    templates = root / "templates"
    templates.mkdir()
    # A template that fails for one edition only: the others must still be built.
    (templates / "partials").mkdir()
    (templates / "partials" / "bottom_line.html").write_text(
        "{% if brief.meta.as_of.month == 6 %}{{ brief.nope }}{% endif %}"
        '{% include "builtin/partials/bottom_line.html" %}\n'
    )
    code, out, err = run("build", "--project", str(root), "--all-editions", "--format", "html")
    assert code == 3
    assert "built 2 of 3 editions" in out
    assert "2025-06-01: templates/partials/bottom_line.html:1: template:" in err
    assert (root / "output" / "2025-05-08" / "public.html").is_file()
    assert (root / "output" / "2025-07-03" / "public.html").is_file()
    assert not (root / "output" / "2025-06-01").exists()
    index = (root / "output" / "index.html").read_text()
    assert index.index("3 July 2025") < index.index("8 May 2025")
    assert 'href="2025-07-03/analyst.html"' in index


def test_second_build_with_nothing_changed_does_nothing(make_project) -> None:
    root = make_project({})
    args = ("build", "--project", str(root), "--format", "html", "--format", "json")
    code, first, err = run(*args)
    assert code == 0, err
    assert first.count("wrote ") == 7
    code, second, _ = run(*args)
    # The first build also says what each brief leaves out; the second has nothing to do.
    assert "analyst: 1 item left out — 1 superseded; see briefgen explain" in first
    assert second.splitlines() == [
        line.replace("wrote ", "unchanged ")
        for line in first.splitlines()
        if line.startswith("wrote ") and not line.endswith("index.html")
    ]
    (root / "content" / "actors" / "beta.yaml").write_text(
        "name: Kingdom of Beta\nshort_name: Beta (renamed)\nkind: state\n"
    )
    code, third, _ = run(*args)
    assert "wrote" in third
    code, forced, _ = run(*args, "--force")
    assert forced.count("wrote ") == 7
