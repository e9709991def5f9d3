"""Quotes and excerpts checked against the kept text of their sources, at their path:line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.content import passages
from briefgen.content.load import load
from briefgen.errors import ContentError
from briefgen.fingerprint import sha
from tests.conftest import JULY_SHA, JULY_TEXT, brief_for

POSITION = "content/positions/alpha-talks-july.yaml"


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(root)
    return info.value.lines()


def quoting(text: str, speaker: str | None = "alpha") -> dict[str, str]:
    """The July position of MINIMAL with another quote."""
    who = f"\n          speaker: {speaker}" if speaker else ""
    return {
        "positions/alpha-talks-july.yaml": f"""\
        actor: alpha
        issue: Talks
        stance: JULYSTANCE Alpha wants withdrawal first.
        date: 2025-07-03
        quote:
          text: {text}{who}
          source: july-report
        sources: [july-report]
        """
    }


@pytest.mark.parametrize(
    "quote",
    [
        "no talks before withdrawal",
        "NO   TALKS before withdrawal.",
        "“No talks before withdrawal.”",
        '"No talks before withdrawal."',
        "said on 3 July: 'No talks ... withdrawal.'",
        "Alpha said […] Beta did not answer",
    ],
)
def test_a_quote_is_found_whatever_the_spaces_marks_case_or_ellipses(make_project, quote) -> None:
    load(make_project(quoting(json.dumps(quote, ensure_ascii=False))))


def test_a_misquoted_word_is_an_error_at_the_quote_with_the_closest_passage(make_project) -> None:
    root = make_project(quoting("no talks after withdrawal"))
    assert problems(root) == [
        f"{POSITION}:6: quote.text: not in the text of 'july-report' (july-report.txt); "
        "closest passage: ““No talks before withdrawal.””",
    ]


def test_dashes_and_odd_spaces_in_the_text_are_forgiven(make_project) -> None:
    text = "The plan – “a step\u00a0forward” — was\u2028tabled by Alpha-Beta ﬁnally.\n"
    root = make_project(
        {
            **quoting("plan - a step forward-was tabled by alpha - beta finally"),
            "sources/july-report.txt": text,
            "sources/july-report.yaml": f"outlet: J\npublished: 2025-07-03\nreliability: C\n"
            f"snapshot: {{file: july-report.txt, sha256: {sha(text.encode())}}}\n",
        }
    )
    load(root)


def test_an_excerpt_is_checked_like_a_quote_on_every_kind_of_fact(make_project) -> None:
    pinned = "excerpt: Beta did not answer"
    wrong = "excerpt: Beta did not reply"
    root = make_project(
        {
            "developments/july.yaml": f"date: 2025-07-03\nheadline: H\n{pinned}\n"
            "sources: [july-report]\n",
            "judgments/july.yaml": "statement: S\nlikelihood: likely\nconfidence: low\n"
            "basis: B\ndate: 2025-07-03\nsources: [july-report, may-report]\n"
            "excerpt: {text: Beta did not answer, source: july-report}\n",
            "questions/mediators.yaml": f"""\
            question: Who mediates?
            why: W.
            opened: 2025-05-07
            signposts:
              - text: A mediator is named.
                observed: 2025-07-03
                sources: [july-report]
                {wrong}
            answer:
              text: Gamma.
              date: 2025-07-03
              sources: [july-report]
              {pinned}
            """,
        }
    )
    [line] = problems(root)
    assert line.startswith(
        "content/questions/mediators.yaml:8: signposts.0.excerpt.text: not in the text of "
        "'july-report' (july-report.txt); closest passage: “Beta did not answer.”"
    )


def test_an_excerpt_must_say_which_of_several_sources_it_is_from(make_project) -> None:
    root = make_project(
        {
            "developments/july.yaml": "date: 2025-07-03\nheadline: H\n"
            "sources: [july-report, may-report]\nexcerpt: Beta did not answer\n",
            "developments/other.yaml": "date: 2025-07-03\nheadline: H\nsources: [july-report]\n"
            "excerpt: {text: Beta did not answer, source: may-report}\n",
        }
    )
    assert problems(root) == [
        "content/developments/july.yaml:4: excerpt.source: the item cites several sources: "
        "name the one the passage is from (`source:`)",
        "content/developments/other.yaml:4: excerpt.source: 'may-report' is not among the "
        "sources this item cites",
    ]


def test_a_changed_or_missing_snapshot_is_an_error_at_the_source(make_project) -> None:
    root = make_project({"sources/july-report.txt": JULY_TEXT.replace("Beta", "Gamma")})
    changed = sha(JULY_TEXT.replace("Beta", "Gamma").encode())
    assert problems(root) == [
        "content/sources/july-report.yaml:5: snapshot.sha256: content/sources/july-report.txt "
        f"changed since it was kept: its sha256 is now {changed}; if the new text is the "
        "article's, write that hash here",
    ]
    root = make_project({"sources/july-report.txt": None})
    [line] = problems(root)
    assert line.startswith(
        "content/sources/july-report.yaml:5: snapshot.file: cannot read "
        "content/sources/july-report.txt: "
    )


def test_a_quoted_source_without_snapshot_is_noted_once(make_project) -> None:
    root = make_project(
        {
            "sources/july-report.yaml": "outlet: J\npublished: 2025-07-03\nreliability: C\n",
            "sources/july-report.txt": None,
            "developments/july.yaml": "date: 2025-07-03\nheadline: H\nsources: [july-report]\n"
            "excerpt: anything at all\n",
        }
    )
    assert [str(w) for w in load(root).warnings] == [
        "content/sources/july-report.yaml:1: warning: snapshot: 1 quote and 1 excerpt from this "
        "source cannot be checked: it has no snapshot (`briefgen source add` keeps one)",
    ]


def test_a_snapshot_that_links_out_of_the_folder_is_not_read(make_project, tmp_path) -> None:
    root = make_project({"sources/july-report.txt": None})
    (tmp_path / "secret.txt").write_text(JULY_TEXT)
    (root / "content" / "sources" / "july-report.txt").symlink_to(tmp_path / "secret.txt")
    assert problems(root) == [
        "content/sources/july-report.yaml:5: snapshot.file: cannot read "
        "content/sources/july-report.txt: it leads out of the sources folder",
    ]


def test_a_snapshot_no_source_names_is_a_warning(make_project) -> None:
    root = make_project({"sources/stray.txt": "Some text.\n"})
    assert [str(w) for w in load(root).warnings] == [
        "content/sources/stray.txt: warning: a snapshot no source names: add `snapshot:` to its "
        "source, or delete it",
    ]


def test_a_snapshot_name_cannot_leave_the_sources_folder(make_project) -> None:
    root = make_project(
        {
            "sources/july-report.yaml": "outlet: J\npublished: 2025-07-03\nreliability: C\n"
            f"snapshot: {{file: ../../etc.txt, sha256: {JULY_SHA}}}\n"
        }
    )
    [line] = problems(root)
    assert line.startswith("content/sources/july-report.yaml:4: snapshot.file: String should")


def test_a_quote_without_speaker_is_the_outlet_s(make_project) -> None:
    root = make_project(quoting("No talks before withdrawal", speaker=None))
    [issue] = brief_for(root, "2025-07-03").positions
    [quote] = [p.quote for p in issue.positions if p.quote]
    assert (quote.speaker, quote.by_outlet, quote.speaker_role) == ("July Outlet", True, None)


WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=6)


@given(st.lists(WORD, min_size=3, max_size=30), st.data())
def test_any_run_of_words_is_found_after_typing_changes(words: list[str], data) -> None:
    """Spaces, case, quote marks and dashes the copy changed never hide a quote."""
    text = " ".join(words)
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    spaces = data.draw(st.lists(st.sampled_from([" ", "  ", "\n", "\u00a0", " \t "]), min_size=30))
    copied = "".join(w.upper() + spaces[i] for i, w in enumerate(words[start:end])).strip()
    assert passages.contains(passages.normalise(f"“{text}” — said."), f"‘{copied}’")
