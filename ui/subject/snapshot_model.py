"""SnapshotModel: a read-only table model over a tuple of frozen dataclasses,
with its columns given as (header, function) pairs. Used for the lists inside
the subject panel: reports, referrals, measures, log entries and history."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import Qt

from ..table_model import ROW_ROLE, Column, TableModel

ItemRole = ROW_ROLE


class SnapshotModel(TableModel):
    def __init__(self, columns: Sequence[tuple[str, Callable]], parent=None,
                 tooltip: Callable | None = None):
        super().__init__((), parent, (Column(title, text) for title, text in columns))
        self._tooltip = tooltip

    @property
    def items(self) -> tuple:
        return tuple(self._rows)

    def set_items(self, items) -> None:
        self.set_rows(items)

    def item(self, row: int):
        return self.row_at(row)

    def extra(self, item, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(item, column)
        return None
