"""Select what one audience sees as of one date. Pure: no files, no clock.

What counts as known is `knowledge`'s rule; what changed since the previous edition, `changes`'.
Sections are built in the audience's order, so endnotes are numbered as a reader meets them;
item limits apply before anything is cited, so a source cited only by a cut item is not listed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from briefgen import __version__
from briefgen.brief import views as b
from briefgen.brief.changes import Series, compare
from briefgen.brief.periods import Edition as EditionSpan
from briefgen.brief.periods import edition_span, window_start
from briefgen.brief.redact import redact
from briefgen.content.knowledge import available
from briefgen.content.models import LIKELIHOODS, Audience, Content, Development, NoteModel
from briefgen.errors import UsageError

GENERATOR = f"briefgen {__version__}"


def _note(note: NoteModel | None) -> str | None:
    return note.text if note else None


class _Selector:
    def __init__(
        self,
        content: Content,
        as_of: dt.date,
        audience: Audience,
        series: Series,
    ) -> None:
        self.content = content
        self.as_of = as_of
        self.audience = audience
        self.span: EditionSpan = edition_span(
            content.settings.period, as_of, [e.as_of for e in content.editions]
        )
        self.sources = {s.id: s for s in content.sources if available(s) <= as_of}
        knowledge = series.knowledge
        self.known = lambda date, refs: knowledge.known(date, refs, as_of)
        self.changes = compare(content, self.span.previous, as_of, series)
        self.since = self.span.previous or self.span.start - dt.timedelta(days=1)
        self.updated = {
            *(c.id for c in self.changes.tracks if c.change != "opened"),
            *(c.id for c in self.changes.positions if c.change == "shifted"),
            *(c.id for c in self.changes.questions if c.change == "answered"),
            *(c.id for c in self.changes.signposts),
            *(c.id for c in self.changes.judgments if c.change == "moved"),
        }
        self.trends = {t.id: t for t in self.changes.trends}
        self.continuing = set(series.at(self.span.previous).tracks) if self.span.previous else set()
        self.window = window_start(content.settings.period, as_of, audience.window)
        self.actors = {a.id: a for a in content.actors}
        self.numbers: dict[str, int] = {}
        self.track_names = {
            t.id: t.name
            for t in content.tracks
            if any(self.known(s.date, s.sources) for s in t.status)
        }

    def recent(self, moment: dt.date | None) -> bool:
        """Within the audience's window (what the brief reaches back to)."""
        return moment is not None and (self.window is None or moment >= self.window)

    def trend(self, track_id: str, name: str) -> b.TrendView | None:
        """The track's trend against the previous edition; None for a track new since then."""
        if track_id in self.trends:
            return self.trends[track_id]
        if track_id in self.continuing:
            return b.TrendView(id=track_id, name=name, trend="unchanged", reason=None, date=None)
        return None

    def is_new(self, moment: dt.date | None) -> bool:
        """Known since the previous edition (or, for the first, within its period)."""
        return moment is not None and self.since < moment <= self.as_of

    def limit(self, section: str, items: list[Any]) -> list[Any]:
        most = self.audience.limits.get(section)  # type: ignore[call-overload]
        return items[:most] if most else items

    def cite(self, refs: Iterable[str]) -> tuple[int, ...]:
        """Endnote numbers for the sources known as of the brief, numbered on first citation."""
        numbers = []
        for ref in refs:
            if ref not in self.sources:
                continue
            if ref not in self.numbers:
                self.numbers[ref] = len(self.numbers) + 1
            numbers.append(self.numbers[ref])
        return tuple(sorted(set(numbers)))

    def names(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.actors[i].short_name for i in ids)

    def bottom_line(self) -> str | None:
        edition = next((e for e in self.content.editions if e.as_of == self.as_of), None)
        return edition.bottom_line if edition else None

    def judgments(self) -> tuple[b.JudgmentView, ...]:
        known = [(j, self.known(j.date, j.sources)) for j in self.content.judgments]
        live = [(j, k) for j, k in known if k]
        replaced = {j.replaces for j, _ in live if j.replaces}
        live = [(j, k) for j, k in live if j.id not in replaced and self.recent(k)]
        live.sort(key=lambda pair: (-pair[0].date.first_day.toordinal(), pair[0].id))
        return tuple(
            b.JudgmentView(
                id=j.id,
                statement=j.statement,
                likelihood=j.likelihood,
                likelihood_rank=LIKELIHOODS.index(j.likelihood),
                confidence=j.confidence,
                basis=j.basis,
                date=j.date,
                cites=self.cite(j.sources),
                new=self.is_new(k) and j.id not in self.updated,
                updated=j.id in self.updated,
                note=_note(j.note),
            )
            for j, k in self.limit("judgments", live)
        )

    def development(self, d: Development) -> b.DevelopmentView:
        return b.DevelopmentView(
            id=d.id,
            date=d.date,
            headline=d.headline,
            detail=d.detail,
            tracks=tuple(self.track_names[t] for t in d.tracks if t in self.track_names),
            actors=self.names(d.actors),
            cites=self.cite(d.sources),
            new=self.is_new(self.known(d.date, d.sources)),
            note=_note(d.note),
        )

    def developments(self) -> list[Development]:
        known = [d for d in self.content.developments if self.recent(self.known(d.date, d.sources))]
        return sorted(known, key=lambda d: (d.date.first_day, d.id), reverse=True)

    def tracks(self, section: str) -> tuple[b.TrackView, ...]:
        """Full track blocks, or (for `track_lines`) the same without narrative and events."""
        full = section == "tracks"
        developments = self.developments()
        active = {t for d in developments for t in d.tracks}
        found = []
        for track in self.content.tracks:
            history = [(s, self.known(s.date, s.sources)) for s in track.status]
            history = sorted(((s, k) for s, k in history if k), key=lambda p: (p[1], p[0].date))
            if history and (self.recent(history[-1][1]) or track.id in active):
                found.append((track, history))
        found.sort(
            key=lambda pair: (-pair[1][-1][0].date.first_day.toordinal(), pair[0].name, pair[0].id)
        )
        views = []
        for track, history in self.limit(section, found):
            statuses = tuple(
                b.Status(status=s.status, date=s.date, note=s.note, cites=self.cite(s.sources))
                for s, _ in (history if full else history[-1:])
            )
            narrative = tuple(
                b.NarrativeView(date=part.date, text=part.text)
                for part in track.narrative
                if full and (part.date is None or part.date.first_day <= self.as_of)
            )
            views.append(
                b.TrackView(
                    id=track.id,
                    name=track.name,
                    summary=track.summary,
                    format=track.format,
                    parties=self.names(track.parties),
                    mediators=self.names(track.mediators),
                    mediators_note=track.mediators_note,
                    supporters=self.names(track.supporters),
                    status=statuses[-1],
                    history=statuses,
                    narrative=narrative,
                    developments=tuple(
                        self.development(d) for d in developments if full and track.id in d.tracks
                    ),
                    watch=tuple(track.watch),
                    cites=self.cite(track.sources) if full else (),
                    new=self.is_new(history[0][1]),
                    updated=track.id in self.updated,
                    trend=self.trend(track.id, track.name),
                    note=_note(track.note) if full else None,
                )
            )
        return tuple(views)

    def positions(self) -> tuple[b.IssueView, ...]:
        latest: dict[tuple[str, str], tuple[Any, dt.date, dt.date]] = {}
        for p in self.content.positions:
            moment = self.known(p.date, p.sources)
            if not moment:
                continue
            key = (p.issue, p.actor)
            if key not in latest or (p.date.first_day, moment) > latest[key][1:]:
                latest[key] = (p, p.date.first_day, moment)
        latest = {key: entry for key, entry in latest.items() if self.recent(entry[2])}
        issues: dict[str, list[tuple[Any, dt.date]]] = {}
        for (issue, _), (p, _, moment) in sorted(latest.items()):
            issues.setdefault(issue, []).append((p, moment))
        groups = []
        for issue, pairs in self.limit("positions", list(issues.items())):
            views = []
            for p, moment in sorted(
                pairs, key=lambda pair: (self.actors[pair[0].actor].short_name, pair[0].id)
            ):
                quote = None
                if p.quote and p.quote.source in self.sources:
                    quote = b.QuoteView(
                        text=p.quote.text,
                        speaker=self.actors[p.quote.speaker].short_name,
                        cite=self.cite([p.quote.source])[0],
                    )
                views.append(
                    b.PositionView(
                        id=p.id,
                        actor=self.actors[p.actor].short_name,
                        issue=p.issue,
                        stance=p.stance,
                        quote=quote,
                        date=p.date,
                        cites=self.cite(p.sources),
                        new=self.is_new(moment) and p.id not in self.updated,
                        updated=p.id in self.updated,
                        note=_note(p.note),
                    )
                )
            groups.append(b.IssueView(issue=issue, positions=tuple(views)))
        return tuple(groups)

    def questions(self) -> tuple[b.QuestionView, ...]:
        found = []
        for q in self.content.questions:
            moment = self.known(q.opened, q.sources)
            if not moment:
                continue
            answer = q.answer and self.known(q.answer.date, q.answer.sources)
            seen = [self.known(s.observed, s.sources) for s in q.signposts if s.observed]
            if any(self.recent(m) for m in (moment, answer, *seen)):
                found.append((q, moment, bool(answer)))
        found.sort(key=lambda item: (item[2], item[0].priority, item[0].id))
        views = []
        for q, moment, answered in self.limit("questions", found):
            answer = None
            if answered and q.answer:
                answer = b.AnswerView(
                    text=q.answer.text, date=q.answer.date, cites=self.cite(q.answer.sources)
                )
            signposts = []
            for s in q.signposts:
                seen = bool(s.observed and self.known(s.observed, s.sources))
                signposts.append(
                    b.SignpostView(
                        text=s.text,
                        observed=s.observed if seen else None,
                        cites=self.cite(s.sources) if seen else (),
                    )
                )
            views.append(
                b.QuestionView(
                    id=q.id,
                    question=q.question,
                    why=q.why,
                    signposts=tuple(signposts),
                    tracks=tuple(self.track_names[t] for t in q.tracks if t in self.track_names),
                    opened=q.opened,
                    priority=q.priority,
                    answer=answer,
                    cites=self.cite(q.sources),
                    new=self.is_new(moment),
                    updated=q.id in self.updated,
                    note=_note(q.note),
                )
            )
        return tuple(views)

    def timeline(self) -> tuple[b.DevelopmentView, ...]:
        return tuple(self.development(d) for d in self.limit("timeline", self.developments()))

    def source_notes(self) -> tuple[b.SourceNote, ...]:
        return tuple(
            b.SourceNote(
                number=number,
                id=s.id,
                outlet=s.outlet,
                title=s.title,
                url=str(s.url) if s.url else None,
                published=s.published,
                accessed=s.accessed,
                reliability=s.reliability,
                credibility=s.credibility,
                note=_note(s.note),
            )
            for ref, number in sorted(self.numbers.items(), key=lambda item: item[1])
            for s in [self.sources[ref]]
        )


