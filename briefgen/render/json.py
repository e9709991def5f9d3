"""The resolved brief as JSON: sorted keys, so the same brief gives the same bytes."""

from __future__ import annotations

import json

from briefgen.brief.views import Brief


def brief_json(brief: Brief) -> str:
    return (
        json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
    )
