"""Read-only table models for lawful handling: the review queue, the
consultation journal (with its filter proxy) and the items of an access pack.

Each model holds frozen snapshots from ``console.lawful.retention``,
``console.records.journal`` and ``console.lawful.subject_access`` and never queries
anything; ``set_rows`` replaces the whole snapshot. ``ROW_ROLE`` gives the
dataclass behind a row, so views always read what they show from the source
model (through ``mapToSource`` when a proxy sits between).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from console.text import folded

from ..table_model import ROW_ROLE, SORT_ROLE, Column, TableModel

__all__ = ["ROW_ROLE", "SORT_ROLE", "JournalFilter", "JournalModel", "PackItemsModel",
           "ReviewQueueModel"]


def _warning_brush():
    """A calm warning colour that reads on both light and dark palettes."""
    from PySide6.QtGui import QColor
    dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark else QColor("#b3261e")


def _font(bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _overdue(i) -> str:
    if i.days_overdue > 0:
        return f"{i.days_overdue} day{'s' if i.days_overdue != 1 else ''}"
    if i.days_overdue == 0:
        return "Due today"
    return f"In {-i.days_overdue} days"


class ReviewQueueModel(TableModel):
    """One row per record due for review (``console.lawful.retention.ReviewItem``)."""
    columns = (
        Column("Reference", lambda i: i.ref),
        Column("Name", lambda i: i.name),
        Column("Status", lambda i: i.status_label),
        Column("Retention class", lambda i: i.processing.class_label),
        Column("Review due", lambda i: i.processing.review_on.isoformat()),
        Column("Overdue", _overdue, sort=lambda i: i.days_overdue,
               foreground=lambda i: _warning_brush() if i.days_overdue > 0 else None),
        Column("Legal hold", lambda i: "Held" if i.processing.legal_hold else "",
               font=lambda i: _font(bold=True) if i.processing.legal_hold else None),
    )

    def extra(self, i, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole:
            if i.processing.legal_hold:
                return f"Legal hold: {i.processing.hold_reason or 'no reason given'}"
            return i.last_decision or "No review decision recorded yet."
        return None


def _refs(e) -> str:
    return ", ".join(e.refs) if len(e.refs) <= 4 else f"{len(e.refs)} subjects"


def _detail(e) -> str:
    return ("Record erased: details removed" if e.erased else
            "; ".join(x for x in (", ".join(e.recipients), e.detail) if x))


class JournalModel(TableModel):
    """The consultation journal, newest first (``console.records.journal.JournalEntry``)."""
    columns = (
        Column("When (UTC)", lambda e: e.at[:16].replace("T", " "), sort=lambda e: e.seq),
        Column("User", lambda e: e.user),
        Column("What", lambda e: e.kind_label),
        Column("Record", _refs),
        Column("Why", lambda e: e.reason_label),
        Column("Recipients and detail", _detail, tooltip=lambda e: _detail(e) or None),
    )

    def extra(self, e, column: int, role):
        if role == Qt.ItemDataRole.FontRole and e.erased:
            return _font(italic=True)
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
        self.since, self.until, self.text = since, until, folded(text.strip())
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
            model = self.sourceModel()
            hay = folded(" ".join(model.text(e, c) for c in range(len(model.columns))))
            if self.text not in hay:
                return False
        return True


class PackItemsModel(TableModel):
    """The items of a subject access pack: what is given and what is withheld."""
    columns = (
        Column("Section", lambda i: i.section),
        Column("Item", lambda i: i.detail or i.label),   # the governor's view, never the pack's
        Column("Decision", lambda i: "Withheld" if i.withheld else "Given",
               foreground=lambda i: _warning_brush() if i.withheld else None),
        Column("Reason", lambda i: i.reason_label if i.withheld else ""),
    )

    def extra(self, i, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole:
            return (i.detail or i.label) + "\n" + (
                f"Withheld: {i.reason_label}; the pack names it only as “{i.label}”."
                if i.withheld else "Given in full in the pack.")
        return None
