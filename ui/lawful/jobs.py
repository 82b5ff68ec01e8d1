"""Running lawful-handling work off the UI thread.

Every action these widgets take (retain, erase, export a PDF...) is a
blocking callable given by the caller; the shell routes it to the vault
thread with ``run_and_wait``. ``Jobs`` runs such callables on the thread pool
(``ui.export.background.BackgroundJob``) and hands the result or the error
sentence back on the GUI thread. ``busy`` is True while any job runs, so a
widget can disable its buttons and a test can wait for it.

A job outlives the widget that started it (the console may lock and close
the window mid-export): it is kept alive here until it finishes, and its
answer is dropped if the widget has gone.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from ui.export.background import BackgroundJob


class Jobs(QObject):
    """The jobs one widget has running."""

    busy_changed = Signal(bool)
    _alive: set = set()             # every job still running, whoever started it

    def __init__(self, parent=None):
        super().__init__(parent)
        self._running: list[BackgroundJob] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_failed: Callable[[str], None]) -> BackgroundJob:
        job = BackgroundJob(lambda _progress: fn())
        Jobs._alive.add(job)
        job.succeeded.connect(lambda result: self._deliver(on_done, result))
        job.failed.connect(lambda message: self._deliver(on_failed, message))
        job.finished.connect(lambda: self._finished(job))
        self._running.append(job)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        job.start()
        return job

    def _deliver(self, callback, value) -> None:
        if isValid(self):
            callback(value)

    def _finished(self, job: BackgroundJob) -> None:
        Jobs._alive.discard(job)
        job.deleteLater()
        if not isValid(self):
            return
        if job in self._running:
            self._running.remove(job)
        if not self._running:
            self.busy_changed.emit(False)
