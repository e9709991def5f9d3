"""`briefgen serve`: the brief in a browser, rebuilt and reloaded on every save.

MkDocs' live-reload model: the builder runs on the calling thread, an HTTP server on another
and a file watcher (watchfiles) on a third. A save marks the current build stale, so requests
wait; a burst of saves is debounced into one fresh build; publishing it moves the epoch, and
every open page, long-polling `/_briefgen/wait`, reloads itself. Nothing is written to disk
and nothing outside the preview's own routes is served.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import secrets
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from briefgen import clock
from briefgen.errors import UsageError, relative
from briefgen.preview import routes
from briefgen.preview.pages import Live
from briefgen.preview.reload import Debouncer, Epochs
from briefgen.preview.routes import Response
from briefgen.preview.session import Session
from briefgen.preview.urls import WAIT_PATH
from briefgen.project import Project

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000
LONG_POLL = 20.0  # seconds a browser's wait request is held open when nothing changes
REQUEST_WAIT = 30.0  # longest a request waits for a build in progress
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}

Log = Callable[[str], None]


def _is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], preview: Preview) -> None:
        self.preview = preview
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind asks DNS for the host's name; the preview asks nothing.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):  # a browser that left mid-answer is normal
            self.preview.log(f"preview: request failed: {type(error).__name__}: {error}")


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def version_string(self) -> str:
        return "briefgen-preview"

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, with_body: bool) -> None:
        response, nonce = self.server.preview.respond(self.path, self.headers.get("Host"))
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if response.filename:
            self.send_header("Content-Disposition", f'inline; filename="{response.filename}"')
        if nonce:
            self.send_header(
                "Content-Security-Policy",
                f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
                # font-src: the brief's own subset fonts, embedded as data URLs
                "img-src data:; font-src data:; connect-src 'self'; base-uri 'none'; "
                "form-action 'none'; frame-ancestors 'none'",
            )
        self.end_headers()
        if with_body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: object) -> None:  # one line per request is noise
        pass


class Preview:
    """The preview server: `start()`, then `run()` builds on every save until `stop()`."""

    def __init__(
        self,
        project: Project,
        *,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
        quiet: float = 0.1,
        log: Log = lambda line: None,
    ) -> None:
        self.project, self.host, self.port, self.log = project, host, port, log
        self.epochs: Epochs[Session] = Epochs()
        self.debouncer = Debouncer(quiet=quiet, longest=1.0)
        self.server_id = secrets.token_hex(6)
        self.builds = 0
        self._stop = threading.Event()
        self._httpd: _Server | None = None
        self._threads: list[threading.Thread] = []
        self._reported: set[tuple[int, str]] = set()

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> str:
        """Listen, watch, make the first build and serve it; the preview's base URL."""
        try:
            self._httpd = _Server((self.host, self.port), self)
        except OSError as exc:
            raise UsageError(
                f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}; "
                "choose another --port"
            ) from None
        self.port = self._httpd.server_address[1]
        self._spawn("briefgen-watch", self._watch)
        self.rebuild(())
        httpd = self._httpd
        self._spawn("briefgen-http", lambda: httpd.serve_forever(poll_interval=0.1))
        return self.url

    def run(self) -> None:
        """Rebuild after every burst of changes until `stop()` (or Ctrl-C on this thread)."""
        while not self._stop.is_set():
            changes = self.debouncer.wait(timeout=0.5)
            if changes and not self._stop.is_set():
                self.rebuild(changes)

    def stop(self) -> None:
        self._stop.set()
        self.debouncer.close()
        self.epochs.close()
        if self._httpd is not None:
            if any(t.name == "briefgen-http" for t in self._threads):
                self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=3)

    def rebuild(self, changes: Iterable[str]) -> Session:
        """A fresh build from the files as they are now, published to every open page."""
        started = time.perf_counter()
        self.epochs.stale()
        session = Session.build(self.project, clock.now())
        epoch = self.epochs.publish(session, still_stale=self.debouncer.due() is not None)
        self.builds += 1
        took = (time.perf_counter() - started) * 1000
        names = sorted(relative(Path(c), self.project.root) for c in changes)
        what = f" after {', '.join(names[:3])}{' …' if len(names) > 3 else ''}" if names else ""
        if session.failure:
            for line in session.failure.lines:
                self.log(line)
            self.log(f"build {epoch} failed{what}: shown in the browser until fixed")
        else:
            self.log(f"build {epoch} ready in {took:.0f} ms{what}")
        return session

    def changed(self, paths: Iterable[str]) -> None:
        """Files changed: requests wait from now on, and a rebuild follows the burst."""
        self.epochs.stale()
        self.debouncer.add(paths)

    def respond(self, target: str, host: str | None) -> tuple[Response, str | None]:
        """The answer to one request, and the script nonce of an HTML answer."""
        if not self._host_allowed(host):
            return Response(403, "text/plain; charset=utf-8", b"unexpected Host header\n"), None
        path, _, query = target.partition("?")
        if path == WAIT_PATH:
            return self._wait(parse_qs(query)), None
        epoch, session = self.epochs.current(REQUEST_WAIT)
        live = Live(epoch, self.server_id, secrets.token_urlsafe(16))
        response = routes.respond(session, path, live)
        broken_page = response.status >= 500 and session is not None and session.failure is None
        if broken_page and (epoch, path) not in self._reported:
            self._reported.add((epoch, path))
            self.log(f"{path}: could not be rendered: shown in the browser")
        return response, live.nonce

    def _wait(self, query: dict[str, list[str]]) -> Response:
        try:
            seen = int(query.get("epoch", ["0"])[0])
        except ValueError:
            seen = 0
        if query.get("server", [""])[0] == self.server_id:
            epoch = self.epochs.wait_newer(seen, LONG_POLL)
        else:  # a page from an earlier run of the server: it reloads at once
            epoch = self.epochs.epoch
        body = json.dumps({"epoch": epoch, "server": self.server_id}).encode()
        return Response(200, "application/json", body)

    def _host_allowed(self, host: str | None) -> bool:
        """On loopback, only loopback names: a web page elsewhere cannot rebind its name to us."""
        if not _is_loopback(self.host):
            return True
        name = (host or "").strip().lower()
        if name.startswith("["):
            name = name[1:].partition("]")[0]
        elif ":" in name:
            name = name.rpartition(":")[0]
        return name in LOOPBACK_NAMES

    def _watched(self) -> tuple[str, ...]:
        dirs = (self.project.content, self.project.templates)
        return tuple(str(d) for d in dict.fromkeys(dirs) if d.is_dir())

    def _watch(self) -> None:
        """Feed file changes to the builder; follows content/ or templates/ appearing later."""
        import watchfiles

        while not self._stop.is_set():
            paths = self._watched()
            if not paths:
                self._stop.wait(0.5)
                continue
            try:
                for changes in watchfiles.watch(
                    *paths,
                    step=20,
                    debounce=1000,
                    rust_timeout=1000,
                    yield_on_timeout=True,
                    stop_event=self._stop,
                    raise_interrupt=False,
                ):
                    if changes:
                        self.changed(path for _, path in changes)
                    if self._watched() != paths:
                        self.changed(set(paths) ^ set(self._watched()))
                        break
            except Exception as exc:  # a folder removed under the watcher, say: watch again
                self.log(f"preview: watching files failed ({exc}); watching again")
                self._stop.wait(1.0)

    def _spawn(self, name: str, target: Callable[[], object]) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)


def serve(
    project: Project,
    *,
    as_of: dt.date | None = None,
    audience: str | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    out: Log = print,
    err: Log = print,
) -> None:
    """Serve the preview until Ctrl-C; prints its address first."""
    clock.now()  # a bad SOURCE_DATE_EPOCH is a usage error before anything starts
    preview = Preview(project, host=host, port=port, log=err)
    try:
        base = preview.start()
        _, session = preview.epochs.current(0)
        assert session is not None
        brief = routes.first_page(session, as_of, audience)
        where = relative(project.content, Path.cwd())
        out(f"Previewing {where} on {base}/ (Ctrl-C to stop)")
        if not _is_loopback(host):
            out(f"Listening on {host}: anyone who can reach this machine can read the brief.")
        if brief:
            out(f"Brief: {base}{brief}")
        preview.run()
    except KeyboardInterrupt:
        out("Stopped.")
    finally:
        preview.stop()
