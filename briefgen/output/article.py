"""Read an article, a web page or a plain text, into what a source file records about it.

trafilatura finds the main text and the page's title, site name, author and address; htmldate
the publication date in the page's metadata (only there: its search of the whole page guesses
a day where the page gives a month). Failing that, a date written at the top of the text is
taken as precisely as it is written ("July 2025" is a month, never 1 July). No date found
means an undated source, never an invented day.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefgen.content.dates import PartialDate
from briefgen.errors import UsageError

HEAD = 600
"""Characters at the top of the text where a dateline is looked for (a date further down is
more often an event's, or a link to another article's)."""
_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_M = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_D = r"(\d{1,2})(?:st|nd|rd|th)?"
# Each pattern with what its groups hold: y year, m month number, M month name, d day. A year
# may run into the next word, as in a pasted dateline ("July 03, 2025Clash Report").
_DATES = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(rf"\b{_D}\s+{_M}\s*,?\s+(\d{{4}})(?!\d)", re.I), "dMy"),
    (re.compile(rf"\b{_M}\s+{_D}\s*,?\s+(\d{{4}})(?!\d)", re.I), "Mdy"),
    (re.compile(rf"\b{_M}\s*,?\s+(\d{{4}})(?!\d)", re.I), "My"),
)


@dataclass(frozen=True)
class Article:
    """What was found; None for what was not."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    dated_by: str = ""
    """Where the date was found: "the page's metadata" or "the top of the text"."""

    def found(self) -> list[tuple[str, str | None]]:
        """What a source file records, as found (None: not found), for people to check."""
        published = self.published and f"{self.published.human()} (from {self.dated_by})"
        fields = ("outlet", self.outlet), ("title", self.title), ("author", self.author)
        return [*fields, ("published", published or None), ("url", self.url)]


def one_line(value: str | None, most: int = 300) -> str | None:
    """Metadata as one line of printable text (a page may put anything in its tags)."""
    if not value:
        return None
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in value)
    text = " ".join(text.split())
    return (text if len(text) <= most else text[: most - 1] + "…") or None


def date_in_text(text: str, today: dt.date) -> PartialDate | None:
    """The first date written at the top of the text, as precise as written."""
    found = []
    for pattern, holds in _DATES:
        for match in pattern.finditer(text[:HEAD]):
            parts = dict(zip(holds, match.groups(), strict=True))
            month = parts["m"] if "m" in parts else _MONTH_NAMES.index(parts["M"][:3].lower()) + 1
            try:
                first = dt.date(int(parts["y"]), int(month), int(parts.get("d", 1)))
            except ValueError:
                continue
            if dt.date(1900, 1, 1) <= first <= today:
                iso = first.isoformat() if "d" in parts else first.isoformat()[:7]
                found.append((match.start(), -len(iso), iso))  # the first; a day over a month
    return PartialDate.parse(min(found)[2]) if found else None


def from_text(text: str, today: dt.date) -> Article:
    """A plain-text article: its first line is the title when a blank line follows it."""
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    if not text:
        raise UsageError("the file holds no text")
    lines = text.split("\n")
    heading = len(lines) > 1 and not lines[1].strip() and not lines[0].endswith((".", "?", "!"))
    published = date_in_text(text, today)
    return Article(
        text=text + "\n",
        title=one_line(lines[0], 200) if heading and len(lines[0]) <= 200 else None,
        published=published,
        dated_by="the top of the text" if published else "",
    )


def from_html(data: bytes, url: str | None, today: dt.date) -> Article:
    """A web page: its main text and what its metadata says."""
    # Imported here: about 0.3 s that only `source add` should pay.
    import htmldate
    import trafilatura

    found = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    meta = found if isinstance(found, trafilatura.settings.Document) else None
    if meta is None or not meta.text or not meta.text.strip():
        raise UsageError("found no article text in the page")
    text = "\n\n".join(line.strip() for line in meta.text.split("\n") if line.strip()) + "\n"
    day = htmldate.find_date(
        data, extensive_search=False, original_date=True, url=url, max_date=today.isoformat()
    )
    published, dated_by = (PartialDate.parse(day), "the page's metadata") if day else (None, "")
    if published is None and (published := date_in_text(text, today)):
        dated_by = "the top of the text"
    address = url or meta.url
    return Article(
        text=text,
        title=one_line(meta.title),
        outlet=one_line(meta.sitename),
        author=one_line(meta.author),
        url=address if address and urlsplit(address).scheme in ("http", "https") else None,
        published=published,
        dated_by=dated_by,
    )
