"""Sealed records as the services see them: placeholders in the clear
tables, contents in memory for those who hold the key.

A restricted record is *sealed* (``sealing`` seals it): its subject row in
``subjects`` becomes a placeholder (reference, status ``sealed``, nothing
else), its risk band sits beside it in ``sealed_records``, and its contents
are two blobs there, each AES-256-GCM under the record's key:

- the *head*: the subject's row and what the register, dashboard and review
  queue need of the rest (unreferred reports, unacknowledged referrals, open
  measures' review dates, when it closed, the ids of its rows);
- the *body*: its status changes, reports, referrals, measures, log
  entries and conflict bars, row by row.

For a user holding the key, the heads are opened once per session (the
register lists the record as if it were clear) and a body is loaded into
``sealed``, an in-memory database attached to the vault's connection with
the same tables and triggers as the register's, the first time a service
reads or changes that record. Services run the same SQL on ``main`` or
``sealed`` (``schema_for``). Whatever a write changes in ``sealed`` is
marked by triggers and sealed again into ``sealed_records`` inside the same
transaction, just before it commits (``before_commit``); nothing of a
sealed record is ever written to the database in clear.

Rules:
- A user who does not hold a record's key (off its list, or barred by a
  conflict of interest) gets ``PermissionDenied`` from every service, the
  same sentence as a restriction; the register shows them the placeholder.
- The mirror lives in memory only (``temp_store`` is memory too), is never
  part of a backup (backups export ``main``), and goes with the connection.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from console.audit import sealing_keys
from console.errors import PermissionDenied
from console.i18n import N_, _
from console.storage.connection import MIRROR

PLACEHOLDER_STATUS = "sealed"
# The tables of a subject's record that a sealed body holds, in the order
# they are loaded (each after those it refers to).
BODY_TABLES = ("status_changes", "intel_reports", "referrals", "measures", "measure_log",
               "conflicts")
_MIRRORED = ("subjects", *BODY_TABLES, "unreferred_reports")
REFUSED = N_("This record is restricted to named users (need-to-know); ask the governor "
              "if you need to see it.")


# The subject's columns in the order a head lists them (``"c": 1``): a head is
# opened for every sealed record at every governor's unlock, and a list
# parses in about half the time of the same row keyed by name. A later
# change of the subjects table adds a new order with its own number.
HEAD_COLUMNS = {1: ("id", "ref", "name", "staff_number", "role", "location",
                    "employment_type", "start_date", "categories", "status", "outcome",
                    "suspended", "restricted_duties", "likelihood", "impact",
                    "residual_likelihood", "residual_impact", "owner", "next_review", "notes",
                    "created_at", "updated_at")}
HEAD_FORMAT = 1


@dataclass
class Head:
    """What the register needs of a sealed record, from its head."""
    sid: int
    ref: str
    version: int
    row: dict
    unreferred: list = field(default_factory=list)   # [report id, received on]
    unack: list = field(default_factory=list)        # [referral id, referred on]
    reviews: list = field(default_factory=list)      # [measure id, review due]
    closed_at: str | None = None
    ids: dict = field(default_factory=dict)          # table -> [row ids]
    shown: object = None      # the Subject the register built from it (kept per session)

    def to_json(self) -> dict:
        cols = HEAD_COLUMNS[HEAD_FORMAT]
        return {"c": HEAD_FORMAT, "r": [self.row.get(c) for c in cols],
                "unreferred": self.unreferred, "unack": self.unack, "reviews": self.reviews,
                "closed_at": self.closed_at, "ids": self.ids}

    @classmethod
    def from_json(cls, sid: int, ref: str, version: int, doc: dict) -> "Head":
        row = dict(zip(HEAD_COLUMNS[doc["c"]], doc["r"]))
        return cls(sid, ref, version, row, doc.get("unreferred") or [],
                   doc.get("unack") or [], doc.get("reviews") or [], doc.get("closed_at"),
                   doc.get("ids") or {})


# -- the blobs ------------------------------------------------------------------------

def _aad(vault_id: str, ref: str, sid: int, version: int, kind: str) -> bytes:
    return f"gc record\x00{vault_id}\x00{ref}\x00{sid}\x00{version}\x00{kind}".encode("utf-8")


def seal_blob(vault_id: str, ref: str, sid: int, version: int, kind: str, key: bytes,
              doc) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    nonce = os.urandom(12)
    data = json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return nonce + AESGCM(bytes(key)).encrypt(nonce, data,
                                              _aad(vault_id, ref, sid, version, kind))


def open_blob(vault_id: str, ref: str, sid: int, version: int, kind: str, key: bytes,
              blob: bytes):
    """The document sealed in ``blob``; None if it does not open under ``key``."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    blob = bytes(blob)
    try:
        data = AESGCM(bytes(key)).decrypt(blob[:12], blob[12:],
                                          _aad(vault_id, ref, sid, version, kind))
    except (InvalidTag, ValueError):
        return None
    return json.loads(data)


