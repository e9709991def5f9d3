"""Write a synthetic brief project N times the size of the sample, for benchmarks.

    python bench/generate.py OUT_DIR --scale N [--weeks W] [--no-snapshots]

Writes OUT_DIR/content/: N times the sample's tracks, developments, sources, positions,
questions and judgments, spread over five years of weekly editions ending on a fixed date (or W
weeks, for smoke tests), with the sample's fixed cast of 16 actors. The same N always gives the
same bytes: everything comes from `random.Random(N)`, never from the clock. Developments and
positions cite the sources that report them (published up to a week later); status changes,
questions and judgments cite sources available by their date; judgments cite two or three,
at least one well graded, and every source is cited. Every source has a snapshot of its text
(`content/sources/<id>.txt`, filler with every quote and excerpt taken from it) unless
`--no-snapshots` is given. The project passes `briefgen check --strict`.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

END = dt.date(2025, 7, 3)
WEEKS = 261  # five years of weekly editions, END included

# Items per kind in the sample brief (content/ of this repository), multiplied by the scale.
SAMPLE_COUNTS = {
    "sources": 2,
    "tracks": 4,
    "developments": 11,
    "positions": 10,
    "questions": 6,
    "judgments": 4,
}
ACTOR_KINDS = ("state",) * 7 + ("organisation",) * 3 + ("group",) * 2 + ("person",) * 3 + ("media",)
STATUSES = ("proposed", "exploratory", "active", "stalled", "suspended", "concluded")
LIKELIHOODS = ("very unlikely", "unlikely", "roughly even chance", "likely", "very likely")
WORDS = (
    "channel",
    "talks",
    "ceasefire",
    "monitors",
    "envoy",
    "statement",
    "proposal",
    "draft",
    "meeting",
    "agreement",
    "mediator",
    "delegation",
    "border",
    "corridor",
    "guarantee",
    "framework",
    "deadline",
    "report",
    "visit",
    "withdrawal",
    "exchange",
    "round",
    "summit",
    "officials",
    "sources",
    "reportedly",
    "publicly",
    "quietly",
)

Item = dict[str, Any]


def iso(day: dt.date) -> str:
    return day.isoformat()


def human(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


class Writer:
    """Neutral filler text with a little Markdown, and dates and picks, all from one seed."""

    def __init__(self, scale: int, weeks: int) -> None:
        self.rng = random.Random(scale)
        self.weeks = weeks
        self.start = END - dt.timedelta(weeks=weeks - 1)

    def day(self, first: dt.date | None = None, last: dt.date = END) -> dt.date:
        """A day from `first` (the first edition) to `last` (the last one)."""
        first = first or self.start
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    def sentence(self, subject: str) -> str:
        return f"{subject} {self.words(self.rng.randint(4, 9))}."

    def markdown(self, subject: str, sentences: int = 2) -> str:
        """A paragraph with emphasis and sometimes a link, so Markdown rendering is exercised."""
        parts = [self.sentence(subject)]
        for _ in range(sentences - 1):
            text = self.words(self.rng.randint(5, 10))
            roll = self.rng.random()
            if roll < 0.3:
                text = f"*{text}*"
            elif roll < 0.5:
                text = f"**{text}**"
            elif roll < 0.6:
                text = f"[{text}](https://example.org/synthetic/{self.rng.randint(1, 999)})"
            parts.append(text[0].upper() + text[1:] + ".")
        return " ".join(parts)

    def bullets(self, subject: str, count: int) -> str:
        return "\n".join(f"- {self.sentence(subject)}" for _ in range(count))


@dataclass(frozen=True)
class Cast:
    """What later items refer to: actors, and sources sorted by the day they became available."""

    actors: list[str]
    states: list[str]
    source_days: list[dt.date]
    source_ids: list[str]
    low: set[str]
    """Low-grade sources (reliability E or F, or credibility 5 or 6)."""

    def cite(self, writer: Writer, day: dt.date, most: int = 2, least: int = 1) -> list[str]:
        """`least`..`most` sources available by `day`, mostly recent ones, as fresh reporting
        is."""
        known = bisect.bisect_right(self.source_days, day)
        recent = self.source_ids[max(0, known - 8) : known]
        picked = writer.rng.sample(recent, min(len(recent), writer.rng.randint(least, most)))
        return sorted(picked)

    def weigh(self, writer: Writer, day: dt.date) -> list[str]:
        """Two or three sources for a key judgment, at least one of them well graded: what
        `check` asks of a judgment (the first two sources of the project are well graded)."""
        picked = self.cite(writer, day, most=3, least=2)
        if all(s in self.low for s in picked):
            known = self.source_ids[: bisect.bisect_right(self.source_days, day)]
            picked[0] = [s for s in known if s not in self.low][-1]
        return sorted(set(picked))

    def report(self, writer: Writer) -> tuple[dt.date, list[str]]:
        """An event and the 1-2 sources that report it, the first within a week of it.

        Sources are published on or after what they report: briefgen warns about a fact dated
        after every source it cites.
        """
        first = writer.rng.randrange(len(self.source_ids))
        cited = self.source_ids[first : first + writer.rng.randint(1, 2)]
        return self.source_days[first] - dt.timedelta(days=writer.rng.randint(0, 6)), cited


def make_actors() -> list[Item]:
    actors: list[Item] = []
    for number, kind in enumerate(ACTOR_KINDS, start=1):
        actor: Item = {
            "id": f"actor-{number:02d}",
            "name": f"Synthetic {kind} {number}",
            "short_name": f"{kind.capitalize()} {number}",
            "kind": kind,
        }
        if kind == "person":
            actor["role"] = f"Envoy of state {number % 7 + 1}"
            actor["affiliation"] = f"actor-{number % 7 + 1:02d}"
        actors.append(actor)
    return actors


def make_sources(writer: Writer, count: int) -> tuple[list[Item], list[dt.date]]:
    """Sources evenly spread from a week before the first edition; the first one starts it."""
    first = writer.start - dt.timedelta(days=7)
    step = (END - first).days / count
    days = sorted(
        first + dt.timedelta(days=round(i * step) + (writer.rng.randint(0, 6) if i else 0))
        for i in range(count)
    )
    sources = []
    for number, day in enumerate(days, start=1):
        source: Item = {
            "id": f"source-{number:04d}",
            "outlet": f"Synthetic Outlet {writer.rng.randint(1, 12)}",
            "title": f"Synthetic report {number}",
            "url": f"https://example.org/synthetic/source-{number}",
            "published": iso(day),
            "reliability": writer.rng.choice("ABCDEF") if number > 2 else "B",
            "credibility": writer.rng.randint(1, 6) if number > 2 else 2,
        }
        if writer.rng.random() < 0.2:
            # Month-only dates exist in real content; known_from keeps the day it was available.
            source["published"] = f"{day:%Y-%m}"
            source["known_from"] = iso(day)
        if writer.rng.random() < 0.5:
            source["note"] = writer.markdown(f"Synthetic note on source {number}.")
        sources.append(source)
    return sources, days


def status_history(writer: Writer, cast: Cast, start: dt.date) -> list[Item]:
    changes = writer.rng.randint(1, 4)
    days = sorted({start, *(writer.day(start) for _ in range(changes - 1))})
    history = []
    status = writer.rng.choice(STATUSES[:3])
    for day in days:
        history.append(
            {
                "status": status,
                "date": iso(day),
                "note": writer.sentence("Status change"),
                "sources": cast.cite(writer, day),
            }
        )
        status = writer.rng.choice([s for s in STATUSES if s != status])
    return history


def make_track(writer: Writer, cast: Cast, number: int) -> tuple[Item, str, dt.date]:
    """Front matter, Markdown body and start day of one track."""
    # Tracks start in the first four fifths of the span, so that each has a history.
    start = writer.day(last=writer.start + (END - writer.start) * 4 // 5)
    history = status_history(writer, cast, start)
    parties = writer.rng.sample(cast.states, 2)
    others = [a for a in cast.actors if a not in parties]
    mediators = writer.rng.sample(others, writer.rng.randint(0, 2))
    track: Item = {
        "name": f"Synthetic track {number}",
        "summary": writer.sentence(f"Synthetic track {number} covers"),
        "format": writer.rng.choice(["direct", "indirect", "backchannel"]),
        "parties": parties,
        "mediators": mediators,
        "status": history,
        "watch": [writer.sentence("Watch for") for _ in range(writer.rng.randint(1, 3))],
        "sources": sorted({s for change in history for s in change["sources"]}),
    }
    if not mediators:
        track["mediators_note"] = writer.sentence("Mediators not named")
    if writer.rng.random() < 0.5:
        track["supporters"] = writer.rng.sample([a for a in others if a not in mediators], 1)
    body = [writer.markdown(f"Synthetic background to track {number}.", 3)]
    for change in history[1:]:
        body.append(f"## {change['date']}")
        body.append(writer.markdown(f"Synthetic update on track {number}.", 3))
        body.append(writer.bullets("Reported", writer.rng.randint(1, 3)))
    return track, "\n\n".join(body) + "\n", start


def make_development(
    writer: Writer, cast: Cast, tracks: Sequence[tuple[str, dt.date]], number: int
) -> Item:
    day, sources = cast.report(writer)
    open_tracks = [track_id for track_id, start in tracks if start <= day]
    on = writer.rng.sample(open_tracks, min(len(open_tracks), writer.rng.randint(1, 2)))
    where = f" on {' and '.join(on)}" if on else ""
    development: Item = {
        "id": f"development-{number:05d}",
        # Some events are only known to the month, approximately, as in real reporting.
        "date": f"~{day:%Y-%m}" if writer.rng.random() < 0.1 else iso(day),
        "headline": f"Synthetic development {number}{where}.",
        "detail": writer.markdown(f"Synthetic detail of development {number}."),
        "tracks": sorted(on),
        "actors": sorted(writer.rng.sample(cast.actors, writer.rng.randint(1, 3))),
        "sources": sources,
    }
    if number % 7 == 0:
        # Known only from the report, as much real reporting is (no day given for the event).
        development["reported"] = development.pop("date")
    mark(development, number)
    if writer.rng.random() < 0.3:
        # The passage it rests on, from its first source (named when it cites two).
        excerpt = writer.words(writer.rng.randint(5, 10))
        development["excerpt"] = {"text": excerpt, "source": sources[0]}
    return development


def day_of(development: Item) -> str:
    """When it happened, else when it was reported, without the approximation mark."""
    return str(development.get("date") or development["reported"]).lstrip("~")


def mark(item: Item, number: int) -> None:
    """Like the sample, facts are public unless marked: one in ten internal, one in 25
    restricted, by number so the random stream (and every other item) stays as it was."""
    if number % 25 == 7:
        item["sensitivity"] = "restricted"
    elif number % 10 == 3:
        item["sensitivity"] = "internal"


def make_position(writer: Writer, cast: Cast, issues: Sequence[str], number: int) -> Item:
    day, sources = cast.report(writer)
    actor = writer.rng.choice(cast.actors)
    position: Item = {
        "id": f"position-{number:05d}",
        "actor": actor,
        "issue": writer.rng.choice(issues),
        "stance": writer.markdown(f"Synthetic stance {number}."),
        "date": iso(day),
        "sources": sources,
    }
    mark(position, number)
    if writer.rng.random() < 0.4:
        position["quote"] = {
            "text": writer.words(writer.rng.randint(3, 8)),
            "speaker": actor,
            "source": sources[0],
        }
        if writer.rng.random() < 0.1:
            del position["quote"]["speaker"]  # words the source gives to no one: the outlet's
    return position


def make_signpost(writer: Writer, cast: Cast, opened: dt.date, number: int) -> Item:
    signpost: Item = {"text": writer.sentence(f"Signpost of question {number}:")}
    if writer.rng.random() < 0.3:
        seen = writer.day(opened)
        signpost["observed"] = iso(seen)
        signpost["sources"] = cast.cite(writer, seen, most=1)
    return signpost


def make_question(
    writer: Writer, cast: Cast, tracks: Sequence[tuple[str, dt.date]], number: int
) -> Item:
    opened = writer.day()
    open_tracks = [track_id for track_id, start in tracks if start <= opened]
    question: Item = {
        "id": f"question-{number:05d}",
        "question": f"Synthetic question {number}: will the {writer.words(4)} hold?",
        "why": writer.markdown(f"Synthetic reason for question {number}."),
        "signposts": [
            make_signpost(writer, cast, opened, number) for _ in range(writer.rng.randint(2, 4))
        ],
        "tracks": sorted(writer.rng.sample(open_tracks, min(len(open_tracks), 2))),
        "opened": iso(opened),
        "priority": writer.rng.randint(1, 5),
        "sources": cast.cite(writer, opened, most=1),
    }
    if writer.rng.random() < 0.2:
        answered = writer.day(opened)
        question["answer"] = {
            "text": writer.markdown(f"Synthetic answer to question {number}."),
            "date": iso(answered),
            "sources": cast.cite(writer, answered),
        }
    return question


def make_judgments(writer: Writer, cast: Cast, count: int) -> list[Item]:
    """Judgments in date order, from when two sources are available; some replace an earlier
    one that nothing replaced yet."""
    days = sorted(writer.day(max(writer.start, cast.source_days[1])) for _ in range(count))
    judgments: list[Item] = []
    replaceable: list[tuple[str, dt.date]] = []
    for number, day in enumerate(days, start=1):
        judgment: Item = {
            "id": f"judgment-{number:05d}",
            "statement": writer.sentence(f"Synthetic judgment {number}:"),
            "likelihood": writer.rng.choice(LIKELIHOODS),
            "confidence": writer.rng.choice(["low", "moderate", "high"]),
            "basis": writer.markdown(f"Synthetic basis of judgment {number}.", 3),
            "date": iso(day),
            "sources": cast.weigh(writer, day),
        }
        earlier = [pair for pair in replaceable if pair[1] < day]
        if earlier and writer.rng.random() < 0.3:
            replaced = writer.rng.choice(earlier)
            judgment["replaces"] = replaced[0]
            judgment["reason"] = writer.sentence("Updated because")
            replaceable.remove(replaced)
        judgments.append(judgment)
        replaceable.append((judgment["id"], day))
    return judgments


def cite_every_source(items: Sequence[Item], developments: Sequence[Item], cast: Cast) -> None:
    """`check` warns of a source nothing cites: each such source is added to the last
    development dated by its day (which stays known from the same day or earlier)."""
    cited = {s for item in items for s in _cited(item)}
    dated = sorted(developments, key=lambda d: (day_of(d), d["id"]))
    for source, day in zip(cast.source_ids, cast.source_days, strict=True):
        if source not in cited:
            before = [d for d in dated if day_of(d) <= iso(day)]
            development = before[-1] if before else dated[0]
            development["sources"] = sorted({*development["sources"], source})


def _cited(value: Any) -> list[str]:
    """Every source id an item names: its `sources` lists, quotes and excerpts, at any depth."""
    if isinstance(value, list):
        return [s for v in value for s in _cited(v)]
    if not isinstance(value, dict):
        return []
    found = [s for key, v in value.items() if key != "sources" for s in _cited(v)]
    found += value.get("sources", [])
    return found + ([value["source"]] if isinstance(value.get("source"), str) else [])


def write_snapshots(
    writer: Writer, folder: Path, sources: Sequence[Item], items: Sequence[Item]
) -> None:
    """A snapshot of each source's text: filler paragraphs holding, among them, every quote
    and excerpt taken from the source, so that `check` has real work to do; its name and
    hash go into the source."""
    taken: dict[str, list[str]] = {}
    for item in items:
        for words in (item.get("quote"), item.get("excerpt")):
            if words:
                taken.setdefault(words["source"], []).append(words["text"])
    for source in sources:
        sentences = [writer.sentence("Filler") for _ in range(80)]
        for words in taken.get(source["id"], []):
            sentences.insert(writer.rng.randrange(len(sentences)), f"Officials said “{words}”.")
        paragraphs = [" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)]
        data = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
        (folder / f"{source['id']}.txt").write_bytes(data)
        source["snapshot"] = {
            "file": f"{source['id']}.txt",
            "sha256": hashlib.sha256(data).hexdigest(),
        }


def dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_by_year(folder: Path, items: Sequence[Item], day: Callable[[Item], str]) -> None:
    """One YAML list per year, so that file counts stay small at 100x."""
    years: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: (day(i).lstrip("~"), i["id"])):
        years.setdefault(day(item).lstrip("~")[:4], []).append(item)
    folder.mkdir(parents=True, exist_ok=True)
    for year, listed in years.items():
        (folder / f"{year}.yaml").write_text(dump(listed), encoding="utf-8")


def write_markdown(path: Path, front: Item, body: str) -> None:
    front_matter = dump(front) if front else ""
    path.write_text(f"---\n{front_matter}---\n{body}", encoding="utf-8")


def write_settings(content: Path, scale: int) -> None:
    settings = {
        "title": f"Synthetic Brief at {scale}x",
        "subtitle": "Generated content for benchmarks",
        "organisation": "briefgen bench",
        "language": "en",
        "handling": "INTERNAL",
        "period": "weekly",
        "description": f"Synthetic brief, {scale} times the sample, five years of weekly editions.",
        "sensitivity": "public",
    }
    (content / "brief.yaml").write_text(dump(settings), encoding="utf-8")


def write_editions(writer: Writer, folder: Path) -> None:
    folder.mkdir(parents=True)
    for week in range(writer.weeks):
        day = writer.start + dt.timedelta(weeks=week)
        body = (
            writer.markdown(f"Synthetic bottom line for the week to {human(day)}.", 3)
            + "\n\n"
            + writer.markdown("We judge that the synthetic tracks", 2)
            + "\n"
        )
        write_markdown(folder / f"{iso(day)}.md", {}, body)


def generate(out: Path, scale: int, weeks: int = WEEKS, snapshots: bool = True) -> None:
    counts = {kind: base * scale for kind, base in SAMPLE_COUNTS.items()}
    writer = Writer(scale, weeks)
    content = out / "content"
    content.mkdir(parents=True)
    write_settings(content, scale)

    actors = make_actors()
    sources, source_days = make_sources(writer, counts["sources"])
    cast = Cast(
        actors=[a["id"] for a in actors],
        states=[a["id"] for a in actors if a["kind"] == "state"],
        source_days=source_days,
        source_ids=[s["id"] for s in sources],
        low={s["id"] for s in sources if s["reliability"] in "EF" or s["credibility"] >= 5},
    )
    write_by_year(content / "actors", actors, lambda _: "all")

    (content / "tracks").mkdir()
    tracks: list[tuple[str, dt.date]] = []
    fronts: list[Item] = []
    for number in range(1, counts["tracks"] + 1):
        track, body, start = make_track(writer, cast, number)
        track_id = f"track-{number:04d}"
        write_markdown(content / "tracks" / f"{track_id}.md", track, body)
        tracks.append((track_id, start))
        fronts.append(track)

    developments = [
        make_development(writer, cast, tracks, n) for n in range(1, counts["developments"] + 1)
    ]
    issues = [f"Synthetic issue {n}" for n in range(1, max(2, counts["positions"] // 2) + 1)]
    positions = [make_position(writer, cast, issues, n) for n in range(1, counts["positions"] + 1)]
    questions = [make_question(writer, cast, tracks, n) for n in range(1, counts["questions"] + 1)]
    judgments = make_judgments(writer, cast, counts["judgments"])
    cited = [*fronts, *developments, *positions, *questions, *judgments]
    cite_every_source(cited, developments, cast)
    write_by_year(content / "developments", developments, day_of)
    write_by_year(content / "positions", positions, lambda p: p["date"])
    write_by_year(content / "questions", questions, lambda q: q["opened"])
    write_by_year(content / "judgments", judgments, lambda j: j["date"])
    write_editions(writer, content / "editions")
    (content / "sources").mkdir()
    if snapshots:
        write_snapshots(writer, content / "sources", sources, [*developments, *positions])
    write_by_year(content / "sources", sources, lambda s: s.get("known_from", s["published"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="project folder to write content/ into")
    parser.add_argument("--scale", type=int, default=1, help="times the sample's size (>= 1)")
    parser.add_argument(
        "--weeks", type=int, default=WEEKS, help=f"weekly editions (default {WEEKS}, five years)"
    )
    parser.add_argument(
        "--no-snapshots",
        action="store_true",
        help="leave out the sources' snapshots (the text `check` finds quotes in)",
    )
    args = parser.parse_args(argv)
    if args.scale < 1 or args.weeks < 1:
        parser.error("--scale and --weeks must be 1 or more")
    if (args.out / "content").exists():
        # Left-over files would mix into the brief; refuse rather than delete someone's work.
        parser.error(f"{args.out / 'content'} already exists")
    generate(args.out, args.scale, args.weeks, snapshots=not args.no_snapshots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
