"""The Jinja side of labels: `label()`, `css_label()`, the `word` filter and the date filters
print the brief's language, escaped."""

from __future__ import annotations

import textwrap

from briefgen.render.html import environment, render_html
from tests.conftest import MINIMAL, brief_for

TEMPLATE = (
    '{{ label("section.tracks") }}|{{ label("changes.was", text="<b>x</b>") }}|'
    '{{ label("position.on", actor=bold, issue="a & b") }}|'
    '{{ label("count.facts_rest", count=2) }}|{{ css_label("page.of") }}|'
    '{{ "stalled" | word("status") }}|{{ brief.meta.as_of | human }}|{{ brief.meta.as_of | short }}'
)


def test_labels_in_templates_follow_the_language_and_escape(make_project) -> None:
    settings = textwrap.dedent(MINIMAL["brief.yaml"]) + (
        "language: fr\nlabels:\n  section.tracks: Canaux <de> négociation\n"
    )
    root = make_project({"brief.yaml": settings})
    (root / "templates").mkdir()
    (root / "templates/t.html").write_text(TEMPLATE, encoding="utf-8")
    from markupsafe import Markup

    brief = brief_for(root, "2025-07-03")
    out = (
        environment(root.resolve())
        .get_template("t.html")
        .render(brief=brief, bold=Markup("<b>Alpha</b>"))
    )
    assert out.split("|") == [
        "Canaux &lt;de&gt; négociation",
        "avant : &lt;b&gt;x&lt;/b&gt;",
        "<b>Alpha</b> sur a &amp; b",
        "2 éléments en dépendent.",
        '"Page " counter(page) " sur " counter(pages)',
        "au point mort",
        "3 juillet 2025",
        "3 juil. 2025",
    ]


def test_a_french_brief_prints_french_dates_edition_and_figure(make_project) -> None:
    settings = textwrap.dedent(MINIMAL["brief.yaml"]) + "language: fr\n"
    root = make_project({"brief.yaml": settings})
    html = render_html(brief_for(root, "2025-07-03"), root.resolve())
    assert "au 3 juillet 2025</title>" in html
    assert "Note hebdomadaire · 2025-S27" in html
    assert "au point mort" in html  # the figure's status words
    assert "July 2025" not in html and "Jul 2025" not in html  # no English date left
