"""The settings' words checked against the content and the catalogue: every track format,
status, likelihood and confidence is one of the brief's vocabulary, every renamed label
exists, and every label of the brief's language is translated."""

from __future__ import annotations

from typing import Any

from briefgen.content.documents import Document
from briefgen.content.labels import catalogue as shipped
from briefgen.content.labels import check_key, missing, placeholders
from briefgen.content.references import values_at
from briefgen.content.settings import Settings
from briefgen.content.vocabulary import Vocabulary
from briefgen.errors import Problem

EN = "en"

# Which fields of which kind take a word of the vocabulary (paths as in `kinds.py`).
USES: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]] = {
    "tracks": (
        (("format", "~"), "track_formats", "track format"),
        (("status", "*", "status"), "track_statuses", "track status"),
    ),
    "judgments": (
        (("likelihood",), "likelihoods", "likelihood"),
        (("confidence",), "confidences", "confidence"),
    ),
}


def vocabulary_problems(
    items: dict[str, list[tuple[Any, Document]]], vocabulary: Vocabulary
) -> list[Problem]:
    """Every value outside the project's vocabulary, at its file, line and field."""
    problems = []
    for kind, uses in USES.items():
        for _, doc in items.get(kind, ()):
            for path, name, what in uses:
                allowed = list(getattr(vocabulary, name))
                for loc, value in values_at(doc.data, path):
                    if value not in allowed:
                        field = ".".join(str(p) for p in loc)
                        message = (
                            f"'{value}' is not a {what} of this brief: use one of "
                            f"{', '.join(allowed)}, or add it under `vocabulary: {name}` "
                            "in brief.yaml"
                        )
                        problems.append(Problem(doc.path, doc.line_of(loc), field, message))
    return problems


def label_problems(settings: Settings, doc: Document) -> list[Problem]:
    """Each renamed label that does not exist or drops a placeholder (an error); each label
    the brief's language has no translation for (a warning, naming key and language)."""
    problems = []
    vocabulary = settings.vocabulary.label_keys()
    english = shipped(EN)
    for key, text in settings.labels.items():
        loc = ("labels", key)
        if why := check_key(key, vocabulary):
            problems.append(Problem(doc.path, doc.line_of(loc), f"labels.{key}", why))
        elif lost := placeholders(english.get(key, "")) - placeholders(text):
            names = ", ".join("{" + name + "}" for name in sorted(lost))
            message = f"the label leaves out {names}, which the brief fills in"
            problems.append(Problem(doc.path, doc.line_of(loc), f"labels.{key}", message))
    language = settings.language
    for key in missing(language):
        if key not in settings.labels:
            message = f"no {language} translation of label '{key}': shown in English"
            problems.append(
                Problem(doc.path, doc.line_of(("language",)), "language", message, warning=True)
            )
    for key in sorted(vocabulary - set(english) - set(settings.labels)):
        if language.split("-")[0] != EN:
            message = f"no {language} label for '{key}': printed as written; add it under labels"
            problems.append(
                Problem(doc.path, doc.line_of(("vocabulary",)), "vocabulary", message, warning=True)
            )
    return problems
