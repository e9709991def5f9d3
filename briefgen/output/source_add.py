"""`briefgen source add`: a source file and a snapshot of its text, from a page or a file.

Writes `content/sources/<id>.yaml` (what the article says of itself, the access date, and a
reliability of F, "cannot be judged", until the analyst grades it) and `<id>.txt` beside it,
the article's main text, whose hash the YAML records. Never overwrites either file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import ValidationError

from briefgen.content.documents import parse_yaml
from briefgen.content.sources import Source
from briefgen.errors import OutputError, Problem, UsageError
from briefgen.fingerprint import sha
from briefgen.output.article import Article, from_html, from_text, one_line
from briefgen.output.fetch import LIMIT, fetch, web_address

TEXT_SUFFIXES = {".txt", ".text", ".md"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Added:
    """The files written, and what was read into them."""

    source: Path
    snapshot: Path
    article: Article


def _read_file(path: Path, today: dt.date) -> Article:
    try:
        with path.open("rb") as handle:
            data = handle.read(LIMIT + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > LIMIT:
        raise UsageError(f"{path}: larger than {LIMIT // 1024 // 1024} MB; is it an article?")
    looks_like_markup = data.lstrip()[:1] == b"<"
    if path.suffix.lower() in TEXT_SUFFIXES or not looks_like_markup:
        return from_text(data.decode("utf-8", errors="replace"), today)
    return from_html(data, None, today)


def read_article(target: str, today: dt.date) -> Article:
    """The article at a web address (fetched) or in a saved HTML or text file."""
    if not web_address(target):
        return _read_file(Path(target), today)
    page = fetch(target)
    if page.kind == "text":
        article = from_text(page.data.decode(page.charset or "utf-8", errors="replace"), today)
        return replace(article, url=page.url)
    return from_html(page.data, page.url, today)


def slug(text: str) -> str:
    """Lower-case ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def default_id(article: Article, accessed: dt.date) -> str:
    """Who published it and when: `example-news-2025-07-03` (words of the title without an
    outlet; the access date without a publication date)."""
    host = urlsplit(article.url).hostname if article.url else None
    name = article.outlet or host or " ".join((article.title or "").split()[:6]) or "source"
    when = article.published.iso() if article.published else accessed.isoformat()
    return f"{slug(name)[:60].strip('-') or 'source'}-{when}"


def _yaml(source_id: str, article: Article, accessed: dt.date, origin: str, digest: str) -> str:
    """The source file, with comments saying where each value came from and what is left."""
    q = json.dumps  # a JSON string is a YAML double-quoted string: nothing in it can escape
    lines = [
        f"# Added by `briefgen source add` on {accessed} from {one_line(origin)}.",
        "# Check each field against the article.",
    ]

    def field(name: str, value: str | None, missing: str) -> None:
        lines.append(f"{name}: {q(value, ensure_ascii=False)}" if value else f"# {name}: {missing}")

    field("outlet", article.outlet, "not found: who published it?")
    field("title", article.title, "not found")
    field("author", article.author, "no byline found")
    if article.published:
        lines.append(f"published: {q(article.published.iso())}  # from {article.dated_by}")
    else:
        lines.append("# published: no date found: undated, known from `accessed` (YYYY-MM-DD,")
        lines.append("# YYYY-MM ... if you find one)")
    field("url", article.url, "none")
    lines += [
        f"accessed: {q(accessed.isoformat())}",
        "# F: cannot be judged until you grade it: reliability of the outlet from A (reliable)",
        "# to E (unreliable), and `credibility` of the information from 1 (confirmed) to 6.",
        "reliability: F",
        "snapshot:  # the article's main text as read, and its hash: `check` finds quotes in it",
        f"  file: {q(source_id + '.txt')}",
        f"  sha256: {q(digest)}",
    ]
    return "\n".join(lines) + "\n"


def add_source(
    content_dir: Path, target: str, accessed: dt.date, source_id: str | None = None
) -> Added:
    """Read the article and write its source file and snapshot; never overwrite."""
    if source_id is not None and not (SLUG.match(source_id) and len(source_id) <= 80):
        raise UsageError(f"--id '{source_id}': use lower-case letters, digits and hyphens")
    article = read_article(target, accessed)
    source_id = source_id or default_id(article, accessed)
    folder = content_dir / "sources"
    yaml_path, text_path = folder / f"{source_id}.yaml", folder / f"{source_id}.txt"
    for path in (yaml_path, text_path, folder / f"{source_id}.yml"):
        if path.exists():
            raise UsageError(f"{path} already exists; give another id with --id")
    data = article.text.encode("utf-8")
    text = _yaml(source_id, article, accessed, target, sha(data))
    # What is written must load as it is: a page's metadata may hold anything.
    value, _, problems = parse_yaml(text, yaml_path.name)
    try:
        Source.model_validate({**value, "id": source_id})
    except (ValidationError, TypeError) as exc:
        problems.append(Problem(yaml_path.name, 0, "", str(exc)))
    if problems:
        raise UsageError(f"{target}: cannot make a source of it: {problems[0]}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with text_path.open("xb") as handle:
            handle.write(data)
        try:
            with yaml_path.open("x", encoding="utf-8") as handle:
                handle.write(text)
        except OSError:
            text_path.unlink(missing_ok=True)
            raise
    except FileExistsError as exc:
        raise UsageError(f"{exc.filename} already exists; give another id with --id") from None
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write: {exc.strerror or exc}") from None
    return Added(yaml_path, text_path, article)
