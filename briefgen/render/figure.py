"""The status figure: each track's status over time as one inline SVG, drawn from the brief.

Pure: a brief in, SVG text out, no script and nothing fetched. Colours are attributes, not
CSS, so a browser and WeasyPrint draw the same figure; text widths are estimated, with room to
spare, because nothing here may lay text out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from briefgen.brief.periods import period_start
from briefgen.brief.views import Brief, Status, TrackView
from briefgen.content.dates import PartialDate
from briefgen.render.axis import Scale, ticks
from briefgen.render.when import when

INK, MUTED, RULE, ACCENT = "#1c2430", "#5b6573", "#d5d9df", "#1f3a5f"
SANS = "Inter, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"

WIDTH = 640  # user units: the column's width in CSS px on screen; one unit is .77 pt on A4
ROW, LINE, BAR = 19, 12, 11  # a row's height, and what a second line of its name adds; a bar's
TOP = 18  # room above the rows for the as-of label
NAME, SMALL = 10.5, 8.5  # font sizes: track names (8 pt on A4); axis, legend, status words
EM = 0.52  # a generous average advance per character, in ems (Inter runs about .47)
GAP = 8


def text_width(text: str, size: float, caps: bool = False) -> float:
    """Estimated width of `text` at `size`; bold capitals run wider."""
    return len(text) * size * (EM + (0.17 if caps else 0))


def _lines(name: str, room: float) -> list[str]:
    """A track's name on one line, or two broken between words; the second cut if need be."""
    if text_width(name, NAME) <= room:
        return [name]
    words, first = name.split(), ""
    while words and text_width(f"{first} {words[0]}".strip(), NAME) <= room:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one long word: cut it
        return [_fit(name, NAME, room)]
    return [first, _fit(" ".join(words), NAME, room)]


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _tint(colour: str, share: float = 0.22) -> str:
    """`colour` mixed with white: the span's fill, light enough for text on it."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in rgb)


def _fit(text: str, size: float, room: float) -> str:
    """`text`, cut with an ellipsis to fit `room`."""
    if text_width(text, size) <= room:
        return text
    keep = max(1, int(room / (size * EM)) - 1)
    return text[:keep].rstrip() + "…"


@dataclass(frozen=True)
class Span:
    status: Status
    start: dt.date
    end: dt.date
    clipped: bool
    """It began before the figure's first day."""
    current: bool


def _start(status: Status) -> PartialDate:
    """When the status began, else when it was reported: it began by then."""
    start = status.date or status.reported
    assert start is not None  # the content model refuses a status change with neither
    return start


def spans(track: TrackView, first: dt.date, last: dt.date) -> list[Span]:
    """The track's statuses as spans within [first, last]: each lasts until the next began."""
    found = []
    history = track.history
    for i, status in enumerate(history):
        begin = min(_start(status).first_day, last)
        end = _start(history[i + 1]).first_day if i + 1 < len(history) else last
        if end < first:
            continue
        current = i + 1 == len(history)
        found.append(Span(status, max(begin, first), min(end, last), begin < first, current))
    return found


def domain(brief: Brief) -> tuple[dt.date, dt.date]:
    """From the start of the first edition's period in the window to the brief's date; at
    least a day, so that a daily brief's single day still has a width."""
    meta = brief.meta
    first = period_start(meta.period, meta.editions[0] if meta.editions else meta.as_of)
    return min(first, meta.as_of - dt.timedelta(days=1)), meta.as_of


