"""AfterFirstPaint: run work just after a widget's first paint, so start-up
shows the unlock page before anything slower is built."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterFirstPaint(QObject):
    """Runs the callables it is given on the event loop's next turn after
    ``widget`` first paints (at once, on that turn, if it already has)."""

    def __init__(self, widget):
        super().__init__(widget)
        self._waiting: list | None = []
        widget.installEventFilter(self)

    def add(self, fn) -> None:
        if self._waiting is None:
            QTimer.singleShot(0, fn)
        else:
            self._waiting.append(fn)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._waiting is not None:
            obj.removeEventFilter(self)
            waiting, self._waiting = self._waiting, None
            for fn in waiting:
                QTimer.singleShot(0, fn)
        return False
