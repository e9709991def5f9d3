"""The track sections (full blocks or one line each) and the timeline of developments."""

from __future__ import annotations

from briefgen.brief import views as b
from briefgen.brief.citations import marking, note_view
from briefgen.brief.sections.base import SectionBase
from briefgen.brief.state import TrackState
from briefgen.content.facts import Development

REVERSE = {"became": "continues", "merged into": "took in", "split from": "split off"}
"""How a link reads from the other track's side."""


class TrackSections(SectionBase):
    def tracks(self, section: str) -> tuple[b.TrackView, ...]:
        """Full track blocks, or (for `track_lines`) the same without narrative and events."""
        full = section == "tracks"
        developments = self.developments()
        active = {t for d in developments for t in d.tracks}
        found = [
            s
            for track_id, s in self.state.tracks.items()
            if not s.settled or self.recent(s.last_known) or track_id in active
        ]
        found.sort(
            key=lambda s: (-s.current.item.when.first_day.toordinal(), s.track.name, s.track.id)
        )
        return tuple(
            self.track(s, full, developments)
            for s in self.limit(section, found, lambda s: s.track.id)
        )

    def track(self, state: TrackState, full: bool, developments: list[Development]) -> b.TrackView:
        track, now = state.track, self.state.current
        mediators = now(track.mediators) or []
        parties: list[str] = now(track.parties) or []
        supporters: list[str] = now(track.supporters) or []
        watch: list[str] = now(track.watch) or []
        statuses = tuple(
            b.Status(
                sensitivity=marking(s),
                status=s.status,
                date=s.date,
                reported=s.reported,
                note=s.note,
                cites=self.cite(s.sources, s.excerpt),
                discredited=self.state.flagged(s.sources),
            )
            for s in (entry.item for entry in (state.history if full else state.history[-1:]))
        )
        narrative = tuple(
            b.NarrativeView(sensitivity=marking(part), date=part.date, text=part.text)
            for part in track.narrative
            if full and (part.date is None or part.date.last_day <= self.as_of)
        )
        return b.TrackView(
            sensitivity=marking(track),
            id=track.id,
            name=track.name,
            summary=now(track.summary),
            format=now(track.format),
            parties=self.names(parties),
            mediators=self.names(m.actor for m in mediators),
            unconfirmed=self.names(m.actor for m in mediators if not m.confirmed),
            mediators_note=now(track.mediators_note),
            supporters=self.names(supporters),
            status=statuses[-1],
            history=statuses,
            narrative=narrative,
            developments=tuple(
                self.development(d) for d in developments if full and track.id in d.tracks
            ),
            watch=tuple(watch),
            cites=self.cite(track.sources) if full else (),
            new=track.id in self.new,
            updated=track.id in self.updated,
            trend=self.trend(track.id, track.name),
            links=self.links(state),
            note=note_view(self.state.note(track.note)) if full else None,
        )

    def trend(self, track_id: str, name: str) -> b.TrendView | None:
        """The track's trend against the previous edition; None for a track new since then."""
        if track_id in self.trends:
            return self.trends[track_id]
        if track_id in self.continuing:
            return b.TrendView(id=track_id, name=name, trend="unchanged", reason=None, date=None)
        return None

    def links(self, state: TrackState) -> tuple[b.LinkView, ...]:
        """Its own links, then other tracks' links to it, each as this track's reader says it."""
        names = {t.id: t.name for t in self.content.tracks}
        own = [(link.item.relation, link.item.track, link) for link in state.links]
        theirs = [(REVERSE[link.item.relation], other, link) for other, link in state.linked]
        return tuple(
            b.LinkView(
                relation=relation,
                track=names[other],
                track_id=other,
                date=link.item.date,
                reported=link.item.reported,
                note=link.item.note,
                cites=self.cite(link.item.sources),
            )
            for relation, other, link in sorted(
                [*own, *theirs], key=lambda r: (r[2].item.when, r[0], r[1])
            )
            if other in names
        )

    def development(self, d: Development) -> b.DevelopmentView:
        return b.DevelopmentView(
            sensitivity=marking(d),
            id=d.id,
            date=d.date,
            reported=d.reported,
            headline=d.headline,
            detail=d.detail,
            tracks=tuple(self.track_names[t] for t in d.tracks if t in self.track_names),
            actors=self.names(d.actors),
            cites=self.cite(d.sources, d.excerpt),
            new=d.id in self.new,
            note=note_view(self.state.note(d.note)),
            discredited=self.state.flagged(d.sources),
        )

    def developments(self) -> list[Development]:
        """Developments with news in the window, newest first (when they happened, else when
        they were reported)."""
        known = [d.item for d in self.state.developments.values() if self.recent(d.known)]
        return sorted(known, key=lambda d: (d.when.first_day, d.id), reverse=True)

    def timeline(self) -> tuple[b.DevelopmentView, ...]:
        return tuple(
            self.development(d) for d in self.limit("timeline", self.developments(), lambda d: d.id)
        )
