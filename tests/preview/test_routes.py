"""Which answer each URL path gets: start page, a brief with its toolbar, a PDF, error pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.errors import UsageError
from briefgen.preview.routes import first_page, respond
from briefgen.preview.urls import Page, page_url, parse_page
from tests.preview.conftest import LIVE, body, session_of


def test_start_page_links_every_edition_and_audience(project: Path) -> None:
    status, html = body(session_of(project), "/")
    assert status == 200
    assert "Test Brief" in html
    for day in ("2025-07-03", "2025-05-08"):
        for audience in ("analyst", "executive", "public"):
            assert f'href="/{day}/{audience}.html"' in html
            assert f'href="/{day}/{audience}.pdf"' in html
    assert html.index("2025-07-03") < html.index("2025-05-08")  # the latest edition first
    assert "<code>executive</code> — Executive summary" in html
    assert '<script nonce="n0nce" data-epoch="3" data-server="abc">' in html


def test_preview_page_gets_toolbar_and_script_that_published_html_never_has(
    project: Path,
) -> None:
    session = session_of(project)
    status, html = body(session, "/2025-07-03/analyst.html")
    assert status == 200 and "JULYNARRATIVE" in html
    bar = html.index('id="briefgen-bar"')
    assert bar < html.index("/_briefgen/wait") < html.rindex("</body>")
    assert '<option value="2025-05-08">' in html and '<option value="2025-07-03" selected>' in html
    assert '<option value="analyst" selected>' in html
    assert 'href="/2025-07-03/analyst.pdf"' in html
    assert 'data-server="abc" data-keep-scroll>' in html  # a brief keeps its place on reload
    published = session.page(dt.date(2025, 7, 3), "analyst", "html")
    assert isinstance(published, bytes)
    assert b"briefgen-bar" not in published and b"_briefgen" not in published
    # a date that is no edition is shown as such
    status, html = body(session, "/2025-06-01/public.html")
    assert status == 200 and "(not an edition)" in html


def test_broken_content_shows_the_check_lines_on_every_page(make_project) -> None:
    root = make_project(
        {"developments/confirmed.yaml": "date: 2025-05-7\nheadline: H\nsources: [may-report]\n"}
    )
    session = session_of(root)
    for path in ("/", "/2025-07-03/analyst.html", "/2025-07-03/analyst.pdf"):
        status, html = body(session, path)
        assert status == 500
        assert "The content has problems" in html
        assert "content/developments/confirmed.yaml:1</span>: date: &#39;2025-05-7&#39;" in html
        assert "1 problem. Fix the files" in html
        assert "/_briefgen/wait" in html  # it reloads by itself once fixed
    assert body(session, "/etc/passwd")[0] == 404  # not a page, broken content or not


def test_broken_template_names_its_file_and_line(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "brief.html").write_text("<p>\n{{ brief.no_such_field }}</p>\n")
    status, html = body(session_of(project), "/2025-07-03/analyst.html")
    assert status == 500
    assert "The brief cannot be rendered" in html
    assert "templates/brief.html:2</span>: template:" in html


def test_unknown_pages_and_audiences_are_404(project: Path) -> None:
    session = session_of(project)
    for path in (
        "/2025-07-03/board.html",
        "/2025-02-30/analyst.html",
        "/2025-07-03/analyst.json",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/2025-07-03/%2e%2e/analyst.html",
        "//etc/passwd",
        "/etc/passwd",
        "/content/brief.yaml",
        "/templates/brief.html",
        "/_briefgen/static/reload.js",  # the preview's files are inlined, never served
    ):
        status, html = body(session, path)
        assert status == 404, path
        assert "root:" not in html
    assert "unknown audience &#39;board&#39;" in body(session, "/2025-07-03/board.html")[1]


def test_pdf_is_rendered_on_request_in_memory_only(project: Path) -> None:
    session = session_of(project)
    response = respond(session, "/2025-05-08/public.pdf", LIVE)
    assert response.status == 200 and response.content_type == "application/pdf"
    assert response.body.startswith(b"%PDF") and response.filename == "2025-05-08-public.pdf"
    assert respond(session, "/2025-05-08/public.pdf", LIVE).body is response.body  # kept
    assert not (project / "output").exists()


def test_before_the_first_build_every_page_says_so() -> None:
    status, html = body(None, "/2025-07-03/analyst.html")
    assert status == 503 and "Starting" in html and "/_briefgen/wait" in html


def test_page_urls_read_back() -> None:
    day = dt.date(2025, 7, 3)
    assert page_url(day, "analyst") == "/2025-07-03/analyst.html"
    assert parse_page(page_url(day, "public", "pdf")) == Page(day, "public", "pdf")
    for path in ("/2025-13-01/analyst.html", "/2025-07-03/Analyst.html", "/2025-07-03/a.html/"):
        assert parse_page(path) is None, path


def test_first_page_follows_the_options(project: Path) -> None:
    session = session_of(project)
    assert first_page(session, None, None) is None
    assert first_page(session, None, "public") == "/2025-07-03/public.html"  # latest edition
    assert first_page(session, dt.date(2025, 5, 8), None) == "/2025-05-08/analyst.html"
    with pytest.raises(UsageError, match="unknown audience 'board'"):
        first_page(session, None, "board")
