"""One build of the preview: the content loaded afresh, pages rendered in memory, never on disk.

A snapshot never raises: a broken file, a broken template or a bug becomes a `Failure` that the
preview shows in the browser. Pages render on first request and are kept for the snapshot's
life (PDFs only when asked for); the next save makes a new snapshot from scratch.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import traceback
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefgen.brief.select import pick_audiences, select
from briefgen.content.load import Loaded, load
from briefgen.errors import BriefgenError, ContentError, UsageError
from briefgen.preview.pages import Live, error_page, inject, start_page, toolbar
from briefgen.project import Project
from briefgen.render.outputs import render_files

PAGE = re.compile(
    r"/(?P<day>\d{4}-\d{2}-\d{2})/(?P<audience>[a-z0-9][a-z0-9_-]{0,80})\.(?P<fmt>html|pdf)"
)
KEPT_PAGES = 64
_PDF_LOCK = threading.Lock()  # WeasyPrint (and its recursion limit) one document at a time

Key = tuple[dt.date, str, str]


@dataclass(frozen=True)
class Failure:
    """Why a build or a page could not be made, as the lines `briefgen check` would print."""

    title: str
    lines: tuple[str, ...]
    status: int = 500
    detail: str | None = None
    hint: str = ""

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        if isinstance(exc, UsageError):
            return cls("Not in this brief", tuple(exc.lines()), 404, hint=PICK)
        if isinstance(exc, ContentError):
            return cls("The content has problems", tuple(exc.lines()))
        if isinstance(exc, BriefgenError):
            return cls("The brief cannot be rendered", tuple(exc.lines()))
        return cls(
            "briefgen failed unexpectedly",
            (f"{type(exc).__name__}: {exc}",),
            detail="".join(traceback.format_exception(exc)),
            hint="This is a bug in briefgen; the preview goes on and retries on the next save.",
        )


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    filename: str | None = None


PICK = "Pick an edition and an audience on the start page."


def not_found(path: str) -> Failure:
    return Failure("Not found", (f"{path}: no such page in the preview",), 404, hint=PICK)


@dataclass
class Snapshot:
    """The content as loaded by one build (or why it failed), and the pages made from it."""

    project: Project
    built_at: dt.datetime
    loaded: Loaded | None
    failure: Failure | None
    _pages: OrderedDict[Key, bytes | Failure] = field(default_factory=OrderedDict)
    _locks: dict[Key, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(
        cls, project: Project, built_at: dt.datetime, warm: Iterable[tuple[dt.date, str]] = ()
    ) -> Snapshot:
        """Load the content again from disk and render the pages in `warm` (HTML only)."""
        try:
            snapshot = cls(project, built_at, load(project.root, project.content), None)
        except Exception as exc:  # every failure is shown in the browser, none ends the preview
            return cls(project, built_at, None, Failure.of(exc))
        for day, audience in warm:
            snapshot.page(day, audience, "html")
        return snapshot

    @property
    def warnings(self) -> list[str]:
        return [str(w) for w in self.loaded.warnings] if self.loaded else []

    @property
    def editions(self) -> list[tuple[dt.date, str | None]]:
        return [(e.as_of, e.label) for e in self.loaded.content.editions] if self.loaded else []

    @property
    def audiences(self) -> list[tuple[str, str]]:
        if not self.loaded:
            return []
        return [(a.id, a.label) for a in sorted(self.loaded.content.audiences, key=lambda a: a.id)]

    def page(self, day: dt.date, audience: str, fmt: str) -> bytes | Failure:
        """The brief as of `day` for `audience` as `fmt` (html or pdf), rendered once."""
        if self.failure or not self.loaded:
            return self.failure or not_found(f"/{day}/{audience}.{fmt}")
        key = (day, audience, fmt)
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            with self._guard:
                if key in self._pages:
                    self._pages.move_to_end(key)
                    return self._pages[key]
            result = self._render(day, audience, fmt)
            with self._guard:
                self._pages[key] = result
                while len(self._pages) > KEPT_PAGES:
                    old, _ = self._pages.popitem(last=False)
                    self._locks.pop(old, None)
            return result

    def _render(self, day: dt.date, audience_id: str, fmt: str) -> bytes | Failure:
        assert self.loaded is not None
        content = self.loaded.content
        try:
            [audience] = pick_audiences(content, [audience_id])
            brief = select(content, day, audience, built_at=self.built_at)
            if fmt == "pdf":
                with _PDF_LOCK:
                    files = render_files(self.project.root, brief, audience, ["pdf"])
            else:
                files = render_files(self.project.root, brief, audience, ["html"])
            return files[f"{audience.id}.{fmt}"]
        except Exception as exc:
            return Failure.of(exc)

    def respond(self, path: str, live: Live) -> Response:
        """The preview's answer to a request for `path` (the URL path, not yet unquoted)."""
        if path == "/":
            if self.failure or not self.loaded:
                return _failed(self.failure or not_found(path), live)
            settings = self.loaded.content.settings
            html = start_page(
                live,
                title=settings.title.latest(),
                subtitle=settings.subtitle.latest() if settings.subtitle else None,
                organisation=settings.organisation,
                editions=self.editions,
                audiences=self.audiences,
                warnings=self.warnings,
            )
            return Response(200, "text/html; charset=utf-8", html.encode("utf-8"))
        match = PAGE.fullmatch(path)
        try:
            day = dt.date.fromisoformat(match["day"]) if match else None
        except ValueError:
            day = None
        if match is None or day is None:
            return _failed(not_found(path), live)
        audience, fmt = match["audience"], match["fmt"]
        result = self.page(day, audience, fmt)
        if isinstance(result, Failure):
            return _failed(result, live)
        if fmt == "pdf":
            name = f"{day.isoformat()}-{audience}.pdf"
            return Response(200, "application/pdf", result, filename=name)
        bar = toolbar(live, day, audience, self.editions, self.audiences, self.warnings)
        html = inject(result.decode("utf-8"), bar)
        return Response(200, "text/html; charset=utf-8", html.encode("utf-8"))


def _failed(failure: Failure, live: Live) -> Response:
    html = error_page(
        live, title=failure.title, lines=failure.lines, detail=failure.detail, hint=failure.hint
    )
    return Response(failure.status, "text/html; charset=utf-8", html.encode("utf-8"))
