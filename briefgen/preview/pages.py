"""The preview's own HTML: start page, error page, and the toolbar it lays over a brief.

The pages are the Jinja templates under templates/, rendered by the render stage as briefs are
(autoescape, StrictUndefined), so every text from the content is escaped. Their CSS and the
reload script are the files under static/, inlined by the templates rather than served: the CSP
then stays as strict as it is (no file may be fetched, scripts run only with the response's
nonce), a brief page stays one document, and a reload costs one request. Nothing here is ever
part of a published file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from briefgen.preview.urls import page_url
from briefgen.render.html import render_template

PREVIEW = Path(__file__).parent

Editions = Sequence[tuple[dt.date, str | None]]
Audiences = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Live:
    """What a served page needs to reload itself: the build it shows and the script's nonce."""

    epoch: int
    server: str
    nonce: str


class ProblemLine(NamedTuple):
    """One `path:line: field: message` line, split where its place ends ("" if it names none)."""

    where: str
    rest: str


_WHERE = re.compile(r"^([^\s:][^:]*:\d+)(?=: )")


def problem_line(line: str) -> ProblemLine:
    match = _WHERE.match(line)
    return ProblemLine(match.group(1), line[match.end() :]) if match else ProblemLine("", line)


def _render(template: str, live: Live, **context: object) -> str:
    return render_template(PREVIEW, f"templates/{template}", live=live, url=page_url, **context)


def start_page(
    live: Live,
    *,
    title: str,
    subtitle: str | None,
    organisation: str,
    editions: Editions,
    audiences: Audiences,
    warnings: Sequence[str] = (),
) -> str:
    """Every edition × audience, each with a link to its HTML preview and its PDF."""
    return _render(
        "start.html",
        live,
        title=title,
        subtitle=subtitle,
        organisation=organisation,
        editions=sorted(editions, reverse=True),
        audiences=audiences,
        warnings=[problem_line(w) for w in warnings],
    )


def error_page(
    live: Live, *, title: str, lines: Sequence[str], detail: str | None = None, hint: str = ""
) -> str:
    """The problems of a failed build or page, as `briefgen check` lists them."""
    return _render(
        "error.html",
        live,
        title=title,
        problems=[problem_line(line) for line in lines],
        detail=detail,
        hint=hint,
    )


def toolbar(
    live: Live,
    day: dt.date,
    audience: str,
    editions: Editions,
    audiences: Audiences,
    warnings: Sequence[str] = (),
) -> str:
    """The preview's fixed bar, its style and its script, to insert before `</body>`."""
    labels = dict(editions)
    days = [(d, labels.get(d), d in labels) for d in sorted({*labels, day}, reverse=True)]
    return _render(
        "toolbar.html",
        live,
        day=day,
        audience=audience,
        days=days,
        audiences=audiences,
        warnings=list(warnings),
    )


def inject(html: str, snippet: str) -> str:
    """Insert `snippet` before the last `</body>` (or at the end if there is none)."""
    at = html.lower().rfind("</body>")
    return html + snippet if at < 0 else html[:at] + snippet + html[at:]
