"""The label catalogue: every word a brief prints, by key, in the brief's language.

One YAML file per language in `labels/`; English is complete by definition and fills any key
another language lacks. A project renames any key in `brief.yaml` under `labels:`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import format_decimal
from pydantic import BaseModel, ConfigDict

from briefgen.content.dates import DateWords, PartialDate

CATALOGUES = Path(__file__).resolve().parent / "labels"
BASE = "en"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it
Text = str | dict[str, str]
"""A label: its text, or its text for each CLDR plural category (one, other, ...)."""


@lru_cache(maxsize=16)
def catalogue(language: str) -> dict[str, Text]:
    """The shipped labels of `language` (its base language's, `fr` for `fr-CA`); {} if none."""
    for name in (language, language.split("-")[0]):
        path = CATALOGUES / f"{name}.yaml"
        if path.is_file():
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
            return dict(data)
    return {}


def locale(language: str) -> Locale:
    """Babel's locale for a BCP 47 tag; ValueError naming the tag when Babel has none."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        message = f"unknown language '{language}': give a BCP 47 tag such as en, fr or ar"
        raise ValueError(message) from None


def placeholders(text: str | Mapping[str, str]) -> set[str]:
    """The names a label fills in: {'date'} for 'since {date}'."""
    forms: list[str] = list(text.values()) if isinstance(text, Mapping) else [text]
    return {name for form in forms for _, name, _, _ in string.Formatter().parse(form) if name}


def check_key(key: str, vocabulary: frozenset[str] = frozenset()) -> str | None:
    """Why `key` cannot be overridden (unknown, with the closest known key); None if it can."""
    known = set(catalogue(BASE)) | vocabulary
    if key in known:
        return None
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else "; `briefgen labels` lists them"
    return f"unknown label '{key}'{hint}"


def missing(language: str) -> list[str]:
    """The keys `language`'s catalogue lacks (shown in English)."""
    if language.split("-")[0] == BASE:
        return []
    own = catalogue(language)
    return sorted(key for key in catalogue(BASE) if key not in own)


class Labels(BaseModel):
    """The labels of one brief: its language's catalogue, English beneath, the project's
    overrides on top."""

    model_config = ConfigDict(frozen=True)

    language: str = BASE
    texts: dict[str, Text] = {}

    @classmethod
    def resolve(cls, language: str, overrides: Mapping[str, Text] | None = None) -> Labels:
        texts = {**catalogue(BASE), **catalogue(language), **(overrides or {})}
        return cls(language=language, texts=texts)

    @property
    def locale(self) -> Locale:
        return _locale(self.language)

    @property
    def direction(self) -> str:
        """ltr or rtl, for `<html dir>`."""
        return str(self.locale.text_direction)

    @property
    def quotes(self) -> tuple[str, str, str, str]:
        """Opening and closing quotation marks, then the inner pair: “ ” ‘ ’ in English."""
        return (
            self("quote.open"),
            self("quote.close"),
            self("quote.open_inner"),
            self("quote.close_inner"),
        )

    def __call__(self, key: str, count: int | None = None, **values: object) -> str:
        """The label `key`, its placeholders filled; with `count`, the plural form for it."""
        text = self.form(key, count)
        if count is not None:
            values["count"] = self.number(count)
        return text.format_map(Unfilled(values)) if values else text

    def form(self, key: str, count: int | None = None) -> str:
        """The label's text as written, in the plural form `count` takes; the key itself
        for a key no catalogue has, so that a typo shows on the page rather than failing."""
        text = self.texts.get(key, key)
        if isinstance(text, dict):
            category = self.locale.plural_form(count if count is not None else 0)
            return text.get(category, text.get("other", key))
        return text

    def word(self, kind: str, value: str) -> str:
        """A vocabulary value in the brief's language (`status`, `active` → 'active'); a value
        the catalogue does not name is printed as written."""
        text = self.texts.get(f"{kind}.{value}", value)
        return text if isinstance(text, str) else value

    def number(self, value: int) -> str:
        return str(format_decimal(value, locale=self.locale))

    def date_words(self, short: bool = False) -> DateWords:
        return _date_words(self.language, short, *(self(f"date.{p}") for p in PARTS), self.approx)

    @property
    def approx(self) -> str:
        return self("date.approximate")

    def date(self, value: dt.date | PartialDate, short: bool = False) -> str:
        """'3 July 2025', '3 juillet 2025'; a partial date by its precision ('mi-juillet 2025')."""
        partial = value if isinstance(value, PartialDate) else PartialDate.parse(value)
        return partial.text(self.date_words(short))


PARTS = ("early", "mid", "late")


class Unfilled(dict[str, object]):
    """Leaves a placeholder the caller did not fill as written, rather than failing a build."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@lru_cache(maxsize=16)
def _locale(language: str) -> Locale:
    return locale(language)


@lru_cache(maxsize=64)
def _date_words(
    language: str, short: bool, early: str, mid: str, late: str, approx: str
) -> DateWords:
    width: Literal["abbreviated", "wide"] = "abbreviated" if short else "wide"
    names = get_month_names(width, context="format", locale=_locale(language))
    months = ("", *(str(names[m]) for m in range(1, 13)))
    return DateWords(months, {"early": early, "mid": mid, "late": late}, approx)


def listing(
    language: str, overrides: Mapping[str, Text], vocabulary: frozenset[str] = frozenset()
) -> list[tuple[str, Text, str]]:
    """Every key a brief of `language` prints, its text, and where that text comes from (the
    language's catalogue, English for a missing translation, or brief.yaml)."""
    base, own = catalogue(BASE), catalogue(language)
    rows = []
    for key in sorted(set(base) | set(vocabulary) | set(overrides)):
        if key in overrides:
            rows.append((key, overrides[key], "brief.yaml"))
        elif key in own:
            rows.append((key, own[key], language))
        elif key in base:
            untranslated = language.split("-")[0] != BASE
            rows.append((key, base[key], "en (untranslated)" if untranslated else BASE))
        else:  # a value of the project's own vocabulary: printed as written
            rows.append((key, key.partition(".")[2], "as written"))
    return rows


ENGLISH = Labels.resolve(BASE)
"""briefgen's own words: for a page without a brief, and for the terminal."""
