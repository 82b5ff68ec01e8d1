"""The one place that decides how an error is shown.

- A ``ConsoleError`` is something the user can put right: its message is one
  plain sentence, shown inline under the field when there is one, otherwise
  in the status bar. Never a modal, never a traceback.
- Success goes to the status bar, never while the console is locked; locking
  clears it.
- Anything else is a fault in the console: it is logged without record data
  (exception type and code locations only, never the message or local values)
  and shown as a short apology naming the log file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from console.errors import ConsoleError
from console.storage import paths
from console.text import shown

STATUS_MS = 6000
ERROR_STYLE = "color: #d32f2f; font-weight: 600;"


def is_user_error(exc: BaseException) -> bool:
    return isinstance(exc, ConsoleError)


def sentence(exc: BaseException) -> str:
    """The one line a dialog shows for a failed operation: the core's own
    sentence, or, for a fault in the console, an apology naming the log
    (the fault is logged without record data)."""
    if is_user_error(exc):
        return str(exc)
    try:
        where = log_crash(exc)
    except Exception:  # the log is best effort; the apology still shows
        return QCoreApplication.translate("Errors", "Something went wrong; nothing was saved.")
    return f"Something went wrong; nothing was saved. Details are in {where}."


def log_file() -> Path:
    return paths.log_dir() / "console.log"


def scrubbed_trace(exc: BaseException) -> str:
    """Exception type and code locations only: messages may hold record data."""
    import traceback  # only when something has gone wrong
    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return f"{type(exc).__module__}.{type(exc).__qualname__}\n" + "\n".join(lines)


def log_crash(exc: BaseException) -> Path:
    """Append a scrubbed record of an unexpected error; return the log path."""
    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{stamp} unexpected error\n{scrubbed_trace(exc)}\n")
    except OSError:
        pass
    return path


class ErrorPresenter:
    """Shows errors and successes for one window."""

    def __init__(self, window: QWidget | None = None, status_bar: QStatusBar | None = None):
        self.window = window
        self.status_bar = status_bar
        self.apologies: list[str] = []   # what was shown, for tests and the log view
        self.modal = True                # tests switch the crash modal off
        self.locked = False

    def set_locked(self, locked: bool) -> None:
        """On lock, clear the status bar and keep it clear: a message can name
        a record or where a file was saved, and work that finishes after the
        lock must not show one to whoever sits down next."""
        self.locked = locked
        if locked and self.status_bar is not None:
            self.status_bar.clearMessage()

    def success(self, message: str) -> None:
        if self.status_bar is not None and not self.locked:
            self.status_bar.showMessage(shown(message, one_line=True), STATUS_MS)

    def show(self, exc: BaseException, inline: QLabel | None = None) -> None:
        if is_user_error(exc):
            self.inline(inline, str(exc)) if inline is not None else self.status(str(exc))
            return
        self.crash(exc)

    def inline(self, label: QLabel, message: str) -> None:
        label.setText(message)
        label.setStyleSheet(ERROR_STYLE)
        label.setVisible(True)

    def status(self, message: str) -> None:
        if self.status_bar is not None and not self.locked:
            self.status_bar.showMessage(shown(message, one_line=True), STATUS_MS * 2)

    def crash(self, exc: BaseException) -> None:
        path = log_crash(exc)
        text = ("Sorry, something went wrong inside the console. Nothing you saved before "
                f"is affected. Details (without any record data) were written to {path}.")
        self.apologies.append(text)
        if self.modal:
            from PySide6.QtWidgets import QMessageBox  # loads slowly; only on a fault
            QMessageBox.critical(self.window, QCoreApplication.translate("ErrorPresenter", "Governor's Console"), text)


def error_label(parent: QWidget, name: str | None = None) -> QLabel:
    """The hidden label under a form where a recoverable error is shown inline."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setAccessibleName(name or QCoreApplication.translate("Errors", "Problem"))
    label.hide()
    return label


def clear_inline(label: QLabel) -> None:
    label.clear()
    label.setVisible(False)
