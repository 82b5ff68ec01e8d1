"""The "needs a decision" list: proposed changes to a measure, sent from a
replica, that met a measure the governor's vault had changed since the
replica's copy was made.

Nothing was overwritten: the proposal sits in a chain entry
(``sync.conflict``, sealed with the record when the record is sealed) and a
row here points at it. The governor takes the proposal on (it is applied
through the measures service, in their name, as any change they make) or
sets it aside; either is a ``sync.decide`` entry naming the proposal's
entry, and the row is closed.

The rows are only pointers: the record, the measure and the proposal are
read from the signed ``sync.conflict`` entry a row points at, and a proposal
a ``sync.decide`` entry already names is not offered again, whatever the
rows say (anyone holding the data key can write them).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.audit import chain, roles
from console.clock import now_iso
from console.errors import NotFound
from console.i18n import _
from console.records import measures
from console.records.commands import MeasureFields
from console.sync import tables


@dataclass(frozen=True)
class Decision:
    id: int
    ref: str
    measure_id: int
    author: str
    at: str
    proposed: dict        # column -> the value proposed
    based_on: dict        # column -> the value the proposal was made from
    current: dict         # column -> the value now
    conflict: int = 0     # the chain entry that holds the proposal


def pending(vault) -> list[Decision]:
    roles.require(vault, "replicas")
    with vault.guard():
        if not tables.has(vault.conn, "sync_decisions"):
            return []
        rows = vault.conn.execute("SELECT id, ref, measure_id, audit_seq FROM sync_decisions "
                                  "WHERE decided IS NULL ORDER BY id").fetchall()
    out = []
    for did, _ref, _mid, seq in rows:
        # The record and measure are the signed proposal's, never the row's
        # (anyone holding the data key can write a row).
        with vault.guard():
            head = vault.conn.execute("SELECT entity, entity_id, action FROM audit WHERE "
                                      "seq = ?", (seq,)).fetchone()
        if head is None or head[0] != "subject" or head[2] != "sync.conflict":
            continue
        ref = head[1]
        history = chain.entries(vault, "subject", ref)
        if any(e.action == "sync.decide" and (e.after or {}).get("conflict") == seq
               for e in history):
            continue      # decided already, whatever the row says
        entry = next((e for e in history if e.seq == seq), None)
        if entry is None or not entry.after:
            continue      # the record was erased meanwhile: nothing left to decide
        a = entry.after
        try:
            mid = int(a["measure_id"])
        except (KeyError, TypeError, ValueError):
            continue
        try:
            m = measures.get_measure(vault, mid)
            current = {k: _stored(getattr(m, k)) for k in a["proposed"]}
        except NotFound:
            current = {}
        out.append(Decision(did, ref, mid, a["author"], a["at"], a["proposed"],
                            a["based_on"], current, seq))
    return out


def _stored(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def decide(vault, decision_id: int, accept: bool) -> None:
    """Take the proposal on (``accept``) or set it aside."""
    roles.require(vault, "replicas")
    found = next((d for d in pending(vault) if d.id == decision_id), None)
    if found is None:
        raise NotFound(_("That decision was taken already, or its record is gone."))
    with vault.write():
        if accept:
            measures.update_measure(vault, found.measure_id, MeasureFields(**found.proposed))
        chain.append(vault, "sync.decide", "subject", found.ref, after={
            "decision": decision_id, "conflict": found.conflict, "measure_id": found.measure_id,
            "accepted": bool(accept), "author": found.author})
        vault.conn.execute("UPDATE sync_decisions SET decided = ?, decided_by = ?, "
                           "decided_at = ? WHERE id = ?",
                           ("accepted" if accept else "set aside", vault.user.name, now_iso(),
                            decision_id))
