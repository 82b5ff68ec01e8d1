"""The tables of the governor's replicas view: each replica made, and the
proposed changes waiting for a decision. Rows are the core's frozen
snapshots; texts leave through ``TableModel`` (``console.text.shown``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..table_model import RIGHT, Column, TableModel



def _day(value) -> str:
    return (value or "")[:16].replace("T", " ") or QCoreApplication.translate("ReplicasModel", "never")


class ReplicasModel(TableModel):
    columns = (
        Column(QCoreApplication.translate("ReplicasModel", "User"), lambda r: r.user),
        Column(QCoreApplication.translate("ReplicasModel", "Made"), lambda r: _day(r.created_at)),
        Column(QCoreApplication.translate("ReplicasModel", "Update no."), lambda r: str(r.update_no), align=RIGHT),
        Column(QCoreApplication.translate("ReplicasModel", "Update sent"), lambda r: _day(r.last_update)),
        Column(QCoreApplication.translate("ReplicasModel", "Last contact"), lambda r: _day(r.last_contact),
               tooltip=lambda r: QCoreApplication.translate("ReplicasModel", "When a change pack from this replica was last taken in")),
        Column(QCoreApplication.translate("ReplicasModel", "Changes taken in"), lambda r: str(r.ops_taken), align=RIGHT),
        Column(QCoreApplication.translate("ReplicasModel", "Waiting"), lambda r: str(r.decisions), align=RIGHT,
               tooltip=lambda r: QCoreApplication.translate("ReplicasModel", "Proposed changes waiting for your decision")),
    )


def _changes(d, width: int = 40) -> str:
    cut = (lambda v: f"{v!s:.{width}}") if width else str
    return "; ".join(f"{k}: {cut(d.current.get(k, ''))} → {cut(v)}"
                     for k, v in d.proposed.items())


class DecisionsModel(TableModel):
    columns = (
        Column(QCoreApplication.translate("ReplicasModel", "Record"), lambda d: d.ref),
        Column(QCoreApplication.translate("ReplicasModel", "Measure"), lambda d: str(d.measure_id), align=RIGHT),
        Column(QCoreApplication.translate("ReplicasModel", "Proposed by"), lambda d: d.author),
        Column(QCoreApplication.translate("ReplicasModel", "On"), lambda d: _day(d.at)),
        Column(QCoreApplication.translate("ReplicasModel", "Now → proposed"), _changes, tooltip=lambda d: _changes(d, 0)),
    )
