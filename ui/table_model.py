"""TableModel: the read-only table model under the console's lists, and the
``Column`` that describes one of its columns.

Rows are immutable snapshots (frozen dataclasses or tuples) handed in whole
by ``set_rows``; the model never queries anything and never changes a row.
Columns are declared once, as a tuple of ``Column`` values: a title, a
getter for the text, and optional alignment, tooltip, colour, font and sort
functions of the row. What a column table cannot say (a tooltip for the
whole row, a role of its own) a subclass answers in ``extra``, which is
asked first. ``ROW_ROLE`` gives the snapshot behind a row and ``SORT_ROLE``
its sort key, so views read from the source model, through ``mapToSource``
when a proxy sits between.

Every text and tooltip leaves through ``console.text.shown``, as in every
other view of a record: a bidirectional or control character in a name or a
note can neither reorder a cell nor push the columns beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from console.text import shown

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_TEXT = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

_Of = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    title: str
    text: _Of
    align: Qt.AlignmentFlag | None = None
    tooltip: _Of | None = None
    foreground: _Of | None = None
    font: _Of | None = None
    sort: _Of | None = None


class TableModel(QAbstractTableModel):
    columns: tuple[Column, ...] = ()

    def __init__(self, rows=(), parent=None, columns=None):
        super().__init__(parent)
        if columns is not None:
            self.columns = tuple(columns)
        self._rows = list(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def text(self, item, column: int) -> str:
        value = self.columns[column].text(item)
        return "" if value is None else shown(value, one_line=True)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            # A title marked with QT_TRANSLATE_NOOP under the model's class
            # name is translated here, when shown.
            return QCoreApplication.translate(type(self).__name__, self.columns[section].title)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (not index.isValid() or not 0 <= index.row() < len(self._rows)
                or not 0 <= index.column() < len(self.columns)):
            return None
        item, column = self._rows[index.row()], index.column()
        special = self.extra(item, column, role)
        if special is not None:
            return shown(special) if isinstance(special, str) else special
        if role in _TEXT:
            return self.text(item, column)
        if role == ROW_ROLE:
            return item
        col = self.columns[column]
        if role == SORT_ROLE:
            return col.sort(item) if col.sort else self.text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align is not None:
            return int(col.align)
        of = {Qt.ItemDataRole.ToolTipRole: col.tooltip,
              Qt.ItemDataRole.ForegroundRole: col.foreground,
              Qt.ItemDataRole.FontRole: col.font}.get(role)
        value = of(item) if of else None
        return shown(value) if isinstance(value, str) else value

    def extra(self, item, column: int, role):
        """What a subclass answers beyond its columns; None to say nothing."""
        return None
