"""The filters that speak the brief's language: quotation marks, headings a project renames."""

from __future__ import annotations

import textwrap
from pathlib import Path

from briefgen.render.html import render_html
from tests.conftest import MINIMAL, brief_for


def html_for(root: Path) -> str:
    return render_html(brief_for(root, "2025-07-03"), root)


def test_a_project_template_renames_one_heading_without_copying_a_partial(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "brief.html").write_text(
        '{% extends "builtin/brief.html" %}\n'
        "{% block heading_tracks %}Negotiations{% endblock %}\n"
        "{% block heading_positions %}{{ super() }} stated{% endblock %}\n"
    )
    html = html_for(project)
    assert "<h2>Negotiations</h2>" in html and "Diplomatic tracks" not in html
    assert "<h2>Positions stated</h2>" in html
    assert "<h2>Key judgments</h2>" in html and "<h2>Open questions</h2>" in html


def test_quotes_are_the_languages(make_project) -> None:
    brief = textwrap.dedent(MINIMAL["brief.yaml"])
    english = html_for(make_project({}))
    assert "“<bdi>no talks before withdrawal</bdi>”" in english
    french = html_for(make_project({"brief.yaml": brief + "language: fr\n"}))
    assert "«\u202f<bdi>no talks before withdrawal</bdi>\u202f»" in french
    assert '<html lang="fr" dir="ltr">' in french
    arabic = html_for(make_project({"brief.yaml": brief + "language: ar\n"}))
    assert "”<bdi>no talks before withdrawal</bdi>“" in arabic
    assert '<html lang="ar" dir="rtl">' in arabic


def test_a_project_renames_its_quotation_marks(make_project) -> None:
    brief = textwrap.dedent(MINIMAL["brief.yaml"])
    overrides = 'labels:\n  quote.open: "„"\n  quote.close: "“"\n'
    html = html_for(make_project({"brief.yaml": brief + overrides}))
    assert "„<bdi>no talks before withdrawal</bdi>“" in html
