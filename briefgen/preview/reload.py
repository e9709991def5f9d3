"""The live-reload machinery of the preview, as plain classes: no sockets, no files.

`Epochs` holds the latest finished build and its number (its epoch): requests wait while a newer
build is on its way, and browsers long-poll until the epoch moves. `Debouncer` gathers the file
changes of a burst of saves so that they cause one rebuild.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Epochs(Generic[T]):
    """The latest finished build, numbered, behind one condition variable.

    The builder calls `stale()` as soon as a change is seen and `publish()` when the new build is
    done; request threads call `current()` (waits while a build is pending) and `wait_newer()`
    (the long poll). `close()` releases every waiter.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._epoch = 0
        self._value: T | None = None
        self._stale = False
        self._closed = False

    @property
    def epoch(self) -> int:
        with self._cond:
            return self._epoch

    @property
    def closed(self) -> bool:
        with self._cond:
            return self._closed

    def stale(self) -> None:
        """A change was seen: requests wait for the build that will follow."""
        with self._cond:
            self._stale = True

    def publish(self, value: T, *, still_stale: bool = False) -> int:
        """A build finished: make it the current one and wake every waiter.

        `still_stale` says that files changed again while it ran: requests and long polls go on
        waiting for the build that follows, so no page shows a build that is already old.
        """
        with self._cond:
            self._epoch += 1
            self._value = value
            self._stale = still_stale
            self._cond.notify_all()
            return self._epoch

    def _ready(self) -> bool:
        return self._closed or (self._epoch > 0 and not self._stale)

    def current(self, timeout: float) -> tuple[int, T | None]:
        """The latest build, once no newer one is pending; after `timeout`, whatever there is."""
        with self._cond:
            self._cond.wait_for(self._ready, timeout)
            return self._epoch, self._value

    def wait_newer(self, seen: int, timeout: float) -> int:
        """Wait until a build other than `seen` is current (or `timeout`); its epoch."""
        with self._cond:
            self._cond.wait_for(
                lambda: self._closed or (self._ready() and self._epoch != seen), timeout
            )
            return self._epoch

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


class Debouncer:
    """Gathers changes until none came for `quiet` seconds (or `longest` after the first one).

    `add()` may be called from any thread; `wait()` blocks the builder until a burst is over and
    hands it every change of the burst at once. `ready()` and `take()` are the same logic without
    waiting, for a caller that keeps its own time.
    """

    def __init__(
        self,
        quiet: float = 0.1,
        longest: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiet, self.longest, self._clock = quiet, longest, clock
        self._cond = threading.Condition()
        self._pending: set[str] = set()
        self._first = self._last = 0.0
        self._closed = False

    def add(self, changes: Iterable[str]) -> None:
        changes = set(changes)
        if not changes:
            return
        with self._cond:
            now = self._clock()
            if not self._pending:
                self._first = now
            self._last = now
            self._pending |= changes
            self._cond.notify_all()

    def due(self) -> float | None:
        """When the pending burst is over (clock time), or None if nothing is pending."""
        with self._cond:
            if not self._pending:
                return None
            return min(self._last + self.quiet, self._first + self.longest)

    def ready(self, now: float) -> bool:
        due = self.due()
        return due is not None and now >= due

    def take(self) -> set[str]:
        with self._cond:
            changes, self._pending = self._pending, set()
            return changes

    def wait(self, timeout: float) -> set[str]:
        """The changes of one finished burst; empty after `timeout` without any, or when closed.

        A burst that started before `timeout` ran out is waited for until it is over.
        """
        deadline = self._clock() + timeout
        with self._cond:
            for _ in range(10_000):  # each turn waits until something happens or time passes
                if self._closed:
                    return set()
                now = self._clock()
                due = self.due()
                if due is not None and now >= due:
                    return self.take()
                until = due if due is not None else deadline
                if due is None and now >= deadline:
                    return set()
                self._cond.wait(max(until - now, 0.001))
        return set()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
