"""The tables of the governor's replicas view: each replica made, and the
proposed changes waiting for a decision. Rows are the core's frozen
snapshots; texts leave through ``TableModel`` (``console.text.shown``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..table_model import RIGHT, Column, TableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReplicasModel", text)


def _day(value) -> str:
    return (value or "")[:16].replace("T", " ") or _tr("never")


class ReplicasModel(TableModel):
    columns = (
        Column(_tr("User"), lambda r: r.user),
        Column(_tr("Made"), lambda r: _day(r.created_at)),
        Column(_tr("Update no."), lambda r: str(r.update_no), align=RIGHT),
        Column(_tr("Update sent"), lambda r: _day(r.last_update)),
        Column(_tr("Last contact"), lambda r: _day(r.last_contact),
               tooltip=lambda r: _tr("When a change pack from this replica was last taken in")),
        Column(_tr("Changes taken in"), lambda r: str(r.ops_taken), align=RIGHT),
        Column(_tr("Waiting"), lambda r: str(r.decisions), align=RIGHT,
               tooltip=lambda r: _tr("Proposed changes waiting for your decision")),
    )


def _changes(d, width: int = 40) -> str:
    cut = (lambda v: f"{v!s:.{width}}") if width else str
    return "; ".join(f"{k}: {cut(d.current.get(k, ''))} → {cut(v)}"
                     for k, v in d.proposed.items())


class DecisionsModel(TableModel):
    columns = (
        Column(_tr("Record"), lambda d: d.ref),
        Column(_tr("Measure"), lambda d: str(d.measure_id), align=RIGHT),
        Column(_tr("Proposed by"), lambda d: d.author),
        Column(_tr("On"), lambda d: _day(d.at)),
        Column(_tr("Now → proposed"), _changes, tooltip=lambda d: _changes(d, 0)),
    )
