"""Restore is a governor's act the chain can check: a slot written under a
governor's name, a governor the live vault removed, another vault's backup
under an edited label, a cut chain, swapped slot files or a race with an
open vault are all refused before anything is replaced; erasures, removals,
roles and passphrase changes made since the backup are carried forward;
the restore is recorded, the data key changed, and nothing fails after the
swap."""

from __future__ import annotations

import hashlib
import json
import threading
import zipfile
from pathlib import Path

import pytest

from console.audit import backup_ledger, chain, unlock
from console.errors import (
    ConsoleError,
    PermissionDenied,
    ValidationError,
    VaultDamaged,
    VaultInUse,
    WrongPassphrase,
)
from console.lawful import restore_carry, retention
from console.lawful.backups import make_backup
from console.lawful.restore import restore_backup
from console.records import register, subjects, users
from console.records.commands import SubjectFields
from console.storage import snapshot
from console.storage.keyslots import SlotFile
from console.storage.layout import DB_FILE
from console.storage.vault import Vault, _connect
from tests import insiders
from tests.conftest import PASS

DEP = "deputy passphrase"
GOV2 = "second governor passphrase"


def _tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "vault.lock"}


def _names(folder, user="governor", pw=PASS) -> list[str]:
    with unlock.open_vault(folder, user, pw) as v:
        return sorted(r.subject.name for r in register.register_rows(v))


def rezip(src: Path, dst: Path, *, members: dict | None = None, manifest=None) -> Path:
    """A copy of a backup with members replaced (and the label's checksum of
    the database kept right), or the label edited by ``manifest(dict)``."""
    members = members or {}
    with zipfile.ZipFile(src) as zin:
        data = {i.filename: zin.read(i.filename) for i in zin.infolist()}
    data.update(members)
    m = json.loads(data["manifest.json"])
    m["db_sha256"] = hashlib.sha256(data["register.db"]).hexdigest()
    if manifest is not None:
        manifest(m)
    data["manifest.json"] = json.dumps(m).encode()
    with zipfile.ZipFile(dst, "w") as zout:
        for name, blob in data.items():
            zout.writestr(name, blob)
    return dst


def edited(backup: Path, key: bytes, dst: Path, *sql) -> Path:
    """A copy of a backup whose database was changed with the data key by
    the ``sql`` statements, written back as an insider would, the label's
    checksum kept right (``rezip``)."""
    db = dst.with_suffix(".db")
    with zipfile.ZipFile(backup) as zf:
        db.write_bytes(zf.read("register.db"))
    conn = _connect(db, key)
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return rezip(backup, dst, members={"register.db": db.read_bytes()})


@pytest.fixture
def folder(vault, vault_path):
    users.add_user(vault, "dep", DEP, role="deputy")
    subjects.create_subject(vault, SubjectFields("Alex Smith"))
    vault.close()
    return vault_path


# -- a slot written under the governor's name ---------------------------------------------

def test_a_deputy_cannot_restore_as_the_governor_with_a_slot_of_their_making(folder,
                                                                            tmp_path):
    with unlock.open_vault(folder, "dep", DEP) as d:
        good = make_backup(d, tmp_path / "by-dep.gcbackup")
    with zipfile.ZipFile(good) as zf:
        slots = SlotFile.from_bytes(zf.read("keyslots.json"))
    key = slots.data_key("dep", slots.user_secret_from_passphrase("dep", DEP))
    slots.users.pop("governor")
    slots.add_user("governor", "chosen by the deputy", key)
    forged = rezip(good, tmp_path / "forged.gcbackup",
                   members={"keyslots.json": slots.to_bytes()})
    before = _tree(folder)
    with pytest.raises(ConsoleError) as err:
        restore_backup(folder, forged, "governor", "chosen by the deputy")
    assert "nothing was changed" in str(err.value)
    assert _tree(folder) == before
    # The same slot planted in the live vault as well gets no further.
    live = SlotFile.load(folder)
    live.users["governor"] = slots.users["governor"]
    live.save(folder)
    with pytest.raises(ConsoleError):
        restore_backup(folder, forged, "governor", "chosen by the deputy")
    assert not list(folder.parent.glob("*.replaced-*"))


# -- a governor the live vault removed -----------------------------------------------------

@pytest.fixture
def two_governors(folder):
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.add_user(v, "gov2", GOV2, role="governor")
        daily = snapshot.automatic_backup(v, "daily")
    return folder, daily


def test_a_removed_governor_cannot_restore_their_old_backup(two_governors, tmp_path):
    folder, daily = two_governors
    kept = (folder / "keyslots.json").read_bytes()        # they keep the slot file too
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.remove_user(v, "gov2")
    before = _tree(folder)
    with pytest.raises(ValidationError, match="no key slot in the vault in that folder"):
        restore_backup(folder, daily, "gov2", GOV2)
    assert _tree(folder) == before
    # Putting their old slot back in the live folder does not help: its key no
    # longer opens the live database (the removal changed it).
    live = SlotFile.load(folder)
    live.users["gov2"] = SlotFile.from_bytes(kept).users["gov2"]
    live.save(folder)
    before = _tree(folder)
    with pytest.raises(ValidationError, match="does not open its database"):
        restore_backup(folder, daily, "gov2", GOV2)
    assert _tree(folder) == before
    assert _names(folder) == ["Alex Smith"]