def latest_edition(content: Content) -> dt.date:
    if not content.editions:
        raise UsageError("the content defines no edition; give --as-of or add content/editions/")
    return max(e.as_of for e in content.editions)


def pick_audiences(content: Content, names: Sequence[str] | None) -> list[Audience]:
    """The audiences asked for (all, by default); an unknown name lists the known ones."""
    known = {a.id: a for a in content.audiences}
    unknown = [n for n in names or () if n not in known]
    if unknown:
        raise UsageError(
            f"unknown audience {', '.join(repr(n) for n in unknown)}; "
            f"known: {', '.join(sorted(known))}"
        )
    return (
        [known[n] for n in dict.fromkeys(names)]
        if names
        else sorted(known.values(), key=lambda a: a.id)
    )


def diff(content: Content, audience: Audience, before: dt.date, after: dt.date) -> b.Changes:
    """What changed between two dates, as this audience may see it."""
    return compare(redact(content, audience), before, after)


class Selection:
    """One audience's view of the content, redacted once, for briefs at any number of dates."""

    def __init__(self, content: Content, audience: Audience) -> None:
        self.content = content
        self.audience = audience
        self.redacted = redact(content, audience)
        self.series = Series(self.redacted)

    def brief(
        self, as_of: dt.date, *, built_at: dt.datetime, generator: str = GENERATOR
    ) -> b.Brief:
        return _select(self, as_of, built_at, generator)


