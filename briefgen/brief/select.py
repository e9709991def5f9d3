"""Select what one audience sees as of one date. Pure: no files, no clock.

What was current on the date is `state`'s answer; what changed since the previous edition,
`changes`'. Sections are built in the audience's order, so endnotes are numbered as a reader
meets them; item limits apply before anything is cited, so a source cited only by a cut item
is not listed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from briefgen import __version__
from briefgen.brief import views as b
from briefgen.brief.changes import Series, compare, only_shown
from briefgen.brief.omissions import REASONS, Omission, left_out
from briefgen.brief.periods import EditionSpan, edition_span, window_start
from briefgen.brief.redact import omitted, redact
from briefgen.brief.sections import Sections
from briefgen.content.editions import Audience
from briefgen.content.fields import SENSITIVITIES
from briefgen.content.labels import Labels
from briefgen.content.load import Loaded
from briefgen.content.models import Content
from briefgen.errors import Problem, UsageError

GENERATOR = f"briefgen {__version__}"


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


EMPTIED = {"no visible status", "no visible signpost", "hidden sources", "hidden actor"}
"""Reasons an item within an audience's ceiling still reaches none of its briefs."""


def emptied(loaded: Loaded) -> list[Problem]:
    """Warnings for items an audience may see that its briefs still leave out, because
    everything inside them (statuses, signposts, sources, the actor) is above its ceiling."""
    found = []
    for audience in loaded.content.audiences:
        for o in omitted(loaded.content, audience):
            origin = loaded.origins.get((o.kind, o.id))
            if o.reason in EMPTIED and not o.part and origin:
                why = f"{REASONS[o.reason]} (ceiling: {audience.ceiling})"
                message = f"reaches no {audience.id} brief although it may: {why}"
                found.append(Problem(origin.path, origin.line, o.kind, message, warning=True))
    return found


def diff(content: Content, audience: Audience, before: dt.date, after: dt.date) -> b.Changes:
    """What changed between two dates, as this audience may see it."""
    return compare(redact(content, audience).content, before, after)


