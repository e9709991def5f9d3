"""Sourcing lint: how key judgments are sourced, sources nothing cites, signposts seen unsourced."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.content.load import load
from briefgen.errors import ContentError

JUDGMENT = "content/judgments/no-deal.yaml"


def judgment(sources: str, date: str = "2025-07-03", extra: str = "") -> dict[str, str]:
    return {
        "judgments/no-deal.yaml": "statement: No deal soon.\nlikelihood: likely\nconfidence: low\n"
        f"basis: B.\ndate: {date}\nsources: [{sources}]\n{extra}"
    }


def warnings(root: Path) -> list[str]:
    return [str(w) for w in load(root).warnings]


def test_minimal_project_is_well_sourced(project: Path) -> None:
    assert warnings(project) == []


def test_a_key_judgment_on_a_single_source(make_project) -> None:
    assert warnings(make_project(judgment("may-report"))) == [
        f"{JUDGMENT}:6: warning: sources: a key judgment on a single source",
    ]


def test_a_key_judgment_only_on_low_grade_sources(make_project) -> None:
    root = make_project(
        {
            **judgment("may-report, july-report"),
            "sources/may-report.yaml": "outlet: M\npublished: 2025-05-07\nreliability: F\n",
            "sources/july-report.yaml": "outlet: J\npublished: 2025-07-03\nreliability: B\n"
            "credibility: 5\n",
            "sources/july-report.txt": None,
            "positions/alpha-talks-july.yaml": "actor: alpha\nissue: Talks\nstance: S.\n"
            "date: 2025-07-03\nsources: [july-report]\n",
        }
    )
    assert warnings(root) == [
        f"{JUDGMENT}:6: warning: sources: rests only on low-grade sources (may-report: F, "
        "july-report: B5)",
    ]


def test_a_key_judgment_only_on_sources_known_after_it(make_project) -> None:
    assert warnings(make_project(judgment("july-report, may-report", date="2025-05-01"))) == [
        f"{JUDGMENT}:6: warning: sources: judged 2025-05-01 but every source it cites became "
        "available later (the first on 2025-05-07): briefs show it only from then",
    ]


def test_a_source_nothing_cites_and_a_signpost_seen_without_source(make_project) -> None:
    root = make_project(
        {
            "sources/unused.yaml": "outlet: U\npublished: 2025-06-01\nreliability: B\n",
            "questions/mediators.yaml": "question: Who?\nwhy: W.\nopened: 2025-05-07\n"
            "signposts:\n  - text: A mediator is named.\n    observed: 2025-06-02\n",
        }
    )
    assert warnings(root) == [
        "content/questions/mediators.yaml:6: warning: signposts.0.observed: marked observed, but "
        "no source reports it",
        "content/sources/unused.yaml:1: warning: no item cites this source",
    ]


def test_a_judgment_resting_only_on_discredited_sources_is_an_error(make_project) -> None:
    withdrawn = {
        "sources/may-report.yaml": "outlet: M\npublished: 2025-05-07\nreliability: B\n"
        "discredited: {date: 2025-07-10, reason: Retracted., status: withdrawn}\n"
    }
    root = make_project(withdrawn)
    assert warnings(root) == []  # no-deal also cites the July report, which stands
    root = make_project({**withdrawn, **judgment("may-report, may-report")})
    with pytest.raises(ContentError) as info:
        load(root)
    assert info.value.lines() == [
        f"{JUDGMENT}:6: sources: every source it rests on is discredited or withdrawn "
        "(may-report: Retracted.): replace the judgment (`replaces:`) or cite sources that stand",
    ]
    # A later judgment that replaces it settles the matter; the old one is history.
    root = make_project(
        {
            **withdrawn,
            **judgment("may-report, may-report"),
            "judgments/later.yaml": "statement: S.\nlikelihood: likely\nconfidence: low\n"
            "basis: B.\ndate: 2025-07-11\nreplaces: no-deal\nsources: [july-report, may-report]\n",
        }
    )
    assert warnings(root) == []


def test_strict_check_makes_sourcing_warnings_errors(make_project) -> None:
    from click.testing import CliRunner

    from briefgen.cli import main

    root = make_project(judgment("may-report"))
    result = CliRunner().invoke(main, ["check", "--strict", "--project", str(root)])
    assert result.exit_code == 1
    assert "a key judgment on a single source" in result.stderr
