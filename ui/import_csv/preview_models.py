"""Table models for the import preview: the good rows and the bad lines.

Both hold the snapshot from ``console.records.importer.preview`` (``ImportRow``
objects, and for each bad line a ``LineProblem`` built by ``line_problems``:
the line, the row's name, the column and the value at fault, the reason) and
never read the file themselves. The name and the value are on screen only,
as the rows themselves are; the core keeps them out of its reasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

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


@dataclass(frozen=True)
class LineProblem:
    line: int
    reason: str
    name: str = ""          # the row's name cell
    column: str = ""        # the column at fault, when one is
    value: str = ""         # what that cell holds

    @property
    def problem(self) -> str:
        text = self.reason[:1].upper() + self.reason[1:]
        hint = _date_hint(self.column, self.value)
        return f"{text}; {hint}" if hint else text


DATE_COLUMNS = ("start_date", "next_review")
_DAY_FIRST = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")


def _date_hint(column: str, value: str) -> str:
    """For a day written the British way, the same day as the file needs it."""
    if column not in DATE_COLUMNS:
        return ""
    for fmt in _DAY_FIRST:
        try:
            day = dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
        return QCoreApplication.translate("ImportDialog", "write it as %1").replace(
            "%1", day.isoformat())
    return ""


def line_problems(preview) -> list[LineProblem]:
    """Each problem of a preview, with its row's name and the cell at fault."""
    names = getattr(preview, "names", {}) or {}
    cells = getattr(preview, "cells", {}) or {}
    out = []
    for line, reason in sorted(getattr(preview, "problems", []) or []):
        column, value = cells.get(line, ("", ""))
        out.append(LineProblem(line, reason, names.get(line, ""), column, value))
    return out


def _quoted(value: str) -> str:
    return f"“{value}”" if value else ""


class ProblemsModel(_Model):
    """Lines that cannot be imported: which row, what it holds, and why."""

    columns = (Column(QT_TRANSLATE_NOOP("ProblemsModel", "Line"), lambda p: p.line,
                      align=RIGHT),
               Column(QT_TRANSLATE_NOOP("ProblemsModel", "Name"), lambda p: p.name),
               Column(QT_TRANSLATE_NOOP("ProblemsModel", "Column"), lambda p: p.column),
               Column(QT_TRANSLATE_NOOP("ProblemsModel", "Value"), lambda p: _quoted(p.value)),
               Column(QT_TRANSLATE_NOOP("ProblemsModel", "Problem"), lambda p: p.problem))
