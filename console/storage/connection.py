"""Opening the vault's SQLCipher connection: the one place its settings live.

``connect(db_path, data_key)`` opens the database with the raw data key and
sets up the connection as every vault connection must be:

- SQLCipher's memory security is on for the process before the connection
  exists, so all it allocates is locked in RAM and wiped on release, and the
  connection gets a larger lookaside (``sqlite_memory``);
- the key is handed to SQLCipher from a buffer filled and zeroed here, never
  as the hex text of a ``PRAGMA key`` statement (``sqlite_memory.hand_key``;
  the pragma only where the binding's handle cannot be reached safely);
- write-ahead log, full syncs (``F_FULLFSYNC`` on macOS), foreign keys,
  sorting and temporary tables in memory, and ``secure_delete``, so rows
  deleted or overwritten (a record sealed, erased or changed) are zeroed in
  their pages rather than left in the file's free space;
- ``MIRROR``, an empty in-memory schema where the records room keeps the
  sealed records this user opened (``console.records.sealed``): never on
  disk, never in a backup (backups export ``main``).

Returns the connection, or raises the driver's error (closing it first).

``database(conn)`` wraps a connection in sqlite-utils' ``Database`` without
running sqlite-utils plugins: a plugin is any installed package that says it
is one, and would be handed the unlocked connection (it also costs a scan of
every installed package's metadata, tens of milliseconds, at the first
unlock of a session).
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from console.storage import sqlite_memory

MIRROR = "sealed"


def connect(db_path: Path, data_key):
    """Open the database with a raw key (bytes or bytearray)."""
    sqlite_memory.memory_security_on(sqlcipher3)
    conn = sqlcipher3.connect(str(db_path), check_same_thread=False)
    try:
        # Before any statement: SQLite refuses a new lookaside while one is in use.
        sqlite_memory.enlarge_lookaside(sqlcipher3, conn, db_path)
        conn.execute("PRAGMA cipher_log_level = NONE")
        if not sqlite_memory.hand_key(sqlcipher3, conn, db_path, data_key):
            conn.execute(f"PRAGMA key = \"x'{bytes(data_key).hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        # On macOS fsync() leaves writes in the drive's cache; F_FULLFSYNC
        # reaches the disk, which the crash-safety claims rely on. Elsewhere
        # SQLite has no such call and these are no-ops.
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA checkpoint_fullfsync = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"ATTACH DATABASE ':memory:' AS {MIRROR} KEY ''")
    except BaseException:
        conn.close()
        raise
    return conn


def database(conn):
    """sqlite-utils' ``Database`` over ``conn``, with no plugin run on it."""
    from sqlite_utils import Database
    return Database(conn, execute_plugins=False)
