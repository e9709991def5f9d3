"""The PDF renderer fetches nothing outside the project and fails clearly, never crashes."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from io import BytesIO

import pypdf
import pytest

from briefgen.errors import RenderError
from briefgen.render.pdf import render_pdf


@pytest.fixture
def http_probe() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # A short poll interval: shutdown() waits for the loop to notice (0.5 s by default).
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "element",
    [
        '<img src="{http}/pixel.png">',
        '<link rel="attachment" href="file:///etc/passwd">',
        '<img src="file:///etc/passwd">',
        '<link rel="stylesheet" href="{http}/style.css">',
        "<div style=\"background: url('{http}/bg.png')\">x</div>",
        '<a rel="attachment" href="file:///etc/hostname">a</a>',
    ],
)
def test_fetcher_refuses_network_and_files_elsewhere(element, http_probe, tmp_path) -> None:
    base, hits = http_probe
    html = page(element.format(http=base))
    with pytest.raises(RenderError, match="fetches nothing outside the project"):
        render_pdf(html, tmp_path, [tmp_path])
    assert hits == []


def test_files_under_allowed_folder_are_served(tmp_path) -> None:
    (tmp_path / "extra.css").write_text("body { color: rgb(200, 0, 0); }")
    html = page('<link rel="stylesheet" href="extra.css"><p>Styled</p>')
    pdf = pypdf.PdfReader(BytesIO(render_pdf(html, tmp_path, [tmp_path])))
    assert "Styled" in pdf.pages[0].extract_text()


def test_allowed_folder_cannot_be_escaped_with_dotdot(tmp_path) -> None:
    inner = tmp_path / "assets"
    inner.mkdir()
    (tmp_path / "secret.css").write_text("body { color: red; }")
    html = page('<link rel="stylesheet" href="../secret.css">')
    with pytest.raises(RenderError):
        render_pdf(html, inner, [inner])


def test_deep_nesting_is_a_clear_error(tmp_path) -> None:
    depth = 2000
    html = page("<div>" * depth + "deep" + "</div>" * depth)
    with pytest.raises(RenderError, match="nested too deeply"):
        render_pdf(html, tmp_path, [tmp_path])


def test_nesting_that_breaks_weasyprint_defaults_still_renders(tmp_path) -> None:
    depth = 160
    html = page("<div>" * depth + "deep" + "</div>" * depth)
    pdf = pypdf.PdfReader(BytesIO(render_pdf(html, tmp_path, [tmp_path])))
    assert "deep" in pdf.pages[0].extract_text()
