"""Validation of user-entered values: one clear sentence per problem.

Text is stored exactly as typed (right-to-left marks, emoji and combining
characters included); only characters that no person types (NUL and other
control characters) and sizes past a generous limit are refused.

Dates have one rule, here, for every date a person enters: written
``YYYY-MM-DD`` (``day``), from 1900 on, and no later than ten years from
today; a date that records something that happened (a report received, a
referral made or acknowledged) no later than today. "Today" is the UTC date
(``console.clock.today``), never the computer's time zone, and refusals
show the establishment's date beside it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from console import clock
from console.errors import ValidationError
from console.i18n import _

SHORT = 300           # names, references, titles
LONG = 1_000_000      # report text, notes, log entries (1 MB of characters)


def text(value, label: str, *, required: bool = False, limit: int = SHORT,
         multiline: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        value = str(value)
    if required and not value.strip():
        raise ValidationError(_("{label} cannot be empty.").format(label=label))
    if len(value) > limit:
        raise ValidationError(_("{label} is too long ({n:,} characters; the limit is {limit:,}).").format(
                                label=label, n=len(value), limit=limit))
    allowed = "\n\t\r" if multiline else "\t"
    for ch in value:
        if unicodedata.category(ch) == "Cc" and ch not in allowed:
            raise ValidationError(_("{label} contains a control character that cannot be stored; "
                                    "remove it and try again.").format(label=label))
        if unicodedata.category(ch) == "Cs":
            raise ValidationError(_("{label} contains an invalid character; retype it.").format(
                                    label=label))
    return value


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def day(text: str) -> dt.date:
    """A calendar day written ``YYYY-MM-DD`` and nothing else: no compact
    ``20260101``, no week date ``2026-W01-1``, no time, no other digits.
    Raises ``ValueError`` for anything else, and for days that do not exist."""
    if not isinstance(text, str) or not _ISO_DAY.fullmatch(text):
        raise ValueError("not a YYYY-MM-DD date")
    return dt.date.fromisoformat(text)


EARLIEST = dt.date(1900, 1, 1)
HORIZON_YEARS = 10


def add_months(d: dt.date, months: int) -> dt.date:
    """``months`` calendar months after ``d``; a day the month does not have
    becomes its last day (31 January + 1 month = 28 or 29 February)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def latest_day() -> dt.date:
    """The last day any date may be: ten years from today (UTC)."""
    return add_months(clock.today(), 12 * HORIZON_YEARS)


def date(value, label: str, *, required: bool = False, past: bool = False) -> dt.date | None:
    """The one parser for dates a person types, in every input path (the
    services, the CSV import, the command line, the desktop's forms), with
    the bounds above; ``past`` for a date on which something happened."""
    if value in (None, ""):
        if required:
            raise ValidationError(_("{label} is required.").format(label=label))
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc)
        return bounded(value.date(), label, past=past)
    if isinstance(value, dt.date):
        return bounded(value, label, past=past)
    text = str(value).strip()
    if not _ISO_DAY.fullmatch(text):
        raise ValidationError(_("{label} must be a date written as YYYY-MM-DD.").format(
                                label=label))
    try:
        parsed = day(text)
    except ValueError:
        raise ValidationError(_("{label} is not a real date; check the day and the month.").format(
                                label=label)) from None
    return bounded(parsed, label, past=past)


def bounded(d: dt.date, label: str, *, past: bool = False) -> dt.date:
    """``d`` itself, or the sentence saying which bound it passes."""
    if d < EARLIEST:
        raise ValidationError(_("{label} must be in 1900 or later.").format(label=label))
    if past and d > clock.today():
        raise ValidationError(_("{label} cannot be in the future (today is {today_words}); give "
                                "the day it happened.").format(
                                label=label, today_words=clock.today_words()))
    if d > latest_day():
        raise ValidationError(_("{label} must be within ten years of today (by {isoformat}).").format(
                                label=label, isoformat=latest_day().isoformat()))
    return d


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def plain(value):
    """A value as it is written into an audit entry (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def parse_date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def score(value, label: str) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(_("{label} must be a whole number from 1 to 5.").format(label=label)) from None
    if not 1 <= n <= 5:
        raise ValidationError(_("{label} must be from 1 to 5.").format(label=label))
    return n


def choice(value, vocabulary, label: str) -> str:
    key = vocabulary.parse(value) if value is not None else None
    if key is None:
        raise ValidationError(_("{label} is not one of the allowed values.").format(label=label))
    return key
