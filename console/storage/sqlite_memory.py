"""A larger lookaside for each vault connection.

Why this pays: with ``cipher_memory_security`` on (see ``vault._connect``),
SQLCipher locks every block SQLite takes from the heap into RAM and wipes it
on release, two system calls per block. A write through the services makes
about a hundred such blocks per transaction (cursors, bound text, records),
and the vault workload ran 1.8x plain SQLite because of it. SQLite's
lookaside is a per-connection pool that it carves small blocks from without
calling the allocator; the default pool (40 slots) is held by the cached
statements, so nearly every block missed it. A pool of 1,000 slots, itself
allocated, locked and wiped once through the same allocator, takes almost
all of them (``bench/bench_vault.py`` measures the effect).

The Python binding gives no way to call ``sqlite3_db_config`` on its
connection, so this reads the connection's ``sqlite3 *`` (the first field
after the object header in pysqlite's ``Connection``, unchanged since
pysqlite 2) and calls SQLite in the binding's own library through ctypes.
It is a speed-up only: when anything does not match what is expected (the
library, the handle, SQLite's answer) the connection is left as it was.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

SQLITE_DBCONFIG_LOOKASIDE = 1001
SQLITE_DBSTATUS_LOOKASIDE_USED = 0
SLOT_SIZE = 1200  # SQLite's own default slot size
SLOTS = 1000      # about 1.2 MB per connection

_lib = None


def _library(module):
    """The shared library of the binding's C extension, with the signatures
    used here, or None where it cannot be loaded."""
    global _lib
    if _lib is None:
        try:
            lib = ctypes.CDLL(module._sqlite3.__file__)
            lib.sqlite3_db_config.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                                              ctypes.c_int, ctypes.c_int]
            lib.sqlite3_db_config.restype = ctypes.c_int
            lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
            lib.sqlite3_db_filename.restype = ctypes.c_char_p
            lib.sqlite3_db_status.argtypes = [ctypes.c_void_p, ctypes.c_int,
                                              ctypes.POINTER(ctypes.c_int),
                                              ctypes.POINTER(ctypes.c_int), ctypes.c_int]
            lib.sqlite3_db_status.restype = ctypes.c_int
        except (AttributeError, OSError):
            lib = False
        _lib = lib
    return _lib or None


def _handle(conn, lib, db_path: Path):
    """The connection's ``sqlite3 *``, checked by asking SQLite which file it
    has open; None when the check fails."""
    if type(conn).__basicsize__ < object.__basicsize__ + ctypes.sizeof(ctypes.c_void_p):
        return None
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        return None
    name = lib.sqlite3_db_filename(handle, b"main")
    if not name or os.path.realpath(os.fsdecode(name)) != os.path.realpath(db_path):
        return None
    return handle


def enlarge_lookaside(module, conn, db_path: Path) -> bool:
    """Give ``conn`` (a fresh connection from ``module``, before any
    statement has run) a lookaside of ``SLOTS`` slots. True when it took."""
    lib = _library(module)
    if lib is None:
        return False
    handle = _handle(conn, lib, Path(db_path))
    if handle is None:
        return False
    return lib.sqlite3_db_config(handle, SQLITE_DBCONFIG_LOOKASIDE, None,
                                 SLOT_SIZE, SLOTS) == 0


def lookaside_slots_used(module, conn, db_path: Path) -> int | None:
    """The most lookaside slots ``conn`` has held at once (for the tests)."""
    lib = _library(module)
    handle = _handle(conn, lib, Path(db_path)) if lib else None
    if handle is None:
        return None
    current, highest = ctypes.c_int(), ctypes.c_int()
    lib.sqlite3_db_status(handle, SQLITE_DBSTATUS_LOOKASIDE_USED, ctypes.byref(current),
                          ctypes.byref(highest), 0)
    return highest.value
