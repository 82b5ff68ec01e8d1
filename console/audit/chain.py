"""The audit chain: a hash-linked, signed record of every change.

Each entry's hash covers the previous entry's hash and its own header (time,
user, action, entity) plus a salted hash of what changed, and is signed with
the acting user's signing key, whose private half only that user's passphrase
can reach. ``verify`` recomputes the chain and names the first entry that was
edited, deleted, reordered or signed by the wrong key.

The before/after details sit in ``audit_payload``, outside the chain, so a
lawful erasure can delete a subject's details while the chain still verifies;
a missing payload is only accepted for a subject whose erasure is itself
recorded in the chain.

``append`` must be called inside the same ``vault.write()`` transaction as the
change it records, so a change and its audit entry land together.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass

from console.audit import roles, visibility
from console.clock import now_iso
from console.storage.identity import verify_signature

GENESIS = "0" * 64
ERASE_ACTION = "subject.erase"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    user: str
    action: str
    entity: str
    entity_id: str
    before: dict | None = None
    after: dict | None = None


def canonical(payload) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False, default=str).encode("utf-8")


def _payload_hash(salt: bytes, before: str | None, after: str | None) -> str:
    return hashlib.sha256(salt + canonical([before, after])).hexdigest()


def _digest(prev_hash: str, seq: int, at: str, user: str, action: str, entity: str,
            entity_id: str, payload_hash: str) -> str:
    body = canonical({"seq": seq, "at": at, "user": user, "action": action,
                      "entity": entity, "entity_id": entity_id, "payload": payload_hash})
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + body).hexdigest()


def append(vault, action: str, entity: str, entity_id, before: dict | None = None,
           after: dict | None = None) -> int:
    conn = vault.conn
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at = now_iso()
    b = canonical(before).decode() if before is not None else None
    a = canonical(after).decode() if after is not None else None
    salt = secrets.token_bytes(16)
    ph = _payload_hash(salt, b, a)
    h = _digest(prev, seq, at, vault.user.name, action, entity, str(entity_id), ph)
    sig = vault.identity().sign(bytes.fromhex(h))
    conn.execute(
        "INSERT INTO audit(seq, at, user, action, entity, entity_id, payload_hash, prev_hash, "
        "hash, signature) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, at, vault.user.name, action, entity, str(entity_id), ph, prev, h, sig))
    conn.execute("INSERT INTO audit_payload(seq, salt, before, after) VALUES (?,?,?,?)",
                 (seq, salt, b, a))
    return seq


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad: int | None = None
    reason: str = ""
    head: str = GENESIS
    erased: int = 0

    def sentence(self) -> str:
        if self.ok:
            extra = (f" ({self.erased} entries' details were lawfully erased)"
                     if self.erased else "")
            return (f"The audit chain is intact: {self.entries} entries, each linked to the "
                    f"one before and signed by the user who made the change{extra}.")
        return f"The audit chain is broken at entry {self.first_bad}: {self.reason}."


def verify(vault, on_progress=None) -> ChainReport:
    with vault.guard():
        conn = vault.conn
        certs: dict[str, list[bytes]] = {}
        for u, c in conn.execute("SELECT user, cert_pem FROM identities UNION ALL "
                                 "SELECT user, cert_pem FROM retired_certs"):
            certs.setdefault(u, []).append(c.encode())
        erased_refs = {r[0] for r in conn.execute(
            "SELECT entity_id FROM audit WHERE action = ?", (ERASE_ACTION,))}
        total = conn.execute("SELECT count(*) FROM audit").fetchone()[0]
        cur = conn.execute(
            "SELECT a.seq, a.at, a.user, a.action, a.entity, a.entity_id, a.payload_hash, "
            "a.prev_hash, a.hash, a.signature, p.salt, p.before, p.after, p.seq "
            "FROM audit a LEFT JOIN audit_payload p ON p.seq = a.seq ORDER BY a.rowid")
        prev, expected, count, erased = GENESIS, 1, 0, 0
        for (seq, at, user, action, entity, eid, ph, prev_hash, h, sig,
             salt, before, after, pseq) in cur:
            count += 1
            if on_progress and count % 1000 == 0:
                on_progress(count, total)
            if seq != expected:
                return ChainReport(False, count, min(seq, expected),
                                   "an entry is missing or out of order")
            if prev_hash != prev:
                return ChainReport(False, count, seq, "it does not link to the entry before it")
            if _digest(prev, seq, at, user, action, entity, eid, ph) != h:
                return ChainReport(False, count, seq, "it was changed after it was written")
            if pseq is None:
                if not (entity == "subject" and eid in erased_refs):
                    return ChainReport(False, count, seq, "its details were deleted")
                erased += 1
            elif _payload_hash(bytes(salt), before, after) != ph:
                return ChainReport(False, count, seq,
                                   "its details were changed after it was written")
            if not any(verify_signature(c, bytes.fromhex(h), bytes(sig))
                       for c in certs.get(user, ())):
                return ChainReport(False, count, seq,
                                   "its signature does not match the user named on it")
            prev, expected = h, expected + 1
        return ChainReport(True, count, head=prev, erased=erased)


def head(vault) -> tuple[int, str]:
    rows = vault.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
    return (rows[0][0], rows[0][1]) if rows else (0, GENESIS)


def entries(vault, entity: str | None = None, entity_id=None, limit: int | None = None,
            since_seq: int = 0) -> list[AuditEntry]:
    """Entries the signed-in user may read, newest first (``visibility`` says
    which: nothing about a subject they are barred from, the journal only
    for a governor, who a record is restricted to only for a governor)."""
    role = vault.user.role
    barred = visibility.barred_refs(vault)
    sql = ("SELECT a.seq, a.at, a.user, a.action, a.entity, a.entity_id, p.before, p.after "
           "FROM audit a LEFT JOIN audit_payload p ON p.seq = a.seq WHERE a.seq > ?")
    params: list = [since_seq]
    if entity is not None:
        sql += " AND a.entity = ?"
        params.append(entity)
    if entity_id is not None:
        sql += " AND a.entity_id = ?"
        params.append(str(entity_id))
    if barred:
        sql += (" AND NOT (a.entity = 'subject' AND a.entity_id IN "
                "(SELECT value FROM json_each(?)))")
        params.append(json.dumps(sorted(barred)))
    if role != roles.GOVERNOR:
        sql += " AND a.action NOT LIKE ?"
        params.append(visibility.JOURNAL_PREFIX + "%")
    sql += " ORDER BY a.seq DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for seq, at, user, action, ent, eid, before, after in vault.query(sql, params):
        if not visibility.entry_visible(role, barred, action, ent, eid):
            continue   # the query has left these out already; this is the rule itself
        if not visibility.payload_visible(role, action):
            before = after = None
        b = json.loads(before) if before else None
        a = json.loads(after) if after else None
        if barred and isinstance(a, dict) and isinstance(a.get("refs"), list):
            a = {**a, "refs": [r for r in a["refs"] if r not in barred]}
        out.append(AuditEntry(seq, at, user, action, ent, eid, b, a))
    return out
