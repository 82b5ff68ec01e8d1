"""Backups and restore: encrypted, checked before anything is replaced, the
replaced vault kept aside, pruned to the newest N, and taken automatically
before migrations and data key rotations."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest

from cli import main as cli
from console.audit import backup_ledger
from console.audit import chain as audit
from console.audit.genesis import create_vault
from console.errors import PermissionDenied, VaultDamaged, VaultInUse, WrongPassphrase
from console.lawful.backups import make_backup
from console.lawful.restore import restore_backup
from console.records import register, subjects, users
from console.records.commands import SubjectFields
from console.storage import schema
from console.storage import snapshot as backup
from console.storage.vault import Vault, _connect
from tests.conftest import PASS

SECRET_NAME = "Quentin Marchbanks-Oyelaran"


def _names(v) -> list[str]:
    return sorted(r.subject.name for r in register.register_rows(v))


def _tree(folder: Path) -> dict[str, str]:
    """Every file under a folder with its SHA-256: proves nothing changed."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "vault.lock"}


def _siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p != folder)


def _unzip_db(backup_file: Path, into: Path) -> Path:
    with zipfile.ZipFile(backup_file) as zf:
        into.write_bytes(zf.read(backup.DB_MEMBER))
    return into


def test_backup_is_one_encrypted_file_that_opens_with_the_data_key(vault, tmp_path):
    subjects.create_subject(vault, SubjectFields(
        SECRET_NAME, notes="met a prisoner's brother off site"))
    seen = []
    out = make_backup(vault, tmp_path / "manual.gcbackup",
                             on_progress=lambda d, t: seen.append((d, t)))
    assert out.exists() and seen[0] == (0, 4) and seen[-1] == (4, 4)
    raw = out.read_bytes()
    for needle in (SECRET_NAME, "prisoner's brother"):
        assert needle.encode() not in raw and needle.encode("utf-16-le") not in raw
    manifest = backup.read_manifest(out)
    assert manifest["vault_id"] == vault.vault_id and manifest["reason"] == "manual"
    assert manifest["migrations"][0] == "m001_register"
    db = _unzip_db(out, tmp_path / "copy.db")
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(db).execute("SELECT * FROM sqlite_master").fetchall()
    conn = _connect(db, vault.data_key())
    try:
        assert conn.execute("SELECT name FROM subjects").fetchall() == [(SECRET_NAME,)]
    finally:
        conn.close()


def test_round_trip_restores_old_state_and_keeps_the_replaced_vault(vault, vault_path,
                                                                    tmp_path):
    subjects.create_subject(vault, SubjectFields(SECRET_NAME))
    out = make_backup(vault, tmp_path / "b.gcbackup")
    subjects.create_subject(vault, SubjectFields("Added After The Backup"))
    vault.close()

    result = restore_backup(vault_path, out, "governor", PASS)

    assert result.kept_aside is not None and result.kept_aside.exists()
    with Vault.open(vault_path, "governor", PASS) as v:
        assert _names(v) == [SECRET_NAME]
        report = audit.verify(v)
        assert report.ok
        assert audit.entries(v, limit=1)[0].action == "vault.restore"
    with Vault.open(result.kept_aside, "governor", PASS) as old:
        assert _names(old) == sorted([SECRET_NAME, "Added After The Backup"])
    assert not [n for n in _siblings(vault_path) if ".restore-" in n]


def test_restore_into_a_new_folder_after_the_laptop_is_lost(vault, tmp_path):
    subjects.create_subject(vault, SubjectFields(SECRET_NAME))
    out = make_backup(vault, tmp_path / "b.gcbackup")
    vault.close()
    fresh = tmp_path / "new-laptop" / "vault"
    result = restore_backup(fresh, out, "governor", PASS)
    assert result.kept_aside is None
    with Vault.open(fresh, "governor", PASS) as v:
        assert _names(v) == [SECRET_NAME]


