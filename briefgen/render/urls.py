"""One URL policy for every format: a brief loads nothing but files of the template folders.

The PDF renderer's fetcher applies it while WeasyPrint lays the brief out; HTML, which a
browser would fetch from when the file is opened, is checked against it before it is written,
so an HTML-only build never carries a URL that a PDF build would refuse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from briefgen.errors import RenderError
from briefgen.reading import Refused, inside

REFUSED = "briefgen fetches nothing outside the project: {url}"


def allowed_file(url: str, base: Path, roots: Iterable[Path]) -> Path | None:
    """The file a resource URL names, relative URLs taken from `base`, if it is a file under
    one of `roots` (given resolved); None for anything else (network, data:, other files)."""
    parts = urlsplit(urljoin(base.resolve().as_uri() + "/", url.strip()))
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        path = inside(Path(unquote(parts.path)), roots)
    except Refused:
        return None
    return path if path.is_file() else None


# Attributes whose URL a browser loads by itself; `href` only on these elements.
_LOADED = {"src", "srcset", "poster", "data", "background", "xlink:href"}
_HREF_LOADS = {"link", "base", "image", "use", "feimage"}
# CSS that may name a URL, looked for once escapes are spelt out (`\75 rl(` is `url(`).
_CSS_URL_HINT = re.compile(r"url\s*\(|@import|image-set\s*\(|src\s*\(", re.I)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.S)


def _unescaped(css: str) -> str:
    def char(match: re.Match[str]) -> str:
        code = int(match.group(1), 16) if match.group(1) else None
        if code is None:
            return match.group(2)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _CSS_ESCAPE.sub(char, css) if "\\" in css else css


def _css_urls(css: str) -> Iterator[str]:
    # Most stylesheets name no URL: tokenising each brief's whole style block cost more than
    # the rest of an HTML build.
    if not _CSS_URL_HINT.search(_unescaped(css)):
        return
    import tinycss2  # type: ignore[import-untyped]

    pending = list(tinycss2.parse_stylesheet(css))
    while pending:  # a worklist, not recursion: the stylesheet's nesting is not ours to bound
        node = pending.pop()
        if node.type == "url":
            yield node.value
        elif node.type == "function" and node.lower_name in ("url", "src", "image-set"):
            yield from (arg.value for arg in node.arguments if arg.type == "string")
        elif node.type == "at-rule" and node.lower_at_keyword == "import":
            yield from (arg.value for arg in node.prelude if arg.type == "string")
        for part in ("prelude", "content", "arguments"):
            pending += getattr(node, part, None) or []


class _Resources(HTMLParser):
    """Every URL in an HTML page that a browser would load without a click."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name == "srcset":
                self.urls += [c.split()[0] for c in value.split(",") if c.strip()]
            elif name in _LOADED or (name == "href" and tag in _HREF_LOADS):
                self.urls.append(value)
            elif name == "style":
                self.urls += _css_urls(value)

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.urls += _css_urls(data)


def check_html(html: str, base: Path, roots: Iterable[Path], where: str) -> None:
    """Raise RenderError naming the first URL in `html` that the policy refuses."""
    roots = list(roots)
    scanner = _Resources()
    scanner.feed(html)
    scanner.close()
    for url in scanner.urls:
        if not url.strip().startswith("#") and allowed_file(url, base, roots) is None:
            raise RenderError(f"{where}: " + REFUSED.format(url=url))