class Selection:
    """One audience's view of the content, redacted once, for briefs at any number of dates."""

    def __init__(self, content: Content, audience: Audience) -> None:
        self.content = content
        self.audience = audience
        self.redaction = redact(content, audience)
        self.redacted = self.redaction.content
        self.series = Series(self.redacted)

    def brief(
        self,
        as_of: dt.date,
        *,
        built_at: dt.datetime,
        generator: str = GENERATOR,
        fit: Mapping[str, int] | None = None,
    ) -> b.Brief:
        """The brief for this audience as of one date; `fit` holds sections to fewer items than
        the limits (to keep to the page budget), the rest recorded in `Brief.fitted`."""
        content, audience = self.redacted, self.audience
        settings = content.settings
        labels = Labels.resolve(settings.language, settings.labels)
        span = edition_span(settings.period, as_of, [e.as_of for e in content.editions], labels)
        changes = compare(content, span.previous, as_of, self.series)
        previous = self.series.at(span.previous) if span.previous else None
        sections = Sections(content, self.series.at(as_of), previous, changes, audience, fit)
        shown: dict[str, Any] = {}
        for section in audience.sections:
            if section == "bottom_line":
                shown["bottom_line"], shown["bottom_line_sensitivity"] = sections.bottom_line()
            elif section in ("tracks", "track_lines"):
                shown["tracks"] = sections.tracks(section)
            elif section in ("judgments", "positions", "questions", "timeline"):
                shown[section] = getattr(sections, section)()
            elif section == "changes":
                shown["changes"] = changes  # cut to what the brief shows, below
        if "sources" in audience.sections:
            shown["sources"] = sections.citations.notes()
        shown["fitted"] = sections.fitted
        meta = self._meta(as_of, span, built_at, generator)
        brief = b.Brief(meta=meta, labels=labels, vocabulary=settings.vocabulary, **shown)
        if brief.changes is not None:
            brief = brief.model_copy(update={"changes": only_shown(brief.changes, brief)})
        level = max(
            [self._floor(), *_levels(brief.model_dump(exclude={"meta"}))], key=SENSITIVITIES.index
        )
        label = self.content.settings.markings[level].label  # type: ignore[index]
        meta = meta.model_copy(update={"handling": label, "sensitivity": level})
        brief = brief.model_copy(update={"meta": meta})
        # The revision names what the brief shows, so a past edition keeps its revision when
        # later facts are added.
        text = brief.model_dump_json(exclude={"meta": {"built_at", "revision", "generator"}})
        revision = hashlib.sha256(text.encode()).hexdigest()[:12]
        return brief.model_copy(update={"meta": meta.model_copy(update={"revision": revision})})

    def explain(self, as_of: dt.date, brief: b.Brief | None = None) -> list[Omission]:
        """Everything the brief as of `as_of` (given, or made now) leaves out, and why."""
        brief = brief or self.brief(as_of, built_at=dt.datetime.min.replace(tzinfo=dt.UTC))
        window = window_start(self.redacted.settings.period, as_of, self.audience.window)
        state = self.series.at(as_of)
        dated = left_out(self.redacted, state, brief, self.audience, window)
        return sorted({*self.redaction.omitted, *dated})  # a history repeats a name

    def _floor(self) -> str:
        """The level the audience's (else the brief's) handling label names; public if none."""
        settings = self.content.settings
        text = (self.audience.handling or settings.handling).strip().casefold()
        for level in SENSITIVITIES:
            if text in (level, settings.markings[level].label.casefold()):  # type: ignore[index]
                return level
        return "public"

    def _editions(self, as_of: dt.date) -> tuple[dt.date, ...]:
        """The series' editions in the audience's window, up to `as_of` (never later ones: a
        past brief stays as it was)."""
        start = window_start(self.redacted.settings.period, as_of, self.audience.window)
        days = {e.as_of for e in self.redacted.editions}
        return tuple(sorted(d for d in days if d <= as_of and (start is None or d >= start)))

    def _meta(
        self, as_of: dt.date, span: EditionSpan, built_at: dt.datetime, generator: str
    ) -> b.Meta:
        settings, audience = self.content.settings, self.audience
        state = self.series.at(as_of)
        edition = next((e for e in self.content.editions if e.as_of == as_of), None)
        title = state.current_or_first(settings.title)
        title += f" — {audience.title_suffix}" if audience.title_suffix else ""
        return b.Meta(
            title=title,
            subtitle=state.current(settings.subtitle),
            organisation=settings.organisation,
            language=settings.language,
            handling="",
            sensitivity="public",
            markings={  # only the levels this audience can see: the others are no one's business
                level: b.MarkingView(label=m.label, short=m.short)
                for level, m in settings.markings.items()
                if SENSITIVITIES.index(level) <= SENSITIVITIES.index(audience.ceiling)
            },
            portion_marks=audience.portion_marks,
            description=state.current(settings.description),
            audience=audience.id,
            audience_label=audience.label or audience.id,
            ceiling=audience.ceiling,
            sections=tuple(audience.sections),
            colophon=audience.colophon,
            apparatus=audience.apparatus,
            cite_as=settings.cite_as,
            licence=settings.licence,
            contact=settings.contact,
            as_of=as_of,
            period=settings.period,
            period_start=span.start,
            period_end=as_of,
            edition_label=(edition.label if edition and edition.label else span.label),
            edition_number=span.number,
            next_edition=span.next,
            previous_edition=span.previous,
            editions=self._editions(as_of),
            built_at=built_at,
            revision="",
            generator=generator,
        )


def _levels(data: Any) -> list[str]:
    """Every sensitivity that a dumped brief shows."""
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k.endswith("sensitivity") and isinstance(v, str)]
        return found + [level for v in data.values() for level in _levels(v)]
    if isinstance(data, list | tuple):
        return [level for v in data for level in _levels(v)]
    return []


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
