"""The audit chain: a hash-linked, signed record of every change.

Each entry's hash covers the previous entry's hash and its own header (time,
user, action, entity) plus a salted hash of what changed, and is signed with
the acting user's signing key, whose private half only that user's passphrase
can reach. ``verify`` replays the whole chain (``replay``): it names the first
entry that was edited, deleted, reordered, signed by a key the chain did not
give its signer, or written by someone without the right to, and any row of
the vault that disagrees with the authority the chain carries.

The before/after details sit in ``audit_payload``, outside the chain, so a
lawful erasure can delete a subject's details while the chain still verifies;
a missing payload is only accepted for a subject whose erasure is itself
recorded in the chain, by a governor, once the subject is gone.

``append`` must be called inside the same ``vault.write()`` transaction as the
change it records, so a change and its audit entry land together.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from console.audit import payloads, roles, sealing_keys, visibility
from console.audit.hashing import GENESIS, canonical, digest, payload_hash
from console.audit.replay import ERASE_ACTION, ChainReport, run
from console.clock import now_iso

__all__ = ["GENESIS", "ERASE_ACTION", "ChainReport", "AuditEntry", "append", "verify",
           "head", "entries", "canonical"]


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


def append(vault, action: str, entity: str, entity_id, before: dict | None = None,
           after: dict | None = None) -> int:
    conn = vault.conn
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    at = now_iso()
    b = canonical(before).decode() if before is not None else None
    a = canonical(after).decode() if after is not None else None
    salt = secrets.token_bytes(16)
    if payloads.sealable(entity, action):
        key = sealing_keys.record_key(vault, str(entity_id))
        if key is not None:    # a sealed record: the details are stored sealed
            salt, b, a = payloads.seal(vault.vault_id, str(entity_id), seq, key[0], key[1],
                                       salt, b, a)
    ph = payload_hash(salt, b, a)
    h = digest(prev, seq, at, vault.user.name, action, entity, str(entity_id), ph)
    sig = vault.identity().sign(bytes.fromhex(h))
    conn.execute(
        "INSERT INTO audit(seq, at, user, action, entity, entity_id, payload_hash, prev_hash, "
        "hash, signature) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, at, vault.user.name, action, entity, str(entity_id), ph, prev, h, sig))
    conn.execute("INSERT INTO audit_payload(seq, salt, before, after) VALUES (?,?,?,?)",
                 (seq, salt, b, a))
    return seq


def opened(vault, ref: str, seq: int, text: str) -> tuple[str | None, str | None]:
    """The details (before, after, as stored JSON) of an entry about sealed
    record ``ref``; (None, None) when the signed-in user holds no key for
    them (they then show as withheld)."""
    ring = sealing_keys.keyring(vault)
    got = payloads.open_sealed(vault.vault_id, ref, seq, text,
                               lambda version: ring.version(vault.conn, ref, version))
    return (got[1], got[2]) if got else (None, None)


def verify(vault, on_progress=None) -> ChainReport:
    """Replay the whole chain and check the vault's rows against it."""
    with vault.guard():
        return run(vault.conn, on_progress=on_progress)


def head(vault) -> tuple[int, str]:
    rows = vault.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
    return (rows[0][0], rows[0][1]) if rows else (0, GENESIS)


def hashes_at(vault, seqs) -> dict[int, str]:
    """seq -> that entry's hash, for the entries asked for that exist (the
    chain's head when an earlier briefing was made, for instance)."""
    wanted = sorted({int(s) for s in seqs if int(s) > 0})
    if not wanted:
        return {}
    import json as _json
    return dict(vault.query("SELECT seq, hash FROM audit WHERE seq IN "
                            "(SELECT value FROM json_each(?))", (_json.dumps(wanted),)))


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
        elif payloads.is_sealed(after):
            before, after = opened(vault, eid, seq, after)
        b = json.loads(before) if before else None
        a = json.loads(after) if after else None
        if barred and isinstance(a, dict) and isinstance(a.get("refs"), list):
            a = {**a, "refs": [r for r in a["refs"] if r not in barred]}
        out.append(AuditEntry(seq, at, user, action, ent, eid, b, a))
    return out
