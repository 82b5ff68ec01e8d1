"""SnapshotModel: a read-only table model over a tuple of frozen dataclasses,
with its columns given as (header, function) pairs. Used for the lists inside
the subject panel: reports, referrals, measures, log entries and history.
A cell's tooltip is its whole text unless the caller gives another, since
the panel's columns are fitted to its width and may end in "…"."""

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
        if role != Qt.ItemDataRole.ToolTipRole:
            return None
        tip = self._tooltip(item, column) if self._tooltip is not None else None
        # The cell's whole text, for when the fitted column cuts it short.
        return tip if tip is not None else (self.text(item, column) or None)
