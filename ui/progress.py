"""Progress for one operation, shown only when it is slow.

Nothing appears for the first ``SHOW_AFTER_MS`` (about half a second), so
quick work never flickers a window. Once shown, the dialog stays up at least
``MIN_SHOWN_MS`` so it can be read, follows the core's ``(done, total)``
reports, and offers Cancel only where the work can stop (``cancel`` given);
work that must finish once started (a key rotation) has no Cancel button.
The dialog is window-modal over ``parent``.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer

SHOW_AFTER_MS = 500
MIN_SHOWN_MS = 400


class ProgressPresenter(QObject):
    """Shows a ``QProgressDialog`` for one operation if it outlasts the delay."""

    def __init__(self, label: str, parent=None, cancel: Callable[[], None] | None = None,
                 delay_ms: int = SHOW_AFTER_MS):
        super().__init__(parent)
        self.label = label
        self.dialog = None              # built only when the delay has passed
        self._parent = parent
        self._cancel = cancel
        self._done, self._total = 0, 0
        self._shown_at = 0.0
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(delay_ms)

    @property
    def visible(self) -> bool:
        return self.dialog is not None and self.dialog.isVisible()

    @property
    def waiting(self) -> bool:
        """Whether the dialog may still appear (the delay has not run out)."""
        return self._timer.isActive()

    def _show(self) -> None:
        if self._closed:
            return
        from PySide6.QtWidgets import QProgressDialog
        dialog = QProgressDialog(self.label, "Cancel", 0, self._total, self._parent)
        if self._cancel is None:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(self.label.rstrip("…. "))
        dialog.setAccessibleName(self.label)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancel is not None:
            dialog.canceled.connect(self._cancel)
        dialog.setValue(min(self._done, self._total) if self._total > 0 else 0)
        self.dialog = dialog
        self._shown_at = time.monotonic()
        dialog.show()

    def update(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        if self.dialog is None:
            return
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    def close(self) -> None:
        """The work is over: drop the dialog (after ``MIN_SHOWN_MS`` if just shown)."""
        self._closed = True
        self._timer.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        if self._cancel is not None:
            dialog.canceled.disconnect(self._cancel)   # hiding it must not cancel
        left = MIN_SHOWN_MS - int((time.monotonic() - self._shown_at) * 1000)
        dialog.setValue(dialog.maximum())
        if left > 0:
            QTimer.singleShot(left, dialog, lambda: _dispose(dialog))
        else:
            _dispose(dialog)


def _dispose(dialog) -> None:
    dialog.reset()
    dialog.hide()
    dialog.deleteLater()
