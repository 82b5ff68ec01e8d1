"""One typed wrapper around QSettings: a table of key -> (type, default).

QSettings is a plain-text file on disk, so only window layout and harmless
preferences live here: never a secret, a passphrase or any record data.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

# key -> (type, default)
KEYS: dict[str, tuple[type, object]] = {
    "window/geometry": (QByteArray, QByteArray()),
    "window/state": (QByteArray, QByteArray()),
    "window/splitter": (QByteArray, QByteArray()),
    "register/header": (QByteArray, QByteArray()),
    "unlock/last_user": (str, ""),
    "vault/path": (str, ""),
    "desktop/clear_clipboard": (bool, True),
}


class Settings:
    """Typed access to the console's QSettings."""

    def __init__(self, qsettings: QSettings | None = None):
        self._qs = qsettings or QSettings()

    def get(self, key: str):
        typ, default = KEYS[key]
        value = self._qs.value(key, default)
        if value is None:
            return default
        if typ is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray(value)
        if typ is bool and isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        try:
            return typ(value)
        except (TypeError, ValueError):
            return default

    def set(self, key: str, value) -> None:
        typ, _ = KEYS[key]
        if not isinstance(value, typ):
            value = typ(value)
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()

    # Geometry and header state by name, so callers never spell keys twice.
    def save_geometry(self, name: str, state: QByteArray) -> None:
        self.set(name, state)

    def restore_geometry(self, name: str) -> QByteArray:
        return self.get(name)
