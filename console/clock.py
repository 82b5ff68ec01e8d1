"""The console's clock: every time the core stores comes from here.

Times are stored in UTC as ISO 8601 text with microseconds. This module
imports nothing of the project, so every room may use it.
"""

from __future__ import annotations

import datetime as dt


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def now_iso() -> str:
    return utcnow().isoformat(timespec="microseconds")


def today() -> dt.date:
    return dt.date.today()
