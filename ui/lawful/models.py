"""Read-only table models for lawful handling: the review queue, the
consultation journal (with its filter proxy) and the items of an access pack.

Each model holds frozen snapshots from ``console.retention``,
``console.journal`` and ``console.subject_access`` and never queries
anything; ``set_rows`` replaces the whole snapshot. ``ROW_ROLE`` gives the
dataclass behind a row, so views always read what they show from the source
model (through ``mapToSource`` when a proxy sits between).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_TEXT = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


class _SnapshotModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, rows=(), parent=None):
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def cells(self, item) -> tuple:
        raise NotImplementedError

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role in _TEXT:
            return self.cells(item)[index.column()]
        if role == ROW_ROLE:
            return item
        if role == SORT_ROLE:
            return self.sort_key(item, index.column())
        return self.extra(item, index.column(), role)

    def sort_key(self, item, column: int):
        return self.cells(item)[column]

    def extra(self, item, column: int, role):
        return None


def _warning_brush():
    """A calm warning colour that reads on both light and dark palettes."""
    from PySide6.QtGui import QColor
    dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


class ReviewQueueModel(_SnapshotModel):
    """One row per record due for review (``console.retention.ReviewItem``)."""
    headers = ("Reference", "Name", "Status", "Retention class", "Review due", "Overdue",
               "Legal hold")

    def cells(self, i) -> tuple:
        p = i.processing
        if i.days_overdue > 0:
            overdue = f"{i.days_overdue} day{'s' if i.days_overdue != 1 else ''}"
        elif i.days_overdue == 0:
            overdue = "Due today"
        else:
            overdue = f"In {-i.days_overdue} days"
        return (i.ref, i.name, i.status_label, p.class_label, p.review_on.isoformat(),
                overdue, "Held" if p.legal_hold else "")

    def sort_key(self, i, column: int):
        if column == 5:
            return i.days_overdue
        return self.cells(i)[column]

    def extra(self, i, column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and i.days_overdue > 0:
            return _warning_brush()
        if role == Qt.ItemDataRole.FontRole and column == 6 and i.processing.legal_hold:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if i.processing.legal_hold:
                return f"Legal hold: {i.processing.hold_reason or 'no reason given'}"
            return i.last_decision or "No review decision recorded yet."
        return None


class JournalModel(_SnapshotModel):
    """The consultation journal, newest first (``console.journal.JournalEntry``)."""
    headers = ("When (UTC)", "User", "What", "Record", "Why", "Recipients and detail")

    def cells(self, e) -> tuple:
        refs = ", ".join(e.refs) if len(e.refs) <= 4 else f"{len(e.refs)} subjects"
        detail = ("Record erased: details removed" if e.erased else
                  "; ".join(x for x in (", ".join(e.recipients), e.detail) if x))
        return (e.at[:16].replace("T", " "), e.user, e.kind_label, refs, e.reason_label,
                detail)

    def sort_key(self, e, column: int):
        return e.seq if column == 0 else self.cells(e)[column]

    def extra(self, e, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return self.cells(e)[5] or None
        if role == Qt.ItemDataRole.FontRole and e.erased:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class JournalFilter(QSortFilterProxyModel):
    """Filters the journal by user, kind, reason, date range and free text.
    Empty values mean "any"; dates are inclusive."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.user = self.kind = self.reason = self.text = ""
        self.since: dt.date | None = None
        self.until: dt.date | None = None

    def set_filters(self, *, user: str = "", kind: str = "", reason: str = "",
                    since: dt.date | None = None, until: dt.date | None = None,
                    text: str = "") -> None:
        self.beginFilterChange()
        self.user, self.kind, self.reason = user, kind, reason
        self.since, self.until, self.text = since, until, text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        e = self.sourceModel().row_at(row)
        if e is None:
            return False
        if self.user and e.user != self.user:
            return False
        if self.kind and e.kind != self.kind:
            return False
        if self.reason and e.reason != self.reason:
            return False
        day = e.at[:10]
        if self.since and day < self.since.isoformat():
            return False
        if self.until and day > self.until.isoformat():
            return False
        if self.text:
            hay = " ".join(self.sourceModel().cells(e)).lower()
            if self.text not in hay:
                return False
        return True


class PackItemsModel(_SnapshotModel):
    """The items of a subject access pack: what is given and what is withheld."""
    headers = ("Section", "Item", "Decision", "Reason")

    def cells(self, i) -> tuple:
        return (i.section, i.label, "Withheld" if i.withheld else "Given",
                i.reason_label if i.withheld else "")

    def extra(self, i, column: int, role):
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and i.withheld:
            return _warning_brush()
        if role == Qt.ItemDataRole.ToolTipRole:
            return i.label + "\n" + (f"Withheld: {i.reason_label}" if i.withheld
                                     else "Given in full in the pack.")
        return None
