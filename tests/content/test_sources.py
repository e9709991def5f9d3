"""Sources without a publication date, `known_from` inside `published`, and relayed reports."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from briefgen.content.knowledge import available, published_by
from briefgen.content.load import load
from briefgen.content.sources import Source
from briefgen.errors import ContentError
from briefgen.render.html import render_html
from briefgen.render.json import brief_json
from tests.conftest import brief_for

UNDATED = {
    "sources/wire-copy.yaml": """\
        outlet: Example News
        relays: [Reuters]
        url: https://example.org/wire
        accessed: 2025-06-10
        reliability: C
        """,
    "developments/wire-event.yaml": """\
        date: 2025-06-01
        headline: WIREEVENT reported by an undated page
        sources: [wire-copy]
        """,
}


def problems(root) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ContentError) as caught:
        load(root)
    return caught.value.lines()


def source(**fields: object) -> Source:
    return Source.model_validate({"id": "s", "reliability": "C", **fields})


def test_an_undated_source_is_known_from_known_from_else_from_accessed() -> None:
    read = source(accessed="2025-06-10")
    assert (available(read), published_by(read)) == (dt.date(2025, 6, 10),) * 2
    both = source(known_from="2025-06-02", accessed="2025-06-10")
    assert (available(both), published_by(both)) == (dt.date(2025, 6, 2),) * 2


def test_a_dated_source_is_known_from_known_from_else_the_end_of_its_date() -> None:
    assert available(source(published="late 2025-07")) == dt.date(2025, 7, 31)
    assert available(source(published="2025-08/2025-09")) == dt.date(2025, 9, 30)
    early = source(published="2025-07", known_from="2025-07-04", accessed="2025-07-20")
    assert (available(early), published_by(early)) == (dt.date(2025, 7, 4), dt.date(2025, 7, 31))


def test_a_source_with_no_date_at_all_is_an_error(make_project) -> None:
    root = make_project({"sources/july-report.yaml": "outlet: July Outlet\nreliability: C\n"})
    assert problems(root) == [
        "content/sources/july-report.yaml:1: known_from: the source is undated: give "
        "`known_from` (the first day it is known to have been available) or `accessed` (the "
        "day you read it), or `published`"
    ]


@pytest.mark.parametrize(
    ("published", "known_from", "allowed"),
    [
        ("2025-05-07", "2025-05-01", "2025-05-07"),
        ("2025-05", "2025-06-01", "2025-05-01 to 2025-05-31"),
        ("late 2025-05", "2025-05-20", "2025-05-21 to 2025-05-31"),
    ],
)
def test_known_from_outside_published_is_an_error_on_its_line(
    make_project, published: str, known_from: str, allowed: str
) -> None:
    root = make_project(
        {
            "sources/may-report.yaml": (
                f"outlet: May Outlet\npublished: {published}\nknown_from: {known_from}\n"
                "reliability: B\n"
            )
        }
    )
    assert problems(root) == [
        f"content/sources/may-report.yaml:3: known_from: {known_from} lies outside the days "
        f"`published` ({published}) allows: {allowed}"
    ]


def test_known_from_on_either_edge_of_published_is_fine(make_project) -> None:
    for day in ("2025-05-01", "2025-05-31"):
        root = make_project(
            {
                "sources/may-report.yaml": (
                    f"outlet: M\npublished: 2025-05\nknown_from: {day}\nreliability: B\n"
                )
            }
        )
        # Nothing to say about the source (a judgment of 8 May made before the source was
        # available is another matter: the sourcing lint says so).
        assert [w for w in load(root).warnings if "sources/" in w.path] == []


def test_a_bad_published_date_is_reported_once(make_project) -> None:
    root = make_project({"sources/july-report.yaml": "published: July\nreliability: C\n"})
    assert problems(root) == [
        "content/sources/july-report.yaml:1: published: 'July' is not a date; write "
        "YYYY-MM-DD, YYYY-MM, YYYY, early/mid/late YYYY-MM or START/END (~ in front if "
        "approximate)"
    ]


def test_an_undated_sources_fact_appears_from_the_access_date(make_project) -> None:
    root = make_project(UNDATED)
    assert load(root).warnings == ()  # 1 June is not after the page: it was read on 10 June
    assert "wire-event" not in [d.id for d in brief_for(root, "2025-06-09").timeline]
    brief = brief_for(root, "2025-06-10")
    assert "wire-event" in [d.id for d in brief.timeline]
    html = render_html(brief, root)
    [note] = [s for s in brief.sources if s.id == "wire-copy"]
    endnote = html.split(f'id="src-{note.number}"')[1].split("</li>")[0]
    assert "undated." in endnote
    assert "relaying <bdi>Reuters</bdi></span>,\n" in endnote
    assert "Accessed 10 Jun 2025." in endnote


def test_relays_are_in_the_json_only_when_a_source_relays(make_project) -> None:
    root = make_project(UNDATED)
    sources = json.loads(brief_json(brief_for(root, "2025-07-03")))["sources"]
    relays = {s["id"]: s.get("relays") for s in sources}
    assert relays == {"wire-copy": ["Reuters"], "may-report": None, "july-report": None}
    assert {s["id"]: s["published"] for s in sources}["wire-copy"] is None


def test_several_relayed_outlets_read_as_a_list(make_project) -> None:
    root = make_project(
        {
            **UNDATED,
            "sources/wire-copy.yaml": (
                "outlet: Example News\nrelays: [Reuters, AFP, AP]\naccessed: 2025-06-10\n"
                "reliability: C\n"
            ),
        }
    )
    html = render_html(brief_for(root, "2025-07-03"), root)
    assert "relaying <bdi>Reuters</bdi>, <bdi>AFP</bdi> and <bdi>AP</bdi></span>,\n" in html
