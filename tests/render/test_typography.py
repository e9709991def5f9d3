from __future__ import annotations

from markupsafe import Markup

from briefgen.content import markup
from briefgen.render.typography import finalize, smart_quotes, url_breaks


def test_straight_quotes_become_curly() -> None:
    assert smart_quotes("Syria's \"red lines\" and 'calm'") == "Syria’s “red lines” and ‘calm’"
    assert smart_quotes('("a")') == "(“a”)"


def test_addresses_and_markup_are_left_alone() -> None:
    assert smart_quotes("https://example.org/it's") == "https://example.org/it's"
    assert finalize(Markup("<b>it's</b>")) == Markup("<b>it's</b>")
    assert finalize(3) == 3


def test_urls_break_after_separators_never_in_the_scheme_and_copy_intact() -> None:
    url = "https://www.example.org/news/2025/07/a-long_title?x=1&y=2"
    shown = url_breaks(url)
    assert str(shown).startswith("https://www.<wbr>example")
    assert "news/<wbr>2025" in shown and "&amp;<wbr>y" in shown
    assert str(shown).replace("<wbr>", "").replace("&amp;", "&") == url
    assert "\u00ad" not in shown
    assert str(url_breaks("<x>")) == "&lt;x&gt;"


FRENCH = ("«\u202f", "\u202f»", "“", "”")


def test_double_quotes_take_the_languages_marks_and_apostrophes_stay() -> None:
    assert smart_quotes('Il a dit "non" aujourd\'hui', FRENCH) == (
        "Il a dit «\u202fnon\u202f» aujourd’hui"
    )
    assert markup.to_inline_html('Il a dit "non"', FRENCH) == "Il a dit «\u202fnon\u202f»"
    assert markup.to_inline_html('He said "no"') == "He said “no”"
