"""What every view is (frozen, nothing extra), and the markings and notes any kind carries."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MarkingView(View):
    label: str
    short: str


class NoteView(View):
    text: str
    sensitivity: str
