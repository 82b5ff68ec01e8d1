"""A migration that fails leaves the vault as it was. m005 is the one that
edits the schema table itself (``_rewrite_table_sql`` under
``writable_schema``): it is made to fail before it writes anything, when
its new table text does not parse, and after it has rewritten the table's
definition; each time the vault must open afterwards exactly as before,
and the real migration must then apply."""

from __future__ import annotations

import pytest
import sqlcipher3

from console.audit import chain as audit
from console.audit.genesis import create_vault
from console.errors import ConsoleError, UpgradeFailed
from console.records import intel, referrals, register, subjects
from console.records.commands import ReferralFields, ReportFields, SubjectFields
from console.storage import schema
from console.storage.layout import BACKUP_DIR
from console.storage.vault import Vault
from tests.conftest import PASS

M005 = "m005_lean_writes"


@pytest.fixture
def older_vault(tmp_path, fast_kdf):
    """A closed vault that stopped before m005, with reports and a referral."""
    path = tmp_path / "older"
    with create_vault(path, "governor", PASS, "HMP Older", migrate_to=M005) as v:
        for i in range(3):
            s = subjects.create_subject(v, SubjectFields(f"Older Subject {i}"))
            r = intel.add_report(v, s.ref, ReportFields(
                type="ssir", received_on="2026-01-05", source_grade=1, intel_grade="A",
                handling="P", summary=f"summary {i}"))
        referrals.add_referral(v, s.ref, ReferralFields(target="hq", referred_on="2026-01-06",
                                                        report_id=r.id))
    return path


def _state(path) -> dict:
    """Everything m005 could touch, read without migrating."""
    with Vault.open(path, "governor", PASS, migrate=False) as v:
        return {
            "schema": v.query("SELECT type, name, tbl_name, sql FROM sqlite_master "
                              "ORDER BY type, name"),
            "applied": [r[0] for r in v.query("SELECT name FROM _sqlite_migrations "
                                              "ORDER BY id")],
            "reports": v.query("SELECT * FROM intel_reports ORDER BY id"),
            "unreferred": v.query("SELECT * FROM unreferred_reports ORDER BY report_id"),
            "integrity": v.query("PRAGMA integrity_check"),
            "chain": audit.verify(v).ok,
            "flags": register.dashboard(v).unreferred,
        }


class _FailsAfterRewrite:
    """The migration's database, failing the check that follows the rewrite
    of the table's definition (as a full disk or an I/O error would)."""

    def __init__(self, db):
        self.db = db

    def execute(self, sql, params=None):
        if sql.startswith("SELECT count(*)"):
            raise sqlcipher3.OperationalError("disk I/O error")
        return self.db.execute(sql) if params is None else self.db.execute(sql, params)


def _fail(stage, monkeypatch):
    """Make m005 fail at ``stage``; returns the error a person is shown."""
    if stage == "before_writing":          # the table is not as m005 expects
        monkeypatch.setattr(schema, "_GRADE_CHECK_OLD", "CHECK (no such text)")
        return UpgradeFailed
    if stage == "new_text_does_not_parse":
        monkeypatch.setattr(schema, "_REPORT_SUBJECT_NEW",
                            "subject_id INTEGER NOT NULL REFERENCES subjects(id) DEFERRABLE ((,")
        return UpgradeFailed
    real = schema._rewrite_table_sql
    monkeypatch.setattr(schema, "_rewrite_table_sql",
                        lambda db, table, *changes: real(_FailsAfterRewrite(db), table, *changes))
    return ConsoleError


@pytest.mark.parametrize("stage", ["before_writing", "new_text_does_not_parse",
                                   "after_the_schema_row_is_rewritten"])
def test_a_failed_m005_leaves_the_vault_as_it_was(older_vault, monkeypatch, stage):
    before = _state(older_vault)
    assert M005 not in before["applied"] and before["integrity"] == [("ok",)]
    error = _fail(stage, monkeypatch)
    with pytest.raises(error) as raised:
        Vault.open(older_vault, "governor", PASS)
    assert str(raised.value).count(".") == 1 and "\n" not in str(raised.value)  # one sentence
    monkeypatch.undo()
    assert _state(older_vault) == before
    assert list((older_vault / BACKUP_DIR).iterdir()), "the copy taken before migrating"

    with Vault.open(older_vault, "governor", PASS) as v:   # and the real m005 then applies
        sql = v.query("SELECT sql FROM sqlite_master WHERE name = 'intel_reports'")[0][0]
        assert "DEFERRABLE INITIALLY DEFERRED" in sql
        assert v.query("SELECT * FROM intel_reports ORDER BY id") == before["reports"]
        assert register.dashboard(v).unreferred == before["flags"]
        assert v.query("PRAGMA integrity_check") == [("ok",)] and audit.verify(v).ok
