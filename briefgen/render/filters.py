"""The Jinja filters and globals that speak the brief's language: its labels, dates, words,
quotation marks and the direction of its script."""

from __future__ import annotations

import datetime as dt
import string

import jinja2
from markupsafe import Markup, escape

from briefgen.brief.views import Brief
from briefgen.content import markup
from briefgen.content.dates import PartialDate
from briefgen.content.labels import ENGLISH, Labels, Unfilled
from briefgen.content.markup import ENGLISH_QUOTES
from briefgen.render.typography import finalize, smart_quotes
from briefgen.render.when import Dated, Style, when_html


def _labels(context: jinja2.runtime.Context) -> Labels:
    """The brief's labels; a page without a brief (the archive) passes its own or is English."""
    brief = context.get("brief")
    found = brief.labels if isinstance(brief, Brief) else context.get("labels")
    return found if isinstance(found, Labels) else ENGLISH


@jinja2.pass_context
def _human(context: jinja2.runtime.Context, value: dt.date | PartialDate) -> str:
    return _labels(context).date(value)


@jinja2.pass_context
def _short(context: jinja2.runtime.Context, value: dt.date | PartialDate) -> str:
    return _labels(context).date(value, short=True)


@jinja2.pass_context
def _label(
    context: jinja2.runtime.Context, key: str, count: int | None = None, **values: object
) -> Markup:
    """`{{ label("section.tracks") }}`, `{{ label("count.facts_rest", count=n) }}`: the label's
    text escaped; a value given as Markup (a link, a bold name) stays markup."""
    labels = _labels(context)
    if count is not None:
        values["count"] = labels.number(count)
    safe = {name: v if isinstance(v, Markup) else escape(v) for name, v in values.items()}
    return Markup(str(escape(labels.form(key, count))).format_map(Unfilled(safe)))


@jinja2.pass_context
def _when(
    context: jinja2.runtime.Context, item: Dated, style: Style = "short", since: bool = False
) -> Markup:
    """`{{ t.status | when(since=True) }}`: when it happened and when it was reported."""
    return when_html(item, _labels(context), style, since)


@jinja2.pass_context
def _word(context: jinja2.runtime.Context, value: str, kind: str) -> str:
    """`{{ t.format | word("format") }}`: a vocabulary value in the brief's language."""
    return _labels(context).word(kind, value)


@jinja2.pass_context
def _css_label(context: jinja2.runtime.Context, key: str) -> Markup:
    """A label as a CSS `content` value: `page.of` gives "Page " counter(page) " of "
    counter(pages); other placeholders are left out."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(_labels(context)(key)):
        if literal:
            parts.append(css_string(literal))
        if name in ("page", "pages"):
            parts.append(Markup(f"counter({name})"))
    return Markup(" ").join(parts)


def css_string(text: str) -> Markup:
    """A CSS string literal that cannot close the string, the rule or the <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-–—_()'/·" else f"\\{ord(ch):x} " for ch in str(text)
    )
    return Markup(f'"{escaped}"')


def isolate(text: object, quotes: tuple[str, str, str, str] = ENGLISH_QUOTES) -> Markup:
    """`text` in a `<bdi>`: a name, quote or title in another script than the page's keeps
    its own order and leaves its neighbours' alone (an Arabic quote does not carry the
    speaker's Latin name or the note number into its right-to-left run). Plain text is typeset
    first, as `finalize` would have done had the filter not made it markup."""
    return Markup("<bdi>{}</bdi>").format(finalize(text, quotes))


@jinja2.pass_context
def _isolate(context: jinja2.runtime.Context, text: object) -> Markup:
    return isolate(text, _labels(context).quotes)


@jinja2.pass_context
def _quoted(context: jinja2.runtime.Context, text: object) -> Markup:
    """`{{ p.quote.text | bidi | quoted }}`: the text between the brief's language's quotation
    marks, which stay outside an isolated quote and so follow the page's direction."""
    opening, closing, _, _ = _labels(context).quotes
    return Markup("{}{}{}").format(opening, finalize(text, _labels(context).quotes), closing)


@jinja2.pass_context
def typeset(context: jinja2.runtime.Context, value: object) -> object:
    """Jinja's `finalize` hook: every printed string gets the brief's language's quotes."""
    return finalize(value, _labels(context).quotes)


@jinja2.pass_context
def _smart_quotes(context: jinja2.runtime.Context, text: str) -> str:
    return smart_quotes(text, _labels(context).quotes)


@jinja2.pass_context
def _md(context: jinja2.runtime.Context, text: str) -> Markup:
    return Markup(markup.to_html(text, _labels(context).quotes))


@jinja2.pass_context
def _md_inline(context: jinja2.runtime.Context, text: str) -> Markup:
    return Markup(markup.to_inline_html(text, _labels(context).quotes))


def install(env: jinja2.Environment) -> None:
    """Add the language's filters and globals to `env`."""
    env.filters.update(
        md=_md,
        md_inline=_md_inline,
        human=_human,
        short=_short,
        when=_when,
        css_string=css_string,
        bidi=_isolate,
        quoted=_quoted,
        smart_quotes=_smart_quotes,
        word=_word,
    )
    env.globals.update(label=_label, css_label=_css_label)