def write_blobs(conn, vault_id: str, sid: int, ref: str, version: int, key: bytes,
                head: dict, body: dict, *, band: str | None = None) -> None:
    """Store a sealed record's head and body sealed under ``key`` (its
    ``sealed_records`` row must exist); ``band`` too when given."""
    conn.execute("INSERT OR REPLACE INTO main.sealed_heads(subject_id, head) VALUES (?, ?)",
                 (sid, seal_blob(vault_id, ref, sid, version, "head", key, head)))
    body_blob = seal_blob(vault_id, ref, sid, version, "body", key, body)
    if band is None:
        conn.execute("UPDATE main.sealed_records SET version = ?, body = ? WHERE "
                     "subject_id = ?", (version, body_blob, sid))
    else:
        conn.execute("UPDATE main.sealed_records SET version = ?, body = ?, band = ? WHERE "
                     "subject_id = ?", (version, body_blob, band, sid))


# -- reading a record's rows from either schema -----------------------------------------

def rows_of(conn, schema: str, table: str, sid: int) -> list[dict]:
    if table == "measure_log":
        where = f"measure_id IN (SELECT id FROM {schema}.measures WHERE subject_id = ?)"
    else:
        where = "subject_id = ?"
    order = " ORDER BY id" if table != "conflicts" else ""
    cur = conn.execute(f"SELECT * FROM {schema}.{table} WHERE {where}{order}", (sid,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def subject_row(conn, schema: str, sid: int) -> dict | None:
    cur = conn.execute(f"SELECT * FROM {schema}.subjects WHERE id = ?", (sid,))
    r = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], r)) if r else None


def head_of(conn, schema: str, sid: int, ref: str, version: int) -> Head:
    """The head of subject ``sid`` as its rows in ``schema`` stand."""
    q = lambda sql: [list(r) for r in conn.execute(sql.format(s=schema), (sid,))]  # noqa: E731
    ids = {t: [r["id"] for r in rows_of(conn, schema, t, sid)]
           for t in BODY_TABLES if t != "conflicts"}
    closed = conn.execute(f"SELECT max(at) FROM {schema}.status_changes WHERE subject_id = ? "
                          "AND to_status = 'closed'", (sid,)).fetchone()[0]
    return Head(sid, ref, version, subject_row(conn, schema, sid),
                q("SELECT report_id, received_on FROM {s}.unreferred_reports WHERE "
                  "subject_id = ? ORDER BY received_on"),
                q("SELECT id, referred_on FROM {s}.referrals WHERE subject_id = ? AND "
                  "acknowledged_on IS NULL ORDER BY referred_on"),
                q("SELECT id, review_due FROM {s}.measures WHERE subject_id = ? AND "
                  "status != 'ended' AND review_due IS NOT NULL ORDER BY review_due"),
                closed, ids)


def body_of(conn, schema: str, sid: int) -> dict:
    return {t: rows_of(conn, schema, t, sid) for t in BODY_TABLES}


