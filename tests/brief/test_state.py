"""One answer to "what was current on D": histories order one way, and no part of a brief
contradicts another."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefgen.brief.changes import Series
from briefgen.brief.select import Selection
from briefgen.content.load import load
from briefgen.errors import ContentError
from tests.conftest import BUILT_AT, brief_for

JUNE = {"sources/june-report.yaml": "outlet: June Outlet\npublished: 2025-06-02\nreliability: B\n"}


def track(*statuses: str) -> str:
    lines = "".join(statuses)
    return (
        "---\nname: Alpha–Beta talks\nsummary: S\nformat: indirect\nparties: [alpha, beta]\n"
        f"status:\n{lines}sources: [may-report]\n---\nBackground.\n"
    )


def status(name: str, date: str, source: str) -> str:
    return f"  - status: {name}\n    date: {date}\n    sources: [{source}]\n"


def test_latest_by_own_date_is_current_even_when_an_older_event_is_reported_later(
    make_project,
) -> None:
    """A May event first reported in July does not undo a June status: the history orders by
    the statuses' own dates, and the sections and What changed say the same."""
    root = make_project(
        {
            **JUNE,
            "tracks/alpha-beta.md": track(
                status("active", "2025-05-07", "may-report"),
                status("stalled", "2025-06-01", "june-report"),
                status("exploratory", "2025-05-01", "july-report"),
            ),
        }
    )
    brief = brief_for(root, "2025-07-03")
    [view] = brief.tracks
    assert view.status.status == "stalled"
    assert [s.status for s in view.history] == ["exploratory", "active", "stalled"]
    assert brief.changes is not None
    [change] = brief.changes.tracks
    assert (change.before, change.after) == ("active", "stalled")


def test_same_date_orders_by_the_day_it_became_known(make_project) -> None:
    root = make_project(
        {
            **JUNE,
            "tracks/alpha-beta.md": track(
                status("active", "2025-05", "june-report"),
                status("stalled", "2025-05", "july-report"),
            ),
        }
    )
    assert brief_for(root, "2025-06-10").tracks[0].status.status == "active"
    assert brief_for(root, "2025-07-03").tracks[0].status.status == "stalled"


# Property: for any content, the sections and What changed agree.

DAYS = [dt.date(2025, 5, 1) + dt.timedelta(days=n) for n in range(0, 92, 3)]
day = st.sampled_from(DAYS)
date_text = st.one_of(
    day.map(dt.date.isoformat),
    st.sampled_from(["2025-05", "2025-06", "~2025-06", "2025-07"]),
)
source_ids = ["s0", "s1", "s2"]
refs = st.lists(st.sampled_from(source_ids), min_size=1, max_size=2, unique=True)
statuses = st.sampled_from(["proposed", "exploratory", "active", "stalled", "suspended"])


def _list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


