"""The questions section: open questions, with their signposts and answers."""

from __future__ import annotations

from collections.abc import Iterable

from briefgen.brief import views as b
from briefgen.brief.citations import marking, note_view
from briefgen.brief.sections.base import SectionBase
from briefgen.brief.state import QuestionState


class QuestionSections(SectionBase):
    def questions(self) -> tuple[b.QuestionView, ...]:
        """Open questions, and settled ones with news in the window; open first, by priority."""
        found = [
            q
            for q in self.state.questions.values()
            if not q.settled
            or any(
                self.recent(m)
                for m in (q.known, q.answered, q.superseded, q.closed, *q.observed.values())
            )
        ]
        found.sort(key=lambda q: (q.settled, self.priority(q), q.question.id))
        return tuple(
            self.question(q) for q in self.limit("questions", found, lambda q: q.question.id)
        )

    def priority(self, state: QuestionState) -> int:
        return self.state.current_or_first(state.question.priority)

    def question(self, state: QuestionState) -> b.QuestionView:
        q = state.question
        answer = None
        if state.answered and q.answer:
            answer = b.AnswerView(
                sensitivity=marking(q.answer),
                text=q.answer.text,
                date=q.answer.date,
                cites=self.cite(q.answer.sources, q.answer.excerpt),
                discredited=self.state.flagged(q.answer.sources),
            )
        signposts = tuple(
            b.SignpostView(
                sensitivity=marking(s),
                text=s.text,
                observed=s.observed if index in state.observed else None,
                seen_in=self.outlets(s.sources) if index in state.observed else (),
                cites=self.cite(s.sources, s.excerpt) if index in state.observed else (),
                discredited=index in state.observed and self.state.flagged(s.sources),
            )
            for index, s in enumerate(q.signposts)
            if index in state.signposts
        )
        later = q.superseded_by if state.superseded else None
        questions = {other.id: other for other in self.content.questions}
        return b.QuestionView(
            sensitivity=marking(q),
            id=q.id,
            question=q.question,
            why=self.state.current(q.why),
            signposts=signposts,
            tracks=tuple(self.track_names[t] for t in q.tracks if t in self.track_names),
            opened=q.opened,
            priority=self.priority(state),
            answer=answer,
            superseded_by=b.FollowUpView(
                id=later.question,
                question=questions[later.question].question,
                date=later.date,
                note=later.note,
            )
            if later and later.question in questions
            else None,
            follows=tuple(questions[i].question for i in state.follows if i in questions),
            closed=b.ClosureView(date=q.closed.date, reason=q.closed.reason)
            if q.closed and state.closed
            else None,
            cites=self.cite(q.sources),
            new=q.id in self.new,
            updated=q.id in self.updated,
            note=note_view(self.state.note(q.note)),
        )

    def outlets(self, refs: Iterable[str]) -> tuple[str, ...]:
        """Who reported it: the outlets of the sources known by the brief's date."""
        sources = self.state.sources
        return tuple(dict.fromkeys(o for r in refs if r in sources and (o := sources[r].outlet)))
