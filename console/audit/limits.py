"""The limits every vault setting must stay within: checked by the service
that changes a setting and again, for every ``settings.change`` entry, when
the chain is replayed, so a setting outside them is refused or named as
tampering whichever way it was written.

Rules: a setting this table does not name cannot be changed; each whole-
number setting has an inclusive range; retention periods are months per
class. Messages name the setting and its range, never a record.
"""

from __future__ import annotations
from console.i18n import _

# key -> (lowest, highest) for whole-number settings
RANGES: dict[str, tuple[int, int]] = {
    "unreferred_days": (1, 365),
    "unacknowledged_days": (1, 365),
    "autolock_minutes": (0, 240),
    "backup_keep": (1, 100),
    # Quick unlock: hours it works after the user last typed their passphrase,
    # and whether the governor allows it where several people share the computer.
    "quick_unlock_hours": (1, 24),
    "quick_unlock_shared": (0, 1),
    "replica_stale_days": (1, 365),
}
RETENTION_KEY = "retention_defaults"
RETENTION_MONTHS = (1, 1200)
TEXT_SETTINGS = {"establishment": 300}
KNOWN = set(RANGES) | {RETENTION_KEY} | set(TEXT_SETTINGS)


def check_setting(key: str, value) -> str | None:
    """Why ``value`` is not allowed for ``key``, or None."""
    if key in RANGES:
        lo, hi = RANGES[key]
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            return _("it sets {key} outside its limits ({lo} to {hi})").format(
                     key=key, lo=lo, hi=hi)
        return None
    if key == RETENTION_KEY:
        lo, hi = RETENTION_MONTHS
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                and lo <= v <= hi for k, v in value.items()):
            return _("it sets a retention period outside its limits ({lo} to {hi} months)").format(
                     lo=lo, hi=hi)
        return None
    if key in TEXT_SETTINGS:
        if not isinstance(value, str) or not value.strip() or len(value) > TEXT_SETTINGS[key]:
            return _("it sets {key} to something that is not a short text").format(key=key)
        return None
    return _("it changes a setting ({key}) this version does not know").format(key=str(key)[:40])
