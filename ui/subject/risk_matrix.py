"""A small 5x5 likelihood x impact matrix painted with QPainter, marking the
inherent risk (filled dot) and the residual risk (ring)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.records import rules

BAND = {"red": QColor("#e57373"), "amber": QColor("#ffcc80"), "green": QColor("#a5d6a7")}


class RiskMatrix(QWidget):
    """Likelihood runs up the side, impact along the bottom."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.inherent: tuple[int, int] | None = None
        self.residual: tuple[int, int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Risk matrix"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(250, 240)

    def set_points(self, inherent, residual=None) -> None:
        self.inherent, self.residual = inherent, residual
        li, im = inherent
        text = f"Likelihood {li} by impact {im}: {rules.rag(li, im)}"
        if residual:
            text += f"; residual {residual[0]} by {residual[1]}: {rules.rag(*residual)}"
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin, cell = 22, min((self.width() - 26) / 5, (self.height() - 26) / 5)
        text = self.palette().windowText().color()
        for li in range(1, 6):
            for im in range(1, 6):
                rect = QRectF(margin + (im - 1) * cell, (5 - li) * cell + 2, cell - 2, cell - 2)
                p.fillRect(rect, BAND[rules.rag(li, im)])
        p.setPen(text)
        font = p.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 2))
        p.setFont(font)
        for n in range(1, 6):
            p.drawText(QRectF(0, (5 - n) * cell + 2, margin - 4, cell), int(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(n))
            p.drawText(QRectF(margin + (n - 1) * cell, 5 * cell + 2, cell, 18),
                       int(Qt.AlignmentFlag.AlignCenter), str(n))
        for point, filled in ((self.inherent, True), (self.residual, False)):
            if not point:
                continue
            li, im = point
            cx = margin + (im - 0.5) * cell - 1
            cy = (5 - li + 0.5) * cell + 1
            r = cell * 0.22
            p.setPen(QPen(QColor("#212121"), 2.5))
            p.setBrush(QColor("#212121") if filled else Qt.BrushStyle.NoBrush)
            p.drawEllipse(QRectF(cx - r, cy - r, 2 * r, 2 * r))
        p.end()
