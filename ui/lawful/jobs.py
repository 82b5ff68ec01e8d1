"""Running lawful-handling work off the UI thread.

Every action these widgets take (retain, erase, export a PDF...) is a
blocking callable given by the caller; the shell routes it to the vault
thread with ``run_and_wait``. ``Jobs`` runs such callables on the thread pool
(``ui.export.background.BackgroundJob``) and hands the result or the error
sentence back on the GUI thread. ``busy`` is True while any job runs, so a
widget can disable its buttons and a test can wait for it.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from ui.export.background import BackgroundJob


class Jobs(QObject):
    """The jobs one widget has running."""

    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._running: list[BackgroundJob] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
              on_failed: Callable[[str], None]) -> BackgroundJob:
        job = BackgroundJob(lambda _progress: fn(), self)
        job.succeeded.connect(on_done)
        job.failed.connect(on_failed)
        job.finished.connect(lambda: self._finished(job))
        self._running.append(job)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        job.start()
        return job

    def _finished(self, job: BackgroundJob) -> None:
        if job in self._running:
            self._running.remove(job)
            job.deleteLater()
        if not self._running:
            self.busy_changed.emit(False)
