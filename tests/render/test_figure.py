"""The status figure: one row per track, spans and editions where their dates fall, words for
those who cannot see it, readable with one track and with twenty."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET

import pytest

from briefgen.brief.views import Brief
from briefgen.render.axis import LABEL_ROOM, Scale, ticks
from briefgen.render.figure import NAME, WIDTH, status_figure, text_width
from briefgen.render.html import render_html
from tests.conftest import brief_for

SVG = "{http://www.w3.org/2000/svg}"


def parse(brief: Brief) -> ET.Element:
    return ET.fromstring(str(status_figure(brief)))


@pytest.fixture
def july(project) -> Brief:
    return brief_for(project, "2025-07-03")


def test_meta_lists_the_editions_up_to_the_brief(project) -> None:
    assert brief_for(project, "2025-07-03").meta.editions == (
        dt.date(2025, 5, 8),
        dt.date(2025, 7, 3),
    )
    # A past brief does not learn of later editions.
    assert brief_for(project, "2025-05-08").meta.editions == (dt.date(2025, 5, 8),)


def test_figure_has_a_text_alternative_naming_each_status(july) -> None:
    svg = parse(july)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "status-figure-title"
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None and title.text is not None and desc is not None
    assert title.text.startswith("Status of each track, 2 May 2025 to 3 July 2025.")
    assert "Alpha–Beta talks: stalled since 2 July 2025" in title.text
    assert "active since 7 May 2025, then stalled since 2 July 2025" in str(desc.text)
    assert "Editions marked: 8 May 2025, 3 July 2025." in str(desc.text)


def test_spans_and_editions_fall_where_their_dates_do(july) -> None:
    svg = parse(july)
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("height") == "11"]
    assert len(bars) == 2  # active, then stalled
    (active, stalled) = bars
    start, end = float(active.get("x", 0)), float(stalled.get("x", 0))
    # Active from 7 May, stalled from 2 July, as of 3 July: the first span is the longer.
    assert float(active.get("width", 0)) > 20 * float(stalled.get("width", 0))
    assert start < end < WIDTH
    dotted = [line for line in svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]
    assert len(dotted) == 2  # the May edition, and the legend's key for it
    words = [t.text for t in svg.iter(f"{SVG}text")]
    assert "as of 3 Jul 2025" in words and "STALLED" in words
    assert "earlier edition" in words and "active" in words and "stalled" in words


def test_no_tracks_no_figure(july) -> None:
    assert status_figure(july.model_copy(update={"tracks": ()})) == ""


def test_names_are_escaped(july) -> None:
    track = july.tracks[0].model_copy(update={"name": "<script>x</script> & co"})
    text = str(status_figure(july.model_copy(update={"tracks": (track,)})))
    assert "<script>" not in text and "&lt;script&gt;x&lt;/script&gt; &amp; co" in text


def test_twenty_tracks_with_long_names_do_not_overlap(july) -> None:
    base = july.tracks[0]
    long = "Trilateral technical working group on the disengagement line and its observers"
    tracks = tuple(
        base.model_copy(update={"id": f"t{i}", "name": long if i % 3 else f"Track {i}"})
        for i in range(20)
    )
    svg = parse(july.model_copy(update={"tracks": tracks}))
    plot_left = min(float(r.get("x", 0)) for r in svg.iter(f"{SVG}rect") if r.get("height") == "11")
    names = [t for t in svg.iter(f"{SVG}text") if t.get("font-size") == str(NAME)]
    assert 20 < len(names) <= 40
    ys = [float(t.get("y", 0)) for t in names]
    assert all(b - a >= NAME for a, b in itertools.pairwise(ys))  # one below the other
    assert all(text_width(t.text or "", NAME) < plot_left for t in names)
    assert any((t.text or "").endswith("…") for t in names)  # cut on its second line
    height = float(svg.get("height", 0))
    assert 20 * 19 < height < 20 * 31 + 80


def test_one_track_makes_a_small_figure(july) -> None:
    assert float(parse(july).get("height", 0)) < 90


def test_a_daily_brief_alone_in_its_window_still_has_a_time_axis(july) -> None:
    meta = july.meta.model_copy(update={"period": "daily", "editions": (july.meta.as_of,)})
    svg = parse(july.model_copy(update={"meta": meta}))
    [as_of] = [line for line in svg.iter(f"{SVG}line") if line.get("stroke") == "#1f3a5f"]
    assert float(as_of.get("x1", 0)) > WIDTH / 2  # the brief's day at the right, not the left


@pytest.mark.parametrize(
    ("first", "last", "step"),
    [
        (dt.date(2025, 6, 27), dt.date(2025, 7, 3), 1),
        (dt.date(2025, 5, 2), dt.date(2025, 7, 3), 14),
        (dt.date(2024, 7, 1), dt.date(2025, 7, 3), 61),
        (dt.date(2020, 1, 1), dt.date(2025, 7, 3), 365),
    ],
)
def test_ticks_fit_and_keep_apart(first, last, step) -> None:
    scale = Scale(first, last, 200, 560)
    found = ticks(scale)
    assert 2 <= len(found) <= (560 - 200) // LABEL_ROOM
    days = [d for d, _ in found]
    assert days == sorted(days) and first <= days[0] and days[-1] <= last
    assert all((b - a).days >= step - 3 for a, b in itertools.pairwise(days))
    assert len({label for _, label in found}) == len(found)


def test_figure_sits_in_the_tracks_section_of_the_html(project, july) -> None:
    html = render_html(july, project)
    tracks = html[html.index('id="tracks"') :]
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="status-figure-svg"' in tracks
    executive = brief_for(project, "2025-07-03", "executive")
    assert "status-figure-svg" not in render_html(executive, project, template="executive.html")
