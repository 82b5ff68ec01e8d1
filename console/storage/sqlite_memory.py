"""SQLCipher's memory security for the process, a larger lookaside for each
vault connection, and the key handed to SQLCipher without a text copy.

Memory security (``PRAGMA cipher_memory_security``) is a switch for the
whole process in SQLCipher, which only turns on: from then on every block
SQLite takes from the heap is locked into RAM and wiped on release.
``memory_security_on`` turns it on before a vault connection exists, so
everything that connection allocates, its lookaside pool included, is
locked and wiped.

Why a larger lookaside pays: with memory security on, each heap block costs
two system calls (``mlock``, ``munlock``). A write through the services
makes about a hundred such blocks per transaction (cursors, bound text,
records), and the vault workload ran 1.8x plain SQLite because of it.
SQLite's lookaside is a per-connection pool that it carves small blocks
from without calling the allocator; the default pool (40 slots) is held by
the cached statements, so nearly every block missed it. A pool of 1,000
slots, itself allocated, locked and wiped once, takes almost all of them
(``bench/bench_vault.py`` measures the effect).

The Python binding gives no way to call ``sqlite3_db_config`` on its
connection, so this reads the connection's ``sqlite3 *`` from the binding's
``Connection`` object and calls SQLite in the binding's own library through
ctypes. It is a speed-up only, taken when every check passes and otherwise
left out (the connection stays as it was):

- The layout is known before anything is dereferenced: ``_ConnectionLayout``
  mirrors the binding's C struct (sqlcipher3 0.5 and 0.6, ``src/connection.h``);
  its size must equal the type's, and the Python objects the struct points to
  (type, isolation level, factories, the ten exception classes) must be the
  ones the connection shows. Only memory inside the object itself is read.
- ``sqlite3_db_config`` is variadic. ctypes passes variadic arguments the
  platform's variadic way (on macOS arm64 they go on the stack, not in
  registers) only when ``argtypes`` lists the fixed arguments alone and the
  others are passed as ctypes values; that is how it is called here, and a
  probe through the C library's ``snprintf``, called the same way, must read
  back what it was given before SQLite is called so.
- SQLite must then name the vault's own file through the handle, and accept
  the new pool.

The key (``hand_key``): ``PRAGMA key = "x'<64 hex digits>'"`` builds the raw
key's hex text as a Python string, and the statement that carried it, none
of which Python can wipe. Through the same handle, ``sqlite3_key_v2`` (and
``sqlite3_rekey_v2``) take that text from a ctypes buffer filled here digit
by digit from the key's bytes and zeroed as soon as SQLCipher has copied it
(SQLCipher wipes its own copy once the key is derived, memory security being
on). Where the handle cannot be reached safely the caller falls back to the
pragma (and the text copy it makes).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path

SQLITE_DBCONFIG_LOOKASIDE = 1001
SQLITE_DBSTATUS_LOOKASIDE_USED = 0
SLOT_SIZE = 1200  # SQLite's own default slot size
SLOTS = 1000      # about 1.2 MB per connection

_EXCEPTIONS = ("Warning", "Error", "InterfaceError", "DatabaseError", "DataError",
               "OperationalError", "IntegrityError", "InternalError", "ProgrammingError",
               "NotSupportedError")


class _ConnectionLayout(ctypes.Structure):
    """pysqlite's ``Connection`` struct as sqlcipher3 0.5-0.6 define it;
    ctypes lays it out with the platform's C alignment rules."""
    _fields_ = [
        ("ob_refcnt", ctypes.c_ssize_t),
        ("ob_type", ctypes.c_void_p),
        ("db", ctypes.c_void_p),
        ("detect_types", ctypes.c_int),
        ("timeout", ctypes.c_double),
        ("timeout_started", ctypes.c_double),
        ("isolation_level", ctypes.c_void_p),
        ("begin_statement", ctypes.c_void_p),
        ("check_same_thread", ctypes.c_int),
        ("initialized", ctypes.c_int),
        ("thread_ident", ctypes.c_ulong),
        ("statement_cache", ctypes.c_void_p),
        ("statements", ctypes.c_void_p),
        ("cursors", ctypes.c_void_p),
        ("blobs", ctypes.c_void_p),
        ("created_statements", ctypes.c_int),
        ("created_cursors", ctypes.c_int),
        ("row_factory", ctypes.c_void_p),
        ("text_factory", ctypes.c_void_p),
        ("trace_callback", ctypes.c_void_p),
        ("progress_handler", ctypes.c_void_p),
        ("authorizer_cb", ctypes.c_void_p),
        ("busy_handler_cb", ctypes.c_void_p),
        ("collations", ctypes.c_void_p),
        *((name, ctypes.c_void_p) for name in _EXCEPTIONS),
    ]


_lib = None
_variadic_ok = None
_security_on = False


def memory_security_on(module) -> None:
    """Switch SQLCipher's memory security on for this process (once), before
    any vault connection allocates. It cannot be switched off again."""
    global _security_on
    if _security_on:
        return
    conn = module.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_memory_security = ON")
    finally:
        conn.close()
    _security_on = True


