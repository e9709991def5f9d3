"""The one clock: honours SOURCE_DATE_EPOCH so that builds can be reproduced."""

from __future__ import annotations

import datetime as dt
import os

from briefgen.errors import UsageError


def now() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds, not '{epoch}'") from None
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def today() -> dt.date:
    return now().date()
