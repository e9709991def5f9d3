"""What the preview answers to a URL path: the start page, a brief as HTML (with its toolbar) or
as PDF, or a page saying why not. No other path exists: nothing on disk is ever served.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from briefgen.brief.select import latest_edition, pick_audiences
from briefgen.preview.pages import Live, error_page, inject, start_page, toolbar
from briefgen.preview.session import Failure, Session, not_found
from briefgen.preview.urls import Page, page_url, parse_page

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    filename: str | None = None


def respond(session: Session | None, path: str, live: Live) -> Response:
    """The answer to a request for `path` (the URL path, not yet unquoted) from `session`."""
    if session is None:
        html = error_page(live, title="Starting", lines=(), hint="The first build runs.")
        return Response(503, HTML, html.encode("utf-8"))
    if path == "/":
        return _start(session, live)
    page = parse_page(path)
    return _brief(session, page, live) if page else failed(not_found(path), live)


def _start(session: Session, live: Live) -> Response:
    if session.failure or not session.loaded:
        return failed(session.failure or not_found("/"), live)
    settings = session.loaded.content.settings
    html = start_page(
        live,
        title=settings.title.latest(),
        subtitle=settings.subtitle.latest() if settings.subtitle else None,
        organisation=settings.organisation,
        editions=session.editions,
        audiences=session.audiences,
        warnings=session.warnings,
    )
    return Response(200, HTML, html.encode("utf-8"))


def _brief(session: Session, page: Page, live: Live) -> Response:
    result = session.page(*page)
    if isinstance(result, Failure):
        return failed(result, live)
    if page.fmt == "pdf":
        name = f"{page.day.isoformat()}-{page.audience}.pdf"
        return Response(200, "application/pdf", result, filename=name)
    bar = toolbar(
        live, page.day, page.audience, session.editions, session.audiences, session.warnings
    )
    html = inject(result.decode("utf-8"), bar)
    return Response(200, HTML, html.encode("utf-8"))


def failed(failure: Failure, live: Live) -> Response:
    html = error_page(
        live, title=failure.title, lines=failure.lines, detail=failure.detail, hint=failure.hint
    )
    return Response(failure.status, HTML, html.encode("utf-8"))


def first_page(session: Session, as_of: dt.date | None, audience: str | None) -> str | None:
    """The brief to open for --as-of/--audience; an unknown audience is a usage error."""
    if as_of is None and audience is None:
        return None
    if session.loaded is None:  # broken content: the page will show why
        return page_url(as_of, audience or "analyst") if as_of else None
    content = session.loaded.content
    if audience is not None:
        pick_audiences(content, [audience])
    ids = [a for a, _ in session.audiences]
    name = audience or ("analyst" if "analyst" in ids else ids[0])
    return page_url(as_of or latest_edition(content), name)
