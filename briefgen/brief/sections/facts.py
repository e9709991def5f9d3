"""The judgments and positions sections."""

from __future__ import annotations

from briefgen.brief import views as b
from briefgen.brief.citations import marking, note_view
from briefgen.brief.sections.base import SectionBase
from briefgen.brief.state import Known
from briefgen.content.facts import Judgment, Position
from briefgen.content.sources import Source


class FactSections(SectionBase):
    def judgments(self) -> tuple[b.JudgmentView, ...]:
        live = [
            j
            for j in self.state.judgments.values()
            if not (self.audience.expired == "drop" and self.expired(j.item))
        ]
        live.sort(key=lambda j: (-j.item.date.first_day.toordinal(), j.item.id))
        return tuple(
            self.judgment(entry) for entry in self.limit("judgments", live, lambda e: e.item.id)
        )

    def expired(self, j: Judgment) -> bool:
        """Past its horizon: the time the judgment was about is over."""
        return j.horizon is not None and j.horizon.last_day < self.as_of

    def judgment(self, entry: Known[Judgment]) -> b.JudgmentView:
        j = entry.item
        old = self.state.replaced.get(j.replaces) if j.replaces else None
        replaces = None
        if old and old.item.statement != j.statement:
            replaces = b.ReplacedView(
                id=old.item.id,
                statement=old.item.statement,
                likelihood=old.item.likelihood,
                confidence=old.item.confidence,
                date=old.item.date,
            )
        return b.JudgmentView(
            sensitivity=marking(j),
            id=j.id,
            statement=j.statement,
            likelihood=j.likelihood,
            likelihood_rank=self.content.settings.vocabulary.likelihoods.index(j.likelihood),
            confidence=j.confidence,
            basis=j.basis,
            date=j.date,
            horizon=j.horizon,
            expired=self.expired(j),
            replaces=replaces,
            reason=j.reason if old else None,
            cites=self.cite(j.sources, j.excerpt),
            new=j.id in self.new,
            updated=j.id in self.updated,
            note=note_view(self.state.note(j.note)),
            discredited=self.state.flagged(j.sources),
        )

    def positions(self) -> tuple[b.IssueView, ...]:
        """Every actor's current position on each issue, whatever its age. The limit keeps the
        issues with the latest positions; they are shown by name, so a reader finds an issue."""
        issues: dict[str, list[Known[Position]]] = {}
        for (issue, _), entry in sorted(self.state.positions.items()):
            issues.setdefault(issue, []).append(entry)
        by_news = sorted(
            issues.items(),
            key=lambda i: (
                -max(e.item.date.first_day for e in i[1]).toordinal(),
                -max(e.known for e in i[1]).toordinal(),
                i[0],
            ),
        )
        kept = sorted(self.limit("positions", by_news, lambda i: i[0]))
        return tuple(
            b.IssueView(
                issue=issue, positions=tuple(self.position(e) for e in self._by_actor(entries))
            )
            for issue, entries in kept
        )

    def _by_actor(self, entries: list[Known[Position]]) -> list[Known[Position]]:
        return sorted(entries, key=lambda e: (self.actors[e.item.actor].short_name, e.item.id))

    def position(self, entry: Known[Position]) -> b.PositionView:
        p = entry.item
        quote = None
        if p.quote and p.quote.source in self.state.sources:
            speaker = p.quote.speaker
            quote = b.QuoteView(
                sensitivity=marking(p.quote),
                text=p.quote.text,
                speaker=self.actors[speaker].short_name
                if speaker
                else self.outlet(self.state.sources[p.quote.source]),
                speaker_role=self.role(speaker) if speaker else None,
                by_outlet=speaker is None,
                cite=self.cite([p.quote.source])[0],
            )
        return b.PositionView(
            sensitivity=marking(p),
            id=p.id,
            actor=self.actors[p.actor].short_name,
            actor_role=self.role(p.actor),
            issue=p.issue,
            stance=p.stance,
            quote=quote,
            date=p.date,
            cites=self.cite(p.sources, p.excerpt),
            new=p.id in self.new,
            updated=p.id in self.updated,
            note=note_view(self.state.note(p.note)),
            discredited=self.state.flagged([*p.sources, *([p.quote.source] if p.quote else [])]),
        )

    @staticmethod
    def outlet(source: Source) -> str:
        """Who a quote is attributed to when the source names no speaker."""
        return source.outlet or source.title or "the source"

    def role(self, actor_id: str) -> str | None:
        """A person's office on the brief's date, shown where they speak or act."""
        actor = self.actors[actor_id]
        return self.state.current(actor.role) if actor.kind == "person" else None