def select(
    content: Content,
    as_of: dt.date,
    audience: Audience,
    *,
    built_at: dt.datetime,
    generator: str = GENERATOR,
) -> b.Brief:
    """The brief for one audience as of one date."""
    return Selection(content, audience).brief(as_of, built_at=built_at, generator=generator)


def _select(selection: Selection, as_of: dt.date, built_at: dt.datetime, generator: str) -> b.Brief:
    content, audience = selection.content, selection.audience
    settings = content.settings
    selector = _Selector(selection.redacted, as_of, audience, selection.series)
    sections: dict[str, Any] = {}
    for section in audience.sections:
        if section == "bottom_line":
            sections["bottom_line"] = selector.bottom_line()
        elif section in ("tracks", "track_lines"):
            sections["tracks"] = selector.tracks(section)
        elif section in ("judgments", "positions", "questions", "timeline"):
            sections[section] = getattr(selector, section)()
        elif section == "changes":
            sections["changes"] = selector.changes
    if "sources" in audience.sections:
        sections["sources"] = selector.source_notes()

    span = selector.span
    edition = next((e for e in content.editions if e.as_of == as_of), None)
    title = settings.title + (f" — {audience.title_suffix}" if audience.title_suffix else "")
    meta = b.Meta(
        title=title,
        subtitle=settings.subtitle,
        organisation=settings.organisation,
        language=settings.language,
        handling=audience.handling or settings.handling,
        description=settings.description,
        audience=audience.id,
        audience_label=audience.label,
        ceiling=audience.ceiling,
        sections=tuple(audience.sections),
        colophon=audience.colophon,
        as_of=as_of,
        period=settings.period,
        period_start=span.start,
        period_end=as_of,
        edition_label=(edition.label if edition and edition.label else span.label),
        edition_number=span.number,
        next_edition=span.next,
        previous_edition=span.previous,
        built_at=built_at,
        revision="",
        generator=generator,
    )
    brief = b.Brief(meta=meta, **sections)
    # The revision names what the brief shows, so a past edition keeps its revision when
    # later facts are added.
    shown = brief.model_dump_json(exclude={"meta": {"built_at", "revision", "generator"}})
    revision = hashlib.sha256(shown.encode()).hexdigest()[:12]
    return brief.model_copy(update={"meta": meta.model_copy(update={"revision": revision})})
