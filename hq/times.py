"""How HQ writes times and dates: UTC, 'YYYY-MM-DDTHH:MM:SS.ffffffZ' for
moments it records, so both stores hold and sort the same text."""

from __future__ import annotations

import datetime as dt


def iso(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("HQ times must carry a time zone")
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def days_before(day: dt.date, days: int) -> str:
    return (day - dt.timedelta(days=int(days))).isoformat()
