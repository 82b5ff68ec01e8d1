"""Ids for the rows of a subject's record, unique across the clear tables and
every sealed record.

A sealed record's reports, referrals, measures, log entries and status
changes live in its sealed body, not in the clear tables, so SQLite's own
choice of id (one more than the largest in the table) could hand a new row
an id a sealed row already has. ``id_floor`` keeps, per table, the highest
id ever given to a row that is not in the clear table; every new row gets
one more than the larger of that and the table's own largest id.

Rules: ``new_id`` for every insert into these tables, in the clear tables
or a sealed record's (``schema`` names which); ``raise_floor`` when rows
leave a clear table for a sealed record. On a vault not yet upgraded (no
``id_floor`` table) SQLite chooses, as before.
"""

from __future__ import annotations

TABLES = ("status_changes", "intel_reports", "referrals", "measures", "measure_log")


def _upgraded(vault) -> bool:
    from console.audit import sealing_keys
    return sealing_keys.keyring(vault).tables


def new_id(vault, table: str, schema: str = "main") -> int | None:
    """The id for a new row of ``table``; in a sealed record (``schema`` not
    'main') the floor is raised to it. None on a vault not yet upgraded."""
    if table not in TABLES:
        raise ValueError(f"{table!r} is not a table of a subject's record")
    if not _upgraded(vault):
        return None
    conn = vault.conn
    (new,) = conn.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM main.{table}), 0), "
        "coalesce((SELECT id FROM main.id_floor WHERE tbl = ?), 0)) + 1", (table,)).fetchone()
    if schema != "main":
        raise_floor(conn, table, new)
    return new


def raise_floor(conn, table: str, value: int | None) -> None:
    if value:
        conn.execute("INSERT INTO main.id_floor(tbl, id) VALUES (?, ?) ON CONFLICT(tbl) DO "
                     "UPDATE SET id = max(id, excluded.id)", (table, int(value)))


def might_be_sealed(vault, table: str, row_id: int) -> bool:
    """Could a row of ``table`` with this id be in a sealed record (it is not
    in the clear table, and ids that high have been given)?"""
    if not _upgraded(vault):
        return False
    row = vault.conn.execute("SELECT id FROM main.id_floor WHERE tbl = ?", (table,)).fetchone()
    return bool(row) and 0 < int(row_id) <= int(row[0])
