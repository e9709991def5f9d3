"""HTML to PDF with WeasyPrint, fetching nothing outside the allowed folders.

WeasyPrint is imported here only, and only when a PDF is asked for: `check` and HTML builds
start without paying for it.
"""

from __future__ import annotations

import ctypes
import logging
import mimetypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from briefgen.errors import RenderError
from briefgen.reading import Refused, read_bytes
from briefgen.render.archival import Enclosure, write_archival
from briefgen.render.measure import Measure, measure
from briefgen.render.urls import REFUSED, allowed_file

LOG = logging.getLogger("briefgen.render.pdf")

# WeasyPrint lays out nested boxes recursively; give it room, and turn the rest into an error.
_RECURSION_LIMIT = 3000


def _fetcher_class():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class ProjectFetcher(URLFetcher):
        """Serves files under the allowed folders; refuses the network and every other path."""

        def __init__(self, roots: Iterable[Path]) -> None:
            super().__init__(allowed_protocols=("file",))
            self.roots = [root.resolve() for root in roots]
            self.refused: list[str] = []

        def fetch(self, url: str, headers=None) -> URLFetcherResponse:
            path = allowed_file(url, Path("/"), self.roots)
            try:
                data = read_bytes(path, self.roots) if path else None
            except Refused:
                data = None
            if path is None or data is None:
                self.refused.append(url)
                LOG.info("refused to fetch %s", url)
                raise FatalURLFetchingError(REFUSED.format(url=url))
            mime, _ = mimetypes.guess_type(path.name)
            return URLFetcherResponse(
                path.as_uri(), data, {"Content-Type": mime or "application/octet-stream"}
            )

    return ProjectFetcher


def render_pdf(
    html: str, base: Path, roots: Iterable[Path], enclosure: Enclosure | None = None
) -> bytes:
    """Lay out `html` as a tagged PDF/A-3b, carrying `enclosure` if given. Resources resolve
    against `base` and must lie under `roots`."""
    return write_pdf(lay_out(html, base, roots), enclosure)


def attempt(
    html: str,
    base: Path,
    roots: Iterable[Path],
    budget: int,
    enclosure: Enclosure | None = None,
    always: bool = False,
) -> tuple[Measure, bytes | None]:
    """Lay `html` out and measure it against `budget` pages; the PDF too, carrying
    `enclosure`, if it fits (or `always`). One call per layout of a fit, so that the layout
    that fits is written where it was made: a laid-out document does not cross processes."""
    document = lay_out(html, base, roots)
    taken = measure(document, budget)
    fits = taken.pages <= budget
    pdf = write_pdf(document, enclosure) if enclosure and (fits or always) else None
    return taken, pdf


def lay_out(html: str, base: Path, roots: Iterable[Path]) -> Any:
    """WeasyPrint's laid-out document (its pages, its boxes) for `html`, not yet a PDF."""
    import weasyprint

    fetcher = _fetcher_class()(roots)
    html = bidi_isolates(html)
    with _errors("lay out"):
        return weasyprint.HTML(
            string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=fetcher
        ).render()


def write_pdf(document: Any, enclosure: Enclosure | None = None) -> bytes:
    """A laid-out document as a tagged PDF/A-3b, carrying `enclosure` if given."""
    with _errors("write"):
        return write_archival(document, enclosure)


@contextmanager
def _errors(doing: str) -> Iterator[None]:
    """WeasyPrint's failures as our own errors, with room for its recursion. Attachments are
    fetched as the PDF is written, so a refused fetch can come from either step."""
    from weasyprint.urls import FatalURLFetchingError

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        yield
    except FatalURLFetchingError as exc:
        raise RenderError(str(exc)) from None
    except RecursionError:
        raise RenderError(
            "the document is nested too deeply to lay out; simplify the template or content"
        ) from None
    except Exception as exc:
        raise RenderError(f"WeasyPrint could not {doing} the brief: {exc}") from None
    finally:
        sys.setrecursionlimit(limit)


def bidi_isolates(html: str) -> str:
    """`html` with Unicode's isolating marks (FSI … PDI) inside each `<bdi>`: WeasyPrint ignores
    `unicode-bidi`, so only the marks make Pango reorder the isolated text on its own."""
    return html.replace("<bdi>", "<bdi>\u2068").replace("</bdi>", "\u2069</bdi>")


def _start_worker(parent: int) -> None:
    """Run in each worker as it starts: die with the build, then pay for WeasyPrint's import
    while the build works."""
    _die_with(parent)
    import weasyprint  # noqa: F401


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """End this worker when the build that started it ends, however it ends (even SIGKILL,
    which leaves no chance to stop the pool): the kernel sends the signal on Linux, and a
    thread watching the parent's pid covers other systems."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the build died before the kernel was told
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class PdfPool:
    """WeasyPrint in worker processes, one per core at most.

    Started before any HTML exists, the workers import WeasyPrint while the caller loads the
    content and renders HTML, so one PDF costs about what WeasyPrint alone costs; many PDFs
    are laid out side by side.
    """

    def __init__(self, jobs: int) -> None:
        workers = max(1, min(jobs, len(os.sched_getaffinity(0))))
        # fork: a worker needs nothing pickled to start, and WeasyPrint is all it imports.
        context = multiprocessing.get_context("fork")
        try:
            self._pool = context.Pool(workers, initializer=_start_worker, initargs=(os.getpid(),))
        except OSError as exc:  # no processes or shared memory left to start them with
            raise RenderError(f"cannot start PDF workers: {exc.strerror or exc}") from None
        self._used = False

    def submit(
        self, html: str, base: Path, roots: list[Path], enclosure: Enclosure | None = None
    ) -> Callable[[], bytes]:
        """Queue one PDF; the returned function waits for it (and raises its RenderError)."""
        self._used = True
        pending = self._pool.apply_async(render_pdf, (html, base, roots, enclosure))
        return pending.get

    def attempt(
        self,
        html: str,
        base: Path,
        roots: list[Path],
        budget: int,
        enclosure: Enclosure | None,
        always: bool = False,
    ) -> tuple[Measure, bytes | None]:
        """`attempt` in a worker, whose WeasyPrint is imported already; waits for it."""
        self._used = True
        args = (html, base, roots, budget, enclosure, always)
        result: tuple[Measure, bytes | None] = self._pool.apply(attempt, args)
        return result

    def close(self) -> None:
        """Let the workers finish and go (at once, if they were never given a PDF)."""
        if not self._used:
            self.abandon()
            return
        self._pool.close()
        self._pool.join()

    def abandon(self) -> None:
        """Stop the workers now: the build failed and their PDFs are not wanted."""
        self._pool.terminate()
        self._pool.join()
