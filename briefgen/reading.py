"""Reading a project's files: only what lies inside the folders allowed, only regular files,
only up to a size. Every file briefgen reads from a project comes through here."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

MAX_FILE_BYTES = 1 << 20
"""Largest file read (content, template, stylesheet): far above any real one, and small enough
that parsing and checking it stays a matter of a second."""


class Refused(Exception):
    """A file briefgen will not read; the message says why, to follow the file's name."""


def inside(path: Path, roots: Iterable[Path]) -> Path:
    """Where `path` really is (links followed), if that lies under one of `roots` (given
    resolved); a link out of them is refused, whatever it points to."""
    try:
        real = path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop of links so
        raise Refused("is a loop of links") from None
    except OSError as exc:
        raise Refused(f"cannot be opened: {exc.strerror or exc}") from None
    if not any(real.is_relative_to(root) for root in roots):
        raise Refused(f"is a link to {real}, outside the project")
    return real


def read_bytes(path: Path, roots: Iterable[Path], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file inside `roots`, at most `limit` of them."""
    real = inside(path, roots)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Refused(f"cannot be opened: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("is not a regular file")
        if info.st_size > limit:
            raise Refused(f"is {info.st_size:,} bytes; files of at most {limit:,} bytes are read")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise Refused(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:  # it grew while we looked
        raise Refused(f"is over {limit:,} bytes; files of at most {limit:,} bytes are read")
    return data


def read_text(path: Path, roots: Iterable[Path], limit: int = MAX_FILE_BYTES) -> str:
    """A UTF-8 text file inside `roots`; a byte-order mark at its start is dropped."""
    data = read_bytes(path, roots, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(f"is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
