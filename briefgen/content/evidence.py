"""Quotes and excerpts checked against the text of their sources.

A source's `snapshot` names a plain-text file beside it (`content/sources/<id>.txt`) and the
hash it had when it was kept. `check` reads each one once, reports a text changed since, and
looks for every quote (a position's) and every excerpt (any cited fact's) in the text of the
source it comes from. A source quoted without a snapshot is noted once, as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefgen.content import passages
from briefgen.content.documents import Document, Loc
from briefgen.content.facts import Quote
from briefgen.content.fields import ExcerptModel
from briefgen.content.sources import Source
from briefgen.errors import Problem, relative
from briefgen.fingerprint import sha

Items = dict[str, list[tuple[Any, Document]]]
LIMIT = 10 * 1024 * 1024
"""Bytes: far more than any article's text."""
Claim = tuple[Document, Loc, Quote | ExcerptModel, tuple[str, ...] | None]
"""Words said to come from a source: where they are written, and what their item cites."""


class Snapshots:
    """The kept text of each source, read and checked once."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder, self.root = folder, root
        self.raw: dict[str, str] = {}
        self.normal: dict[str, str] = {}
        self.problems: list[Problem] = []

    def read(self, source: Source, doc: Document) -> None:
        """Read one source's snapshot; a missing, unreadable or changed file is an error."""
        assert source.snapshot is not None
        path = self.folder / source.snapshot.file
        shown = relative(path, self.root)
        try:
            data = self._bytes(path)
        except OSError as exc:
            line = doc.line_of(("snapshot", "file"))
            message = f"cannot read {shown}: {exc.strerror or exc}"
            self.problems.append(Problem(doc.path, line, "snapshot.file", message))
            return
        digest = sha(data)
        if digest != source.snapshot.sha256:
            line = doc.line_of(("snapshot", "sha256"))
            message = (
                f"{shown} changed since it was kept: its sha256 is now {digest}; if the new "
                "text is the article's, write that hash here"
            )
            self.problems.append(Problem(doc.path, line, "snapshot.sha256", message))
            return
        try:
            self.raw[source.id] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = doc.line_of(("snapshot", "file"))
            message = f"{shown} is not UTF-8 text ({exc.reason})"
            self.problems.append(Problem(doc.path, line, "snapshot.file", message))

    def _bytes(self, path: Path) -> bytes:
        """The file's bytes, if it is a plain file of sensible size inside the folder: a link
        out of the project, or to a device, would put other text in `check`'s messages."""
        if not path.resolve().is_relative_to(self.folder.resolve()):
            raise OSError(0, "it leads out of the sources folder")
        if path.exists() and not path.is_file():
            raise OSError(0, "not a plain file")
        with path.open("rb") as handle:
            data = handle.read(LIMIT + 1)
        if len(data) > LIMIT:
            raise OSError(0, f"larger than {LIMIT // 1024 // 1024} MB")
        return data

    def text(self, source_id: str) -> str:
        """The normalised text, worked out the first time it is asked for."""
        if source_id not in self.normal:
            self.normal[source_id] = passages.normalise(self.raw[source_id])
        return self.normal[source_id]


def claims(items: Items) -> Iterator[Claim]:
    """Every quote and excerpt in the content, with the sources its item cites (None for a
    quote, which names its own)."""
    for kind in ("developments", "positions", "judgments"):
        for model, doc in items[kind]:
            if model is not None and model.excerpt:
                yield doc, ("excerpt",), model.excerpt, tuple(model.sources)
            if kind == "positions" and model is not None and model.quote:
                yield doc, ("quote",), model.quote, None
    for model, doc in items["tracks"]:
        for index, status in enumerate(model.status if model else ()):
            if status.excerpt:
                yield doc, ("status", index, "excerpt"), status.excerpt, tuple(status.sources)
    for model, doc in items["questions"]:
        for index, post in enumerate(model.signposts if model else ()):
            if post.excerpt:
                yield doc, ("signposts", index, "excerpt"), post.excerpt, tuple(post.sources)
        answer = model.answer if model else None
        if answer and answer.excerpt:
            yield doc, ("answer", "excerpt"), answer.excerpt, tuple(answer.sources)


def _source(claim: Claim) -> tuple[str, str]:
    """The source the words are from, or '' and why it is not clear."""
    _, _, words, cited = claim
    if cited is None or words.source:
        named = words.source or ""
        if cited is not None and named not in cited:
            return "", f"'{named}' is not among the sources this item cites"
        return named, ""
    if len(set(cited)) == 1:
        return cited[0], ""
    return "", "the item cites several sources: name the one the passage is from (`source:`)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}" if number else ""


def _field(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def evidence(items: Items, content_dir: Path, root: Path) -> list[Problem]:
    """Problems with snapshots, quotes and excerpts; a quoted source without a snapshot is a
    warning."""
    folder = content_dir / "sources"
    snapshots = Snapshots(folder, root)
    sources = {model.id: (model, doc) for model, doc in items["sources"] if model is not None}
    for model, doc in sources.values():
        if model.snapshot:
            snapshots.read(model, doc)
    problems = snapshots.problems
    named = {m.snapshot.file for m, _ in sources.values() if m.snapshot}
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
        if path.name not in named and not path.name.startswith((".", "_")):
            message = "a snapshot no source names: add `snapshot:` to its source, or delete it"
            problems.append(Problem(relative(path, root), 0, "", message, warning=True))

    unchecked: dict[str, list[str]] = {}
    for claim in claims(items):
        doc, loc, words, _ = claim
        source_id, unclear = _source(claim)
        if unclear:
            line = doc.line_of((*loc, "source"))
            problems.append(Problem(doc.path, line, _field((*loc, "source")), unclear))
            continue
        if source_id not in sources:
            continue  # the reference check reports an unknown source
        source, _ = sources[source_id]
        if source_id not in snapshots.raw:
            if source.snapshot is None:  # (a broken snapshot is reported already)
                unchecked.setdefault(source_id, []).append(
                    loc[0] if loc[0] == "quote" else "excerpt"
                )
            continue
        if not passages.contains(snapshots.text(source_id), words.text):
            near = passages.closest(words.text, snapshots.raw[source_id])
            kept = source.snapshot.file if source.snapshot else ""
            message = f"not in the text of '{source_id}' ({kept}); closest passage: “{near}”"
            line = doc.line_of((*loc, "text"))
            problems.append(Problem(doc.path, line, _field((*loc, "text")), message))
    for source_id, kinds in sorted(unchecked.items()):
        _, doc = sources[source_id]
        counted = (_count(kinds.count(kind), kind) for kind in ("quote", "excerpt"))
        message = (
            f"{' and '.join(filter(None, counted))} from this source cannot be checked: it has "
            "no snapshot (`briefgen source add` keeps one)"
        )
        problems.append(Problem(doc.path, doc.line, "snapshot", message, warning=True))
    return problems
