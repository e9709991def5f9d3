"""The live-reload machinery: the build counter and the debouncer, without sockets or files."""

from __future__ import annotations

import threading
import time

import pytest

from briefgen.preview.reload import Debouncer, Epochs


def later(seconds: float, action) -> threading.Thread:
    thread = threading.Thread(target=lambda: (time.sleep(seconds), action()), daemon=True)
    thread.start()
    return thread


# --- Epochs: the build counter behind a condition -------------------------------------------


def test_epochs_requests_wait_for_the_build_in_progress() -> None:
    epochs: Epochs[str] = Epochs()
    epochs.publish("first")
    assert epochs.current(timeout=0) == (1, "first")
    epochs.stale()
    started = time.monotonic()
    assert epochs.current(timeout=0.05) == (1, "first")  # timed out: the old build, not nothing
    assert time.monotonic() - started >= 0.04
    later(0.05, lambda: epochs.publish("second"))
    assert epochs.current(timeout=5) == (2, "second")


def test_epochs_long_poll_returns_when_a_newer_build_is_published() -> None:
    epochs: Epochs[str] = Epochs()
    epochs.publish("one")
    assert epochs.wait_newer(0, timeout=0) == 1  # the page is older: answer at once
    started = time.monotonic()
    assert epochs.wait_newer(1, timeout=0.05) == 1  # nothing new: the poll times out
    assert time.monotonic() - started >= 0.04
    epochs.stale()
    later(0.05, lambda: epochs.publish("two"))
    assert epochs.wait_newer(1, timeout=5) == 2
    assert epochs.epoch == 2


def test_epochs_a_build_overtaken_by_a_save_is_not_shown() -> None:
    epochs: Epochs[str] = Epochs()
    epochs.publish("one")
    epochs.stale()
    epochs.publish("two", still_stale=True)  # files changed again while "two" was built
    assert epochs.wait_newer(1, timeout=0.05) == 2  # timed out: nobody was woken for "two"
    assert epochs.current(timeout=0.05) == (2, "two")  # ...but it is better than nothing
    later(0.05, lambda: epochs.publish("three"))
    assert epochs.wait_newer(1, timeout=5) == 3


def test_epochs_close_releases_every_waiter() -> None:
    epochs: Epochs[str] = Epochs()
    got: list[object] = []
    waiters = [
        threading.Thread(target=lambda: got.append(epochs.current(timeout=10))),
        threading.Thread(target=lambda: got.append(epochs.wait_newer(0, timeout=10))),
    ]
    for waiter in waiters:
        waiter.start()
    time.sleep(0.05)
    started = time.monotonic()
    epochs.close()
    for waiter in waiters:
        waiter.join(timeout=5)
    assert time.monotonic() - started < 2
    assert sorted(map(str, got)) == ["(0, None)", "0"]
    assert epochs.closed


# --- Debouncer: a burst of saves is one rebuild ---------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_debouncer_waits_for_quiet_then_hands_over_the_whole_burst() -> None:
    clock = FakeClock()
    debouncer = Debouncer(quiet=0.1, longest=1.0, clock=clock)
    assert debouncer.due() is None and not debouncer.ready(clock.now)
    debouncer.add(["a.yaml"])
    clock.now += 0.05
    debouncer.add(["b.yaml", "a.yaml"])
    assert not debouncer.ready(clock.now + 0.09)
    assert debouncer.ready(clock.now + 0.1)
    assert debouncer.take() == {"a.yaml", "b.yaml"}
    assert debouncer.due() is None
    debouncer.add([])  # nothing changed: nothing pending
    assert debouncer.due() is None


def test_debouncer_never_waits_longer_than_longest_after_the_first_change() -> None:
    clock = FakeClock()
    debouncer = Debouncer(quiet=0.1, longest=1.0, clock=clock)
    debouncer.add(["first"])
    for _ in range(30):  # a save every 50 ms, never quiet for 100 ms
        clock.now += 0.05
        debouncer.add(["again"])
    assert debouncer.due() == pytest.approx(101.0)
    assert debouncer.ready(clock.now)


def test_debouncer_wait_gives_one_batch_for_quick_saves() -> None:
    debouncer = Debouncer(quiet=0.1, longest=2.0)

    def saves() -> None:
        for name in ("one", "two", "three"):
            debouncer.add([name])
            time.sleep(0.02)

    later(0.02, saves)
    started = time.monotonic()
    assert debouncer.wait(timeout=5) == {"one", "two", "three"}
    assert 0.1 <= time.monotonic() - started < 2
    assert debouncer.wait(timeout=0.05) == set()  # and no second batch


def test_debouncer_wait_times_out_and_close_releases_it() -> None:
    debouncer = Debouncer(quiet=0.1)
    started = time.monotonic()
    assert debouncer.wait(timeout=0.05) == set()
    assert time.monotonic() - started < 1
    later(0.05, debouncer.close)
    assert debouncer.wait(timeout=10) == set()
    assert time.monotonic() - started < 2