def test_a_governor_restores_only_with_their_passphrase_of_today(two_governors):
    folder, daily = two_governors
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.change_passphrase(v, PASS, "the governor's new passphrase")
    before = _tree(folder)
    with pytest.raises(WrongPassphrase, match="not your current passphrase"):
        restore_backup(folder, daily, "governor", PASS)   # the old one knows the backup only
    assert _tree(folder) == before
    result = restore_backup(folder, daily, "governor", PASS,
                            current_passphrase="the governor's new passphrase")
    assert "Your own passphrase is the one you use today." in result.carried
    with pytest.raises(WrongPassphrase):
        unlock.open_vault(folder, "governor", PASS)
    assert _names(folder, "governor", "the governor's new passphrase") == ["Alex Smith"]


# -- what happened since the backup is carried forward --------------------------------------

def test_an_erased_record_stays_erased_and_its_backup_stays_flagged(folder, tmp_path):
    with unlock.open_vault(folder, "governor", PASS) as v:
        s = subjects.create_subject(v, SubjectFields("Erased After The Backup"))
        retention.set_legal_hold(v, s.ref, True, "Tribunal pending.")
        daily = snapshot.automatic_backup(v, "daily")
        retention.set_legal_hold(v, s.ref, False, "Tribunal over.")
        retention.erase(v, s.ref, "Retention period over")
        erased_at = retention.erased(v)[-1]
    result = restore_backup(folder, daily, "governor", PASS)
    assert "1 record erased since the backup was erased again." in result.carried
    assert _names(folder) == ["Alex Smith"]
    with unlock.open_vault(folder, "governor", PASS) as v:
        tomb = [e for e in chain.entries(v) if e.action == "subject.erase"]
        assert [e.entity_id for e in tomb] == [s.ref]
        assert tomb[0].after["carried_from"] > 0 and erased_at[0] == s.ref
        assert chain.verify(v).ok
        flags = {f.path: f.reason for f in retention.backup_flags(v)}
        assert "made before a record was erased" in flags[daily]


def test_removals_roles_and_passphrase_changes_are_carried_forward(folder, tmp_path):
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.add_user(v, "view", "viewer passphrase", role="viewer")
        users.add_user(v, "dep2", "second deputy pass", role="deputy")
        backup = make_backup(v, tmp_path / "b.gcbackup")
        old_key = v.data_key()
        users.remove_user(v, "dep")
        users.set_role(v, "view", "deputy")
        users.add_user(v, "late", "added after backup", role="viewer")
    with unlock.open_vault(folder, "dep2", "second deputy pass") as d:
        users.change_passphrase(d, "second deputy pass", "dep2 changed it")
    result = restore_backup(folder, backup, "governor", PASS)
    text = " ".join(result.carried)
    assert "Removed again, as in the replaced vault: dep." in text
    assert "Roles changed again, as in the replaced vault: view." in text
    assert "Passphrases changed since the backup stay changed: dep2." in text
    assert "add them again: late." in text
    with pytest.raises(ConsoleError):
        unlock.open_vault(folder, "dep", DEP)
    with pytest.raises(WrongPassphrase):
        unlock.open_vault(folder, "dep2", "second deputy pass")
    with unlock.open_vault(folder, "dep2", "dep2 changed it") as d:
        assert d.user.role == "deputy" and d.identity()
    with unlock.open_vault(folder, "view", "viewer passphrase") as w:
        assert w.user.role == "deputy"
    with pytest.raises(Exception):                       # the key the backup had is gone
        _connect(folder / DB_FILE, old_key)
    with unlock.open_vault(folder, "governor", PASS) as v:
        assert chain.verify(v).ok
        entry = next(e for e in chain.entries(v) if e.action == "vault.restore")
        assert entry.after["replaced"]["seq"] > entry.after["restored_to"]


def test_a_removed_deputys_old_backup_restored_by_the_governor_keeps_them_out(folder,
                                                                             tmp_path):
    with unlock.open_vault(folder, "dep", DEP) as d:
        theirs = make_backup(d, tmp_path / "deputy-kept.gcbackup")
        their_key = d.data_key()
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.remove_user(v, "dep")
    with pytest.raises(ConsoleError):
        restore_backup(folder, theirs, "dep", DEP)        # not a governor, not in the vault
    restore_backup(folder, theirs, "governor", PASS)      # the governor may: dep stays out
    with pytest.raises(ConsoleError):
        unlock.open_vault(folder, "dep", DEP)
    with pytest.raises(Exception):
        _connect(folder / DB_FILE, their_key)


# -- another vault, a cut chain, swapped slots ---------------------------------------------

