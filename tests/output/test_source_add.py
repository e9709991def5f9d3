"""`briefgen source add`: saved pages and texts, and pages served on 127.0.0.1 (never the
internet), turned into a source file and a snapshot `check` can find quotes in."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefgen.content.load import load
from briefgen.errors import ContentError, UsageError
from briefgen.fingerprint import sha
from briefgen.output.fetch import fetch
from briefgen.output.source_add import add_source

TODAY = dt.date(2025, 7, 4)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Talks confirmed | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Alpha confirms talks with Beta">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-07-03T10:00:00Z">
<link rel="canonical" href="https://example.org/news/talks">
<script>var tracking = "LEAKSCRIPT";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Alpha confirms talks with Beta</h1>
<p>Alpha's president said on Thursday that his government is holding indirect talks with
Beta to “calm and absorb the situation” before it escalates any further.</p>
<p>Officials in Beta declined to comment. A foreign ministry official said that “any genuine
negotiation must be based on full compliance” — a phrase repeated twice this week.</p>
<p>Analysts said the mediators were not named, and that the talks could still fail.</p>
</article>
<footer>Copyright Example News. <a href="/privacy">Privacy</a></footer>
</body></html>
"""


def saved(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_saved_page_becomes_a_source_and_its_text(project: Path, tmp_path: Path) -> None:
    page = saved(tmp_path, "talks.html", PAGE)
    started = time.perf_counter()
    added = add_source(project / "content", str(page), TODAY)
    took = time.perf_counter() - started
    assert took < 5  # about 0.01 s in process; the whole command about 0.5 s (README)
    assert added.source == project / "content" / "sources" / "example-news-2025-07-03.yaml"
    text = added.snapshot.read_text(encoding="utf-8")
    assert "“calm and absorb the situation”" in text and "Privacy" not in text
    assert "LEAKSCRIPT" not in text
    source = added.source.read_text(encoding="utf-8")
    for line in (
        'outlet: "Example News"',
        'title: "Alpha confirms talks with Beta"',
        'author: "Jane Reporter"',
        'published: "2025-07-03"  # from the page\'s metadata',
        'url: "https://example.org/news/talks"',
        'accessed: "2025-07-04"',
        "reliability: F",
        f'  sha256: "{sha(text.encode())}"',
    ):
        assert line in source.splitlines()
    [new] = [s for s in load(project).content.sources if s.id == "example-news-2025-07-03"]
    assert new.snapshot is not None and new.reliability == "F"


def test_quote_from_it_and_check_catches_a_misquoted_word(project: Path, tmp_path: Path) -> None:
    """The issue's "done when": one command, a quote, a misquote caught at its line."""
    add_source(project / "content", str(saved(tmp_path, "a.html", PAGE)), TODAY, "talks")
    position = project / "content" / "positions" / "alpha-calm.yaml"
    quote = "actor: alpha\nissue: Calm\nstance: S.\ndate: 2025-07-03\nsources: [talks]\nquote:\n"
    position.write_text(quote + "  text: calm and absorb the situation\n  source: talks\n")
    (project / "content" / "judgments" / "calm.yaml").write_text(
        "statement: S.\nlikelihood: likely\nconfidence: low\nbasis: B.\ndate: 2025-07-04\n"
        "sources: [talks, july-report]\n"
    )  # cites the new source with one better graded, as the sourcing lint asks
    assert load(project).warnings == ()
    position.write_text(quote + "  text: calm and absorb the crisis\n  source: talks\n")
    with pytest.raises(ContentError) as info:
        load(project)
    assert info.value.lines() == [
        "content/positions/alpha-calm.yaml:7: quote.text: not in the text of 'talks' "
        "(talks.txt); closest passage: ““calm and absorb the situation””",
    ]


def test_a_text_with_a_month_only_is_dated_to_the_month(project: Path, tmp_path: Path) -> None:
    text = saved(tmp_path, "review.txt", "Monthly review\n\nPublished in July 2025.\n\nText.\n")
    added = add_source(project / "content", str(text), TODAY)
    source = added.source.read_text(encoding="utf-8")
    assert added.source.name == "monthly-review-2025-07.yaml"
    assert 'title: "Monthly review"' in source
    assert 'published: "2025-07"  # from the top of the text' in source
    assert "# outlet: not found: who published it?" in source


def test_an_undated_text_is_undated_never_a_guessed_day(project: Path, tmp_path: Path) -> None:
    text = saved(tmp_path, "note.txt", "Officials met again; no date is given anywhere.\n")
    added = add_source(project / "content", str(text), TODAY)
    source = added.source.read_text(encoding="utf-8")
    assert added.source.name == "source-2025-07-04.yaml"  # nothing but the access date
    assert "\npublished:" not in source and "# published: no date found" in source
    load(project)  # undated, known from `accessed`


def test_never_overwrites_and_ids_are_slugs(project: Path, tmp_path: Path) -> None:
    page = str(saved(tmp_path, "talks.html", PAGE))
    with pytest.raises(UsageError, match=r"may-report\.yaml already exists; give another id"):
        add_source(project / "content", page, TODAY, "may-report")
    with pytest.raises(UsageError, match="use lower-case letters, digits and hyphens"):
        add_source(project / "content", page, TODAY, "../escape")
    assert not (project / "content" / "sources" / "may-report.txt").exists()


def test_hostile_metadata_stays_in_its_field(project: Path, tmp_path: Path) -> None:
    page = PAGE.replace(
        '"Example News"', '"News\\nreliability: A\\u2028# x\\" &quot;\\nurl: file:///etc"'
    ).replace("Example News", 'News\nreliability: A\u2028# x" &quot;\nurl: file:///etc')
    added = add_source(project / "content", str(saved(tmp_path, "h.html", page)), TODAY, "h")
    [source] = [s for s in load(project).content.sources if s.id == "h"]
    assert source.reliability == "F" and source.outlet is not None
    assert "\n" not in source.outlet and str(source.url) == "https://example.org/news/talks"
    assert added.source.read_text().count("\nreliability:") == 1


class Handler(BaseHTTPRequestHandler):
    """Pages for the tests, on 127.0.0.1."""

    def do_GET(self) -> None:
        routes = {
            "/article": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/plain": (200, "text/plain; charset=utf-8", b"Report\n\n3 July 2025. Text.\n"),
            "/pdf": (200, "application/pdf", b"%PDF-1.4"),
            "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
        }
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path.startswith("/to-"):
            target = {
                "/to-file": "file:///etc/passwd",
                "/to-ftp": "ftp://127.0.0.1/x",
                "/to-article": "/article",
            }[self.path]
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return
        code, kind, body = routes.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_page_fetched_over_http(project: Path, server: str) -> None:
    added = add_source(project / "content", f"{server}/to-article", TODAY)
    source = added.source.read_text(encoding="utf-8")
    assert f'url: "{server}/article"' in source  # where the page was read, after redirects
    assert "Alpha's president said" in added.snapshot.read_text(encoding="utf-8")
    added = add_source(project / "content", f"{server}/plain", TODAY, "plain")
    assert 'published: "2025-07-03"  # from the top of the text' in added.source.read_text()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1/x", "only http and https addresses are fetched, not 'ftp:'"),
        ("file:///etc/passwd", "only http and https addresses are fetched, not 'file:'"),
        ("{server}/to-ftp", "only http and https addresses are fetched, not 'ftp:'"),
        ("{server}/to-file", "302 Found - Redirection to url 'file:///etc/passwd' is not allowed"),
        ("{server}/missing", "the server answered 404"),
        ("{server}/pdf", "the server sent application/pdf, not a web page or text"),
    ],
)
def test_what_is_not_fetched(project: Path, server: str, url: str, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        add_source(project / "content", url.format(server=server), TODAY)
    assert sorted(p.name for p in (project / "content" / "sources").iterdir()) == [
        "july-report.txt",
        "july-report.yaml",
        "may-report.yaml",
    ]


def test_a_fetch_has_a_size_cap_and_a_timeout(server: str) -> None:
    with pytest.raises(UsageError, match="larger than"):
        fetch(f"{server}/big", limit=1024)
    with pytest.raises(UsageError, match=r"cannot fetch: .*timed out"):
        fetch(f"{server}/slow", timeout=0.3)
