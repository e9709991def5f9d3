"""Each hostile input: refused within seconds, with its exit code and a message naming the
file (and line), and nothing written: the output folder and the content stay as they were."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.hostile.catalogue import ALL, Case
from tests.hostile.conftest import digest, run
from tests.hostile.test_commands import content_commands, no_traceback


@pytest.mark.parametrize("case", ALL, ids=str)
def test_hostile_input_is_refused_and_nothing_is_written(case: Case, project_copy: Path) -> None:
    output = digest(project_copy / "output")
    case.make(project_copy)
    content = digest(project_copy / "content")
    started = time.perf_counter()
    commands = [["check"]] if case.command == "check" else []
    commands.append(["build", "--format", "html", "--format", "json"])
    for command in commands:
        result = run(*command, "--project", project_copy)
        assert result.exception is None, result.exception
        assert (result.code, case.message in result.err) == (case.code, True), result.err
        assert len(result.err) < 5_000  # a hostile name is shortened, not echoed whole
    assert time.perf_counter() - started < 5
    assert digest(project_copy / "output") == output
    assert digest(project_copy / "content") == content
    # And every other command answers it with a message, too.
    no_traceback(project_copy, {}, content_commands(project_copy))


def test_nothing_of_a_file_linked_out_of_the_project_is_read(project_copy: Path) -> None:
    secret = project_copy.parent / "elsewhere.md"
    secret.write_text("---\n---\nSECRETMARKER\n")
    (project_copy / "content" / "editions" / "2025-07-03.md").unlink()
    (project_copy / "content" / "editions" / "2025-07-03.md").symlink_to(secret)
    result = run("build", "--project", project_copy, "--format", "json")
    assert result.code == 1 and "SECRETMARKER" not in result.err + result.out


def test_byte_order_mark_is_accepted(project_copy: Path) -> None:
    edition = project_copy / "content" / "editions" / "2025-07-03.md"
    edition.write_bytes(b"\xef\xbb\xbf" + edition.read_bytes())
    source = project_copy / "content" / "sources" / "example-report.yaml"
    source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    result = run("check", "--project", project_copy)
    assert (result.code, result.err) == (0, "")


def test_links_other_than_web_mail_and_in_document_are_shown_as_text(
    project_copy: Path,
) -> None:
    edition = project_copy / "content" / "editions" / "2025-07-03.md"
    edition.write_text(
        "---\n---\nSee [notes](notes.txt), [pw](/etc/passwd), [f](file:///etc/passwd), "
        "[p](//evil.example/x), <file:///etc/hosts>, [w](https://example.org/), "
        "[m](mailto:desk@example.org) and [top](#bottom-line).\n"
    )
    result = run("build", "--project", project_copy, "--audience", "analyst", "--format", "html")
    assert result.code == 0, result.err
    html = (project_copy / "output" / "2025-07-03" / "analyst.html").read_text()
    for kept in ("https://example.org/", "mailto:desk@example.org", "#bottom-line"):
        assert f'href="{kept}"' in html
    for dropped in ("notes.txt", "/etc/passwd", "file:", "//evil.example/x"):
        assert f'href="{dropped}' not in html
    assert "[notes](notes.txt)" in html and "&lt;file:///etc/hosts&gt;" in html
