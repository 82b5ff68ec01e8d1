"""A layout that wraps: items sit side by side while they fit and move to the
next row when the width runs out (the idea of Qt's flow layout example).

In each row the space left over goes to the items whose size policy asks
to expand horizontally (a search box), so a wide window has one full row and a
narrow one two or three, never a control cut short or overlapping another.
Items never shrink below their minimum size hint.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's contract -----------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = sum(i.sizeHint().width() for i in self._items) + self._gap() * max(
            0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- arranging ------------------------------------------------------------------------
    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) \
            if parent is not None else 6

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            w = item.sizeHint().width()
            if rows[-1] and used + self._gap() + w > width:
                rows.append([])
                used = 0
            used += (self._gap() if rows[-1] else 0) + w
            rows[-1].append(item)
        return [r for r in rows if r]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        gap = self._gap()
        for row in self._rows(area.width()):
            hints = [max(i.sizeHint().width(), i.minimumSize().width()) for i in row]
            spare = area.width() - sum(hints) - gap * (len(row) - 1)
            growers = [n for n, i in enumerate(row) if _grows(i)]
            height = max(i.sizeHint().height() for i in row)
            x = area.x()
            for n, item in enumerate(row):
                w = hints[n]
                if spare > 0 and n in growers:
                    w += spare // len(growers)
                w = min(w, area.width()) if area.width() > 0 else w
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - item.sizeHint().height())
                                                  // 2), QSize(w, item.sizeHint().height())))
                x += w + gap
            y += height + gap
        return y - gap - rect.y() + m.bottom()


def _grows(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    policy = widget.sizePolicy().horizontalPolicy().value
    return bool(policy & QSizePolicy.PolicyFlag.ExpandFlag.value)
