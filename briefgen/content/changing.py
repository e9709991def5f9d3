"""Fields whose value changes over time: a plain value, or a dated history of values.

The one rule of the content model: every field is either timeless (an id, a person's name, an
outlet) or may change. A field that may change is a `Changing[T]`, written either as a plain
value, true for as long as the item is shown, or as a history:

    format:
      - value: indirect
        date: 2025-05-07
        sources: [may-report]
      - value: direct
        date: 2025-08-01
        sources: [aug-report]

Each entry counts from the day it became known (its date, or the earliest of its sources), and
a brief as of D shows the latest entry known on D (`brief.state`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Annotated, Any, Generic, TypeVar

from pydantic import ConfigDict, Discriminator, Field, RootModel, Tag

from briefgen.content.dates import PartialDate
from briefgen.content.fields import Model, Slug, Text

T = TypeVar("T")

FORM_TAGS = ("plain", "history")
"""Tags pydantic puts in an error's location to say which form it checked; not field names."""


def _restore(origin: Any, args: tuple[Any, ...], state: Any) -> Any:
    cls = origin[args]
    obj = cls.__new__(cls)
    obj.__setstate__(state)
    return obj


class _Pickled:
    """Pickles a parametrised generic model by its origin and arguments: pickle cannot look
    `Changing[Text]` up by name, and the build cache keeps content pickled."""

    def __reduce__(self) -> Any:
        meta = type(self).__pydantic_generic_metadata__  # type: ignore[attr-defined]
        return (_restore, (meta["origin"], meta["args"], self.__getstate__()))  # type: ignore[attr-defined]


class Change(_Pickled, Model, Generic[T]):
    """One value of a changing field, from a date on."""

    timeless = frozenset({"value", "sources", "note"})
    dated = frozenset({"date"})

    value: T = Field(description="The value from this date on.")
    date: PartialDate = Field(description="From when, as precisely as known.")
    sources: list[Slug] = Field(
        default_factory=list,
        description="Sources that report it; the value counts from the earliest of them.",
    )
    note: Text | None = Field(None, description="Why it changed, in one line.")


def form_of(value: Any) -> str:
    """A history is a list of entries, each a mapping with a value or a date."""
    if isinstance(value, list | tuple) and value:
        if all(isinstance(e, Change) for e in value):
            return "history"
        if all(isinstance(e, dict) and ("value" in e or "date" in e) for e in value):
            return "history"
    return "plain"


class Changing(
    _Pickled,
    RootModel[
        Annotated[
            Annotated[T, Tag("plain")] | Annotated[tuple[Change[T], ...], Tag("history")],
            Discriminator(form_of),
        ]
    ],
    Generic[T],
):
    """A value that may change over time: a plain value, or a dated history of values."""

    model_config = ConfigDict(frozen=True)

    @property
    def history(self) -> tuple[Change[T], ...] | None:
        """The dated entries, or None for a plain value."""
        return self.root if form_of(self.root) == "history" else None  # type: ignore[return-value]

    @property
    def plain(self) -> T:
        """The plain value (only when there is no history)."""
        assert self.history is None
        return self.root  # type: ignore[return-value]

    def latest(self) -> T:
        """The value written last (by date): for pages about now, not about one edition."""
        history = self.history
        if history is None:
            return self.plain
        return max(history, key=lambda e: (e.date, e.date.first_day)).value

    def values(self) -> list[T]:
        """Every value it ever takes."""
        history = self.history
        return [e.value for e in history] if history is not None else [self.plain]

    def map(self, fn: Callable[[T], T]) -> Changing[T]:
        """The same field with `fn` applied to every value."""
        history = self.history
        if history is None:
            return type(self)(fn(self.plain))
        return type(self)(tuple(e.model_copy(update={"value": fn(e.value)}) for e in history))

    def keep(self, entry_kept: Callable[[Change[T]], Change[T] | None]) -> Changing[T] | None:
        """The history with some entries changed or left out; None if none is left."""
        history = self.history
        if history is None:
            return self
        kept = tuple(e for e in (entry_kept(e) for e in history) if e is not None)
        return type(self)(kept) if kept else None


@cache
def changing_fields(model: type[Model]) -> tuple[str, ...]:
    """Names of the model's fields that may change over time."""
    names = []
    for name, info in model.model_fields.items():
        options = [info.annotation, *getattr(info.annotation, "__args__", ())]
        if any(isinstance(o, type) and issubclass(o, Changing) for o in options):
            names.append(name)
    return tuple(names)
