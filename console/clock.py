"""The console's clock: every time the core stores, and every "today" it
judges a date by, comes from here.

Times are stored in UTC as ISO 8601 text with microseconds. "Today" is the
UTC date, never the computer's own time zone: a deputy who sets ``TZ`` to a
zone fourteen hours ahead must not be able to date a report tomorrow. The
establishment's own date (England and Wales: Europe/London) is only shown
beside it, so a person knows which day the console means.

This module imports nothing of the project, so every room may use it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from console.i18n import _

ESTABLISHMENT_ZONE = "Europe/London"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def now_iso() -> str:
    return utcnow().isoformat(timespec="microseconds")


def today() -> dt.date:
    """Today's date in UTC: the one "today" every rule about dates uses."""
    return utcnow().date()


@cache
def _zone():
    from zoneinfo import ZoneInfo
    return ZoneInfo(ESTABLISHMENT_ZONE)


def local_today() -> dt.date:
    """Today's date at the establishment, for showing beside ``today()``."""
    return utcnow().astimezone(_zone()).date()


def today_words() -> str:
    """How "today" is said in a sentence: the UTC date, with the
    establishment's date beside it when the two differ."""
    utc, local = today(), local_today()
    if utc == local:
        return f"{utc.isoformat()} (UTC)"
    return _("{utc} in UTC ({local} at the establishment)").format(
        utc=utc.isoformat(), local=local.isoformat())