def _library(module):
    """The shared library of the binding's C extension, with the signatures
    used here, or None where it cannot be loaded."""
    global _lib
    if _lib is None:
        try:
            lib = ctypes.CDLL(module._sqlite3.__file__)
            # Variadic: the fixed arguments only (see the module's docstring).
            lib.sqlite3_db_config.argtypes = [ctypes.c_void_p, ctypes.c_int]
            lib.sqlite3_db_config.restype = ctypes.c_int
            lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
            lib.sqlite3_db_filename.restype = ctypes.c_char_p
            lib.sqlite3_db_status.argtypes = [ctypes.c_void_p, ctypes.c_int,
                                              ctypes.POINTER(ctypes.c_int),
                                              ctypes.POINTER(ctypes.c_int), ctypes.c_int]
            lib.sqlite3_db_status.restype = ctypes.c_int
            for name in ("sqlite3_key_v2", "sqlite3_rekey_v2"):
                fn = getattr(lib, name)
                fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int]
                fn.restype = ctypes.c_int
        except (AttributeError, OSError):
            lib = False
        _lib = lib
    return _lib or None


def _c_snprintf():
    """The C library's ``snprintf`` with its fixed arguments declared, or None."""
    try:
        if sys.platform == "win32":
            func = ctypes.cdll.msvcrt._snprintf
        else:
            name = ctypes.util.find_library("c")
            func = (ctypes.CDLL(name) if name else ctypes.CDLL(None)).snprintf
    except (AttributeError, OSError):
        return None
    func.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]
    func.restype = ctypes.c_int
    return func


def variadic_calls_work(snprintf=None) -> bool:
    """Whether ctypes passes variadic arguments so that C reads them back:
    a pointer and two ints after the fixed arguments, as in the lookaside
    call. A platform that passed them the fixed way would make ``snprintf``
    read other values (harmlessly: ``%p`` and ``%d`` dereference nothing)."""
    global _variadic_ok
    if snprintf is None and _variadic_ok is not None:
        return _variadic_ok
    func = snprintf or _c_snprintf()
    ok = False
    if func is not None:
        buf = ctypes.create_string_buffer(64)
        pointer, first, second = 0x5EED1234, SLOT_SIZE, SLOTS
        func(buf, len(buf), b"%p %d %d", ctypes.c_void_p(pointer), ctypes.c_int(first),
             ctypes.c_int(second))
        words = buf.value.split()
        try:
            ok = (len(words) == 3 and int(words[0], 16) == pointer
                  and int(words[1]) == first and int(words[2]) == second)
        except ValueError:
            ok = False
    if snprintf is None:
        _variadic_ok = ok
    return ok


def _layout_matches(conn) -> bool:
    """True when ``conn`` is laid out as ``_ConnectionLayout``, checked by
    reading only the object's own memory."""
    if type(conn).__basicsize__ != ctypes.sizeof(_ConnectionLayout):
        return False
    layout = _ConnectionLayout.from_address(id(conn))
    try:
        expected = {
            "ob_type": type(conn), "isolation_level": conn.isolation_level,
            "row_factory": conn.row_factory, "text_factory": conn.text_factory,
            **{name: getattr(conn, name) for name in _EXCEPTIONS},
        }
    except AttributeError:
        return False
    return all(getattr(layout, field) == id(obj) for field, obj in expected.items())


def _handle(conn, lib, db_path: Path):
    """The connection's ``sqlite3 *`` once the layout is known to be right,
    confirmed by asking SQLite which file it has open; else None."""
    if not _layout_matches(conn):
        return None
    handle = _ConnectionLayout.from_address(id(conn)).db
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
    if lib is None or not variadic_calls_work():
        return False
    handle = _handle(conn, lib, Path(db_path))
    if handle is None:
        return False
    return lib.sqlite3_db_config(handle, SQLITE_DBCONFIG_LOOKASIDE, ctypes.c_void_p(None),
                                 ctypes.c_int(SLOT_SIZE), ctypes.c_int(SLOTS)) == 0


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


_HEX = b"0123456789abcdef"


def hand_key(module, conn, db_path: Path, key, *, rekey: bool = False) -> bool:
    """Key (or, with ``rekey``, re-encrypt) ``conn``'s main database with the
    raw ``key`` (bytes or bytearray) without a Python string of its hex
    text. True when SQLCipher accepted it; False when the handle could not
    be reached safely (nothing was done)."""
    lib = _library(module)
    handle = _handle(conn, lib, Path(db_path)) if lib else None
    if handle is None:
        return False
    size = 3 + 2 * len(key)
    buf = (ctypes.c_ubyte * size)()
    try:
        buf[0], buf[1], buf[size - 1] = 0x78, 0x27, 0x27        # x ' ... '
        for i, b in enumerate(key):
            buf[2 + 2 * i] = _HEX[b >> 4]
            buf[3 + 2 * i] = _HEX[b & 15]
        fn = lib.sqlite3_rekey_v2 if rekey else lib.sqlite3_key_v2
        rc = fn(handle, b"main", ctypes.cast(buf, ctypes.c_void_p), size)
    finally:
        ctypes.memset(buf, 0, size)
    return rc == 0


def wipe(data) -> None:
    """Zero a key's bytes in place: a bytearray directly; a bytes object (as
    the cryptography library returns them) in its buffer, which nothing else
    may share (never a one-byte or empty value, which CPython shares)."""
    if isinstance(data, bytearray):
        data[:] = bytes(len(data))
    elif isinstance(data, bytes) and len(data) > 1:
        ctypes.memset(id(data) + sys.getsizeof(b"") - 1, 0, len(data))
