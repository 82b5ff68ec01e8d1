"""Auto-lock: after idle time, on demand, on minimise and when the
application is hidden or suspended (where the platform reports it).

Three parts: an application-wide event filter that restarts a single-shot
timer on any key or mouse input; a coordinator that postpones the lock while
a write is still running on the vault thread (the lock follows as soon as it
finishes); and ``lock_requested``, which the main window answers by dropping
the key and every decrypted model.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

DEFAULT_MINUTES = 5

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut}


class AutoLock(QObject):
    """Decides when to lock; emits ``lock_requested`` once per lock."""

    lock_requested = Signal(str)    # why, one short phrase for the status line

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.armed = False
        self._pending: str | None = None
        self.override_ms: int | None = None    # a fixed timeout (tests, demos)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEFAULT_MINUTES * 60_000)
        self._timer.timeout.connect(lambda: self.request(self.tr("after a period without use")))
        app = QApplication.instance()
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)
        runner.idle.connect(self._runner_idle)

    # -- configuration ---------------------------------------------------------------
    def set_minutes(self, minutes: float | None) -> None:
        """0 or None turns idle locking off."""
        if self.override_ms is not None:
            self.set_timeout_ms(self.override_ms)
            return
        if not minutes:
            self._timer.setInterval(0)
            self._timer.stop()
            return
        self.set_timeout_ms(int(float(minutes) * 60_000))

    def set_timeout_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)
        if self.armed:
            self._timer.start()

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def arm(self) -> None:
        """Start watching (the vault has just been unlocked)."""
        self.armed = True
        self._pending = None
        if self._timer.interval() > 0:
            self._timer.start()

    def disarm(self) -> None:
        self.armed = False
        self._pending = None
        self._timer.stop()

    # -- triggers ------------------------------------------------------------------------
    def request(self, why: str) -> None:
        if not self.armed:
            return
        if self.runner.writing:
            self._pending = why     # lock as soon as the write has finished
            return
        self.disarm()
        self.lock_requested.emit(why)

    def _runner_idle(self) -> None:
        if self._pending and self.armed:
            why, self._pending = self._pending, None
            self.request(why)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if self.armed and event.type() in _ACTIVITY and self._timer.interval() > 0:
            self._timer.start()
        return False

    def _state_changed(self, state) -> None:
        if state in (Qt.ApplicationState.ApplicationHidden,
                     Qt.ApplicationState.ApplicationSuspended):
            self.request(self.tr("when the screen was locked or the console hidden"))

    def window_minimised(self) -> None:
        self.request(self.tr("when the window was minimised"))

    def stop(self) -> None:
        self.disarm()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
