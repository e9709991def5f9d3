"""Replaces, became and superseded-by links that go round in a circle are check errors."""

from __future__ import annotations

import pytest

from briefgen.content.load import load
from briefgen.errors import ContentError


def problems(root) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ContentError) as caught:
        load(root)
    return caught.value.lines()


def judgment(name: str, replaces: str) -> str:
    return (
        f"statement: {name}.\nlikelihood: likely\nconfidence: low\nbasis: B.\n"
        f"date: 2025-05-08\nreplaces: {replaces}\nsources: [may-report]\n"
    )


def test_a_judgment_that_replaces_itself(make_project) -> None:
    root = make_project({"judgments/no-deal.yaml": judgment("No deal", "no-deal")})
    assert problems(root) == [
        "content/judgments/no-deal.yaml:6: replaces: goes round in a circle: "
        "content/judgments/no-deal.yaml → content/judgments/no-deal.yaml"
    ]


def test_two_judgments_that_replace_each_other(make_project) -> None:
    root = make_project(
        {
            "judgments/no-deal.yaml": judgment("No deal", "deal"),
            "judgments/deal.yaml": judgment("Deal", "no-deal"),
        }
    )
    assert problems(root) == [
        "content/judgments/deal.yaml:6: replaces: goes round in a circle: "
        "content/judgments/deal.yaml → content/judgments/no-deal.yaml → "
        "content/judgments/deal.yaml"
    ]


def test_questions_and_tracks_in_a_circle(make_project) -> None:
    root = make_project(
        {
            "questions/mediators.yaml": (
                "question: Q?\nwhy: W.\nopened: 2025-05-07\nsignposts: [{text: S.}]\n"
                "superseded_by: {question: mediators, date: 2025-07-03}\n"
            ),
            "tracks/alpha-beta.md": (
                "---\nname: T\nsummary: S.\nformat: direct\nparties: [alpha]\nstatus:\n"
                "  - status: active\n    date: 2025-05-07\n    sources: [may-report]\n"
                "links:\n  - {relation: became, track: alpha-beta, date: 2025-07-03, "
                "sources: [july-report]}\nsources: [may-report]\n---\nText.\n"
            ),
        }
    )
    found = problems(root)
    assert len(found) == 2
    assert found[0].startswith("content/questions/mediators.yaml:5: superseded_by.question: goes")
    assert found[1].startswith("content/tracks/alpha-beta.md:10: links: goes round in a circle")


def test_a_long_chain_is_no_circle_and_needs_no_recursion(make_project) -> None:
    chain = {f"judgments/j{n}.yaml": judgment(f"J{n}", f"j{n - 1}") for n in range(1, 1500)}
    chain["judgments/j0.yaml"] = judgment("J0", "no-deal")
    root = make_project(chain)
    assert len(load(root).content.judgments) == 1501
