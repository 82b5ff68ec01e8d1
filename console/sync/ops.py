"""Operations: the changes made on a replica, in the form their author signed.

A change on a replica goes through the ordinary services, which append an
entry to the replica's own chain signed by the user who made it. The
entries of the kinds a replica may send (``KINDS``: a measure's log entry,
a proposed change to a measure) become operations (``collect``): numbered
in order on that replica (its origin), each carrying its entry whole:
header, link, salt, details and signature. Anyone holding the author's
certificate can check it (``check``) without trusting whoever carried it.

``reapply`` makes an operation's change again on a replica's fresh copy,
through the same services, when an update arrived before the governor took
that operation in.
"""

from __future__ import annotations

import json

from console.audit.hashing import digest, payload_hash
from console.storage.identity import verify_signature
from console.sync import packs, tables

KINDS = ("log.add", "measure.update")


def collect(vault) -> int:
    """Number the new operations made on this replica since the last call
    (call inside a write). Returns how many were added."""
    conn = vault.conn
    meta = tables.meta(conn)
    scanned = int(meta.get("scanned_seq", 0))
    me = vault.user.name
    top = conn.execute("SELECT coalesce(max(op_seq), 0) FROM sync_ops").fetchone()[0]
    rows = conn.execute(
        "SELECT a.seq, a.at, a.user, a.action, a.entity, a.entity_id, a.prev_hash, a.hash, "
        "a.signature, p.salt, p.before, p.after FROM audit a JOIN audit_payload p ON "
        "p.seq = a.seq WHERE a.seq > ? ORDER BY a.seq", (scanned,)).fetchall()
    added = 0
    head = scanned
    for (seq, at, user, action, entity, eid, prev, h, sig, salt, before, after) in rows:
        head = seq
        if user != me or action not in KINDS:
            continue
        top += 1
        entry = {"seq": seq, "at": at, "user": user, "action": action, "entity": entity,
                 "entity_id": eid, "prev": prev, "hash": h, "signature": packs.b64(bytes(sig)),
                 "salt": packs.b64(bytes(salt)), "before": before, "after": after}
        op = {"origin": meta["replica_id"], "seq": top, "entry": entry}
        added += conn.execute("INSERT INTO sync_ops(op_seq, op_hash, op) VALUES (?,?,?) ON "
                              "CONFLICT DO NOTHING", (top, h, json.dumps(op))).rowcount
    tables.set_meta(conn, scanned_seq=max(head, scanned))
    return added


def unnumbered(conn, user: str, scanned: int) -> int:
    """Changes made since operations were last numbered (not in a pack yet)."""
    marks = ",".join("?" * len(KINDS))
    return conn.execute(f"SELECT count(*) FROM audit WHERE seq > ? AND user = ? AND action IN "
                        f"({marks})", (scanned, user, *KINDS)).fetchone()[0]


def pending(conn, after: int) -> list[dict]:
    return [json.loads(r[0]) for r in conn.execute(
        "SELECT op FROM sync_ops WHERE op_seq > ? ORDER BY op_seq", (after,))]


def check(op: dict, cert_pem: bytes, origin: str, author: str) -> dict:
    """The operation's entry if it is whole and signed by ``author`` (whose
    certificate is ``cert_pem``); raises ``ValueError`` otherwise."""
    if not isinstance(op, dict) or op.get("origin") != origin:
        raise ValueError
    e = op.get("entry")
    if not isinstance(e, dict) or e.get("user") != author or e.get("action") not in KINDS \
            or e.get("entity") != "subject" or not isinstance(op.get("seq"), int):
        raise ValueError
    for name in ("at", "entity_id", "prev", "hash"):
        if not isinstance(e.get(name), str):
            raise ValueError
    ph = payload_hash(packs.unb64(e["salt"]), e.get("before"), e.get("after"))
    h = digest(e["prev"], int(e["seq"]), e["at"], author, e["action"], e["entity"],
               e["entity_id"], ph)
    if h != e["hash"] or not verify_signature(cert_pem, bytes.fromhex(h),
                                              packs.unb64(e["signature"])):
        raise ValueError
    return e


def details(vault, e: dict) -> tuple[dict | None, dict]:
    """(before, after) of an operation's entry, opened with the record's key
    when the record is sealed (the entry was sealed on the replica)."""
    from console.audit import chain, payloads
    before, after = e.get("before"), e.get("after")
    if payloads.is_sealed(after):
        before, after = chain.opened(vault, e["entity_id"], int(e["seq"]), after)
        if after is None:
            raise ValueError
    return (json.loads(before) if before else None), json.loads(after)


def reapply(vault, op: dict) -> bool:
    """Make ``op``'s change again on this replica (as its author, who is
    signed in). False when the record no longer allows it here."""
    from console.errors import ConsoleError
    from console.records import measures
    from console.records.commands import MeasureFields
    e = op["entry"]
    try:
        _before, after = details(vault, e)
        mid = int(after["measure_id"])
        if e["action"] == "log.add":
            measures.add_log_entry(vault, mid, after["text"])
        else:
            changes = {k: v for k, v in after.items() if k != "measure_id"}
            measures.update_measure(vault, mid, MeasureFields(**changes))
        return True
    except (ConsoleError, ValueError, KeyError, TypeError):
        return False