def status_figure(brief: Brief) -> Markup:
    """Each shown track's status over time, one row per track; empty without tracks."""
    if not brief.tracks:
        return Markup("")
    first, last = domain(brief)
    widest = max(text_width(t.name, NAME) for t in brief.tracks)
    name_room = min(widest + GAP, WIDTH * 0.34)
    word = brief.labels.word
    status_room = max(
        text_width(word("status", t.status.status), SMALL, True) for t in brief.tracks
    )
    status_room += GAP
    scale = Scale(first, last, name_room, WIDTH - status_room - GAP)
    rows, top = [], float(TOP)
    for track in brief.tracks:
        lines = _lines(track.name, name_room - GAP)
        rows.append(_row(brief, track, lines, top, scale, (first, last)))
        top += ROW + LINE * (len(lines) - 1)
    legend, height = _legend(brief, top + 30)
    title, desc = alternative(brief, first, last)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="status-figure-svg" role="img" '
        f'aria-labelledby="status-figure-title" aria-describedby="status-figure-desc" '
        f'viewBox="0 0 {WIDTH} {_num(height)}" width="{WIDTH}" height="{_num(height)}" '
        f'font-family="{SANS}" fill="{INK}">'
        f'<title id="status-figure-title">{escape(title)}</title>'
        f'<desc id="status-figure-desc">{escape(desc)}</desc>\n'
        # A line per row and per mark, so that a change to the figure reads as a small diff.
        + "\n".join(
            [
                *_edition_lines(brief, scale, top),
                *rows,
                *_axis(scale, top, brief.labels.date_words(short=True).months),
                legend,
            ]
        )
        + "</svg>"
    )


def _row(
    brief: Brief,
    track: TrackView,
    lines: list[str],
    top: float,
    scale: Scale,
    days: tuple[dt.date, dt.date],
) -> str:
    first, last = days
    labels, colours = brief.labels, _colours(brief)
    bottom = top + ROW + LINE * (len(lines) - 1)
    middle = top + ROW / 2  # the bar sits level with the name's first line
    bar = middle - BAR / 2
    out = [
        f'<line x1="0" x2="{WIDTH}" y1="{_num(bottom)}" y2="{_num(bottom)}" '
        f'stroke="{RULE}" stroke-width=".5"/>',
        *(
            f'<text x="0" y="{_num(middle + 3.6 + LINE * i)}" font-size="{NAME}">'
            f"{escape(line)}</text>"
            for i, line in enumerate(lines)
        ),
    ]
    for span in spans(track, first, last):
        colour = colours.get(span.status.status, MUTED)
        x, end = scale.x(span.start), scale.x(span.end)
        out.append(
            f'<rect x="{_num(x)}" y="{_num(bar)}" width="{_num(end - x)}" height="{BAR}" '
            f'fill="{_tint(colour)}"/>'
        )
        if not span.clipped:  # a diamond where the status began; hollow where only a report
            d = BAR / 2  # dates it, as the status began by then, not necessarily on that day
            paint = f'fill="{colour}"'
            if span.status.date is None:
                paint = f'fill="white" stroke="{colour}" stroke-width="1.2"'
            out.append(
                f'<path d="M{_num(x)} {_num(middle - d)}l{_num(d)} {_num(d)}l-{_num(d)} '
                f'{_num(d)}l-{_num(d)} -{_num(d)}z" {paint}/>'
            )
        status = labels.word("status", span.status.status)
        label = status + (when(span.status, labels, since=True) if span.clipped else "")
        # The status now is written at the right; its date too, unless a diamond shows it.
        if (span.clipped or not span.current) and text_width(label, SMALL) + 12 <= end - x:
            out.append(
                f'<text x="{_num(x + 7)}" y="{_num(middle + 3)}" font-size="{SMALL}" '
                f'fill="{colour}">{escape(label)}</text>'
            )
    now = labels.word("status", track.status.status)
    out.append(
        f'<text x="{WIDTH}" y="{_num(middle + 3)}" font-size="{SMALL}" font-weight="700" '
        f'letter-spacing=".4" text-anchor="end" fill="{colours.get(track.status.status, MUTED)}">'
        f"{escape(now.upper())}</text>"
    )
    return "".join(out)


