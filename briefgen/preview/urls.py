"""The preview's URL scheme: where each brief is served, and reading such a path back."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

WAIT_PATH = "/_briefgen/wait"  # the long poll of static/reload.js

_PAGE = re.compile(
    r"/(?P<day>\d{4}-\d{2}-\d{2})/(?P<audience>[a-z0-9][a-z0-9_-]{0,80})\.(?P<fmt>html|pdf)"
)


class Page(NamedTuple):
    """One brief as the preview serves it."""

    day: dt.date
    audience: str
    fmt: str


def page_url(day: dt.date, audience: str, fmt: str = "html") -> str:
    return f"/{day.isoformat()}/{audience}.{fmt}"


def parse_page(path: str) -> Page | None:
    """The brief a URL path (not unquoted: `%2e` stays as it is) names, if it names one."""
    match = _PAGE.fullmatch(path)
    if match is None:
        return None
    try:
        day = dt.date.fromisoformat(match["day"])
    except ValueError:  # 2025-02-30 has the shape of a date and is none
        return None
    return Page(day, match["audience"], match["fmt"])
