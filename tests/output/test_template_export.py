"""`briefgen templates export`: a built-in copied into templates/, never over a file and never
out of the project."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main
from briefgen.project import BUILTIN_TEMPLATES


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_export_copies_a_built_in_and_refuses_to_overwrite(project: Path) -> None:
    code, out = run("templates", "export", "--project", str(project), "partials/tracks.html")
    target = project / "templates/partials/tracks.html"
    assert code == 0, out
    assert target.read_text() == (BUILTIN_TEMPLATES / "partials/tracks.html").read_text()
    target.write_text("mine")
    code, out = run("templates", "export", "--project", str(project), "partials/tracks.html")
    assert code != 0 and "--force" in out
    assert target.read_text() == "mine"
    code, _ = run(
        "templates", "export", "--project", str(project), "--force", "builtin/partials/tracks.html"
    )
    assert code == 0 and target.read_text() != "mine"


def test_export_refuses_names_that_are_not_built_in(project: Path) -> None:
    for name in ("../../etc/passwd", "partials/trackz.html", "/etc/passwd"):
        code, out = run("templates", "export", "--project", str(project), name)
        assert code != 0, name
        assert "no built-in template" in out
    assert not (project / "templates").exists()
    _, out = run("templates", "export", "--project", str(project), "partials/trackz.html")
    assert "did you mean 'partials/tracks.html'?" in out


def test_export_refuses_a_templates_folder_linked_out_of_the_project(
    project: Path, tmp_path_factory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "templates").symlink_to(elsewhere, target_is_directory=True)
    code, out = run("templates", "export", "--project", str(project), "style.css")
    assert code != 0 and "outside the project" in out
    assert list(elsewhere.iterdir()) == []


def test_labels_lists_every_key_in_the_project_language(make_project) -> None:
    root = make_project(
        {
            "brief.yaml": (
                "title: T\norganisation: O\nlanguage: fr\nlabels:\n  section.tracks: Canaux\n"
            )
        }
    )
    code, out = run("labels", "--project", str(root))
    assert code == 0, out
    assert "section.tracks" in out and "Canaux  [brief.yaml]" in out
    assert "Ce qui a changé" in out
    code, out = run("labels", "--project", str(root), "--json")
    rows = {row["key"]: row for row in json.loads(out)}
    assert rows["section.changes"] == {
        "key": "section.changes",
        "text": "Ce qui a changé",
        "from": "fr",
    }
    assert rows["count.facts_rest"]["text"]["other"] == "{count} éléments en dépendent."
