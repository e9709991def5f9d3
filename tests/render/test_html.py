"""HTML rendering: autoescape, safe Markdown, strict templates, errors that name the template."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import TemplateError
from briefgen.render.filters import css_string
from briefgen.render.html import render_html
from tests.conftest import brief_for


def html_for(root: Path, day: str = "2025-07-03") -> str:
    return render_html(brief_for(root, day), root)


def test_html_is_self_contained(project: Path) -> None:
    html = html_for(project)
    assert "<style>" in html and "@page" in html
    for fetching in ("<link", "<script", "<img", "src=", "@import", "url("):
        assert fetching not in html
    assert '<html lang="en" dir="ltr">' in html
    assert "Information as of" in html and "3 July 2025" in html


def test_content_cannot_inject_html_or_unsafe_links(make_project) -> None:
    root = make_project(
        {
            "editions/2025-07-03.md": (
                "---\n---\n<script>alert(1)</script> <img src=x onerror=alert(1)>\n"
                "[a](javascript:alert(1)) [b](file:///etc/passwd) [c](data:text/html,hi) "
                "[d](https://example.org/ok) ![pic](http://169.254.169.254/x.png)\n"
            ),
            "actors/alpha.yaml": 'name: "<b>Alpha</b>"\nshort_name: "<i>A</i>"\nkind: state\n',
        }
    )
    html = html_for(root)
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;i&gt;A&lt;/i&gt;" in html
    for bad in ('href="javascript:', 'href="file:', 'href="data:', 'src="http'):
        assert bad not in html
    assert '<a href="https://example.org/ok">d</a>' in html


def test_css_string_cannot_break_out() -> None:
    assert css_string('a"; } body { x: "</style>') == (
        '"a\\22 ; \\7d  body \\7b  x: \\22 \\3c /style\\3e "'
    )


def test_project_template_overrides_and_extends_builtin(project: Path) -> None:
    (project / "templates" / "partials").mkdir(parents=True)
    (project / "templates" / "partials" / "colophon.html").write_text(
        '{% include "builtin/partials/colophon.html" %}<p class="house">HOUSE NOTE</p>\n'
    )
    html = html_for(project)
    assert "HOUSE NOTE" in html and "content revision" in html


def test_undefined_name_fails_with_template_file_and_line(project: Path) -> None:
    (project / "templates" / "partials").mkdir(parents=True)
    (project / "templates" / "partials" / "timeline.html").write_text(
        "<section>\n{{ brief.no_such_field }}\n</section>\n"
    )
    with pytest.raises(TemplateError) as info:
        html_for(project)
    assert str(info.value).startswith("templates/partials/timeline.html:2: template: ")
    assert "no_such_field" in str(info.value)


def test_template_syntax_error_names_file_and_line(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "brief.html").write_text("<html>\n\n{% if %}\n</html>\n")
    with pytest.raises(TemplateError) as info:
        html_for(project)
    assert str(info.value).startswith("templates/brief.html:3: template: ")
