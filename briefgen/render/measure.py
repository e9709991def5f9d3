"""Read a laid-out brief back: how many pages, how far it runs over, how tall each item is.

Items that a page budget may leave out carry `data-fit="<section>"` in the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Measure:
    pages: int
    overflow: float
    """Height, in CSS px, of what runs past the last page of the budget."""
    heights: dict[str, list[float]] = field(default_factory=dict)
    """Per section, the height of each of its items, in the order shown."""


def measure(document: Any, budget: int) -> Measure:
    """The measure of a WeasyPrint document against a budget of `budget` pages."""
    heights: dict[str, list[float]] = {}
    overflow = 0.0
    for number, page in enumerate(document.pages):
        box = page._page_box
        top = box.content_box_y()
        bottom = top
        for child in box.children:
            if type(child).__name__ == "MarginBox":
                continue
            bottom = max(bottom, _walk(child, heights))
        if number >= budget:
            overflow += bottom - top
    return Measure(len(document.pages), overflow, heights)


def _walk(box: Any, heights: dict[str, list[float]]) -> float:
    """Record the items under `box`; the lowest edge of its content."""
    element = getattr(box, "element", None)
    bottom = box.position_y + box.margin_height()
    if element is not None and getattr(box, "element_tag", None) is not None:
        section = element.get("data-fit")
        if section:  # the element's own box: its parts lie inside it
            heights.setdefault(section, []).append(box.margin_height())
            return bottom
    for child in getattr(box, "children", ()):
        bottom = max(bottom, _walk(child, heights))
    return bottom
