"""Validation of user-entered values: one clear sentence per problem.

Text is stored exactly as typed (right-to-left marks, emoji and combining
characters included); only characters that no person types (NUL and other
control characters) and sizes past a generous limit are refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from console.errors import ValidationError

SHORT = 300           # names, references, titles
LONG = 1_000_000      # report text, notes, log entries (1 MB of characters)


def text(value, label: str, *, required: bool = False, limit: int = SHORT,
         multiline: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        value = str(value)
    if required and not value.strip():
        raise ValidationError(f"{label} cannot be empty.")
    if len(value) > limit:
        raise ValidationError(f"{label} is too long ({len(value):,} characters; the limit is "
                              f"{limit:,}).")
    allowed = "\n\t\r" if multiline else "\t"
    for ch in value:
        if unicodedata.category(ch) == "Cc" and ch not in allowed:
            raise ValidationError(f"{label} contains a control character that cannot be "
                                  f"stored; remove it and try again.")
        if unicodedata.category(ch) == "Cs":
            raise ValidationError(f"{label} contains an invalid character; retype it.")
    return value


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def day(text: str) -> dt.date:
    """A calendar day written ``YYYY-MM-DD`` and nothing else: no compact
    ``20260101``, no week date ``2026-W01-1``, no time, no other digits.
    Raises ``ValueError`` for anything else, and for days that do not exist."""
    if not isinstance(text, str) or not _ISO_DAY.fullmatch(text):
        raise ValueError("not a YYYY-MM-DD date")
    return dt.date.fromisoformat(text)


def date(value, label: str, *, required: bool = False) -> dt.date | None:
    """The one parser for dates a person types, in every input path (the
    services, the CSV import, the command line, the desktop's forms)."""
    if value in (None, ""):
        if required:
            raise ValidationError(f"{label} is required.")
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not _ISO_DAY.fullmatch(text):
        raise ValidationError(f"{label} must be a date written as YYYY-MM-DD.")
    try:
        return day(text)
    except ValueError:
        raise ValidationError(f"{label} is not a real date; check the day and the "
                              "month.") from None


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
        raise ValidationError(f"{label} must be a whole number from 1 to 5.") from None
    if not 1 <= n <= 5:
        raise ValidationError(f"{label} must be from 1 to 5.")
    return n


def choice(value, vocabulary, label: str) -> str:
    key = vocabulary.parse(value) if value is not None else None
    if key is None:
        raise ValidationError(f"{label} is not one of the allowed values.")
    return key
