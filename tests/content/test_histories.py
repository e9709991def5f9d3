"""Entries of one history that cannot be ordered in time are a check error naming both."""

from __future__ import annotations

import pytest

from briefgen.content.load import load
from briefgen.errors import ContentError


def problems(root) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ContentError) as caught:
        load(root)
    return caught.value.lines()


def test_two_statuses_on_one_day_known_the_same_day(make_project) -> None:
    root = make_project(
        {
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S\nformat: direct\nparties: [alpha]\nstatus:\n"
                "  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
                "  - status: stalled\n    date: 2025-05-07\n    sources: [may-report]\n"
                "sources: [may-report]\n---\nText.\n"
            )
        }
    )
    assert problems(root) == [
        "content/tracks/alpha-beta.md:10: status.1: cannot tell which status is current: same "
        "date (2025-05-07) and known from the same day (2025-05-07) as "
        "content/tracks/alpha-beta.md:7; give one a more precise date or the source that "
        "reported it first"
    ]


def test_two_positions_of_one_actor_on_one_issue_across_files(make_project) -> None:
    root = make_project(
        {
            "positions/alpha-talks-again.yaml": (
                "actor: alpha\nissue: Talks\nstance: Other.\ndate: 2025-07-03\n"
                "sources: [july-report]\n"
            )
        }
    )
    assert problems(root) == [
        "content/positions/alpha-talks-july.yaml:4: date: cannot tell which position is current: "
        "same date (2025-07-03) and known from the same day (2025-07-03) as "
        "content/positions/alpha-talks-again.yaml:4; give one a more precise date or the source "
        "that reported it first"
    ]


def test_same_date_known_on_different_days_is_fine_and_trend_calls_tie(make_project) -> None:
    root = make_project(
        {
            "positions/alpha-talks-again.yaml": (
                "actor: alpha\nissue: Talks\nstance: Other.\ndate: 2025-05\n"
                "sources: [july-report]\n"
            ),
            "positions/alpha-talks-may.yaml": (
                "actor: alpha\nissue: Talks\nstance: Calm.\ndate: 2025-05\nsources: [may-report]\n"
            ),
        }
    )
    assert load(root).content.positions
    root = make_project(
        {
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S\nformat: direct\nparties: [alpha]\nstatus:\n"
                "  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
                "trend:\n  - date: 2025-07-03\n    trend: improved\n    reason: R\n"
                "  - date: 2025-07-03\n    trend: unchanged\n"
                "sources: [may-report]\n---\nText.\n"
            )
        }
    )
    [line] = problems(root)
    assert line.startswith("content/tracks/alpha-beta.md:14: trend.1: cannot tell which trend call")
