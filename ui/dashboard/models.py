"""Read-only table models behind the dashboard's counts and attention lists.

Models hold plain tuples copied from a ``console.model.Dashboard`` snapshot;
they never query anything. ``set_rows`` replaces the whole snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

REF_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int
    tooltip: str = ""


@dataclass(frozen=True)
class AttentionRow:
    ref: str
    detail: str
    when: str = ""


class _TupleModel(QAbstractTableModel):
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


class CountsModel(_TupleModel):
    """Two columns: a vocabulary label and how many subjects have it."""

    def __init__(self, first_header: str, rows=(), parent=None):
        self.headers = (first_header, "Subjects")
        super().__init__(rows, parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: CountRow = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.label if col == 0 else str(row.count)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or row.label
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.count == 0:
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication
            return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        return None


class AttentionModel(_TupleModel):
    """Subjects needing attention: reference, what is outstanding, since when."""

    def __init__(self, when_header: str = "Since", rows=(), parent=None):
        self.headers = ("Reference", "Outstanding", when_header)
        super().__init__(rows, parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row: AttentionRow = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (row.ref, row.detail, row.when)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Open {row.ref}: {row.detail}"
        if role == REF_ROLE:
            return row.ref
        return None

    def ref_at(self, row: int) -> str | None:
        return self._rows[row].ref if 0 <= row < len(self._rows) else None
