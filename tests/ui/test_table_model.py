"""The shared base of the console's list models."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt

from ui.table_model import ROW_ROLE, SORT_ROLE, Column, TableModel


@dataclass(frozen=True)
class Item:
    ref: str
    count: int


class Counts(TableModel):
    columns = (Column("Reference", lambda i: i.ref),
               Column("Count", lambda i: i.count, align=Qt.AlignmentFlag.AlignRight,
                      sort=lambda i: i.count, tooltip=lambda i: f"{i.count} items"))

    def extra(self, item, column, role):
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return "whole row"
        return None


def test_cells_roles_and_sorting_through_a_proxy(qtmodeltester):
    model = Counts([Item("CC-2", 10), Item("CC-1", 9)])
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"
    assert model.data(model.index(0, 1)) == "10"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "10 items"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "whole row"
    assert model.data(model.index(1, 0), ROW_ROLE) == Item("CC-1", 9)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1)  # numerically: 9 before 10, where text order would put "10" first
    first = proxy.mapToSource(proxy.index(0, 0))
    assert model.row_at(first.row()).ref == "CC-1"
    model.set_rows([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.row_at(0) is None
