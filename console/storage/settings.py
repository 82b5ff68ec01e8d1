"""The vault's own settings (deadlines, auto-lock, backups kept), stored in
the encrypted ``meta`` table. Who may change them, and within which limits,
is decided above this layer (``console.records.users.set_setting``); the
laptop's policy (``console.storage.policy``) caps auto-lock as it is read."""

from __future__ import annotations

import json

from console.storage import policy

DEFAULT_SETTINGS = {
    "unreferred_days": 7,
    "unacknowledged_days": 14,
    "autolock_minutes": 5,
    "backup_keep": 10,
    "quick_unlock_hours": 24,
    "quick_unlock_shared": 0,
}


def read(conn, key: str):
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    value = json.loads(row[0]) if row else DEFAULT_SETTINGS.get(key)
    if key == "autolock_minutes":
        return policy.cap_autolock(value)
    return value


def write(conn, key: str, value) -> None:
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                 "UPDATE SET value = excluded.value", (key, json.dumps(value)))
