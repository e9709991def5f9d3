"""`briefgen sources` and `briefgen source add` at the command line, and the sample's sources."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main
from briefgen.content.load import load
from tests.conftest import REPO


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_sources_lists_what_rests_on_each_source(project: Path) -> None:
    code, out, err = run("sources", "--project", str(project))
    assert code == 0, err
    assert out == (
        "july-report: July Outlet, 3 July 2025 · grade C · snapshot july-report.txt · 5 facts "
        "rest on it\n"
        "  development   2 May 2025     EARLYEVENT first reported in July [early-event]\n"
        "  position      3 Jul 2025     Alpha on Talks (quoted) [alpha-talks-july]\n"
        "  status change 2 Jul 2025     Alpha–Beta talks: stalled [alpha-beta]\n"
        "  answer        3 Jul 2025     Who mediates? [mediators]\n"
        "  judgment      8 May 2025     No deal soon. [no-deal]\n"
        "\n"
        "may-report: May Outlet, “Talks confirmed”, 7 May 2025 · grade B2 · no snapshot · 4 facts "
        "rest on it,\n"
        "1 other citation\n"
        "  development   7 May 2025     Alpha confirms talks with Beta [confirmed]\n"
        "  position      7 May 2025     Alpha on Talks [alpha-talks-may]\n"
        "  status change 7 May 2025     Alpha–Beta talks: active [alpha-beta]\n"
        "  judgment      8 May 2025     No deal soon. [no-deal]\n"
        "  track                        Alpha–Beta talks [alpha-beta]\n"
    )


def test_sources_of_one_source_as_json_and_an_unknown_id(project: Path) -> None:
    code, out, _ = run("sources", "july-report", "--json", "--project", str(project))
    assert code == 0
    [source] = json.loads(out)
    assert (source["id"], source["snapshot"], source["facts"]) == (
        "july-report",
        "july-report.txt",
        5,
    )
    assert source["cited_by"][1] == {
        "kind": "position",
        "item": "alpha-talks-july",
        "label": "Alpha on Talks",
        "date": "2025-07-03",
        "quoted": True,
    }
    code, _, err = run("sources", "nope", "--project", str(project))
    assert code == 2 and "unknown source 'nope'" in err


def test_source_add_prints_what_it_wrote_and_what_is_missing(project: Path, tmp_path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("A headline\n\nJuly 3, 2025 — Alpha spoke.\n", encoding="utf-8")
    code, out, err = run("source", "add", str(article), "--id", "note", "--project", str(project))
    assert code == 0, err
    assert out.splitlines() == [
        f"wrote {project / 'content/sources/note.yaml'} and {project / 'content/sources/note.txt'}",
        "found title: A headline; published: 3 July 2025 (from the top of the text)",
        "not found: outlet, author, url",
        "reliability is F (cannot be judged) until you grade the source",
    ]
    code, _, err = run("source", "add", str(article), "--id", "note", "--project", str(project))
    assert code == 2 and "note.yaml already exists" in err


def test_the_sample_s_quotes_are_in_its_articles() -> None:
    """What `check` says of the sample: every quote is in the seed articles; two judgments rest
    on a single source each, as their own basis says."""
    loaded = load(REPO)
    assert [str(w) for w in loaded.warnings] == [
        "content/judgments/unnamed-channel-limited-2025-05-08.yaml:16: warning: sources: a key "
        "judgment on a single source",
        "content/judgments/us-monitors-not-soon-2025-07-03.yaml:14: warning: sources: a key "
        "judgment on a single source",
    ]
    assert all(s.snapshot for s in loaded.content.sources)
    quoted = {p.id: p.quote for p in loaded.content.positions if p.quote}
    assert quoted["israel-russian-role-2025-07"].speaker is None  # the outlet's words