@st.composite
def contents(draw: st.DrawFn) -> dict[str, str]:
    files = {
        "brief.yaml": "title: T\norganisation: O\n",
        "audiences/all.yaml": (
            "label: All\nsections: [changes, judgments, tracks, positions, questions, timeline]\n"
            "ceiling: restricted\nwindow: 0\n"
        ),
        "actors/alpha.yaml": "name: Alpha\nshort_name: Alpha\nkind: state\n",
        "actors/beta.yaml": "name: Beta\nshort_name: Beta\nkind: state\n",
    }
    for sid in source_ids:
        files[f"sources/{sid}.yaml"] = f"published: {draw(day)}\nreliability: B\n"
    for t in range(draw(st.integers(1, 2))):
        history = "".join(
            f"  - status: {draw(statuses)}\n    date: {draw(date_text)}\n"
            f"    sources: {_list(draw(refs))}\n"
            for _ in range(draw(st.integers(1, 4)))
        )
        files[f"tracks/t{t}.md"] = (
            f"---\nname: Track {t}\nsummary: S\nformat: direct\nparties: [alpha]\n"
            f"status:\n{history}sources: [s0]\n---\nText.\n"
        )
    for n in range(draw(st.integers(0, 6))):
        files[f"positions/p{n}.yaml"] = (
            f"actor: {draw(st.sampled_from(['alpha', 'beta']))}\n"
            f"issue: {draw(st.sampled_from(['Talks', 'Border']))}\nstance: Stance {n}.\n"
            f"date: {draw(date_text)}\nsources: {_list(draw(refs))}\n"
        )
    for n in range(draw(st.integers(0, 3))):
        replaces = f"replaces: j{n - 1}\n" if n and draw(st.booleans()) else ""
        files[f"judgments/j{n}.yaml"] = (
            f"statement: Judgment {n}.\nlikelihood: likely\nconfidence: low\nbasis: B.\n"
            f"date: {draw(date_text)}\n{replaces}sources: {_list(draw(refs))}\n"
        )
    observed = draw(st.none() | date_text)
    answer = draw(st.none() | date_text)
    files["questions/q.yaml"] = (
        f"question: Q?\nwhy: W.\nopened: {draw(date_text)}\nsources: {_list(draw(refs))}\n"
        "signposts:\n  - text: Sign.\n"
        + (f"    observed: {observed}\n    sources: {_list(draw(refs))}\n" if observed else "")
        + (
            f"answer:\n  text: A.\n  date: {answer}\n  sources: {_list(draw(refs))}\n"
            if answer
            else ""
        )
    )
    for n in range(draw(st.integers(0, 3))):
        files[f"developments/d{n}.yaml"] = (
            f"date: {draw(date_text)}\nheadline: Event {n}\nsources: {_list(draw(refs))}\n"
        )
    first, second = sorted(draw(st.lists(day, min_size=2, max_size=2, unique=True)))
    files[f"editions/{first}.md"] = "---\n---\nFirst.\n"
    files[f"editions/{second}.md"] = "---\n---\nSecond.\n"
    return files


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(contents())
def test_sections_and_what_changed_never_disagree(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in files.items():
            path = root / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        try:
            content = load(root).content
        except ContentError as exc:
            assert all("cannot tell which" in line for line in exc.lines()), exc.lines()
            assume(False)
            return
    [audience] = [a for a in content.audiences if a.id == "all"]
    selection = Selection(content, audience)
    first, second = sorted(e.as_of for e in content.editions)
    old = selection.brief(first, built_at=BUILT_AT)
    new = selection.brief(second, built_at=BUILT_AT)
    changes = new.changes
    assert changes is not None and changes.previous == first

    was = {t.id: t.status.status for t in old.tracks}
    now = {t.id: t.status.status for t in new.tracks}
    moved = {c.id: c for c in changes.tracks if c.change != "reverted"}
    assert set(moved) == {i for i in now if was.get(i) != now[i]}
    for track_id, change in moved.items():
        assert (change.before, change.after) == (was.get(track_id), now[track_id])
    for change in changes.tracks:
        if change.change == "reverted":  # changed and changed back since the previous edition
            assert change.before == change.after == was[change.id] == now[change.id]
            assert change.interim and change.after not in change.interim
    assert {t.id for t in new.tracks if t.updated} == {c.id for c in changes.tracks if c.before}

    def shown(brief) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
        return {(p.issue, p.actor): p.id for i in brief.positions for p in i.positions}

    before, after = shown(old), shown(new)
    assert {(p.issue, p.actor): p.id for p in changes.positions} == {
        key: pid for key, pid in after.items() if before.get(key) != pid
    }
    assert {j.id for j in changes.judgments} == {j.id for j in new.judgments} - {
        j.id for j in old.judgments
    }
    assert {d.id for d in changes.developments} == {d.id for d in new.timeline} - {
        d.id for d in old.timeline
    }
    answered = {q.id for q in changes.questions if q.change == "answered"}
    assert answered == {q.id for q in new.questions if q.answer} - {
        q.id for q in old.questions if q.answer
    }
    # The state behind both is the same object for a date.
    series: Series = selection.series
    assert series.at(second) is series.at(second)


# Truth in time: an item the sources reported after the day stays out, however early it
# happened, even when a source it cites was out before.

REPORTED_LATE = {
    "developments/begun.yaml": (
        "headline: BEGUN talks began in May\ndate: 2025-05-02\nreported: 2025-07-03\n"
        "sources: [may-report]\n"
    ),
    "tracks/alpha-beta.md": track(
        status("active", "2025-05-07", "may-report"),
        "  - status: stalled\n    date: 2025-05-20\n    reported: 2025-07-03\n"
        "    sources: [may-report]\n",
    ),
}


@pytest.mark.parametrize(
    ("day", "shown", "current", "history"),
    [
        ("2025-05-08", False, "active", ["active"]),
        ("2025-07-02", False, "active", ["active"]),
        ("2025-07-03", True, "stalled", ["active", "stalled"]),
    ],
)
def test_an_item_reported_after_the_day_is_not_shown(
    make_project, day: str, shown: bool, current: str, history: list[str]
) -> None:
    brief = brief_for(make_project(REPORTED_LATE), day)
    assert ("begun" in {d.id for d in brief.timeline}) is shown
    [view] = brief.tracks
    assert view.status.status == current
    assert [s.status for s in view.history] == history
