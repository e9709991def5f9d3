"""The label catalogue: every language complete, dates and plurals in the brief's language,
and the settings' `language` and `labels:` checked with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel import Locale

from briefgen.content.dates import PartialDate
from briefgen.content.labels import Labels, catalogue, missing, placeholders
from briefgen.content.load import load
from briefgen.errors import ContentError

SETTINGS = "title: Test Brief\norganisation: Test Desk\nhandling: INTERNAL\n"


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(root)
    return info.value.lines()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_each_shipped_language_translates_every_key_with_the_same_placeholders(
    language: str,
) -> None:
    english, own = catalogue("en"), catalogue(language)
    assert missing(language) == []
    assert set(own) == set(english)
    categories = set(Locale.parse(language).plural_form.rules) | {"other"}
    for key, text in own.items():
        assert placeholders(text) == placeholders(english[key]), key
        if isinstance(text, dict):
            assert set(text) <= categories | {"one", "many"}, key
            assert "other" in text, key


def test_catalogue_values_are_text_or_plural_forms() -> None:
    for language in ("en", "fr", "ar"):
        for key, text in catalogue(language).items():
            forms = text.values() if isinstance(text, dict) else [text]
            assert all(isinstance(f, str) and f for f in forms), (language, key)


@pytest.mark.parametrize(
    ("written", "english", "french", "arabic"),
    [
        ("2025-07-03", "3 July 2025", "3 juillet 2025", "3 يوليو 2025"),
        ("~2025-05", "c. May 2025", "c. mai 2025", "نحو مايو 2025"),
        ("mid 2025-07", "mid July 2025", "mi-juillet 2025", "منتصف يوليو 2025"),
        ("late 2025-07", "late July 2025", "fin juillet 2025", "أواخر يوليو 2025"),
        ("2025-08/2025-09", "August–September 2025", "août–septembre 2025", None),
        ("2025-08-03/2025-08-05", "3–5 August 2025", "3–5 août 2025", None),
        ("2025", "2025", "2025", "2025"),
    ],
)
def test_dates_keep_their_precision_in_every_language(
    written: str, english: str, french: str, arabic: str | None
) -> None:
    date = PartialDate.parse(written)
    assert Labels.resolve("en").date(date) == english == date.human()
    assert Labels.resolve("fr").date(date) == french
    if arabic:
        assert Labels.resolve("ar").date(date) == arabic


def test_short_dates_and_days() -> None:
    assert Labels.resolve("en").date(dt.date(2025, 9, 3), short=True) == "3 Sep 2025"
    assert Labels.resolve("fr").date(dt.date(2025, 9, 3), short=True) == "3 sept. 2025"
    assert Labels.resolve("fr").date(dt.date(2025, 7, 3)) == "3 juillet 2025"


def test_plural_forms_follow_the_language() -> None:
    en, fr, ar = Labels.resolve("en"), Labels.resolve("fr"), Labels.resolve("ar")
    assert en("count.facts_rest", count=1) == "1 fact rests on it."
    assert en("count.facts_rest", count=3) == "3 facts rest on it."
    assert fr("count.new_developments", count=1) == "1 nouvel événement"
    assert fr("count.new_developments", count=2) == "2 nouveaux événements"
    assert ar("count.new_developments", count=2) == "تطوران جديدان"
    assert ar("count.new_developments", count=5) == "5 تطورات جديدة"
    assert fr("page.of", page=3, pages=9) == "Page 3 sur 9"
    assert en("changes.and_more", count=1200) == "and 1,200 more"


def test_overrides_win_and_unknown_vocabulary_is_printed_as_written() -> None:
    labels = Labels.resolve("fr", {"section.tracks": "Canaux de négociation"})
    assert labels("section.tracks") == "Canaux de négociation"
    assert labels.word("status", "active") == "active"
    assert labels.word("status", "stalled") == "au point mort"
    assert labels.word("status", "initialled") == "initialled"


def test_unknown_language_is_an_error_at_its_line(make_project) -> None:
    root = make_project({"brief.yaml": SETTINGS + "language: xx-nonsense\n"})
    [line] = problems(root)
    assert line.startswith("content/brief.yaml:4: language: unknown language 'xx-nonsense'")


def test_an_unknown_label_is_an_error_naming_key_line_and_a_close_match(make_project) -> None:
    root = make_project(
        {"brief.yaml": SETTINGS + "labels:\n  section.track: Channels\n  page.of: Page\n"}
    )
    assert problems(root) == [
        "content/brief.yaml:5: labels.section.track: unknown label 'section.track' (did you "
        "mean 'section.tracks'?)",
        "content/brief.yaml:6: labels.page.of: the label leaves out {page}, {pages}, which the "
        "brief fills in",
    ]


def test_a_language_without_a_catalogue_warns_for_each_key(make_project) -> None:
    root = make_project(
        {"brief.yaml": SETTINGS + "language: de\nlabels:\n  section.tracks: Kanäle\n"}
    )
    warnings = [str(w) for w in load(root).warnings]
    assert any("no de translation of label 'section.bottom_line'" in w for w in warnings)
    assert not any("'section.tracks'" in w for w in warnings)
    assert all(w.startswith("content/brief.yaml:4: warning: language:") for w in warnings)


def test_french_and_arabic_projects_load_without_warnings(make_project) -> None:
    for language in ("fr", "ar", "fr-CA"):
        root = make_project({"brief.yaml": SETTINGS + f"language: {language}\n"})
        assert load(root).warnings == ()


def test_briefgen_own_audiences_and_markings_are_named_in_the_brief_language(
    make_project,
) -> None:
    root = make_project(
        {
            "brief.yaml": SETTINGS
            + "language: fr\nlabels:\n  audience.executive: Pour le ministre\n",
        }
    )
    content = load(root).content
    names = {a.id: a.label for a in content.audiences}
    assert names == {
        "analyst": "Note d’analyste",
        "executive": "Pour le ministre",
        "public": "Édition publique",
    }
    public = next(a for a in content.audiences if a.id == "public")
    assert public.colophon is not None and public.colophon.startswith("Cette édition publique")
    marks = {level: (m.label, m.short) for level, m in content.settings.markings.items()}
    assert marks["internal"] == ("INTERNE", "I")
    assert marks["restricted"] == ("DIFFUSION RESTREINTE", "R")


def test_a_project_own_markings_and_audience_names_win(make_project) -> None:
    markings = (
        "markings:\n"
        "  public: {label: TLP:CLEAR, short: TLP:C}\n"
        "  internal: {label: TLP:AMBER, short: TLP:A}\n"
        "  restricted: {label: TLP:RED, short: TLP:R}\n"
    )
    root = make_project(
        {
            "brief.yaml": SETTINGS + "language: fr\n" + markings,
            "audiences/board.yaml": "label: Board\nsections: [bottom_line]\nceiling: internal\n",
        }
    )
    content = load(root).content
    assert content.settings.markings["internal"].label == "TLP:AMBER"
    assert next(a.label for a in content.audiences if a.id == "board") == "Board"
