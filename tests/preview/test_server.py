"""The preview server over a real socket on loopback: routes, headers, safety, rebuilds, CLI."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from briefgen.preview.server import Preview
from briefgen.project import Project
from tests.conftest import REPO


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


def test_each_html_answer_carries_the_nonce_of_its_only_script(preview: Preview) -> None:
    nonces = set()
    for target in ("/", "/2025-07-03/analyst.html", "/2025-07-03/board.html"):
        status, data, headers = get(preview, target)
        assert status in (200, 404), target
        csp = headers["Content-Security-Policy"]
        assert csp.startswith("default-src 'none'; script-src 'nonce-") and "'self'" in csp
        assert "style-src 'unsafe-inline'" in csp and "frame-ancestors 'none'" in csp
        [nonce] = re.findall(r"'nonce-([^']+)'", csp)
        scripts = re.findall(rb"<script[^>]*>", data)
        assert scripts[-1].startswith(f'<script nonce="{nonce}"'.encode()), target
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        nonces.add(nonce)
    assert len(nonces) == 3  # a fresh nonce for every answer
    status, data, headers = get(preview, "/2025-05-08/public.pdf")
    assert status == 200 and data.startswith(b"%PDF") and "Content-Security-Policy" in headers
    assert headers["Content-Disposition"] == 'inline; filename="2025-05-08-public.pdf"'
    status, _, headers = get(preview, f"/_briefgen/wait?epoch=0&server={preview.server_id}")
    assert status == 200 and "Content-Security-Policy" not in headers


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
