"""Painted risk pictures for the dashboard: the 5x5 likelihood x impact heat
map and the red/amber/green distribution bar.

Bands come from ``console.records.rules.rag`` so the picture and the register agree.
RAG colours are the only fixed colours; everything else follows the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from console.records import rules
from console.records.model import RAG

RAG_COLOURS = {"red": QColor("#c62828"), "amber": QColor("#f2a900"), "green": QColor("#2e7d32")}
RAG_TEXT = {"red": QColor("#ffffff"), "amber": QColor("#1a1a1a"), "green": QColor("#ffffff")}
ORDER = ("red", "amber", "green")


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` blended towards ``b`` by t (0..1)."""
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


class HeatMap(QWidget):
    """Likelihood (rows, 5 at the top) by impact (columns) with a count per cell."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._heat: tuple[tuple[int, ...], ...] = tuple((0,) * 5 for _ in range(5))
        self.setAccessibleName(self.tr("Risk heat map"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 230)
        self._describe()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(360, 320)

    def set_heat(self, heat) -> None:
        grid = [[0] * 5 for _ in range(5)]
        for li, row in enumerate(tuple(heat)[:5]):
            for im, n in enumerate(tuple(row)[:5]):
                grid[li][im] = int(n)
        self._heat = tuple(tuple(r) for r in grid)
        self._describe()
        self.update()

    def count(self, likelihood: int, impact: int) -> int:
        return self._heat[likelihood - 1][impact - 1]

    def _describe(self) -> None:
        parts = [f"likelihood {li} impact {im}: {self.count(li, im)}"
                 for li in range(5, 0, -1) for im in range(1, 6) if self.count(li, im)]
        self.setAccessibleDescription(
            self.tr("Open cases by likelihood and impact. ") + ("; ".join(parts) or self.tr("No open cases.")))

    # -- geometry ----------------------------------------------------------
    def _grid_rect(self) -> QRectF:
        fm = self.fontMetrics()
        left = fm.height() * 2 + fm.horizontalAdvance("5") + 8
        bottom = fm.height() * 2 + 10
        w = self.width() - left - 8
        h = self.height() - bottom - 8
        side = max(10.0, min(w, h))
        x = left + (w - side) / 2
        return QRectF(x, 8 + (h - side) / 2, side, side)

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        g = self._grid_rect()
        c = g.width() / 5
        return QRectF(g.left() + (impact - 1) * c, g.top() + (5 - likelihood) * c, c, c)

    def cell_at(self, pos) -> tuple[int, int] | None:
        for li in range(1, 6):
            for im in range(1, 6):
                if self.cell_rect(li, im).contains(pos):
                    return li, im
        return None

    def cell_text(self, likelihood: int, impact: int) -> str:
        n = self.count(likelihood, impact)
        band = RAG.label(rules.rag(likelihood, impact))
        return (f"Likelihood {likelihood} × impact {impact} = {likelihood * impact} ({band}): "
                + self.tr("%n open case(s)", "", n))

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            hit = self.cell_at(QPointF(event.pos()))
            if hit:
                QToolTip.showText(event.globalPos(), self.cell_text(*hit), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # -- painting ----------------------------------------------------------
    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        base, text = pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.WindowText)
        g = self._grid_rect()
        c = g.width() / 5
        count_font = QFont(self.font())
        count_font.setBold(True)
        count_font.setPixelSize(max(11, int(c * 0.36)))
        band_font = QFont(self.font())
        band_font.setPixelSize(max(8, int(c * 0.16)))
        for li in range(1, 6):
            for im in range(1, 6):
                r = self.cell_rect(li, im).adjusted(1.5, 1.5, -1.5, -1.5)
                band = rules.rag(li, im)
                n = self.count(li, im)
                fill = RAG_COLOURS[band] if n else _mix(RAG_COLOURS[band], base, 0.72)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawRoundedRect(r, 3, 3)
                if n:
                    p.setFont(count_font)
                    p.setPen(RAG_TEXT[band])
                    p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(n))
                # The band in words too (its initial), so colour is never the only sign.
                p.setFont(band_font)
                p.setPen(RAG_TEXT[band] if n else text)
                p.drawText(r.adjusted(0, 1, -3, 0), Qt.AlignmentFlag.AlignRight
                           | Qt.AlignmentFlag.AlignTop, RAG.label(band)[:1])
        p.setFont(self.font())
        p.setPen(QPen(text))
        fm = self.fontMetrics()
        for k in range(1, 6):
            # impact ticks under the columns, likelihood ticks beside the rows
            col = QRectF(g.left() + (k - 1) * c, g.bottom() + 2, c, fm.height() + 2)
            p.drawText(col, Qt.AlignmentFlag.AlignCenter, str(k))
            row = QRectF(g.left() - fm.horizontalAdvance("5") - 8, g.top() + (5 - k) * c,
                         fm.horizontalAdvance("5") + 4, c)
            p.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(k))
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(g.left(), g.bottom() + fm.height() + 4, g.width(), fm.height() + 4),
                   Qt.AlignmentFlag.AlignCenter, self.tr("Impact →"))
        p.save()
        p.translate(4, g.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-g.height() / 2, 0, g.height(), fm.height() + 2),
                   Qt.AlignmentFlag.AlignCenter, self.tr("Likelihood →"))
        p.restore()
        p.end()


class RagBar(QWidget):
    """One stacked bar of open cases by band, with a legend of counts below."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._counts = {k: 0 for k in ORDER}
        self.setAccessibleName(self.tr("Open cases by risk band"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._describe()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, self.fontMetrics().height() * 2 + 34)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, self.sizeHint().height())

    def set_counts(self, by_rag: dict) -> None:
        self._counts = {k: int(by_rag.get(k, 0)) for k in ORDER}
        self._describe()
        self.update()

    def counts(self) -> dict:
        return dict(self._counts)

    def _describe(self) -> None:
        text = ", ".join(f"{RAG.label(k)} {self._counts[k]}" for k in ORDER)
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def paintEvent(self, event):  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = self.fontMetrics()
        bar = QRectF(0, 2, self.width() - 1, fm.height() + 12)
        total = sum(self._counts.values())
        if not total:
            p.setPen(pal.color(QPalette.ColorRole.Mid))
            p.setBrush(pal.color(QPalette.ColorRole.Base))
            p.drawRoundedRect(bar, 4, 4)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            p.drawText(bar, Qt.AlignmentFlag.AlignCenter, self.tr("No open cases"))
        else:
            x = bar.left()
            bold = QFont(self.font())
            bold.setBold(True)
            p.setFont(bold)
            for k in ORDER:
                n = self._counts[k]
                if not n:
                    continue
                w = bar.width() * n / total
                seg = QRectF(x, bar.top(), w, bar.height())
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(RAG_COLOURS[k])
                p.drawRect(seg)
                if w > fm.horizontalAdvance(str(n)) + 6:
                    p.setPen(RAG_TEXT[k])
                    p.drawText(seg, Qt.AlignmentFlag.AlignCenter, str(n))
                x += w
        p.setFont(self.font())
        x = 0.0
        y = bar.bottom() + 8
        for k in ORDER:
            sw = QRectF(x, y + 2, fm.height() - 4, fm.height() - 4)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(RAG_COLOURS[k])
            p.drawRect(sw)
            p.setPen(pal.color(QPalette.ColorRole.WindowText))
            label = f"{RAG.label(k)}  {self._counts[k]}"
            p.drawText(QRectF(sw.right() + 6, y, fm.horizontalAdvance(label) + 4, fm.height()),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            x = sw.right() + 6 + fm.horizontalAdvance(label) + 24
        p.end()
