"""What moved, most important first: the few changes an executive brief names in words.

Ranked here, not in a template, so every output (HTML, PDF, JSON) names the same changes.
"""

from __future__ import annotations

from briefgen.brief import views as b

RANKS: dict[tuple[str, str], int] = {
    ("source", "discredited"): 0,
    ("source", "withdrawn"): 0,
    ("judgment", "moved"): 1,
    ("judgment", "replaced"): 1,
    ("track", "ended"): 2,
    ("track", "status"): 2,
    ("track", "reverted"): 2,
    ("track", "became"): 2,
    ("track", "merged into"): 2,
    ("track", "split from"): 2,
    ("track", "opened"): 3,
    ("question", "answered"): 4,
    ("question", "superseded"): 4,
    ("question", "closed"): 4,
    ("position", "shifted"): 5,
    ("judgment", "new"): 6,
    ("signpost", "observed"): 7,
    ("trend", "deteriorated"): 8,
    ("trend", "improved"): 8,
    ("question", "opened"): 9,
    ("position", "new"): 10,
    ("development", "new"): 11,
}
"""Why it matters to a reader deciding something: a call we got wrong or changed, then a
process that moved, then a question settled, then what is merely new."""


def ranked(changes: b.Changes) -> tuple[b.MovedView, ...]:
    """Every change as one line, most important first; ties keep their order in `changes`
    (tracks by name, judgments and developments newest first)."""
    found = [
        *(_track(c) for c in changes.tracks),
        *(
            b.MovedView(kind="trend", change=t.trend, subject=t.name, after=t.reason)
            for t in changes.trends
            if t.trend != "unchanged"
        ),
        *(
            b.MovedView(
                kind="position", change=p.change, subject=p.issue, actor=p.actor, after=p.after
            )
            for p in changes.positions
        ),
        *(
            b.MovedView(kind="question", change=q.change, subject=q.question, after=q.answer)
            for q in changes.questions
        ),
        *(
            b.MovedView(kind="signpost", change="observed", subject=s.question, after=s.text)
            for s in changes.signposts
        ),
        *(
            b.MovedView(
                kind="judgment",
                change=j.change,
                subject=j.statement,
                before=j.before_statement if j.change == "replaced" else j.before,
                after=j.after,
            )
            for j in changes.judgments
        ),
        *(
            b.MovedView(kind="source", change=s.status, subject=s.source, count=len(s.items))
            for s in changes.discredited
        ),
        *(
            b.MovedView(kind="development", change="new", subject=d.headline)
            for d in changes.developments
        ),
    ]
    return tuple(sorted(found, key=lambda m: RANKS[m.kind, m.change]))


def _track(c: b.TrackChange) -> b.MovedView:
    if c.other:
        return b.MovedView(kind="track", change=c.change, subject=c.name, after=c.other)
    return b.MovedView(
        kind="track",
        change=c.change,
        subject=c.name,
        before=c.before,
        after=c.after,
        interim=c.interim,
    )
