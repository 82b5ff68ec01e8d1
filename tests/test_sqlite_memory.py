"""The larger lookaside is taken only when its call is known to be right:
the binding's layout checked before anything is dereferenced, the variadic
``sqlite3_db_config`` called the variadic way and probed, and the pool
allocated after memory security is on (so it is locked in RAM)."""

from __future__ import annotations

import ctypes
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3

from console.storage import sqlite_memory

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def conn(tmp_path):
    c = sqlcipher3.connect(str(tmp_path / "probe.db"))
    yield c
    c.close()


def test_db_config_is_declared_with_its_fixed_arguments_only():
    lib = sqlite_memory._library(sqlcipher3)
    # ctypes takes the platform's variadic convention only for the arguments
    # past argtypes; declaring all five would pass them the fixed way.
    assert lib.sqlite3_db_config.argtypes == [ctypes.c_void_p, ctypes.c_int]


def test_the_variadic_probe_reads_back_what_it_passed():
    assert sqlite_memory.variadic_calls_work() is True


def test_the_variadic_probe_fails_when_c_reads_other_values():
    def wrong_convention(buf, size, fmt, *args):
        # What snprintf prints when it finds other values where it looks.
        buf.value = b"0x7ffd00000000 -1 32767"
        return len(buf.value)
    assert sqlite_memory.variadic_calls_work(wrong_convention) is False


def test_no_lookaside_when_the_variadic_probe_fails(conn, tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_memory, "variadic_calls_work", lambda: False)
    called = []
    monkeypatch.setattr(sqlite_memory, "_handle", lambda *a: called.append(a))
    assert sqlite_memory.enlarge_lookaside(sqlcipher3, conn, tmp_path / "probe.db") is False
    assert called == []  # the connection was not even read
    assert conn.execute("SELECT 1").fetchone() == (1,)


def test_layout_is_checked_against_the_objects_the_connection_shows(conn):
    assert sqlite_memory._layout_matches(conn) is True
    conn.row_factory = sqlcipher3.Row
    conn.text_factory = bytes
    assert sqlite_memory._layout_matches(conn) is True  # the fields moved with them


def test_an_object_of_another_size_is_never_dereferenced(tmp_path):
    class Wider(sqlcipher3.Connection):
        pass  # a __dict__ and weak references: a larger object

    wider = sqlcipher3.connect(str(tmp_path / "w.db"), factory=Wider)
    try:
        assert sqlite_memory._layout_matches(wider) is False
        lib = sqlite_memory._library(sqlcipher3)
        assert sqlite_memory._handle(wider, lib, tmp_path / "w.db") is None
        assert sqlite_memory.enlarge_lookaside(sqlcipher3, wider, tmp_path / "w.db") is False
    finally:
        wider.close()


def test_a_layout_with_a_field_out_of_place_is_refused(conn, monkeypatch):
    fields = list(sqlite_memory._ConnectionLayout._fields_)
    i = [name for name, _ in fields].index("row_factory")
    fields[i], fields[i + 1] = fields[i + 1], fields[i]  # row and text factory swapped

    class Swapped(ctypes.Structure):
        _fields_ = fields
    monkeypatch.setattr(sqlite_memory, "_ConnectionLayout", Swapped)
    assert sqlite_memory._layout_matches(conn) is False
    assert sqlite_memory.enlarge_lookaside(sqlcipher3, conn, Path(conn.execute(
        "PRAGMA database_list").fetchone()[2])) is False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_the_lookaside_pool_is_locked_in_memory(tmp_path):
    soft, _hard = resource.getrlimit(resource.RLIMIT_MEMLOCK)
    if soft != resource.RLIM_INFINITY and soft < 8 << 20:
        pytest.skip("this account may lock too little memory to tell")
    # A fresh process: memory security is process-wide and only turns on.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from console.storage import vault\n"
        "def locked():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmLck:'):\n"
        "            return int(line.split()[1]) * 1024\n"
        "before = locked()\n"
        "conn = vault._connect(Path(sys.argv[1]), bytes(32))\n"
        "print(locked() - before)\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "locked.db")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    # Allocated before memory security was on, the pool was not locked: the
    # connection then locked about 140 KB; with it, above 1.5 MB.
    assert int(out.stdout) >= sqlite_memory.SLOTS * sqlite_memory.SLOT_SIZE