def insert_rows(conn, schema: str, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    cols = [r[1] for r in conn.execute(f"PRAGMA {schema}.table_info({table})")]
    use = [c for c in cols if c in rows[0]]
    conn.executemany(f"INSERT INTO {schema}.{table}({', '.join(use)}) VALUES "
                     f"({', '.join('?' * len(use))})", [[r.get(c) for c in use] for r in rows])


# -- the store ------------------------------------------------------------------------

class Store:
    """One session's view of the sealed records (``store(vault)``)."""

    def __init__(self, vault):
        self.vault = vault
        self.conn = vault.conn
        self.tables = sealing_keys.keyring(vault).tables
        self._map: dict[int, tuple[str, str, int]] | None = None   # sid -> (ref, band, v)
        self._heads: dict[int, Head] | None = None
        self._by_id: dict[tuple[str, int], int] | None = None      # (table, id) -> sid
        self._mirror = False
        self._stash: dict[int, Head] = {}
        self._stale = False

    # -- what is sealed, and what this user holds --------------------------------------
    def sealed(self) -> dict[int, tuple[str, str, int]]:
        """sid -> (reference, band, key version) of every sealed record."""
        if self._map is None:
            with self.vault.guard():
                self._map = {} if not self.tables else {
                    sid: (ref, band, v) for sid, ref, band, v in self.conn.execute(
                        "SELECT r.subject_id, s.ref, r.band, r.version FROM "
                        "main.sealed_records r JOIN main.subjects s ON s.id = r.subject_id")}
        return self._map

    def heads(self) -> dict[int, Head]:
        """sid -> Head of every sealed record whose key this user holds."""
        if self._heads is None:
            heads: dict[int, Head] = {}
            sealed = self.sealed()
            if sealed:
                self._open_heads(sealed, heads)
            self._heads = heads
            self._by_id = None
        return self._heads

    def _open_heads(self, sealed, heads: dict) -> None:
        ring = sealing_keys.keyring(self.vault)
        if not any(ring.holds(ref) for ref, _band, _v in sealed.values()):
            return                  # holds no record key: nothing to read
        vid = self.vault.vault_id
        with self.vault.guard():
            blobs = self.conn.execute("SELECT subject_id, head FROM main.sealed_heads"
                                      ).fetchall()
        for sid, blob in blobs:
            ref, _band, version = sealed[sid]
            item = ring.current(ref)
            if item is None or item[0] != version:
                continue
            doc = open_blob(vid, ref, sid, version, "head", item[1], blob)
            if doc is not None:
                heads[sid] = Head.from_json(sid, ref, version, doc)

    def unheld(self) -> set[int]:
        """Sealed records this user cannot open."""
        return set(self.sealed()) - set(self.heads())

    def is_sealed(self, sid: int) -> bool:
        return sid in self.sealed()

    def owner_of(self, table: str, row_id: int) -> int | None:
        """The sealed record (held by this user) a row id belongs to."""
        if self._by_id is None:
            self._by_id = {(t, i): sid for sid, h in self.heads().items()
                           for t, ids in h.ids.items() for i in ids}
        return self._by_id.get((table, int(row_id)))

    def rows(self) -> dict[int, dict]:
        """sid -> subject row of every sealed record this user holds, as it
        stands in this write (the mirror's row where the record is loaded)."""
        out = {sid: h.row for sid, h in self.heads().items()}
        if out and self.mirror_exists():
            with self.vault.guard():
                cur = self.conn.execute(f"SELECT * FROM {MIRROR}.subjects")
                names = [d[0] for d in cur.description]
                fetched = cur.fetchall()
            for r in fetched:
                row = dict(zip(names, r))
                if row["id"] in out:
                    out[row["id"]] = row
        return out

    def mirror_exists(self) -> bool:
        if self._mirror:
            return True
        with self.vault.guard():
            return self.conn.execute(f"SELECT 1 FROM {MIRROR}.sqlite_master WHERE "
                                     "name = 'loaded'").fetchone() is not None

    def schema_for(self, sid: int) -> str:
        """'main' for a clear record; 'sealed' for a sealed one this user
        holds (its body loaded into the mirror); PermissionDenied otherwise."""
        if sid not in self.sealed():
            return "main"
        if sid not in self.heads():
            raise PermissionDenied(_(REFUSED))
        self.load(sid)
        return MIRROR

    # -- the mirror ----------------------------------------------------------------------
    def ensure_mirror(self) -> None:
        if self._mirror:
            return
        with self.vault.guard():
            self._make_mirror()
        self._mirror = True

    def _make_mirror(self) -> None:
        conn = self.conn
        if not conn.execute(f"SELECT 1 FROM {MIRROR}.sqlite_master WHERE name = 'loaded'"
                            ).fetchone():
            for kind, name, sql in conn.execute(
                    "SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND "
                    "((type = 'table' AND name IN (SELECT value FROM json_each(?))) OR "
                    "(type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?)))) "
                    "ORDER BY type = 'trigger'", (json.dumps(_MIRRORED),
                                                   json.dumps(_MIRRORED))).fetchall():
                word = "CREATE TABLE " if kind == "table" else "CREATE TRIGGER "
                conn.execute(sql.replace(word, f"{word}{MIRROR}.", 1))
            conn.execute(f"CREATE TABLE {MIRROR}.loaded (subject_id INTEGER PRIMARY KEY)")
            conn.execute(f"CREATE TABLE {MIRROR}.dirty (subject_id INTEGER PRIMARY KEY)")
            for table in ("subjects", *BODY_TABLES):
                if table == "subjects":
                    new, old = "NEW.id", "OLD.id"
                elif table == "measure_log":
                    new = "(SELECT subject_id FROM measures WHERE id = NEW.measure_id)"
                    old = "(SELECT subject_id FROM measures WHERE id = OLD.measure_id)"
                else:
                    new, old = "NEW.subject_id", "OLD.subject_id"
                for event, who in (("INSERT", new), ("UPDATE", new), ("DELETE", old)):
                    conn.execute(
                        f"CREATE TRIGGER {MIRROR}.dirty_{table}_{event.lower()} AFTER {event} "
                        f"ON {table} BEGIN INSERT OR IGNORE INTO dirty(subject_id) "
                        f"SELECT {who} WHERE {who} IS NOT NULL; END")

    def load(self, sid: int) -> None:
        """Put record ``sid``'s rows into the mirror (once per session). In a
        write of its own when called outside one, so no transaction is left
        open behind a read."""
        self.ensure_mirror()
        conn = self.conn
        with self.vault.guard():
            if conn.execute(f"SELECT 1 FROM {MIRROR}.loaded WHERE subject_id = ?",
                            (sid,)).fetchone():
                return
            blob = conn.execute("SELECT body FROM main.sealed_records WHERE subject_id = ?",
                                (sid,)).fetchone()[0]
        head = self.heads()[sid]
        item = sealing_keys.keyring(self.vault).current(head.ref)
        body = open_blob(self.vault.vault_id, head.ref, sid, head.version, "body", item[1], blob)
        if body is None:
            raise PermissionDenied(_(REFUSED))
        with self.vault.write():
            insert_rows(conn, MIRROR, "subjects", [head.row])
            for table in BODY_TABLES:
                insert_rows(conn, MIRROR, table, body.get(table) or [])
            conn.execute(f"INSERT INTO {MIRROR}.loaded(subject_id) VALUES (?)", (sid,))
            conn.execute(f"DELETE FROM {MIRROR}.dirty WHERE subject_id = ?", (sid,))

    def forget(self, sid: int) -> None:
        """Take record ``sid`` out of the mirror (it was unsealed or deleted)."""
        if not self._mirror:
            return
        conn = self.conn
        conn.execute(f"DELETE FROM {MIRROR}.measure_log WHERE measure_id IN (SELECT id FROM "
                     f"{MIRROR}.measures WHERE subject_id = ?)", (sid,))
        for table in reversed(BODY_TABLES):
            if table != "measure_log":
                conn.execute(f"DELETE FROM {MIRROR}.{table} WHERE subject_id = ?", (sid,))
        conn.execute(f"DELETE FROM {MIRROR}.subjects WHERE id = ?", (sid,))
        conn.execute(f"DELETE FROM {MIRROR}.loaded WHERE subject_id = ?", (sid,))
        conn.execute(f"DELETE FROM {MIRROR}.dirty WHERE subject_id = ?", (sid,))

    # -- sealing again what a write changed -------------------------------------------
    def before_commit(self) -> None:
        if not self._mirror:
            return
        conn = self.conn
        dirty = [r[0] for r in conn.execute(f"SELECT subject_id FROM {MIRROR}.dirty")]
        if not dirty:
            return
        ring = sealing_keys.keyring(self.vault)
        vid = self.vault.vault_id
        from console.records.rules import rag
        for sid in dirty:
            row = conn.execute("SELECT s.ref, r.version FROM main.sealed_records r JOIN "
                               "main.subjects s ON s.id = r.subject_id WHERE r.subject_id = ?",
                               (sid,)).fetchone()
            if row is None or subject_row(conn, MIRROR, sid) is None:
                continue    # unsealed or deleted in this write: nothing to seal again
            ref, version = row
            item = ring.current(ref)
            if item is None or item[0] != version:
                raise PermissionDenied(_(REFUSED))
            head = head_of(conn, MIRROR, sid, ref, version)
            write_blobs(conn, vid, sid, ref, version, item[1], head.to_json(),
                        body_of(conn, MIRROR, sid),
                        band=rag(head.row["likelihood"], head.row["impact"]))
            self._stash[sid] = head
        conn.execute(f"DELETE FROM {MIRROR}.dirty")

    def after_commit(self) -> None:
        stash, self._stash = self._stash, {}
        if self._stale:
            self._stale = False
            self._map = self._heads = self._by_id = None
            return
        if stash and self._heads is not None:
            for sid, head in stash.items():
                if sid in self._heads:
                    self._heads[sid] = head
                    if self._map is not None and sid in self._map:
                        ref, _band, v = self._map[sid]
                        from console.records.rules import rag
                        self._map[sid] = (ref, rag(head.row["likelihood"], head.row["impact"]),
                                          v)
            self._by_id = None

    def rolled_back(self) -> None:
        self._stash = {}
        self._mirror = False     # tables made in the write went with it: look again
        if self._stale:
            self._stale = False
            self._map = self._heads = self._by_id = None
            # The mirror's rows rolled back with the write; what it loaded
            # in that write is no longer there, nor marked loaded.

    def changed(self) -> None:
        """What is sealed, or who holds what, changed in this write: read it
        all again once the write is over."""
        self._stale = True


def store(vault) -> Store:
    """The session's store of sealed records (made on first use)."""
    s = vault.sealed
    if s is None or s.conn is not vault.conn:
        if s is not None and s in vault.commit_hooks:
            vault.commit_hooks.remove(s)
        s = Store(vault)
        vault.sealed = s
        vault.commit_hooks.append(s)
    return s


def locate(vault, table: str, row_id, missing: str) -> tuple[str, int]:
    """(schema, subject id) of row ``row_id`` of ``table`` (a table with a
    ``subject_id`` column): in the clear tables, or in a sealed record this
    user holds. NotFound with ``missing`` when it is nowhere they can see;
    PermissionDenied when it may be in a sealed record they cannot open."""
    from console.errors import NotFound
    from console.records import ids
    rows = vault.query(f"SELECT subject_id FROM main.{table} WHERE id = ?", (row_id,))
    if rows:
        return "main", rows[0][0]
    st = store(vault)
    if st.sealed():
        if st.mirror_exists():
            rows = vault.query(f"SELECT subject_id FROM {MIRROR}.{table} WHERE id = ?",
                               (row_id,))
            if rows:
                return MIRROR, rows[0][0]
        sid = st.owner_of(table, row_id)
        if sid is not None:
            return st.schema_for(sid), sid
    if ids.might_be_sealed(vault, table, row_id):
        raise PermissionDenied(_(REFUSED))
    raise NotFound(_(missing))