def test_another_vaults_backup_with_an_edited_label_is_refused(folder, tmp_path, fast_kdf):
    from console.audit.genesis import create_vault
    other = tmp_path / "other"
    with create_vault(other, "governor", PASS, "HMP Elsewhere", kdf=fast_kdf) as o:
        subjects.create_subject(o, SubjectFields("Someone Else Entirely"))
        theirs = make_backup(o, tmp_path / "other.gcbackup")
    ours = SlotFile.load(folder).vault_id
    for edit in (lambda m: m.update(vault_id=ours),
                 lambda m: (m.update(vault_id=ours), m.pop("signature"), m.pop("head"))):
        forged = rezip(theirs, tmp_path / "relabelled.gcbackup", manifest=edit)
        before = _tree(folder)
        with pytest.raises(ConsoleError) as err:
            restore_backup(folder, forged, "governor", PASS)
        assert "different vault" in str(err.value) or "label" in str(err.value)
        assert _tree(folder) == before
    assert _names(folder) == ["Alex Smith"]


def test_a_backup_whose_chain_was_cut_is_refused(folder, tmp_path):
    with unlock.open_vault(folder, "governor", PASS) as v:
        subjects.create_subject(v, SubjectFields("In The Backup"))
        good = make_backup(v, tmp_path / "good.gcbackup")
        key = v.data_key()
    top = "(SELECT max(seq) FROM audit)"
    forged = edited(good, key, tmp_path / "forged.gcbackup",
                    f"DELETE FROM audit_payload WHERE seq = {top}",
                    f"DELETE FROM audit WHERE seq = {top}")
    before = _tree(folder)
    with pytest.raises(VaultDamaged, match="label does not match"):
        restore_backup(folder, forged, "governor", PASS)
    assert _tree(folder) == before


def test_slot_files_swapped_between_backups_are_refused(folder, tmp_path):
    with unlock.open_vault(folder, "governor", PASS) as v:
        older = make_backup(v, tmp_path / "older.gcbackup")
        users.change_passphrase(v, PASS, "changed since the older one")
        newer = make_backup(v, tmp_path / "newer.gcbackup")
    with zipfile.ZipFile(older) as zf:
        old_slots = zf.read("keyslots.json")
    forged = rezip(newer, tmp_path / "swapped.gcbackup", members={"keyslots.json": old_slots})
    before = _tree(folder)
    with pytest.raises(ConsoleError):
        restore_backup(folder, forged, "governor", PASS,
                       current_passphrase="changed since the older one")
    assert _tree(folder) == before


# -- nothing after the swap; no race with an open vault ------------------------------------

def test_a_restore_holds_the_vault_from_start_to_finish(folder, tmp_path, monkeypatch):
    with unlock.open_vault(folder, "governor", PASS) as v:
        backup = make_backup(v, tmp_path / "b.gcbackup")
    seen = {}
    real = restore_carry.carry_forward

    def racing(*args, **kwargs):
        def try_open():
            try:
                unlock.open_vault(folder, "dep", DEP).close()
                seen["opened"] = True
            except VaultInUse:
                seen["refused"] = True
        t = threading.Thread(target=try_open)
        t.start()
        t.join()
        return real(*args, **kwargs)
    monkeypatch.setattr(restore_carry, "carry_forward", racing)
    restore_backup(folder, backup, "governor", PASS)
    assert seen == {"refused": True}


def test_nothing_can_fail_after_the_swap(folder, tmp_path, monkeypatch):
    """The signing identity is checked in the scratch copy: a backup whose
    governor cannot sign is refused before the swap, not after it."""
    with unlock.open_vault(folder, "governor", PASS) as v:
        backup = make_backup(v, tmp_path / "b.gcbackup")
        key = v.data_key()
    forged = edited(backup, key, tmp_path / "nosign.gcbackup",
                    "UPDATE identities SET key_ct = zeroblob(length(key_ct)) WHERE user = "
                    "'governor'")
    before = _tree(folder)
    with pytest.raises(ConsoleError, match="nothing was changed"):
        restore_backup(folder, forged, "governor", PASS)
    assert _tree(folder) == before
    with unlock.open_vault(folder, "governor", PASS) as v:
        assert not [e for e in chain.entries(v) if e.action == "vault.restore"]


def test_the_restore_list_places_backups_of_a_replaced_history(folder, tmp_path):
    with unlock.open_vault(folder, "governor", PASS) as v:
        early = make_backup(v, tmp_path / "early.gcbackup")
        subjects.create_subject(v, SubjectFields("Lost With The Restore"))
        late = snapshot.automatic_backup(v, "daily")
    restore_backup(folder, early, "governor", PASS)
    with unlock.open_vault(folder, "governor", PASS) as v:
        placed = {p.info.path: p for p in backup_ledger.place(v)}
        assert placed[late].status == "replaced"
    assert _names(folder) == ["Alex Smith"]


def test_a_deputy_cannot_restore_at_all(folder, tmp_path):
    with unlock.open_vault(folder, "dep", DEP) as d:
        backup = make_backup(d, tmp_path / "b.gcbackup")
    with pytest.raises(PermissionDenied):
        restore_backup(folder, backup, "dep", DEP)
    assert Vault  # the vault opens as before
    assert _names(folder, "dep", DEP) == ["Alex Smith"]
