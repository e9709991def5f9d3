"""`briefgen labels`: every label a brief prints, with its text, so a user can find what to
rename under `labels:` in brief.yaml."""

from __future__ import annotations

import json

from briefgen.content.labels import Text

Listing = list[tuple[str, Text, str]]
NOTED = ("brief.yaml", "as written", "en (untranslated)")
"""Origins worth a note: the language's own catalogue goes without saying."""


def _shown(text: Text) -> str:
    if isinstance(text, str):
        return text
    return " | ".join(f"{form}: {value}" for form, value in text.items())


def labels_text(listing: Listing) -> str:
    """One line per key: `key  text`, with where the text comes from when not the language."""
    width = max((len(key) for key, _, _ in listing), default=0)
    lines = []
    for key, text, origin in listing:
        note = f"  [{origin}]" if origin in NOTED else ""
        lines.append(f"{key:<{width}}  {_shown(text)}{note}")
    return "\n".join(lines) + "\n"


def labels_json(listing: Listing) -> str:
    """Every key with its text (a string, or a mapping of plural forms) and its origin."""
    rows = [{"key": key, "text": text, "from": origin} for key, text, origin in listing]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
