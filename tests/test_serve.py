"""The preview server: reload machinery, pages, errors and safety; no browser here."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefgen.output.build import Project
from briefgen.preview.pages import Live, inject
from briefgen.preview.reload import Debouncer, Epochs
from briefgen.preview.server import Preview
from briefgen.preview.session import Snapshot
from tests.conftest import BUILT_AT, REPO

LIVE = Live(epoch=3, server="abc", nonce="n0nce")
BAD_DATE = (
    "content/developments/confirmed.yaml:1: date: '2025-05-7' is not a date; write "
    "YYYY-MM-DD, YYYY-MM or YYYY (~ in front if approximate)"
)


def later(seconds: float, action) -> threading.Thread:
    thread = threading.Thread(target=lambda: (time.sleep(seconds), action()), daemon=True)
    thread.start()
    return thread


# --- Epochs: the build counter behind a condition -------------------------------------------


def test_epochs_requests_wait_for_the_build_in_progress() -> None:
    epochs: Epochs[str] = Epochs()
    epochs.publish("first")
    assert epochs.current(timeout=0) == (1, "first")
    epochs.stale()
    started = time.monotonic()
    assert epochs.current(timeout=0.05) == (1, "first")  # timed out: the old build, not nothing
    assert time.monotonic() - started >= 0.04
    later(0.05, lambda: epochs.publish("second"))
    assert epochs.current(timeout=5) == (2, "second")


def test_epochs_long_poll_returns_when_a_newer_build_is_published() -> None:
    epochs: Epochs[str] = Epochs()
    epochs.publish("one")
    assert epochs.wait_newer(0, timeout=0) == 1  # the page is older: answer at once
    started = time.monotonic()
    assert epochs.wait_newer(1, timeout=0.05) == 1  # nothing new: the poll times out
    assert time.monotonic() - started >= 0.04
    epochs.stale()
    later(0.05, lambda: epochs.publish("two"))
    assert epochs.wait_newer(1, timeout=5) == 2
    assert epochs.epoch == 2


def test_epochs_a_build_overtaken_by_a_save_is_not_shown() -> None:
    epochs: Epochs[str] = Epochs()
    epochs.publish("one")
    epochs.stale()
    epochs.publish("two", still_stale=True)  # files changed again while "two" was built
    assert epochs.wait_newer(1, timeout=0.05) == 2  # timed out: nobody was woken for "two"
    assert epochs.current(timeout=0.05) == (2, "two")  # ...but it is better than nothing
    later(0.05, lambda: epochs.publish("three"))
    assert epochs.wait_newer(1, timeout=5) == 3


def test_epochs_close_releases_every_waiter() -> None:
    epochs: Epochs[str] = Epochs()
    got: list[object] = []
    waiters = [
        threading.Thread(target=lambda: got.append(epochs.current(timeout=10))),
        threading.Thread(target=lambda: got.append(epochs.wait_newer(0, timeout=10))),
    ]
    for waiter in waiters:
        waiter.start()
    time.sleep(0.05)
    started = time.monotonic()
    epochs.close()
    for waiter in waiters:
        waiter.join(timeout=5)
    assert time.monotonic() - started < 2
    assert sorted(map(str, got)) == ["(0, None)", "0"]
    assert epochs.closed


# --- Debouncer: a burst of saves is one rebuild ---------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_debouncer_waits_for_quiet_then_hands_over_the_whole_burst() -> None:
    clock = FakeClock()
    debouncer = Debouncer(quiet=0.1, longest=1.0, clock=clock)
    assert debouncer.due() is None and not debouncer.ready(clock.now)
    debouncer.add(["a.yaml"])
    clock.now += 0.05
    debouncer.add(["b.yaml", "a.yaml"])
    assert not debouncer.ready(clock.now + 0.09)
    assert debouncer.ready(clock.now + 0.1)
    assert debouncer.take() == {"a.yaml", "b.yaml"}
    assert debouncer.due() is None
    debouncer.add([])  # nothing changed: nothing pending
    assert debouncer.due() is None


def test_debouncer_never_waits_longer_than_longest_after_the_first_change() -> None:
    clock = FakeClock()
    debouncer = Debouncer(quiet=0.1, longest=1.0, clock=clock)
    debouncer.add(["first"])
    for _ in range(30):  # a save every 50 ms, never quiet for 100 ms
        clock.now += 0.05
        debouncer.add(["again"])
    assert debouncer.due() == pytest.approx(101.0)
    assert debouncer.ready(clock.now)


def test_debouncer_wait_gives_one_batch_for_quick_saves() -> None:
    debouncer = Debouncer(quiet=0.1, longest=2.0)

    def saves() -> None:
        for name in ("one", "two", "three"):
            debouncer.add([name])
            time.sleep(0.02)

    later(0.02, saves)
    started = time.monotonic()
    assert debouncer.wait(timeout=5) == {"one", "two", "three"}
    assert 0.1 <= time.monotonic() - started < 2
    assert debouncer.wait(timeout=0.05) == set()  # and no second batch


def test_debouncer_wait_times_out_and_close_releases_it() -> None:
    debouncer = Debouncer(quiet=0.1)
    started = time.monotonic()
    assert debouncer.wait(timeout=0.05) == set()
    assert time.monotonic() - started < 1
    later(0.05, debouncer.close)
    assert debouncer.wait(timeout=10) == set()
    assert time.monotonic() - started < 2


# --- Snapshots: pages in memory, failures shown ---------------------------------------------


def snapshot_of(root: Path) -> Snapshot:
    return Snapshot.build(Project.at(root), BUILT_AT)


def body(snapshot: Snapshot, path: str) -> tuple[int, str]:
    response = snapshot.respond(path, LIVE)
    return response.status, response.body.decode("utf-8", "replace")


def test_start_page_links_every_edition_and_audience(project: Path) -> None:
    status, html = body(snapshot_of(project), "/")
    assert status == 200
    assert "Test Brief" in html
    for day in ("2025-07-03", "2025-05-08"):
        for audience in ("analyst", "executive", "public"):
            assert f'href="/{day}/{audience}.html"' in html
            assert f'href="/{day}/{audience}.pdf"' in html
    assert "<code>executive</code> — Executive summary" in html
    assert 'nonce="n0nce"' in html and '"epoch": 3' in html


def test_preview_page_gets_toolbar_and_script_that_published_html_never_has(
    project: Path,
) -> None:
    snapshot = snapshot_of(project)
    status, html = body(snapshot, "/2025-07-03/analyst.html")
    assert status == 200 and "JULYNARRATIVE" in html
    bar = html.index('id="briefgen-bar"')
    assert bar < html.index("/_briefgen/wait") < html.rindex("</body>")
    assert '<option value="2025-05-08">' in html and '<option value="2025-07-03" selected>' in html
    assert 'href="/2025-07-03/analyst.pdf"' in html
    published = snapshot.page(dt.date(2025, 7, 3), "analyst", "html")
    assert isinstance(published, bytes)
    assert b"briefgen-bar" not in published and b"_briefgen" not in published
    # a date that is no edition is shown as such
    status, html = body(snapshot, "/2025-06-01/public.html")
    assert status == 200 and "(not an edition)" in html


def test_inject_goes_before_the_last_body_end_tag() -> None:
    assert inject("<p>x</p></BODY></html>", "[S]") == "<p>x</p>[S]</BODY></html>"
    assert inject("<p>no body</p>", "[S]") == "<p>no body</p>[S]"


def test_broken_content_shows_the_check_lines_on_every_page(make_project) -> None:
    root = make_project(
        {"developments/confirmed.yaml": "date: 2025-05-7\nheadline: H\nsources: [may-report]\n"}
    )
    snapshot = snapshot_of(root)
    for path in ("/", "/2025-07-03/analyst.html", "/2025-07-03/analyst.pdf"):
        status, html = body(snapshot, path)
        assert status == 500
        assert "The content has problems" in html
        assert "content/developments/confirmed.yaml:1</span>: date: &#x27;2025-05-7&#x27;" in html
        assert "/_briefgen/wait" in html  # it reloads by itself once fixed


def test_broken_template_names_its_file_and_line(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "brief.html").write_text("<p>\n{{ brief.no_such_field }}</p>\n")
    status, html = body(snapshot_of(project), "/2025-07-03/analyst.html")
    assert status == 500
    assert "templates/brief.html:2</span>: template:" in html


def test_unexpected_exception_is_shown_not_raised(project: Path, monkeypatch) -> None:
    def explode(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr("briefgen.preview.session.select", explode)
    status, html = body(snapshot_of(project), "/2025-07-03/analyst.html")
    assert status == 500
    assert "briefgen failed unexpectedly" in html and "RuntimeError: kaboom" in html
    assert "Traceback" in html
    monkeypatch.setattr("briefgen.preview.session.load", explode)
    snapshot = snapshot_of(project)
    assert snapshot.failure is not None and snapshot.failure.lines == ("RuntimeError: kaboom",)


def test_unknown_pages_and_audiences_are_404(project: Path) -> None:
    snapshot = snapshot_of(project)
    for path in (
        "/2025-07-03/board.html",
        "/2025-02-30/analyst.html",
        "/2025-07-03/analyst.json",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/2025-07-03/%2e%2e/analyst.html",
        "//etc/passwd",
        "/etc/passwd",
        "/content/brief.yaml",
        "/templates/brief.html",
    ):
        status, html = body(snapshot, path)
        assert status == 404, path
        assert "root:" not in html
    assert "unknown audience &#x27;board&#x27;" in body(snapshot, "/2025-07-03/board.html")[1]


def test_pdf_is_rendered_on_request_in_memory_only(project: Path) -> None:
    snapshot = snapshot_of(project)
    response = snapshot.respond("/2025-05-08/public.pdf", LIVE)
    assert response.status == 200 and response.content_type == "application/pdf"
    assert response.body.startswith(b"%PDF") and response.filename == "2025-05-08-public.pdf"
    assert snapshot.respond("/2025-05-08/public.pdf", LIVE).body is response.body  # kept
    assert not (project / "output").exists()


# --- The server over a real socket on loopback ----------------------------------------------


@pytest.fixture
def preview(project: Path):
    server = Preview(Project.at(project), host="127.0.0.1", port=0, quiet=0.3)
    server.start()
    builder = threading.Thread(target=server.run, daemon=True)
    builder.start()
    yield server
    server.stop()
    builder.join(timeout=5)
    assert not builder.is_alive()


def get(server: Preview, target: str, host: str | None = None) -> tuple[int, bytes, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host or f"127.0.0.1:{server.port}")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def test_server_serves_only_its_own_routes(preview: Preview) -> None:
    status, data, headers = get(preview, "/2025-07-03/analyst.html")
    assert status == 200 and b"JULYNARRATIVE" in data
    assert "script-src 'nonce-" in headers["Content-Security-Policy"]
    assert headers["Cache-Control"] == "no-store"
    for target in (
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/2025-07-03/../../../etc/passwd",
        "/content/brief.yaml",
    ):
        status, data, _ = get(preview, target)
        assert status == 404, target
        assert b"root:" not in data
    status, _, _ = get(preview, "/", host="attacker.example")  # DNS rebinding
    assert status == 403
    assert get(preview, "/", host="localhost")[0] == 200


def test_saves_rebuild_once_and_wake_the_long_poll(preview: Preview, project: Path) -> None:
    status, data, _ = get(preview, f"/_briefgen/wait?epoch=0&server={preview.server_id}")
    assert status == 200
    assert json.loads(data) == {"epoch": 1, "server": preview.server_id}
    result: list[bytes] = []
    poll = threading.Thread(
        target=lambda: result.append(
            get(preview, f"/_briefgen/wait?epoch=1&server={preview.server_id}")[1]
        )
    )
    poll.start()
    track = project / "content" / "tracks" / "alpha-beta.md"
    for n in range(3):  # three quick saves
        track.write_text(track.read_text().replace("JULYNARRATIVE", f"EDIT{n}"))
        time.sleep(0.03)
    poll.join(timeout=10)
    assert result and json.loads(result[0])["epoch"] == 2
    time.sleep(0.5)  # longer than the quiet time: a second build would have started
    assert preview.builds == 2  # the first build, then one for the burst
    status, data, _ = get(preview, "/2025-07-03/analyst.html")
    assert status == 200 and b"EDIT0" in data and not (project / "output").exists()
    # a page from an earlier server run reloads at once
    _, data, _ = get(preview, "/_briefgen/wait?epoch=2&server=older")
    assert json.loads(data)["server"] == preview.server_id


def test_cli_prints_the_url_and_stops_cleanly_on_ctrl_c(project: Path) -> None:
    main = "from briefgen.cli import main; main()"
    command = [sys.executable, "-c", main, "serve", "--project", str(project)]
    process = subprocess.Popen(
        [*command, "--port", "0", "--audience", "public"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        first = process.stdout.readline() if process.stdout else ""
        assert first.startswith("Previewing ") and "http://127.0.0.1:" in first
        second = process.stdout.readline() if process.stdout else ""
        assert second.startswith("Brief: http://127.0.0.1:") and "/2025-07-03/public.html" in second
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "Traceback" not in err and out.strip() == "Stopped."


def test_cli_unknown_audience_and_busy_port_are_usage_errors(project: Path) -> None:
    from click.testing import CliRunner

    from briefgen.cli import main

    runner = CliRunner()
    result = runner.invoke(
        main, ["serve", "--project", str(project), "--port", "0", "--audience", "x"]
    )
    assert result.exit_code == 2 and "unknown audience 'x'" in result.stderr
    holder = Preview(Project.at(project), port=0)
    holder.start()
    try:
        result = runner.invoke(
            main, ["serve", "--project", str(project), "--port", str(holder.port)]
        )
        assert result.exit_code == 2 and "cannot listen on 127.0.0.1:" in result.stderr
    finally:
        holder.stop()
