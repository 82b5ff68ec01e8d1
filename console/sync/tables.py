"""The sync room's own tables, made when first needed (``ensure_home`` on the
governor's vault, ``ensure_replica`` on a replica), so no migration of the
register's schema is involved.

Governor's vault:
- ``sync_replicas``: each replica made: its user, its public key (packs for
  it are encrypted to it), the update number last sent, the last change pack
  taken in (number and hash) and the highest operation applied from it;
- ``sync_applied``: one row per operation taken in, keyed (origin, seq) with
  the operation's hash unique, written with ``INSERT ... ON CONFLICT DO
  NOTHING``: the same operation is never applied twice;
- ``sync_decisions``: proposed changes that met a record that had moved on,
  each pointing at the chain entry that holds it (sealed with the record when
  the record is sealed), until the governor decides.

A replica:
- ``replica_meta`` (its presence marks the database as a replica, see
  ``console.audit.replay``): one row of key/value pairs;
- ``sync_ops``: the operations made on the replica, in order, with the form
  their author signed.

Nothing here holds a name or a record's text in clear except ``sync_ops``,
which sits inside the replica's encrypted database like the records it
changed.
"""

from __future__ import annotations

HOME = """
CREATE TABLE IF NOT EXISTS sync_replicas (
    replica_id TEXT PRIMARY KEY, user TEXT NOT NULL, created_at TEXT NOT NULL,
    created_seq INTEGER NOT NULL, replica_key TEXT NOT NULL,
    update_no INTEGER NOT NULL DEFAULT 0, last_update TEXT,
    pack_no INTEGER NOT NULL DEFAULT 0, pack_hash TEXT, last_contact TEXT,
    op_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS sync_applied (
    origin TEXT NOT NULL, seq INTEGER NOT NULL, op_hash TEXT NOT NULL UNIQUE,
    audit_seq INTEGER, outcome TEXT NOT NULL, local_id INTEGER, new_id INTEGER,
    PRIMARY KEY (origin, seq));
CREATE TABLE IF NOT EXISTS sync_decisions (
    id INTEGER PRIMARY KEY, origin TEXT NOT NULL, seq INTEGER NOT NULL,
    ref TEXT NOT NULL, measure_id INTEGER NOT NULL, audit_seq INTEGER NOT NULL,
    decided TEXT, decided_by TEXT, decided_at TEXT);
"""
HOME_TABLES = ("sync_replicas", "sync_applied", "sync_decisions")

REPLICA = """
CREATE TABLE IF NOT EXISTS replica_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sync_ops (
    op_seq INTEGER PRIMARY KEY, op_hash TEXT NOT NULL UNIQUE, op TEXT NOT NULL);
"""


def has(conn, name: str, schema: str = "main") -> bool:
    return conn.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND "
                        "name = ?", (name,)).fetchone() is not None


def ensure_home(conn) -> None:
    if not has(conn, "sync_decisions"):
        conn.executescript(HOME) if not conn.in_transaction else _each(conn, HOME)


def _each(conn, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def ensure_replica(conn, schema: str = "main") -> None:
    _each(conn, REPLICA.replace("EXISTS ", f"EXISTS {schema}."))


def is_replica(vault) -> bool:
    with vault.guard():
        return has(vault.conn, "replica_meta")


def meta(conn) -> dict:
    import json
    return {k: json.loads(v) for k, v in conn.execute("SELECT key, value FROM replica_meta")}


def set_meta(conn, schema: str = "main", **values) -> None:
    import json
    for k, v in values.items():
        conn.execute(f"INSERT INTO {schema}.replica_meta(key, value) VALUES (?, ?) ON "
                     "CONFLICT(key) DO UPDATE SET value = excluded.value", (k, json.dumps(v)))


class writable:
    """Lets the sync room write to a replica that opens read-only (sending
    its changes and taking in a refresh are what a stale replica needs)."""

    def __init__(self, vault):
        self.vault = vault

    def __enter__(self):
        self.saved, self.vault.read_only = self.vault.read_only, None
        return self.vault

    def __exit__(self, *exc):
        self.vault.read_only = self.saved
