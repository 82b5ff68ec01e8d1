"""The vault: creation, unlocking, key slots, rotation, encryption at rest."""

import sqlite3

import pytest

from console.audit import chain as audit
from console.audit.genesis import create_vault
from console.errors import (
    UnknownUser,
    ValidationError,
    VaultExists,
    VaultInUse,
    VaultNotFound,
    WrongPassphrase,
)
from console.records import subjects, users
from console.records.commands import MeasureFields, ReportFields, SubjectFields
from console.storage import keyslots, quick_unlock
from console.storage.vault import Vault
from tests.conftest import PASS

SECRETS = ["Zbigniew Łukasz Wiśniewski", "seen passing a package at gate 3"]


def test_wrong_passphrase_is_one_clear_sentence(vault, vault_path):
    vault.close()
    with pytest.raises(WrongPassphrase) as exc:
        Vault.open(vault_path, "governor", "not the passphrase")
    msg = str(exc.value)
    assert msg.endswith(".") and "\n" not in msg and "passphrase" in msg


def test_unknown_user_and_missing_vault(vault, vault_path, tmp_path):
    vault.close()
    with pytest.raises(UnknownUser):
        Vault.open(vault_path, "nobody", PASS)
    with pytest.raises(VaultNotFound):
        Vault.open(tmp_path / "elsewhere", "governor", PASS)


def test_create_refuses_existing_vault_and_short_passphrase(vault, vault_path, tmp_path, fast_kdf):
    with pytest.raises(VaultExists):
        create_vault(vault_path, "governor", PASS, "HMP X")
    with pytest.raises(ValidationError):
        create_vault(tmp_path / "v2", "governor", "short", "HMP X")


def test_second_opener_is_refused_while_open(vault, vault_path):
    with pytest.raises(VaultInUse):
        Vault.open(vault_path, "governor", PASS)
    vault.close()
    vault.close()  # idempotent
    Vault.open(vault_path, "governor", PASS).close()


def test_database_is_unreadable_by_plain_sqlite(vault, vault_path):
    subjects.create_subject(vault, SubjectFields(SECRETS[0], notes=SECRETS[1]))
    conn = sqlite3.connect(vault_path / "register.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()


def test_no_file_holds_known_names_in_clear(vault, vault_path):
    s = subjects.create_subject(vault, SubjectFields(
        SECRETS[0], notes=SECRETS[1], staff_number="SN99881"))
    from console.records import intel, measures
    intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on="2026-01-02", source_grade=1, intel_grade="A", handling="P",
        full_text=SECRETS[1], summary=SECRETS[0]))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="moved", details=SECRETS[1]))
    measures.add_log_entry(vault, m.id, SECRETS[0])
    # Scan while open (WAL present) and after close.
    for stage in ("open", "closed"):
        files = [p for p in vault_path.rglob("*") if p.is_file()]
        assert any(p.name.endswith("-wal") for p in files) or stage == "closed"
        for p in files:
            data = p.read_bytes()
            for secret in SECRETS + ["SN99881"]:
                for enc in ("utf-8", "utf-16-le"):
                    assert secret.encode(enc) not in data, (p.name, stage)
        vault.close()


def test_users_passphrase_change_and_removal_rotates_key(vault, vault_path):
    users.add_user(vault, "deputy1", "deputy passphrase", role="deputy", display_name="Dai")
    old_key = vault.data_key()
    users.remove_user(vault, "deputy1")
    assert vault.data_key() != old_key
    assert "deputy1" not in keyslots.SlotFile.load(vault_path).users
    users.change_passphrase(vault, PASS, "a brand new passphrase")
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, "governor", PASS)
    with pytest.raises(UnknownUser):
        Vault.open(vault_path, "deputy1", "deputy passphrase")
    v = Vault.open(vault_path, "governor", "a brand new passphrase")
    assert audit.verify(v).ok
    v.close()


