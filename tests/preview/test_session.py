"""One build of the preview: content loaded once, an audience selected once, pages kept."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from briefgen.brief.select import Selection
from briefgen.preview.session import Failure
from tests.preview.conftest import body, session_of

JULY, MAY, JUNE = dt.date(2025, 7, 3), dt.date(2025, 5, 8), dt.date(2025, 6, 1)


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """Counts the selections made by sessions and the briefs taken from them."""
    calls = {"selections": 0, "briefs": 0}

    class Counted(Selection):
        def __init__(self, *args, **kwargs) -> None:
            calls["selections"] += 1
            super().__init__(*args, **kwargs)

        def brief(self, *args, **kwargs):
            calls["briefs"] += 1
            return super().brief(*args, **kwargs)

    monkeypatch.setattr("briefgen.preview.session.Selection", Counted)
    return calls


def test_one_selection_per_audience_per_build(project: Path, counted) -> None:
    session = session_of(project)
    assert counted == {"selections": 0, "briefs": 0}  # nothing is selected before it is asked for
    for day, audience in [(JULY, "analyst"), (MAY, "analyst"), (JUNE, "analyst"), (JULY, "public")]:
        assert isinstance(session.page(day, audience, "html"), bytes)
    assert session.page(JULY, "analyst", "html") is session.page(JULY, "analyst", "html")  # kept
    assert counted == {"selections": 2, "briefs": 4}
    analyst = session.selection("analyst")
    assert analyst is session.selection("analyst") and analyst.audience.id == "analyst"
    assert counted["selections"] == 2
    # the next build starts afresh: its own content, its own selections
    fresh = session_of(project)
    assert fresh.selection("analyst") is not analyst
    assert counted["selections"] == 3


def test_requests_at_once_share_one_selection(project: Path, counted) -> None:
    session = session_of(project)
    days = [MAY + dt.timedelta(days=n) for n in range(0, 60, 10)]
    results: list[object] = []
    threads = [
        threading.Thread(target=lambda d=d: results.append(session.page(d, "executive", "html")))
        for d in days
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(results) == len(days) and all(isinstance(r, bytes) for r in results)
    assert counted == {"selections": 1, "briefs": len(days)}


def test_unknown_audience_is_a_404_failure_and_selects_nothing(project: Path, counted) -> None:
    result = session_of(project).page(JULY, "board", "html")
    assert isinstance(result, Failure) and result.status == 404
    assert result.lines == ("unknown audience 'board'; known: analyst, executive, public",)
    assert counted["selections"] == 0


def test_broken_template_is_a_failure_with_its_place(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "brief.html").write_text("<p>\n{{ brief.no_such_field }}</p>\n")
    result = session_of(project).page(JULY, "analyst", "html")
    assert isinstance(result, Failure) and result.status == 500
    assert result.lines[0].startswith("templates/brief.html:2: template:")


def test_broken_content_is_kept_as_the_build_failure(make_project) -> None:
    root = make_project({"developments/confirmed.yaml": "date: 2025-05-7\n"})
    session = session_of(root)
    assert session.loaded is None and session.failure is not None
    assert session.failure.title == "The content has problems"
    assert session.page(JULY, "analyst", "html") is session.failure
    assert session.editions == [] and session.audiences == [] and session.warnings == []


def test_unexpected_exception_is_shown_not_raised(project: Path, monkeypatch) -> None:
    def explode(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr("briefgen.preview.session.Selection", explode)
    status, html = body(session_of(project), "/2025-07-03/analyst.html")
    assert status == 500
    assert "briefgen failed unexpectedly" in html and "RuntimeError: kaboom" in html
    assert "Traceback" in html
    monkeypatch.setattr("briefgen.preview.session.load", explode)
    session = session_of(project)
    assert session.failure is not None and session.failure.lines == ("RuntimeError: kaboom",)
