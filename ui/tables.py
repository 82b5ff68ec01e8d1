"""Read-only lists: the one set-up for a ``QTableView`` whose rows are chosen,
never edited in place (the register, the subject's tabs, the dashboard's
counts, the users, backups, journal, review queue, access pack and import
preview). Each caller keeps its own column sizing."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView

SINGLE = QAbstractItemView.SelectionMode.SingleSelection
EXTENDED = QAbstractItemView.SelectionMode.ExtendedSelection


def readonly_rows(view: QTableView, *, selection=SINGLE,
                  row_padding: int | None = None) -> QTableView:
    """Whole-row selection, no editing, alternating row colours, no word
    wrap and no row numbers; rows ``row_padding`` pixels taller than the text
    where given, else Qt's default height."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    if row_padding is not None:
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    return view
