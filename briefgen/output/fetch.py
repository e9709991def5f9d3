"""Fetch one web page for `briefgen source add`: the only time briefgen uses the network.

Only http and https, also after redirects; a timeout on every read and a cap on the size, so
a slow or endless page cannot hang or fill the machine; only web pages and plain text.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any
from urllib.parse import urlsplit

from briefgen import __version__
from briefgen.errors import UsageError

TIMEOUT = 20.0
"""Seconds to wait for the server to connect or send more; the whole page may take three
times as long (a server that trickles bytes would otherwise never time out)."""
LIMIT = 5 * 1024 * 1024
"""Bytes: larger than any article page, small enough to hold in memory."""
SCHEMES = ("http", "https")
KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


@dataclass(frozen=True)
class Page:
    """What the server sent, and from where after redirects."""

    data: bytes
    url: str
    kind: str  # html | text
    charset: str | None


def web_address(target: str) -> bool:
    """Whether `target` is an address rather than a file name: anything with a scheme."""
    return "://" in target


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise UsageError(f"{url}: only http and https addresses are fetched, not '{scheme}:'")


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https only (urllib alone would also follow ftp)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        _check_scheme(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _kind(headers: Message, url: str) -> str:
    content_type = headers.get_content_type() if headers.get("Content-Type") else "text/html"
    if content_type not in KINDS:
        raise UsageError(f"{url}: the server sent {content_type}, not a web page or text")
    return KINDS[content_type]


def _read(response: IO[bytes], url: str, limit: int, deadline: float) -> bytes:
    """At most `limit` + 1 bytes: one more than allowed tells the page is too large."""
    chunks, size = [], 0
    while size <= limit:
        if time.monotonic() > deadline:
            raise UsageError(f"{url}: cannot fetch: the page took too long to arrive")
        chunk = response.read(min(65536, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def fetch(url: str, timeout: float = TIMEOUT, limit: int = LIMIT) -> Page:
    """The page at `url`; UsageError, saying why, if it cannot be had."""
    _check_scheme(url)
    opener = urllib.request.build_opener(_Redirects)
    deadline = time.monotonic() + 3 * timeout
    request = urllib.request.Request(url, headers={"User-Agent": f"briefgen/{__version__}"})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = _kind(response.headers, url)
            data = _read(response, url, limit, deadline)
            final = response.geturl()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise UsageError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise UsageError(f"{url}: cannot fetch: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise UsageError(f"{url}: cannot fetch: {exc}") from None
    if len(data) > limit:
        raise UsageError(f"{url}: the page is larger than {limit // 1024 // 1024} MB")
    return Page(data, final, kind, charset)
