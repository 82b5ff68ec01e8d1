"""BackupsModel: the automatic backups beside the vault, as a read-only table.

Holds a snapshot of ``BackupRow`` values and never touches the vault. Rows
flagged for deletion by the retention rules are drawn in red with the reason
as their tooltip; damaged files say so.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from .actions import BackupRow

FLAG_COLOUR = QColor("#b71c1c")
FLAG_BACKGROUND = QColor("#fdecea")

REASONS = {"manual": "Made by hand", "daily": "Daily, on close",
           "migration": "Before an upgrade", "rekey": "Before a key change"}


class Col(IntEnum):
    MADE = 0
    REASON = 1
    SIZE = 2
    STATE = 3


HEADERS = ("Made", "Why it was made", "Size", "Retention")


def made_text(created_at: str) -> str:
    """An ISO UTC time as local date and minutes, e.g. '2026-11-25 15:40'."""
    try:
        when = dt.datetime.fromisoformat(created_at)
    except (TypeError, ValueError):
        return "unknown"
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def reason_text(reason: str) -> str:
    return REASONS.get(reason, reason.replace("_", " ").capitalize() or "—")


def state_text(row: BackupRow) -> str:
    if not row.info.ok:
        return "Damaged: cannot be restored"
    if not row.flagged:
        return "Keep"
    if "erased" in row.flag:
        return "Delete: holds an erased record"
    return "Delete: past retention"


class BackupsModel(QAbstractTableModel):
    def __init__(self, rows=(), parent=None):
        super().__init__(parent)
        self._rows: list[BackupRow] = list(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> BackupRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def flagged_count(self) -> int:
        return sum(1 for r in self._rows if r.flagged)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.MADE:
                return made_text(row.info.created_at) if row.info.ok else row.info.path.name
            if col == Col.REASON:
                return reason_text(row.info.reason) if row.info.ok else "—"
            if col == Col.SIZE:
                return size_text(row.info.size)
            return state_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.flag or (row.info.path.name if row.info.ok else
                                "This file cannot be read as a backup.")
        if (role == Qt.ItemDataRole.DecorationRole and col == Col.STATE
                and (row.flagged or not row.info.ok)):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and (row.flagged or not row.info.ok):
            return QBrush(FLAG_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and row.flagged:
            return QBrush(FLAG_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and col == Col.STATE and row.flagged:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Col.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.data(index)}. {row.flag}" if row.flagged else self.data(index)
        return None
