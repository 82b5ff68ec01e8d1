"""SQLAlchemy engines for the two stores, and the one place driver errors
become a plain sentence.

The SQLite store is a SQLCipher 4 database opened with a raw 256-bit key,
exactly as a vault is (memory security on, WAL, full sync, temporary data in
memory), with a larger page cache, through ``sqlcipher3`` handed to
SQLAlchemy's pysqlite dialect; one connection (``StaticPool``) that a single
thread uses at a time. The server store uses psycopg 3.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from console.errors import ConsoleError, storage_error
from console.i18n import N_, _
from hq.errors import StoreDamaged, StoreInUse, StoreUnreachable
from hq.store.location import POSTGRESQL, Location

DAMAGED = (N_("The HQ store's database is damaged or is not an HQ store; restore it from your "
             "backup."))
UNREACHABLE = (N_("The HQ database server could not be reached or refused the connection; check "
                 "the URL, that the server is running and that this account may connect, then "
                 "try again."))


CACHE_KIB = 64 * 1024


def sqlcipher_connect(path: Path, key: bytes):
    import sqlcipher3

    from console.storage import sqlite_memory
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        sqlite_memory.enlarge_lookaside(sqlcipher3, conn, path)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # A page read from the file is decrypted and checked again each time
        # it comes back into SQLite's cache; the default cache (2 MiB) is
        # soon smaller than what an ingest touches, which then costs more in
        # decryption than in storing. 64 MiB, taken only as it is used.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except BaseException:
        conn.close()
        raise
    return conn


def sqlite_engine(path: Path, key: bytes):
    """(engine, its one raw connection): the caller closes the connection,
    since ``StaticPool`` keeps it through ``dispose()``."""
    import sqlcipher3
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    first = sqlcipher_connect(path, key)   # fails here, not on first use
    # Transactions begin when SQLAlchemy begins one, not when the driver
    # guesses (its own rule opens none before some statements, a SAVEPOINT
    # among them, which would then commit on their own).
    first.isolation_level = None
    engine = create_engine("sqlite+pysqlite://", module=sqlcipher3, creator=lambda: first,
                           poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")
    return engine, first


def postgresql_engine(location: Location):
    from sqlalchemy import create_engine
    return create_engine(location.sqlalchemy_url(), pool_size=2, max_overflow=2,
                         pool_pre_ping=True, connect_args={"connect_timeout": 10,
                                                           "application_name": "hq"})


def translate(exc: BaseException, kind: str) -> ConsoleError:
    """A driver or SQLAlchemy error as a ConsoleError (never its text, which
    may quote data or a URL)."""
    if isinstance(exc, ConsoleError):
        return exc
    if isinstance(exc, OSError):
        return storage_error(exc) or StoreDamaged(_(DAMAGED))
    from sqlalchemy import exc as sa_exc
    orig = getattr(exc, "orig", exc)
    text = str(orig).lower()
    if kind == POSTGRESQL:
        if isinstance(exc, sa_exc.OperationalError) or "connection" in text:
            return StoreUnreachable(_(UNREACHABLE))
        if "permission denied" in text:
            return StoreUnreachable(_("The HQ database refused this account the access it needs; "
                                      "ask the database administrator."))
        return StoreDamaged(_("The HQ database rejected a change it should have accepted; check "
                              "it was created with 'hq init' and try again."))
    if "full" in text or "too big" in text or "disk i/o" in text:
        from console.errors import storage_full
        return storage_full()
    if "locked" in text or "busy" in text:
        return StoreInUse(_("The HQ store is busy in another program; close it there and try "
                            "again."))
    return StoreDamaged(_(DAMAGED))


@contextlib.contextmanager
def guarded(kind: str):
    """Translate every driver, SQLAlchemy and OS error raised in the block."""
    from sqlalchemy.exc import SQLAlchemyError
    try:
        yield
    except ConsoleError:
        raise
    except SQLAlchemyError as exc:
        raise translate(exc, kind) from None
    except OSError as exc:
        raise translate(exc, kind) from None
    except Exception as exc:
        # sqlcipher3's and psycopg's own classes, raised outside SQLAlchemy
        mod = type(exc).__module__
        if mod.startswith(("sqlcipher3", "psycopg")):
            raise translate(exc, kind) from None
        raise
