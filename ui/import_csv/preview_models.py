"""Table models for the import preview: the good rows and the bad lines.

Both hold the snapshot from ``console.records.importer.preview`` (``ImportRow``
objects and ``(line, reason)`` pairs) and never read the file themselves.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.records.model import CATEGORY_SHORT, EMPLOYMENT, OUTCOMES, STATUSES

from ..table_model import RIGHT, Column, TableModel


def _date(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else (value or "")


class _Model(TableModel):
    """Every cell shows its whole text as its tooltip too."""

    def extra(self, item, column: int, role):
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(item, column)
        return None


def _status(r) -> str:
    label = STATUSES.label(getattr(r, "status", ""))
    outcome = getattr(r, "outcome", None)
    return f"{label} ({OUTCOMES.label(outcome)})" if outcome else label


class RowsModel(_Model):
    """The rows that will become subjects."""

    columns = (
        Column("Line", lambda r: r.line, align=RIGHT),
        Column("Name", lambda r: r.name),
        Column("Staff no.", lambda r: getattr(r, "staff_number", "")),
        Column("Role", lambda r: getattr(r, "role", "")),
        Column("Location", lambda r: getattr(r, "location", "")),
        Column("Employment", lambda r: EMPLOYMENT.label(getattr(r, "employment_type", ""))),
        Column("Status", _status),
        Column("Categories", lambda r: ", ".join(CATEGORY_SHORT.get(c, c)
                                                 for c in getattr(r, "categories", ()))),
        Column("Risk", lambda r: f"L{getattr(r, 'likelihood', 1)} × I{getattr(r, 'impact', 1)}"),
        Column("Next review", lambda r: _date(getattr(r, "next_review", None))),
    )


class ProblemsModel(_Model):
    """Lines that cannot be imported, and why."""

    columns = (Column("Line", lambda p: p[0], align=RIGHT),
               Column("Problem", lambda p: p[1][:1].upper() + p[1][1:]))
