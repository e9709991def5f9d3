"""An item dated by when it happened, when its sources reported it, or both."""

from __future__ import annotations

import pytest

from briefgen.content.load import load
from briefgen.errors import ContentError
from tests.content.test_load import problems


def development(dates: str) -> dict[str, str]:
    return {
        "developments/talks-begun.yaml": (
            f"headline: Talks have begun\n{dates}sources: [july-report]\n"
        )
    }


def test_report_date_alone_is_enough(make_project) -> None:
    root = make_project(development('reported: "2025-07-03"\n'))
    [d] = [d for d in load(root).content.developments if d.id == "talks-begun"]
    assert (d.date, d.reported.iso(), d.when.iso(), d.learned.iso()) == (
        None,
        "2025-07-03",
        "2025-07-03",
        "2025-07-03",
    )


def test_event_and_report_dates_sort_by_the_event_and_count_from_the_report(
    make_project,
) -> None:
    root = make_project(development('date: "late 2025-06"\nreported: "2025-07-03"\n'))
    [d] = [d for d in load(root).content.developments if d.id == "talks-begun"]
    assert (d.when.iso(), d.learned.iso()) == ("late 2025-06", "2025-07-03")


def test_neither_date_names_file_line_and_field(make_project) -> None:
    root = make_project(development(""))
    assert problems(root) == [
        "content/developments/talks-begun.yaml:1: date: give `date` (when it happened) or "
        "`reported` (when the sources reported it)"
    ]


def test_a_status_change_without_either_date_names_its_entry(make_project) -> None:
    track = (
        "---\nname: T\nsummary: S\nformat: indirect\nparties: [alpha, beta]\nstatus:\n"
        "  - status: active\n    sources: [may-report]\nsources: [may-report]\n---\nText.\n"
    )
    root = make_project({"tracks/alpha-beta.md": track})
    [line] = problems(root)
    assert line.startswith("content/tracks/alpha-beta.md:7: status.0.date: give `date`")


@pytest.mark.parametrize(
    ("dates", "error"),
    [
        (
            'date: "2025-07-03"\nreported: "2025-06"\n',
            "reported (2025-06) before it happened (2025-07-03)",
        ),
        ('date: "2025-07"\nreported: "2025-07-03"\n', None),  # reported within the month
        ('date: "2025-07-03"\nreported: "2025-07"\n', None),  # the month may be the 3rd on
        ('date: "2025-07-03"\nreported: "2025-07-03"\n', None),
    ],
)
def test_a_report_before_the_event_is_an_error(make_project, dates: str, error: str) -> None:
    root = make_project(development(dates))
    if error is None:
        load(root)
        return
    with pytest.raises(ContentError) as info:
        load(root)
    [line] = info.value.lines()
    assert line.startswith("content/developments/talks-begun.yaml:3: reported: " + error)


def test_a_link_reported_before_it_happened_is_an_error(make_project) -> None:
    track = (
        "---\nname: T\nsummary: S\nformat: indirect\nparties: [alpha, beta]\nstatus:\n"
        "  - status: active\n    date: 2025-05-07\n    sources: [may-report]\nlinks:\n"
        "  - relation: became\n    track: other\n    date: 2025-07-03\n"
        "    reported: 2025-07-01\n    sources: [july-report]\n"
        "sources: [may-report]\n---\nText.\n"
    )
    other = track.replace("name: T\n", "name: O\n").replace(
        "links:\n  - relation: became\n    track: other\n    date: 2025-07-03\n"
        "    reported: 2025-07-01\n    sources: [july-report]\n",
        "",
    )
    root = make_project({"tracks/alpha-beta.md": track, "tracks/other.md": other})
    assert [p for p in problems(root) if "reported" in p] == [
        "content/tracks/alpha-beta.md:14: links.0.reported: reported (2025-07-01) before it "
        "happened (2025-07-03): one of the two dates is wrong"
    ]
