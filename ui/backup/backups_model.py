"""BackupsModel: the automatic backups beside the vault, as a read-only table.

Holds a snapshot of ``BackupRow`` values and never touches the vault. Rows
flagged for deletion by the retention rules are drawn in red with the reason
as their tooltip; damaged files say so.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from ..table_model import RIGHT, Column, TableModel
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


def _bold(row: BackupRow):
    if not row.flagged:
        return None
    font = QFont()
    font.setBold(True)
    return font


class BackupsModel(TableModel):
    columns = (
        Column(HEADERS[Col.MADE], lambda r: made_text(r.info.created_at) if r.info.ok
               else r.info.path.name),
        Column(HEADERS[Col.REASON], lambda r: reason_text(r.info.reason) if r.info.ok else "—"),
        Column(HEADERS[Col.SIZE], lambda r: size_text(r.info.size), align=RIGHT),
        Column(HEADERS[Col.STATE], state_text, font=_bold),
    )

    @property
    def flagged_count(self) -> int:
        return sum(1 for r in self._rows if r.flagged)

    def extra(self, row: BackupRow, column: int, role):
        warn = row.flagged or not row.info.ok
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.flag or (row.info.path.name if row.info.ok else
                                "This file cannot be read as a backup.")
        if role == Qt.ItemDataRole.DecorationRole and column == Col.STATE and warn:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and warn:
            return QBrush(FLAG_COLOUR)
        if role == Qt.ItemDataRole.BackgroundRole and row.flagged:
            return QBrush(FLAG_BACKGROUND)
        if role == Qt.ItemDataRole.AccessibleTextRole and row.flagged:
            return f"{self.text(row, column)}. {row.flag}"
        return None
