"""Copying to the clipboard with a time limit.

Anything the console copies is cleared after 15 seconds, and at once when the
console locks, but only if the clipboard still holds what we put there (the
user's own later copy is never wiped).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 15_000


class SecureClipboard(QObject):
    """Copies text and clears it again after ``clear_after_ms``."""

    cleared = Signal()

    def __init__(self, parent=None, clear_after_ms: int = CLEAR_AFTER_MS):
        super().__init__(parent)
        self._ours: str | None = None
        self.enabled = True     # clearing can be switched off in Settings
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_now)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._ours = text
        if self.enabled:
            self._timer.start()

    def clear_now(self) -> None:
        self._timer.stop()
        if self._ours is not None:
            board = QGuiApplication.clipboard()
            if board.text() == self._ours:
                board.clear()
            self._ours = None
            self.cleared.emit()

    @property
    def holding(self) -> bool:
        return self._ours is not None
