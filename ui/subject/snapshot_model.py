"""A read-only table model over a tuple of frozen dataclasses, with its
columns given as (header, function) pairs. Used for the lists inside the
subject panel: reports, referrals, measures, log entries and history."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

ItemRole = Qt.ItemDataRole.UserRole + 1


class SnapshotModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[tuple[str, Callable]], parent=None,
                 tooltip: Callable | None = None):
        super().__init__(parent)
        self.columns = list(columns)
        self.items: tuple = ()
        self._tooltip = tooltip

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = tuple(items)
        self.endResetModel()

    def item(self, row: int):
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section][0]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.columns[index.column()][1](item)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(item, index.column())
        if role == ItemRole:
            return item
        return None
