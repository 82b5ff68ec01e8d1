"""A one-line label that ends in "…" when its text does not fit, and shows
the whole text as its tooltip and accessible name, so nothing is clipped
without a sign and a screen reader still hears it all.

Plain text only (a name is never markup). It asks for no more width than
the caller allows, so a long name never pushes the widgets beside it away.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget


class ElidedLabel(QFrame):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_text(text)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text or ""
        self.setToolTip(self._text if self.is_elided() else "")
        self.setAccessibleName(self._text)
        self.updateGeometry()
        self.update()

    setText = set_text  # noqa: N815 - QLabel's name, for callers that treat it as one

    def textFormat(self) -> Qt.TextFormat:  # noqa: N802 - as QLabel's
        """Always plain text: nothing it shows is read as markup."""
        return Qt.TextFormat.PlainText

    def clear(self) -> None:
        self.set_text("")

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self._text) > self.contentsRect().width()

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._text) + 2, fm.height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("M…"), fm.height() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.setToolTip(self._text if self.is_elided() else "")

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        p = QPainter(self)
        p.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignVCenter
                                            | Qt.AlignmentFlag.AlignLeft), self.shown_text())
