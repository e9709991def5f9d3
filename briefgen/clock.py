"""The one clock: honours SOURCE_DATE_EPOCH so that builds can be reproduced. Also the range of
days briefgen dates anything in."""

from __future__ import annotations

import datetime as dt
import os
import re

from briefgen.errors import UsageError

EARLIEST = dt.date(1000, 1, 1)
LATEST = dt.date(8999, 12, 31)
"""Days outside this range are refused wherever they come from (content, options, the clock):
inside it, every period, window and next edition that briefgen works out is a real date."""


def out_of_range(day: dt.date) -> str | None:
    """Why a day cannot be used, or None."""
    if EARLIEST <= day <= LATEST:
        return None
    return f"{day.isoformat()} is outside the years {EARLIEST.year} to {LATEST.year}"


def now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or epoch == "":
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    if not re.fullmatch(r"[0-9]{1,20}", epoch):
        raise UsageError(
            f"SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (digits only), "
            f"not '{epoch[:40]}'"
        )
    latest = int(dt.datetime.combine(LATEST, dt.time(23, 59, 59), dt.UTC).timestamp())
    if int(epoch) > latest:
        raise UsageError(
            f"SOURCE_DATE_EPOCH={epoch} is after the year {LATEST.year}; "
            f"at most {latest} is accepted"
        )
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC)


def today() -> dt.date:
    return now().date()
