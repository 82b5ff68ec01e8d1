"""Run one long job off the UI thread, with progress shown only when slow.

``BackgroundJob`` runs ``fn(on_progress)`` on the global ``QThreadPool`` and
reports back on the GUI thread by signal: ``progressed(done, total)``,
``succeeded(result)``, ``failed(message)``, ``cancelled()``. The job's
``on_progress(done, total)`` raises ``Cancelled`` once the user has pressed
Cancel, so the work stops at its next step. ``ProgressPresenter`` shows a
``QProgressDialog`` only after ``delay_ms`` (about half a second), so quick
jobs never flicker a window.

Unexpected errors are logged without record data (``ui.errors.log_crash``)
and reported as a short apology naming the log file; ``ConsoleError``
messages are shown as they are.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from console.errors import ConsoleError

SHOW_AFTER_MS = 500


class Cancelled(ConsoleError):
    """The user stopped the job; nothing was saved."""


def apology(exc: BaseException) -> str:
    try:
        from ui.errors import log_crash
        where = log_crash(exc)
    except Exception:  # the log is best effort; the apology still shows
        return "Something went wrong; nothing was saved."
    return f"Something went wrong; nothing was saved. Details are in {where}."


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()


class _Task(QRunnable):
    def __init__(self, fn, signals: _Signals, stop: threading.Event):
        super().__init__()
        self.setAutoDelete(False)
        self._fn, self._signals, self._stop = fn, signals, stop

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled("Cancelled; nothing was saved.")
        self._signals.progressed.emit(int(done), int(total))

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except ConsoleError as exc:
            self._signals.failed.emit(str(exc))
        except Exception as exc:  # a fault in the console: logged, apologised for
            self._signals.failed.emit(apology(exc))
        else:
            self._signals.succeeded.emit(result)
        finally:
            self._signals.finished.emit()


class BackgroundJob(QObject):
    """One job on the thread pool; keep a reference until ``finished``."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any], parent=None,
                 pool: QThreadPool | None = None):
        super().__init__(parent)
        self._stop = threading.Event()
        self._signals = _Signals()
        for name in ("progressed", "succeeded", "failed", "cancelled", "finished"):
            getattr(self._signals, name).connect(getattr(self, name),
                                                 Qt.ConnectionType.QueuedConnection)
        self._task = _Task(fn, self._signals, self._stop)
        self._pool = pool or QThreadPool.globalInstance()
        self.running = False
        self.finished.connect(self._done)

    def start(self) -> None:
        self.running = True
        self._pool.start(self._task)

    def cancel(self) -> None:
        self._stop.set()

    def _done(self) -> None:
        self.running = False


class ProgressPresenter(QObject):
    """A progress dialog for one job, shown only if the job is still running
    after ``delay_ms``; its Cancel button cancels the job."""

    def __init__(self, job: BackgroundJob, label: str, parent: QWidget,
                 delay_ms: int = SHOW_AFTER_MS, cancellable: bool = True):
        super().__init__(parent)
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        if not cancellable:  # work that must finish once started (a key rotation)
            self.dialog.setCancelButton(None)
        self.dialog.setWindowTitle(label.rstrip("…. "))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(delay_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setAccessibleName(label)
        self.dialog.canceled.connect(job.cancel)
        job.progressed.connect(self._progress)
        job.finished.connect(self.close)
        self.dialog.setValue(0)

    def _progress(self, done: int, total: int) -> None:
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    def close(self) -> None:
        self.dialog.canceled.disconnect()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