def _flip_db_byte(src: Path, dst: Path) -> None:
    """A copy of the backup with one byte of the database changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED) as zout:
        for item in zin.infolist():
            data = bytearray(zin.read(item.filename))
            if item.filename == backup.DB_MEMBER:
                data[len(data) // 2] ^= 0x40
            zout.writestr(item, bytes(data))


@pytest.mark.parametrize("damage", ["flipped", "truncated", "not_a_zip"])
def test_restore_refuses_a_damaged_backup_without_touching_the_vault(vault, vault_path,
                                                                     tmp_path, damage):
    subjects.create_subject(vault, SubjectFields(SECRET_NAME))
    good = make_backup(vault, tmp_path / "good.gcbackup")
    vault.close()
    bad = tmp_path / "bad.gcbackup"
    if damage == "flipped":
        _flip_db_byte(good, bad)
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    else:
        bad.write_bytes(b"PK not really a zip at all")
    before, siblings = _tree(vault_path), _siblings(vault_path)

    with pytest.raises(VaultDamaged) as err:
        restore_backup(vault_path, bad, "governor", PASS)

    assert "nothing was changed" in str(err.value)
    assert _tree(vault_path) == before
    assert _siblings(vault_path) == siblings
    with Vault.open(vault_path, "governor", PASS) as v:
        assert _names(v) == [SECRET_NAME]


def test_restore_refuses_a_backup_whose_audit_chain_was_edited(vault, vault_path, tmp_path):
    subjects.create_subject(vault, SubjectFields(SECRET_NAME))
    vault.conn.execute("UPDATE audit SET action = 'nothing.happened' WHERE seq = 2")
    vault.conn.commit()
    bad = make_backup(vault, tmp_path / "edited.gcbackup")
    vault.conn.execute("UPDATE audit SET action = 'subject.create' WHERE seq = 2")
    vault.conn.commit()
    vault.close()
    before = _tree(vault_path)
    with pytest.raises(VaultDamaged, match="audit chain is broken"):
        restore_backup(vault_path, bad, "governor", PASS)
    assert _tree(vault_path) == before


def test_restore_needs_a_governor_passphrase_from_the_backup(vault, vault_path, tmp_path):
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    out = make_backup(vault, tmp_path / "b.gcbackup")
    vault.close()
    before = _tree(vault_path)
    with pytest.raises(WrongPassphrase):
        restore_backup(vault_path, out, "governor", "not the passphrase")
    with pytest.raises(PermissionDenied):
        restore_backup(vault_path, out, "dep", "deputy passphrase")
    assert _tree(vault_path) == before


def test_restore_is_refused_while_the_vault_is_open(vault, vault_path, tmp_path):
    out = make_backup(vault, tmp_path / "b.gcbackup")
    with pytest.raises(VaultInUse):
        restore_backup(vault_path, out, "governor", PASS)
    assert subjects.create_subject(vault, SubjectFields("Still Writable")).ref


def test_automatic_backups_keep_only_the_newest_n(vault, vault_path):
    from console.audit import unlock
    vault.close()
    vault = unlock.open_vault(vault_path, "governor", PASS)  # as the console opens it
    users.set_setting(vault, "backup_keep", 3)
    made = [backup.automatic_backup(vault, "daily") for _ in range(5)]
    kept = backup_ledger.place(vault)
    assert [p.info.path for p in kept] == list(reversed(made[-3:]))
    assert all(p.counted and p.info.vault_id == vault.vault_id for p in kept)
    vault.close()


def test_backup_on_close_is_at_most_daily(vault, monkeypatch):
    first = backup_ledger.backup_on_close_if_due(vault)
    assert first is not None and first.exists()
    assert backup_ledger.backup_on_close_if_due(vault) is None
    import datetime as dt
    later = backup._utcnow() + dt.timedelta(days=1, minutes=1)
    monkeypatch.setattr(backup, "_utcnow", lambda: later)
    monkeypatch.setattr(backup_ledger, "utcnow", lambda: later)
    assert backup_ledger.backup_on_close_if_due(vault) is not None
    assert len(backup.list_backups(vault.folder)) == 2


def test_rotation_takes_a_backup_under_the_old_key_first(vault, vault_path, tmp_path):
    subjects.create_subject(vault, SubjectFields(SECRET_NAME))
    old_key = vault.data_key()
    vault.rotate_data_key()
    assert vault.data_key() != old_key
    (rekey,) = [b for b in backup.list_backups(vault_path) if b.reason == "rekey"]
    conn = _connect(_unzip_db(rekey.path, tmp_path / "r.db"), old_key)
    try:
        assert conn.execute("SELECT name FROM subjects").fetchall() == [(SECRET_NAME,)]
    finally:
        conn.close()


def test_a_migration_takes_a_backup_first(vault_path, fast_kdf, tmp_path):
    v = create_vault(vault_path, "governor", PASS, "HMP Testshire", kdf=fast_kdf,
                     migrate_to="m002_indexes_and_conflicts")
    v.close()
    assert backup.list_backups(vault_path) == []

    with Vault.open(vault_path, "governor", PASS) as v:
        assert not schema.migrations.pending(v.db)
        assert audit.verify(v).ok

    (b,) = backup.list_backups(vault_path)
    assert b.reason == "migration"
    assert backup.read_manifest(b.path)["migrations"] == ["m001_register"]
    # The backup is the vault as it was before the migration; restoring it
    # brings it up to date after it has been checked.
    fresh = tmp_path / "restored"
    restore_backup(fresh, b.path, "governor", PASS)
    with Vault.open(fresh, "governor", PASS) as v:
        assert not schema.migrations.pending(v.db) and audit.verify(v).ok


def test_cli_backup_and_restore(vault, vault_path, tmp_path, monkeypatch, capsys):
    subjects.create_subject(vault, SubjectFields(SECRET_NAME))
    vault.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    out = tmp_path / "cli.gcbackup"
    assert cli.main(["backup", "--vault", str(vault_path), "--out", str(out)]) == 0
    assert out.exists()
    with Vault.open(vault_path, "governor", PASS) as v:
        subjects.create_subject(v, SubjectFields("Added After The Backup"))
    assert cli.main(["restore", "--vault", str(vault_path), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "kept at" in printed and SECRET_NAME not in printed
    with Vault.open(vault_path, "governor", PASS) as v:
        assert _names(v) == [SECRET_NAME]

    bad = tmp_path / "bad.gcbackup"
    bad.write_bytes(b"rubbish")
    assert cli.main(["restore", "--vault", str(vault_path), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a usable backup" in err[0]


def test_list_shows_a_damaged_backup_last(vault, monkeypatch, capsys):
    good = backup.automatic_backup(vault, "daily")
    broken = good.with_name("backup-00000000T000000.000000Z-broken.gcbackup")
    broken.write_bytes(b"not a zip")
    listed = backup_ledger.place(vault)
    assert [(p.info.path, p.status) for p in listed] == [(good, "placed"),
                                                         (broken, "damaged")]
    vault.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    assert cli.main(["backups", "--vault", str(vault.folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "daily" in lines[0] and lines[1].startswith("not placed")
    assert "damaged" in lines[1] and "DELETE: It cannot be read" in lines[2]