def _edition_lines(brief: Brief, scale: Scale, bottom: float) -> list[str]:
    """A dotted line at each earlier edition; a solid one, labelled, at the brief's date."""
    out = [
        f'<line x1="{_num(scale.x(day))}" x2="{_num(scale.x(day))}" y1="{TOP - 3}" '
        f'y2="{_num(bottom)}" stroke="{MUTED}" stroke-width=".6" stroke-dasharray="1.2 1.8"/>'
        for day in brief.meta.editions
        if day != brief.meta.as_of
    ]
    x = _num(scale.x(brief.meta.as_of))
    as_of = brief.labels("figure.as_of", date=brief.labels.date(brief.meta.as_of, short=True))
    out.append(
        f'<line x1="{x}" x2="{x}" y1="{TOP - 3}" y2="{_num(bottom)}" stroke="{ACCENT}" '
        f'stroke-width=".9"/>'
        f'<text x="{x}" y="{TOP - 6}" font-size="{SMALL}" font-weight="700" text-anchor="end" '
        f'fill="{ACCENT}">{escape(as_of)}</text>'
    )
    return out


def _axis(scale: Scale, y: float, months: Sequence[str]) -> list[str]:
    out = [
        f'<line x1="{_num(scale.left)}" x2="{_num(scale.right)}" y1="{_num(y)}" y2="{_num(y)}" '
        f'stroke="{MUTED}" stroke-width=".6"/>'
    ]
    for day, label in ticks(scale, months):
        x = _num(scale.x(day))
        out.append(
            f'<line x1="{x}" x2="{x}" y1="{_num(y)}" y2="{_num(y + 3)}" stroke="{MUTED}" '
            f'stroke-width=".6"/><text x="{x}" y="{_num(y + 13)}" font-size="{SMALL}" '
            f'text-anchor="middle" fill="{MUTED}">{escape(label)}</text>'
        )
    return out


def _legend(brief: Brief, y: float) -> tuple[str, float]:
    """The statuses drawn and the edition marks, on as many lines as they need."""
    shown = {s.status for t in brief.tracks for s in t.history}
    labels, colours = brief.labels, _colours(brief)
    items = [(labels.word("status", s), c, True) for s, c in colours.items() if s in shown]
    earlier = labels("figure.earlier_edition")
    items += [(earlier, MUTED, False)] if len(brief.meta.editions) > 1 else []
    x, out = 0.0, []
    for label, colour, status in items:
        width = 16 + text_width(label, SMALL) + 14
        if x and x + width > WIDTH:
            x, y = 0.0, y + 15
        if status:
            out.append(
                f'<rect x="{_num(x)}" y="{_num(y - 7.5)}" width="11" height="9" '
                f'fill="{_tint(colour)}"/><path d="M{_num(x + 1)} {_num(y - 7.5)}v9" '
                f'stroke="{colour}" stroke-width="2"/>'
            )
        else:
            out.append(
                f'<line x1="{_num(x + 5)}" x2="{_num(x + 5)}" y1="{_num(y - 8.5)}" '
                f'y2="{_num(y + 2.5)}" stroke="{colour}" stroke-width=".6" '
                f'stroke-dasharray="1.2 1.8"/>'
            )
        out.append(
            f'<text x="{_num(x + 16)}" y="{_num(y)}" font-size="{SMALL}" fill="{MUTED}">'
            f"{escape(label)}</text>"
        )
        x += width
    return "".join(out), y + 5


def alternative(brief: Brief, first: dt.date, last: dt.date) -> tuple[str, str]:
    """The figure in words: each track's current status (its title, the PDF's alternate
    text), and each track's course (its description)."""
    labels = brief.labels

    def status(s: Status) -> str:
        return labels.word("status", s.status) + when(s, labels, "human", since=True)

    now = "; ".join(f"{t.name}: {status(t.status)}" for t in brief.tracks)
    title = labels("figure.title", first=labels.date(first), last=labels.date(last), now=now)
    courses = [
        f"{t.name}: " + labels("figure.then").join(status(s) for s in t.history)
        for t in brief.tracks
    ]
    days = [labels.date(d) for d in brief.meta.editions]
    marks = labels("figure.editions_marked", days=", ".join(days)) if days else ""
    return title, ". ".join(courses) + "." + marks


def _colours(brief: Brief) -> dict[str, str]:
    """Each status's colour, in the order of a track's life, which the legend follows; the
    stylesheet's .status-* classes use the same, so a span reads like the word beside it."""
    return {name: kind.colour for name, kind in brief.vocabulary.track_statuses.items()}
