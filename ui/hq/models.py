"""Table models of the HQ window over plain dictionaries from ``hq``
(status rows, an establishment's briefings, staff overlaps)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from ..table_model import RIGHT, Column, TableModel

RED = QColor("#b3261e")


def _last(e):
    last = e["last_briefing"]
    return f"{last['number']} ({last['age_days']} d)" if last else "none"


def _cont(e):
    extra = e["missing_full_register"]
    return e["continuity"] + (f", {extra} not received" if extra else "")


class NationalModel(TableModel):
    columns = (
        Column("Establishment", lambda e: e["establishment"]),
        Column("Last briefing", _last,
               sort=lambda e: (e["last_briefing"] or {}).get("age_days", 10 ** 6)),
        Column("Briefing", lambda e: "Overdue" if e["overdue"] else "In date",
               foreground=lambda e: RED if e["overdue"] else None),
        Column("Open", lambda e: e["open_subjects"], RIGHT, sort=lambda e: e["open_subjects"]),
        Column("Red", lambda e: e["red_cases"], RIGHT, sort=lambda e: e["red_cases"]),
        Column("Unreferred", lambda e: e["unreferred_past_deadline"], RIGHT,
               tooltip=lambda e: "Reports unreferred past HQ's deadline",
               sort=lambda e: e["unreferred_past_deadline"]),
        Column("Unacknowledged", lambda e: e["unacknowledged_past_deadline"], RIGHT,
               sort=lambda e: e["unacknowledged_past_deadline"]),
        Column("Continuity", _cont,
               foreground=lambda e: RED if e["continuity"] == "broken" else None),
    )


class HistoryModel(TableModel):
    columns = (
        Column("Briefing", lambda b: b["number"]),
        Column("Made (UTC)", lambda b: b["generated_at"][:16].replace("T", " ")),
        Column("Edition", lambda b: b["edition"]),
        Column("Scope", lambda b: b["scope"]),
        Column("Chain entries", lambda b: b["chain_entries"], RIGHT,
               sort=lambda b: b["chain_entries"]),
        Column("Open", lambda b: b["open_subjects"], RIGHT, sort=lambda b: b["open_subjects"]),
        Column("Red", lambda b: b["red"], RIGHT, sort=lambda b: b["red"]),
        Column("Received (UTC)", lambda b: b["received_at"][:16].replace("T", " ")),
    )


class StaffModel(TableModel):
    columns = (
        Column("Staff number", lambda r: r[0]),
        Column("Establishment", lambda r: r[1]["establishment"]),
        Column("Their reference", lambda r: r[1]["ref"]),
        Column("Last seen", lambda r: r[1]["last_seen"][:10]),
    )
