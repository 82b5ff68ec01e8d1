"""Table models for the import preview: the good rows and the bad lines.

Both hold the snapshot from ``console.importer.preview`` (``ImportRow``
objects and ``(line, reason)`` pairs) and never read the file themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from console.model import CATEGORY_SHORT, EMPLOYMENT, OUTCOMES, STATUSES


def _date(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else (value or "")


class _Model(QAbstractTableModel):
    columns: tuple[tuple[str, object], ...] = ()

    def __init__(self, rows=(), parent=None):
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._rows)

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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return str(self.columns[index.column()][1](self._rows[index.row()]))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _status(r) -> str:
    label = STATUSES.label(getattr(r, "status", ""))
    outcome = getattr(r, "outcome", None)
    return f"{label} ({OUTCOMES.label(outcome)})" if outcome else label


class RowsModel(_Model):
    """The rows that will become subjects."""

    columns = (
        ("Line", lambda r: r.line),
        ("Name", lambda r: r.name),
        ("Staff no.", lambda r: getattr(r, "staff_number", "")),
        ("Role", lambda r: getattr(r, "role", "")),
        ("Location", lambda r: getattr(r, "location", "")),
        ("Employment", lambda r: EMPLOYMENT.label(getattr(r, "employment_type", ""))),
        ("Status", _status),
        ("Categories", lambda r: ", ".join(CATEGORY_SHORT.get(c, c)
                                           for c in getattr(r, "categories", ()))),
        ("Risk", lambda r: f"L{getattr(r, 'likelihood', 1)} × I{getattr(r, 'impact', 1)}"),
        ("Next review", lambda r: _date(getattr(r, "next_review", None))),
    )


class ProblemsModel(_Model):
    """Lines that cannot be imported, and why."""

    columns = (("Line", lambda p: p[0]), ("Problem", lambda p: p[1][:1].upper() + p[1][1:]))
