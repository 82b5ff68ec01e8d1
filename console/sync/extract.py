"""The database a replica receives: a copy of the governor's, encrypted
under a fresh key, holding only what its user may see.

``build(vault, user, target, key, meta)`` writes that copy to ``target``
(never in clear: SQLCipher exports straight into a file keyed by ``key``),
then, inside the copy:

- every subject the user may not see (``visible.for_user``: restricted away
  from them, a conflict of interest, a sealed record whose key they are not
  entitled to) is deleted with everything about it: reports, referrals,
  measures and their logs, status history, conflict bars, lawful handling,
  its sealed blobs;
- sealing-key wraps for anyone else, and every key they are not entitled to,
  are deleted; other users keep their certificates but not even the
  encrypted form of their signing keys;
- the briefings list, the governor's replica records and the consultation
  journal's details go;
- the chain keeps every entry's header (time, signer, action, reference,
  hashes and signature, so the replica can check every link), and details
  only where they carry authority (users, roles, keys, restrictions,
  settings, erasures) or concern a record the user may see;

and the file is rebuilt (``VACUUM`` with ``secure_delete``), so no deleted
row survives in a free page. The replica's own tables are added last.

Runs in a governor's session (which holds every record's key) on the vault
thread; the attached copy is detached before returning, whatever happens.
"""

from __future__ import annotations

import json
from pathlib import Path

from console.audit import replay
from console.sync import tables, visible

# Details every replica keeps: what the replay needs to rebuild the authority.
KEEP_ACTIONS = sorted(set(replay.AUTHORITY_ACTIONS) | {replay.ERASE_ACTION, "user.sealed",
                                                        "user.passphrase", "slot.drop"})
_AS = "gc_replica"


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def build(vault, user: str, target: Path, key: bytes, meta: dict,
          on_progress=None) -> visible.Visible:
    seen = visible.for_user(vault, user)
    conn = vault.conn
    with vault.guard():
        conn.execute(f"ATTACH DATABASE '{_quoted(target)}' AS {_AS} KEY "
                     f"\"x'{bytes(key).hex()}'\"")
        try:
            conn.execute(f"PRAGMA {_AS}.journal_mode = DELETE").fetchall()
            conn.execute(f"PRAGMA {_AS}.secure_delete = ON")
            conn.execute(f"SELECT sqlcipher_export('{_AS}')").fetchall()
            if on_progress:
                on_progress(1, 4)
            # Every row that names a hidden subject is deleted explicitly, so
            # the foreign keys' cascades (a scan of each child table for each
            # subject deleted) are not needed; they are back on before return.
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("BEGIN")
            try:
                _filter(conn, user, seen)
                tables.ensure_replica(conn, _AS)
                tables.set_meta(conn, _AS, **meta)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            finally:
                conn.execute("PRAGMA foreign_keys = ON")
            if on_progress:
                on_progress(2, 4)
            conn.execute(f"VACUUM {_AS}")
            if on_progress:
                on_progress(3, 4)
        finally:
            conn.execute(f"DETACH DATABASE {_AS}")
    return seen


def _by_subject(conn) -> list[str]:
    """Every table of the copy whose rows belong to one subject (a
    ``subject_id`` column: reports, referrals, measures, status history,
    bars, lawful handling, sealed blobs, and any table a later version adds,
    full-text indexes included), children before the subjects they name."""
    out = []
    for (name,) in conn.execute(f"SELECT name FROM {_AS}.sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite_%'").fetchall():
        cols = {r[1] for r in conn.execute(f'PRAGMA {_AS}.table_info("{name}")')}
        if "subject_id" in cols:
            out.append(name)
    return out


def _has(conn, table: str) -> bool:
    return tables.has(conn, table, _AS)


def _filter(conn, user: str, seen: visible.Visible) -> None:
    hidden = json.dumps(sorted(seen.hidden))
    if seen.hidden:
        conn.execute(f"DELETE FROM {_AS}.measure_log WHERE measure_id IN (SELECT id FROM "
                     f"{_AS}.measures WHERE subject_id IN (SELECT value FROM json_each(?)))",
                     (hidden,))
        conn.execute(f"DELETE FROM {_AS}.measures WHERE subject_id IN "
                     "(SELECT value FROM json_each(?))", (hidden,))
        for table in _by_subject(conn):
            conn.execute(f'DELETE FROM {_AS}."{table}" WHERE subject_id IN '
                         "(SELECT value FROM json_each(?))", (hidden,))
        conn.execute(f"DELETE FROM {_AS}.subjects WHERE id IN (SELECT value FROM json_each(?))",
                     (hidden,))
    if _has(conn, "sealing_keys"):
        held = [r[0] for r in conn.execute(f"SELECT scope FROM {_AS}.sealing_keys WHERE "
                                           "user = ?", (user,))]
        scopes = set(seen.refs) | ({"fulltext"} if seen.holds_fulltext else set())
        keep = json.dumps(sorted(s for s in held if s in scopes))
        conn.execute(f"DELETE FROM {_AS}.sealing_keys WHERE user != ? OR scope NOT IN "
                     "(SELECT value FROM json_each(?))", (user, keep))
        conn.execute(f"DELETE FROM {_AS}.sealing_history WHERE scope NOT IN "
                     "(SELECT value FROM json_each(?))", (keep,))
    conn.execute(f"UPDATE {_AS}.identities SET key_nonce = x'', key_ct = x'' WHERE user != ?",
                 (user,))
    conn.execute(f"DELETE FROM {_AS}.briefings")
    for table in tables.HOME_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {_AS}.{table}")
    conn.execute(
        f"DELETE FROM {_AS}.audit_payload WHERE seq IN (SELECT a.seq FROM {_AS}.audit a WHERE "
        "a.action NOT IN (SELECT value FROM json_each(?)) AND NOT (a.entity = 'subject' AND "
        "a.entity_id IN (SELECT value FROM json_each(?)) AND a.action NOT LIKE 'journal.%'))",
        (json.dumps(KEEP_ACTIONS), json.dumps(sorted(seen.refs))))