def test_reset_user_keeps_their_old_audit_entries_valid(vault, vault_path):
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    s = subjects.create_subject(vault, SubjectFields("Test Person"))
    vault.close()
    with Vault.open(vault_path, "dep", "deputy passphrase") as d:
        subjects.update_profile(d, s.ref, SubjectFields(location="B wing"))
    with Vault.open(vault_path, "governor", PASS) as g:
        users.reset_user(g, "dep", "a replacement passphrase")
    with Vault.open(vault_path, "dep", "a replacement passphrase") as d:
        subjects.update_profile(d, s.ref, SubjectFields(location="C wing"))
        assert audit.verify(d).ok


def test_interrupted_rotation_settles_on_open(vault, vault_path):
    """A crash after the rekey but before the slot file was replaced."""
    import secrets
    from copy import deepcopy
    subjects.create_subject(vault, SubjectFields("Somebody"))
    new_key = secrets.token_bytes(32)
    pending = keyslots.SlotFile(vault.slots.vault_id, deepcopy(vault.slots.users))
    pending.rewrap_all(new_key)
    pending.save(vault_path, keyslots.PENDING_FILE)
    vault.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    vault.close()  # 'crash': keyslots.json still holds the old key
    with Vault.open(vault_path, "governor", PASS) as v:
        assert v.data_key() == new_key
        assert len(v.query("SELECT * FROM subjects")) == 1
    assert not (vault_path / keyslots.PENDING_FILE).exists()


def test_quick_unlock_round_trip(vault, vault_path):
    ok, _ = quick_unlock.availability()
    assert ok
    quick_unlock.enable(vault)
    vault.close()
    slots = keyslots.SlotFile.load(vault_path)
    secret = quick_unlock.user_secret(slots, "governor")
    with Vault.open(vault_path, "governor", user_secret=secret) as v:
        assert v.user.role == "governor"


def test_quick_unlock_says_why_without_keychain(monkeypatch):
    import keyring
    from keyring.backends import fail
    keyring.set_keyring(fail.Keyring())
    ok, why = quick_unlock.availability()
    assert not ok and "passphrase" in why


def test_migrations_run_on_an_older_vault(tmp_path, fast_kdf):
    path = tmp_path / "old"
    v = create_vault(path, "governor", PASS, "HMP Old", migrate_to="m002_indexes_and_conflicts")
    names = {r[0] for r in v.query("SELECT name FROM sqlite_master")}
    assert "conflicts" not in names
    v.close()
    with Vault.open(path, "governor", PASS) as v:
        names = {r[0] for r in v.query("SELECT name FROM sqlite_master")}
        assert {"conflicts", "briefings", "idx_reports_subject"} <= names
        s = subjects.create_subject(v, SubjectFields("After Migration"))
        assert s.ref.startswith("CC-")
        assert audit.verify(v).ok


def test_sign_in_names_are_plain_letters(tmp_path, fast_kdf):
    with pytest.raises(ValidationError) as exc:
        create_vault(tmp_path / "v", "g\u043evernor", PASS, "HMP X")  # Cyrillic о
    assert "a to z" in str(exc.value)


def test_no_sqlite_utils_plugin_is_handed_the_unlocked_connection(vault, vault_path,
                                                                  monkeypatch):
    """sqlite-utils runs every installed package that calls itself its plugin
    on each connection it wraps; the vault's connection is never given to one
    (nor is every package's metadata scanned at unlock to find them)."""
    import sqlite_utils.plugins as plugins
    handed = []
    monkeypatch.setattr(plugins, "ensure_plugins_loaded", lambda: handed.append("loaded"))
    monkeypatch.setattr(plugins.pm.hook, "prepare_connection",
                        lambda conn: handed.append(conn), raising=False)
    import sqlite_utils.db
    monkeypatch.setattr(sqlite_utils.db, "ensure_plugins_loaded",
                        lambda: handed.append("loaded"))
    vault.close()
    with Vault.open(vault_path, "governor", PASS) as v:
        assert v.query("SELECT count(*) FROM subjects")[0][0] >= 0
    assert handed == []
