"""The preview's own pages come from its template and static files, with every text escaped."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from briefgen.preview.pages import PREVIEW, error_page, inject, problem_line, toolbar
from briefgen.render.html import BUILTIN_TEMPLATES, render_html
from tests.conftest import brief_for
from tests.preview.conftest import LIVE, body, session_of

STATIC = PREVIEW / "static"
HOSTILE = "<script>alert(\"x\")</script> & 'co'"
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;co&#39;"
JULY = dt.date(2025, 7, 3)


def tokens() -> list[str]:
    """The brief's colour and font declarations, as tokens.css holds them."""
    return re.findall(r"^\s*(--[a-z-]+:.*;)$", (BUILTIN_TEMPLATES / "tokens.css").read_text(), re.M)


def test_pages_inline_the_static_files_as_they_are(project: Path) -> None:
    session = session_of(project)
    start = body(session, "/")[1]
    brief = body(session, "/2025-07-03/analyst.html")[1]
    for name, page in (("page.css", start), ("reload.js", start), ("toolbar.css", brief)):
        assert (STATIC / name).read_text() in page, name  # no Jinja syntax slipped into a file
    assert (STATIC / "reload.js").read_text() in brief


def test_colour_and_font_tokens_come_from_the_brief_and_are_never_repeated(project: Path) -> None:
    assert len(tokens()) >= 8
    for path in [*STATIC.iterdir(), *(PREVIEW / "templates").iterdir()]:
        text = path.read_text()
        assert not [t for t in tokens() if t.split(":")[0] + ":" in text], path
    session = session_of(project)
    start = body(session, "/")[1]
    assert ":root {\n" + "\n".join(f"  {t}" for t in tokens()) in start
    page = body(session, "/2025-07-03/analyst.html")[1]
    assert "#briefgen-bar {\n" + "\n".join(f"  {t}" for t in tokens()) in page
    # the brief's own sheet still declares them on :root, once
    brief = render_html(brief_for(project, "2025-07-03"), project)
    assert brief.count(tokens()[0]) == 1 and ":root {\n  " + tokens()[0] in brief


def test_a_project_template_cannot_break_the_preview_pages(project: Path) -> None:
    templates = project / "templates"
    (templates / "templates").mkdir(parents=True)
    (templates / "static").mkdir()
    for name in (
        "tokens.css",
        "style.css",
        "base.html",
        "start.html",
        "error.html",
        "toolbar.html",
        "templates/base.html",
        "templates/tokens.css",
        "static/page.css",
        "static/reload.js",
    ):
        (templates / name).write_text("{{ broken }\n")
    session = session_of(project)
    status, start = body(session, "/")
    assert status == 200 and "<h1>Test Brief</h1>" in start and tokens()[0] in start
    assert "broken" not in start
    status, missing = body(session, "/2025-07-03/board.html")
    assert status == 404 and "Not in this brief" in missing and "broken" not in missing
    # the brief itself uses the project's style.css, so it fails, and the error page says where
    status, failed = body(session, "/2025-07-03/analyst.html")
    assert status == 500 and "templates/style.css:1</span>" in failed
    assert tokens()[0] in failed


def test_start_page_escapes_every_text_of_the_content(make_project) -> None:
    public = (PREVIEW.parent / "content" / "audiences" / "public.yaml").read_text()
    text = json.dumps(HOSTILE)  # a YAML string
    root = make_project(
        {
            "brief.yaml": f"title: {text}\nsubtitle: {text}\norganisation: {text}\n",
            "editions/2025-07-03.md": f"---\nlabel: {text}\n---\nStalled.\n",
            "audiences/public.yaml": f"label: {text}\n{public}",
        }
    )
    status, html = body(session_of(root), "/")
    assert status == 200
    assert "<script>alert" not in html
    assert html.count(ESCAPED) == 7  # title ×2, subtitle, organisation, edition, audience ×2
    status, page = body(session_of(root), "/2025-07-03/public.html")
    assert status == 200 and "<script>alert" not in page
    assert f'<option value="2025-07-03" selected>3 July 2025 · {ESCAPED}</option>' in page
    assert f'<option value="public" selected>{ESCAPED}</option>' in page


def test_toolbar_escapes_labels_ids_and_warnings() -> None:
    bar = toolbar(
        LIVE,
        JULY,
        'x"><script>',
        editions=[(JULY, HOSTILE), (dt.date(2025, 5, 8), None)],
        audiences=[('x"><script>', HOSTILE)],
        warnings=[f"content/x.yaml:1: warning: note: {HOSTILE}", "second"],
    )
    assert "<script>alert" not in bar and 'x"><script>' not in bar
    assert '<option value="x&#34;&gt;&lt;script&gt;" selected>' in bar
    assert f"3 July 2025 · {ESCAPED}</option>" in bar
    assert f"<li>content/x.yaml:1: warning: note: {ESCAPED}</li>" in bar
    assert "<summary>2 warnings</summary>" in bar
    assert 'href="/2025-07-03/x&#34;&gt;&lt;script&gt;.pdf"' in bar
    assert bar.count("<script") == 1 and '<script nonce="n0nce"' in bar  # only its own script
    assert "<details>" not in toolbar(LIVE, JULY, "a", [], [("a", "A")])  # no warnings, no list


def test_error_page_bolds_each_place_and_escapes_the_rest() -> None:
    html = error_page(
        LIVE, title=HOSTILE, lines=["content/a.yaml:3: name: <b>x</b>", "no place: here"]
    )
    assert "<h1>" + ESCAPED + "</h1>" in html and "<title>" + ESCAPED + "</title>" in html
    assert (
        '<li><span class="where">content/a.yaml:3</span>: name: &lt;b&gt;x&lt;/b&gt;</li>' in html
    )
    assert "<li>no place: here</li>" in html
    assert "2 problems. Fix the files and this page comes back by itself." in html
    assert '<body class="failed">' in html and 'data-server="abc">' in html  # no scroll kept
    detailed = error_page(LIVE, title="T", lines=["x"], detail="Traceback <frame>", hint="Hint.")
    assert "<pre>Traceback &lt;frame&gt;</pre>" in detailed and ">Hint.</p>" in detailed


def test_problem_line_splits_the_place_from_the_message() -> None:
    assert problem_line("content/a b.yaml:12: field: message: more") == (
        "content/a b.yaml:12",
        ": field: message: more",
    )
    assert problem_line("RuntimeError: kaboom") == ("", "RuntimeError: kaboom")
    assert problem_line(" a.yaml:1: indented") == ("", " a.yaml:1: indented")


def test_inject_goes_before_the_last_body_end_tag() -> None:
    assert inject("<p>x</p></BODY></html>", "[S]") == "<p>x</p>[S]</BODY></html>"
    assert inject("<p>no body</p>", "[S]") == "<p>no body</p>[S]"
