"""The preview in a real headless browser: edit a file, see the open page change by itself.

Drives Debian's chromium over the Chrome DevTools protocol (a websocket on loopback). Not
skipped when chromium is missing: it fails and says how to install it.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import websocket

from briefgen.preview.server import Preview
from briefgen.project import Project

CHROMIUM = Path("/usr/bin/chromium")
BAD_DATE = (
    "content/developments/confirmed.yaml:1: date: '2025-05-7' is not a date; write "
    "YYYY-MM-DD, YYYY-MM, YYYY, early/mid/late YYYY-MM or START/END (~ in front if "
    "approximate)"
)
TEXT = "document.body ? document.body.innerText : ''"


class Browser:
    """Headless chromium and one page of it, over the DevTools protocol."""

    def __init__(self, profile: Path) -> None:
        if not CHROMIUM.is_file():
            pytest.fail(
                f"{CHROMIUM} is missing: the preview's browser test needs Debian's chromium "
                "(apt-get install chromium; .ci/run installs it)"
            )
        self.process = subprocess.Popen(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1000,700",
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ids = 0
        try:
            port, path = self._devtools_address(profile / "DevToolsActivePort")
            self.ws = websocket.create_connection(
                f"ws://127.0.0.1:{port}{path}", timeout=10, suppress_origin=True
            )
            target = self.call("Target.createTarget", url="about:blank")["targetId"]
            attached = self.call("Target.attachToTarget", targetId=target, flatten=True)
            self.session = attached["sessionId"]
        except BaseException:
            self.close()
            raise

    def _devtools_address(self, port_file: Path) -> tuple[str, str]:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"chromium exited with {self.process.returncode} at start")
            lines = port_file.read_text().splitlines() if port_file.is_file() else []
            if len(lines) >= 2:
                return lines[0], lines[1]
            time.sleep(0.05)
        pytest.fail("chromium did not open its DevTools port within 15 s")

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.ids += 1
        message: dict[str, Any] = {"id": self.ids, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        for _ in range(10_000):  # skip events until the answer; each recv times out at 10 s
            answer = json.loads(self.ws.recv())
            if answer.get("id") == self.ids:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]
        raise RuntimeError(f"{method}: no answer")

    def navigate(self, url: str) -> None:
        self.call("Page.navigate", self.session, url=url)

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", self.session, expression=expression, returnByValue=True
        )
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 10.0) -> tuple[Any, float]:
        """Poll a JS expression until it is truthy; its value and how long that took."""
        started = time.perf_counter()
        value: Any = None
        while time.perf_counter() - started < timeout:
            try:  # while the page reloads there may be no context to evaluate in
                value = self.evaluate(expression)
            except RuntimeError:
                value = None
            if value:
                return value, time.perf_counter() - started
            time.sleep(0.01)
        raise AssertionError(f"not true within {timeout} s: {expression}; last text: {self.text()}")

    def text(self) -> str:
        try:
            return str(self.evaluate(TEXT))
        except RuntimeError as exc:
            return f"({exc})"

    def wait_for_text(self, needle: str, timeout: float = 10.0) -> tuple[str, float]:
        expression = f"({TEXT}).includes({json.dumps(needle)}) && ({TEXT})"
        return self.wait_for(expression, timeout)

    def close(self) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def test_open_page_follows_edits_errors_and_fixes_by_itself(project: Path, tmp_path: Path) -> None:
    preview = Preview(Project.at(project), host="127.0.0.1", port=0)
    preview.start()
    builder = threading.Thread(target=preview.run, daemon=True)
    builder.start()
    browser = Browser(tmp_path / "chromium-profile")
    try:
        browser.navigate(f"{preview.url}/2025-07-03/analyst.html")
        browser.wait_for_text("JULYNARRATIVE")
        assert browser.evaluate("!!document.getElementById('briefgen-bar')")
        # The bar's tokens are set on the bar: it has the brief's accent, the brief's :root
        # gets none of the preview's own tokens.
        bar = "getComputedStyle(document.getElementById('briefgen-bar'))"
        assert browser.evaluate(f"{bar}.backgroundColor") == "rgb(31, 58, 95)"
        assert browser.evaluate(f"{bar}.getPropertyValue('--mono')").strip()
        root = "getComputedStyle(document.documentElement)"
        assert browser.evaluate(f"{root}.getPropertyValue('--mono')") == ""
        scrolled = browser.evaluate(
            "window.scrollTo(0, Math.min(250, document.documentElement.scrollHeight"
            " - innerHeight)); window.scrollY"
        )
        assert scrolled > 0
        browser.evaluate("window.notReloadedYet = true")

        # Edit a track's narrative: the page shows it without being told to reload.
        track = project / "content" / "tracks" / "alpha-beta.md"
        saved = time.perf_counter()
        track.write_text(track.read_text().replace("JULYNARRATIVE", "LIVEEDIT"))
        text, _ = browser.wait_for_text("LIVEEDIT")
        refresh = time.perf_counter() - saved
        assert "JULYNARRATIVE" not in text
        assert browser.evaluate("window.notReloadedYet") is None  # a fresh page, not ours
        assert browser.evaluate("window.scrollY") == scrolled  # kept its place

        # Break a file: the page lists the problem as `briefgen check` does.
        development = project / "content" / "developments" / "confirmed.yaml"
        good = development.read_text()
        development.write_text(good.replace("date: 2025-05-07", "date: 2025-05-7"))
        text, _ = browser.wait_for_text(BAD_DATE)
        assert "The content has problems" in text and "1 problem." in text

        # Fix it: the brief comes back by itself, at the same place.
        fixed = time.perf_counter()
        development.write_text(good)
        text, _ = browser.wait_for_text("LIVEEDIT")
        recovery = time.perf_counter() - fixed
        assert BAD_DATE not in text
        browser.wait_for(f"window.scrollY === {scrolled}", timeout=2)

        # The toolbar switches edition.
        browser.evaluate(
            "var s = document.getElementById('briefgen-day'); s.value = '2025-05-08';"
            " s.dispatchEvent(new Event('change'))"
        )
        browser.wait_for("location.pathname === '/2025-05-08/analyst.html'")
        text, _ = browser.wait_for_text("8 May 2025")
        assert "LIVEEDIT" not in text  # the July part of the narrative is not known in May
        print(
            f"\nsave-to-refresh {refresh * 1000:.0f} ms, fix-to-brief {recovery * 1000:.0f} ms, "
            f"{preview.builds} builds"
        )
    finally:
        browser.close()
        preview.stop()
        builder.join(timeout=5)
    assert not (project / "output").exists()
