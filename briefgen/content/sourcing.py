"""Sourcing lint: how well each key judgment is sourced, and sources nothing cites.

Warnings (errors with `check --strict`): a judgment on a single source, only on low-grade
sources (reliability E or F, or credibility 5 or 6), or only on sources that became available
after its date; a source nothing cites; a signpost observed with no source. A judgment that
rests only on discredited or withdrawn sources is an error, unless a later judgment replaces
it. A replaced judgment is history: it is linted no more.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefgen.content.documents import Document
from briefgen.content.facts import Judgment
from briefgen.content.knowledge import available
from briefgen.content.models import Content
from briefgen.content.reliance import by_source
from briefgen.content.sources import Source
from briefgen.errors import Problem

Items = dict[str, list[tuple[Any, Document]]]


def low_grade(source: Source) -> bool:
    """Reliability E (unreliable) or F (cannot be judged), or credibility 5 or 6."""
    return source.reliability in "EF" or source.credibility in (5, 6)


def _grade(source: Source) -> str:
    return f"{source.id}: {source.reliability}{source.credibility or ''}"


def _judgment(j: Judgment, cited: list[Source]) -> Iterator[tuple[bool, str]]:
    """(is it an error, message) for each thing wrong with one judgment's sourcing."""
    if cited and all(s.discredited for s in cited):
        why = "; ".join(f"{s.id}: {s.discredited.reason}" for s in cited if s.discredited)
        yield (
            True,
            (
                f"every source it rests on is discredited or withdrawn ({why}): replace the "
                "judgment (`replaces:`) or cite sources that stand"
            ),
        )
    if len(cited) == 1:
        yield False, "a key judgment on a single source"
    if cited and all(low_grade(s) for s in cited):
        grades = ", ".join(_grade(s) for s in cited)
        yield False, f"rests only on low-grade sources ({grades})"
    if cited and all(available(s) > j.date.last_day for s in cited):
        first = min(available(s) for s in cited)
        yield (
            False,
            (
                f"judged {j.date} but every source it cites became available later (the first on "
                f"{first}): briefs show it only from then"
            ),
        )


def sourcing(content: Content, items: Items) -> list[Problem]:
    """Warnings about sourcing, and the errors of judgments left without a standing source."""
    docs = {
        (kind, model.id): doc
        for kind in ("sources", "judgments", "questions")
        for model, doc in items[kind]
        if model is not None
    }
    sources = {s.id: s for s in content.sources}
    problems = []
    replaced = {j.replaces for j in content.judgments if j.replaces}
    for j in content.judgments:
        if j.id in replaced:
            continue
        doc = docs[("judgments", j.id)]
        cited = [sources[ref] for ref in dict.fromkeys(j.sources) if ref in sources]
        for error, message in _judgment(j, cited):
            line = doc.line_of(("sources",))
            problems.append(Problem(doc.path, line, "sources", message, warning=not error))

    cited_ids = set(by_source(content))
    for s in content.sources:
        if s.id not in cited_ids:
            doc = docs[("sources", s.id)]
            problems.append(Problem(doc.path, doc.line, "", "no item cites this source", True))
    for q in content.questions:
        for index, post in enumerate(q.signposts):
            if post.observed and not post.sources:
                doc = docs[("questions", q.id)]
                line = doc.line_of(("signposts", index, "observed"))
                message = "marked observed, but no source reports it"
                problems.append(
                    Problem(doc.path, line, f"signposts.{index}.observed", message, True)
                )
    return problems
