"""Many rows into one table, past SQLAlchemy's per-row work.

Ingest stores about 250 rows a briefing; SQLAlchemy's ``insert()`` builds
and type-processes a parameter dictionary for each, which cost HQ more than
SQLite's own work. Every column of the HQ tables is text, an integer or a
boolean, which both drivers (sqlcipher3, psycopg) take as they are, so the
rows go to the driver as tuples, through one statement written once per
dialect, table and column list (``insert_many``), or through a statement
written out in SQL both stores read alike (``execute_many``).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=64)
def _insert(preparer, table, columns: tuple[str, ...]) -> str:
    return (f"INSERT INTO {preparer.format_table(table)} "
            f"({', '.join(preparer.quote(c) for c in columns)}) "
            f"VALUES ({', '.join(['?'] * len(columns))})")


def insert_many(conn, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``."""
    if rows:
        unknown = set(columns) - set(table.c.keys())
        if unknown:
            raise ValueError(f"{table.name} has no column {sorted(unknown)[0]}")
        execute_many(conn, _insert(conn.dialect.identifier_preparer, table, columns), rows)


@lru_cache(maxsize=64)
def _marked(paramstyle: str, sql: str) -> str:
    return sql if paramstyle == "qmark" else sql.replace("?", "%s")


def execute_many(conn, sql: str, rows: list[tuple]) -> None:
    """Run ``sql``, written with ``?`` for each value (and no other ``?`` or
    ``%``), once per row of ``rows`` (tuples)."""
    if rows:
        conn.exec_driver_sql(_marked(conn.dialect.paramstyle, sql), rows)
