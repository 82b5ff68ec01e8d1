"""One typed wrapper around QSettings: a table of key -> (type, default).

QSettings is a plain-text file on disk, so only window layout and harmless
preferences live here: never a secret, a passphrase or any record data.
A few keys are kept per user (``get_for``/``set_for``: the columns each
person chose, the folder they last saved in), under the sign-in name, which
the unlock page already remembers.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QSettings

# key -> (type, default)
KEYS: dict[str, tuple[type, object]] = {
    "window/geometry": (QByteArray, QByteArray()),
    "window/state": (QByteArray, QByteArray()),
    "window/splitter": (QByteArray, QByteArray()),
    "unlock/last_user": (str, ""),
    "vault/path": (str, ""),
    "desktop/clear_clipboard": (bool, True),
    "desktop/language": (str, ""),            # "", "en" or "cy"; "" is the system's
    "desktop/high_contrast": (bool, False),
}
# key -> (type, default), stored per user as "<key>/<user name>"
USER_KEYS: dict[str, tuple[type, object]] = {
    "columns/register": (QByteArray, QByteArray()),
    "files/last_folder": (str, ""),
}
_USER_NAME = re.compile(r"[\w.-]{1,64}")


class Settings:
    """Typed access to the console's QSettings."""

    def __init__(self, qsettings: QSettings | None = None):
        self._qs = qsettings or QSettings()

    def get(self, key: str):
        return self._read(key, *KEYS[key])

    def _read(self, key: str, typ: type, default):
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
        self._write(key, KEYS[key][0], value)

    def _write(self, key: str, typ: type, value) -> None:
        if not isinstance(value, typ):
            value = typ(value)
        self._qs.setValue(key, value)

    # Per user: the sign-in name must have its usual shape, so it can never
    # reach another key of the file.
    def get_for(self, key: str, user: str):
        typ, default = USER_KEYS[key]
        if not _USER_NAME.fullmatch(user or ""):
            return default
        return self._read(f"{key}/{user}", typ, default)

    def set_for(self, key: str, user: str, value) -> None:
        typ, _ = USER_KEYS[key]
        if _USER_NAME.fullmatch(user or ""):
            self._write(f"{key}/{user}", typ, value)

    def sync(self) -> None:
        self._qs.sync()

    # Geometry and header state by name, so callers never spell keys twice.
    def save_geometry(self, name: str, state: QByteArray) -> None:
        self.set(name, state)

    def restore_geometry(self, name: str) -> QByteArray:
        return self.get(name)
