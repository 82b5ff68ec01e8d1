"""The vault's write path under memory security: the larger lookaside and
the m005 rewrite of the report table's rules (fewer heap blocks per write,
the same rows refused). Inside ``vault.write`` a refused row surfaces as a
ConsoleError, with nothing of the write kept."""

import datetime as dt

import pytest
import sqlcipher3

from console.audit.genesis import create_vault
from console.errors import ConsoleError
from console.records import intel, register, subjects
from console.records.commands import ReportFields, SubjectFields
from console.storage import sqlite_memory
from console.storage.layout import DB_FILE
from console.storage.vault import Vault
from tests.conftest import PASS

REPORT = dict(type="search_find", received_on=dt.date(2026, 1, 5), source_grade=2,
              intel_grade="B", handling="P", summary="Package found.")


def _raw_report(v, subject_id, grade="A", conflict=""):
    v.conn.execute(
        f"INSERT {conflict} INTO intel_reports(subject_id, type, received_on, source_grade, "
        "intel_grade, handling, created_by, created_at) VALUES (?, 'other', '2026-01-01', 1, ?, "
        "'P', 'governor', '2026-01-01T00:00:00+00:00')", (subject_id, grade))


def _opcodes(v, sql):
    return [row[1] for row in v.conn.execute("EXPLAIN " + sql)]


def test_vault_connection_has_the_larger_lookaside(vault, vault_path):
    s = subjects.create_subject(vault, SubjectFields("Lookaside Subject"))
    intel.add_report(vault, s.ref, ReportFields(**REPORT))
    used = sqlite_memory.lookaside_slots_used(sqlcipher3, vault.conn, vault_path / DB_FILE)
    # SQLite's default pool has 40 slots; the vault's work fits in the larger one.
    assert used is not None and used > 40


def test_lookaside_is_left_alone_when_the_handle_does_not_match(tmp_path):
    conn = sqlcipher3.connect(str(tmp_path / "other.db"))
    try:
        assert sqlite_memory.enlarge_lookaside(sqlcipher3, conn, tmp_path / "elsewhere.db") is False
        assert sqlite_memory.enlarge_lookaside(sqlcipher3, conn, tmp_path / "other.db") is True
        assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        conn.close()


def test_report_insert_builds_no_temporary_btree(vault):
    s = subjects.create_subject(vault, SubjectFields("Plan Subject"))
    sql = ("INSERT OR ROLLBACK INTO intel_reports(subject_id, type, received_on, source_grade, "
           "intel_grade, handling, created_by, created_at) VALUES "
           f"({s.id}, 'other', '2026-01-01', 1, 'C', 'P', 'governor', 'x')")
    assert "OpenEphemeral" not in _opcodes(vault, sql)


@pytest.mark.parametrize("grade", ["F", "a", "AB", ""])
def test_grade_rule_still_refuses_what_it_refused(vault, grade):
    s = subjects.create_subject(vault, SubjectFields("Grade Subject"))
    with pytest.raises(ConsoleError):
        with vault.write():
            _raw_report(vault, s.id, grade)
    assert vault.query("SELECT count(*) FROM intel_reports") == [(0,)]


def test_refused_report_ends_the_whole_write(vault):
    s = subjects.create_subject(vault, SubjectFields("Atomic Subject"))
    with pytest.raises(ConsoleError):
        with vault.write():
            vault.conn.execute("UPDATE subjects SET notes = 'changed' WHERE id = ?", (s.id,))
            _raw_report(vault, s.id, "Z", conflict="OR ROLLBACK")
    assert vault.query("SELECT notes FROM subjects WHERE id = ?", (s.id,)) == [("",)]
    assert not vault.conn.in_transaction


def test_report_for_a_missing_subject_is_refused_at_commit(vault):
    with pytest.raises(ConsoleError):
        with vault.write():
            _raw_report(vault, 999_999)
    assert vault.query("SELECT count(*) FROM intel_reports") == [(0,)]
    assert not vault.conn.in_transaction


def test_erasing_a_subject_still_removes_its_reports(vault):
    s = subjects.create_subject(vault, SubjectFields("Cascade Subject"))
    intel.add_report(vault, s.ref, ReportFields(**REPORT))
    with vault.write():
        vault.conn.execute("DELETE FROM subjects WHERE id = ?", (s.id,))
    assert vault.query("SELECT count(*) FROM intel_reports") == [(0,)]
    assert vault.query("SELECT count(*) FROM unreferred_reports") == [(0,)]


def test_m005_on_an_older_vault_keeps_every_row_and_flag(tmp_path, fast_kdf):
    path = tmp_path / "old"
    v = create_vault(path, "governor", PASS, "HMP Old", migrate_to="m005_lean_writes")
    assert "DEFERRABLE" not in v.query(
        "SELECT sql FROM sqlite_master WHERE name = 'intel_reports'")[0][0]
    refs = []
    for i in range(3):
        s = subjects.create_subject(v, SubjectFields(f"Older Subject {i}"))
        intel.add_report(v, s.ref, ReportFields(**REPORT))
        refs.append(s.ref)
    before = v.query("SELECT * FROM intel_reports ORDER BY id")
    flags_before = register.dashboard(v).unreferred
    v.close()
    with Vault.open(path, "governor", PASS) as v:
        assert v.query("PRAGMA integrity_check") == [("ok",)]
        assert v.query("SELECT * FROM intel_reports ORDER BY id") == before
        assert register.dashboard(v).unreferred == flags_before
        intel.add_report(v, refs[0], ReportFields(**REPORT))
        assert v.query("SELECT count(*) FROM unreferred_reports") == [(4,)]
        with pytest.raises(ConsoleError):
            with v.write():
                _raw_report(v, 1, "Q")
