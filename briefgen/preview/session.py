"""One build of the preview: the content loaded afresh (or why it could not be), and the pages
made from it, in memory, never on disk.

A session never raises: a broken file, a broken template or a bug becomes a `Failure` that the
preview shows in the browser. Each audience is selected once per session (its content redacted,
its series of states built) the first time one of its pages is asked for; each page renders on
its first request and is kept for the session's life (PDFs only when asked for). The next save
makes a new session from scratch.
"""

from __future__ import annotations

import datetime as dt
import threading
import traceback
from collections import OrderedDict
from dataclasses import dataclass, field

from briefgen.brief.select import Selection, pick_audiences
from briefgen.content.load import Loaded, load
from briefgen.errors import BriefgenError, ContentError, UsageError
from briefgen.project import Project
from briefgen.render.outputs import render_files

KEPT_PAGES = 64
PICK = "Pick an edition and an audience on the start page."
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


def not_found(path: str) -> Failure:
    return Failure("Not found", (f"{path}: no such page in the preview",), 404, hint=PICK)


@dataclass
class Session:
    """The content as loaded by one build (or why it failed), and the pages made from it."""

    project: Project
    built_at: dt.datetime
    loaded: Loaded | None
    failure: Failure | None
    _pages: OrderedDict[Key, bytes | Failure] = field(default_factory=OrderedDict)
    _locks: dict[Key, threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)
    _selections: dict[str, Selection] = field(default_factory=dict)
    _selecting: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, project: Project, built_at: dt.datetime) -> Session:
        """Load the content again from disk; nothing is rendered until a page is asked for."""
        try:
            return cls(project, built_at, load(project.root, project.content), None)
        except Exception as exc:  # every failure is shown in the browser, none ends the preview
            return cls(project, built_at, None, Failure.of(exc))

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
        return [
            (a.id, a.label or a.id)
            for a in sorted(self.loaded.content.audiences, key=lambda a: a.id)
        ]

    def selection(self, audience_id: str) -> Selection:
        """What `audience_id` sees of this build's content, made once; UsageError if unknown."""
        assert self.loaded is not None
        with self._selecting:
            if audience_id not in self._selections:
                [audience] = pick_audiences(self.loaded.content, [audience_id])
                self._selections[audience_id] = Selection(self.loaded.content, audience)
            return self._selections[audience_id]

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
        try:
            # A selection only memoises pure results, so pages of one audience may share it
            # from several request threads at once.
            selection = self.selection(audience_id)
            brief = selection.brief(day, built_at=self.built_at)
            if fmt == "pdf":
                with _PDF_LOCK:
                    files = render_files(self.project.root, brief, selection.audience, ["pdf"])
            else:
                files = render_files(self.project.root, brief, selection.audience, ["html"])
            data = files[f"{audience_id}.{fmt}"]
            return data() if callable(data) else data  # no pool: already bytes
        except Exception as exc:
            return Failure.of(exc)
