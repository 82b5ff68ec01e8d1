"""Read-only table models behind the dashboard's counts and attention lists.

Models hold plain tuples copied from a ``console.records.model.Dashboard`` snapshot;
they never query anything. ``set_rows`` replaces the whole snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from ..table_model import RIGHT, Column, TableModel

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


class CountsModel(TableModel):
    """Two columns: a vocabulary label and how many subjects have it."""

    def __init__(self, first_header: str, rows=(), parent=None):
        subjects = QCoreApplication.translate("CountsModel", "Subjects")
        super().__init__(rows, parent, (Column(first_header, lambda r: r.label),
                                        Column(subjects, lambda r: r.count, align=RIGHT)))

    def extra(self, row: CountRow, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or row.label
        if role == Qt.ItemDataRole.ForegroundRole and row.count == 0:
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication
            return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                QPalette.ColorRole.Text)
        return None


class AttentionModel(TableModel):
    """Subjects needing attention: reference, what is outstanding, since when."""

    def __init__(self, when_header: str | None = None, rows=(), parent=None):
        when_header = when_header or QCoreApplication.translate("AttentionModel", "Since")
        super().__init__(rows, parent, (
            Column(QCoreApplication.translate("AttentionModel", "Reference"), lambda r: r.ref),
            Column(QCoreApplication.translate("AttentionModel", "Outstanding"),
                   lambda r: r.detail),
            Column(when_header, lambda r: r.when)))

    def extra(self, row: AttentionRow, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Open {row.ref}: {row.detail}"
        if role == REF_ROLE:
            return row.ref
        return None

    def ref_at(self, row: int) -> str | None:
        item = self.row_at(row)
        return item.ref if item is not None else None
