"""A passphrase change rotates the user's keys, so the old passphrase, with any
slot file kept from before (a backup holds one), opens nothing current; a
change cut short leaves the old or the new passphrase working, never
neither; quick unlock is dropped by it, is off where several users share the
computer unless the governor allows it, and asks for the person's own
passphrase at least once a day."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import keyring
import pytest

from console.audit import chain, quick, unlock
from console.errors import ConsoleError, QuickUnlockUnavailable, VaultDamaged, WrongPassphrase
from console.lawful.backups import make_backup
from console.records import subjects, users
from console.records.commands import SubjectFields
from console.storage import identities, keyslots, quick_unlock
from console.storage.keyslots import SlotFile
from console.storage.layout import DB_FILE
from console.storage.vault import _connect
from tests import insiders
from tests.conftest import PASS

NEW = "a brand new governor passphrase"
DEP = "deputy passphrase"


@pytest.fixture
def folder(vault, vault_path):
    users.add_user(vault, "dep", DEP, role="deputy")
    subjects.create_subject(vault, SubjectFields("Kept Subject"))
    vault.close()
    return vault_path


def _old_slot_file(folder, tmp_path):
    """The slot file as it is now, as a backup would keep it."""
    copy = tmp_path / "kept-keyslots.json"
    shutil.copy(folder / keyslots.SLOTS_FILE, copy)
    return SlotFile.from_bytes(copy.read_bytes())


@pytest.mark.parametrize("who, old, new", [("governor", PASS, NEW),
                                           ("dep", DEP, "a new deputy passphrase")])
def test_an_old_slot_file_and_the_old_passphrase_open_nothing_current(folder, tmp_path, who,
                                                                      old, new):
    kept = _old_slot_file(folder, tmp_path)
    kept_backup = None
    with unlock.open_vault(folder, who, old) as v:
        kept_backup = make_backup(v, tmp_path / "before.gcbackup")
        old_key, old_public = v.data_key(), v.slots.users[who]["public"]
        users.change_passphrase(v, old, new)
        new_public = v.slots.users[who]["public"]
        assert new_public != old_public
        assert unlock.current(v).member(who).slot == new_public   # the chain has it
        last = chain.entries(v, limit=3)
        assert any(e.action == "user.passphrase" and e.after == {"slot": new_public}
                   for e in last)
        assert v.data_key() != old_key                               # rotated too
    assert kept_backup.exists()
    old_secret = kept.user_secret_from_passphrase(who, old)
    live = SlotFile.load(folder)
    with pytest.raises(VaultDamaged):
        live.data_key(who, old_secret)                      # no slot of today opens
    assert kept.data_key(who, old_secret) == old_key        # the old key, which ...
    with pytest.raises(Exception):
        _connect(folder / DB_FILE, old_key)                 # ... opens nothing now
    with unlock.open_vault(folder, "governor", NEW if who == "governor" else PASS) as g:
        with pytest.raises(VaultDamaged, match="cannot be decrypted"):
            identities.load(g.conn, g.vault_id, who, old_secret)   # nor the signing key
        g.rotate_data_key()                                         # nor after a rotation
    with pytest.raises(VaultDamaged):
        SlotFile.load(folder).data_key(who, old_secret)
    with pytest.raises(WrongPassphrase):
        unlock.open_vault(folder, who, old)
    with unlock.open_vault(folder, who, new) as v:
        assert v.user.name == who and chain.verify(v).ok


def test_the_old_slot_put_back_with_the_current_key_is_refused(folder, tmp_path):
    """A deputy, who holds the data key, puts the governor's slot from a backup
    back and wraps today's key to it: the old passphrase then reaches the
    database, but the chain names another key, so nothing opens."""
    kept = _old_slot_file(folder, tmp_path)
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.change_passphrase(v, PASS, NEW)
    d = insiders.open_raw(folder, "dep", DEP)
    key = d.data_key()
    d.close()
    doc = insiders.slot_file(folder)
    doc["users"]["governor"] = kept.users["governor"]
    planted = SlotFile.from_bytes(json.dumps(doc).encode())
    planted.wrap_data_key("governor", key)
    planted.save(folder)
    with pytest.raises(ConsoleError, match="not the one the signed chain gives you"):
        unlock.open_vault(folder, "governor", PASS)


def test_a_change_cut_short_before_the_chain_has_it_keeps_the_old_passphrase(folder):
    with unlock.open_vault(folder, "governor", PASS) as v:
        v.slots.begin_change("governor", b"\x07" * 32, NEW, v.data_key())
        v.save_slots()                                       # killed here
    with pytest.raises(WrongPassphrase, match="did not finish"):
        unlock.open_vault(folder, "governor", NEW)
    with unlock.open_vault(folder, "governor", PASS) as v:   # the old one still works
        assert v.slots.pending_public("governor") is None    # and the new half is gone
    with pytest.raises(WrongPassphrase):
        unlock.open_vault(folder, "governor", NEW)


def test_a_change_cut_short_after_the_chain_has_it_keeps_the_new_passphrase(folder,
                                                                             monkeypatch):
    with unlock.open_vault(folder, "governor", PASS) as v:
        def killed(self, user):
            raise KeyboardInterrupt
        real = SlotFile.finish_change
        monkeypatch.setattr(SlotFile, "finish_change", killed)
        with pytest.raises(KeyboardInterrupt):
            users.change_passphrase(v, PASS, NEW)
        monkeypatch.setattr(SlotFile, "finish_change", real)
    with pytest.raises(WrongPassphrase, match="was changed"):
        unlock.open_vault(folder, "governor", PASS)
    with unlock.open_vault(folder, "dep", DEP) as d:          # anyone's unlock settles it
        assert d.slots.pending_public("governor") is None
    with unlock.open_vault(folder, "governor", NEW) as v:
        assert chain.verify(v).ok and v.identity()


# -- quick unlock -----------------------------------------------------------------------------

def _keychain_has(vault_id, user) -> bool:
    return keyring.get_keyring().get_password(quick_unlock.SERVICE, f"{vault_id}:{user}") \
        is not None


def test_quick_unlock_is_off_where_several_users_share_the_computer(folder):
    with unlock.open_vault(folder, "governor", PASS) as v:
        ok, why = quick.availability(v)
        assert not ok and "2 people sign in to this vault on this computer" in why
        with pytest.raises(QuickUnlockUnavailable):
            quick.enable(v)
        # A deputy's row saying otherwise changes nothing: the chain's setting counts.
        v.conn.execute("UPDATE meta SET value = '1' WHERE key = 'quick_unlock_shared'")
        v.conn.commit()
        assert not quick.availability(v)[0]
        v.conn.execute("UPDATE meta SET value = '0' WHERE key = 'quick_unlock_shared'")
        v.conn.commit()
        users.set_setting(v, "quick_unlock_shared", 1)      # the governor, knowingly
        ok, why = quick.availability(v)
        assert ok and "including 1 other user of this vault" in why
        assert "24 hours after governor last typed the passphrase" in why
        quick.enable(v)
    with quick.open_quick(folder, "governor") as v:
        assert v.user.role == "governor"


def test_a_colleague_at_the_desk_gets_one_click_only_within_the_hours(folder, monkeypatch):
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.set_setting(v, "quick_unlock_shared", 1)
        users.set_setting(v, "quick_unlock_hours", 8)
        quick.enable(v)
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=9)
    real = quick.utcnow
    monkeypatch.setattr(quick, "utcnow", lambda: later)
    with pytest.raises(WrongPassphrase, match="once every 8 hour"):
        quick.open_quick(folder, "governor")
    monkeypatch.setattr(quick, "utcnow", real)
    # Stripping or replaying the sealed time helps nobody: no time, no quick unlock.
    doc = insiders.slot_file(folder)
    stamp = doc["users"]["governor"]["quick"].pop("stamp")
    insiders.write_slot_file(folder, doc)
    with pytest.raises(WrongPassphrase, match="passphrase"):
        quick.open_quick(folder, "governor")
    doc["users"]["governor"]["quick"]["stamp"] = {**stamp, "ct": stamp["ct"][::-1]}
    insiders.write_slot_file(folder, doc)
    with pytest.raises(WrongPassphrase):
        quick.open_quick(folder, "governor")
    with unlock.open_vault(folder, "governor", PASS):       # the passphrase, once
        pass
    with quick.open_quick(folder, "governor") as v:
        assert v.user.name == "governor"


def test_quick_unlock_is_dropped_by_a_passphrase_change(folder):
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.set_setting(v, "quick_unlock_shared", 1)
        quick.enable(v)
        vault_id = v.vault_id
        assert _keychain_has(vault_id, "governor")
        users.change_passphrase(v, PASS, NEW)
        assert not v.slots.has_quick("governor")
    assert not _keychain_has(vault_id, "governor")
    assert "quick" not in insiders.slot_file(folder)["users"]["governor"]
    with pytest.raises(WrongPassphrase):
        quick.open_quick(folder, "governor")


def test_a_reset_leaves_the_old_passphrase_nothing_current(folder, tmp_path):
    kept = _old_slot_file(folder, tmp_path)
    with unlock.open_vault(folder, "dep", DEP) as d:
        old_key = d.data_key()
    with unlock.open_vault(folder, "governor", PASS) as v:
        users.reset_user(v, "dep", "a passphrase the governor set")
        assert v.data_key() != old_key
    old_secret = kept.user_secret_from_passphrase("dep", DEP)
    assert kept.data_key("dep", old_secret) == old_key
    with pytest.raises(Exception):
        _connect(folder / DB_FILE, old_key)
    with unlock.open_vault(folder, "dep", "a passphrase the governor set") as d:
        assert d.user.role == "deputy"


def test_a_pending_change_planted_under_the_governors_name_opens_nothing(folder):
    """A deputy, holding the data key, writes a 'change in progress' into the
    governor's slot with a passphrase of their own: it reaches the database,
    but the chain names another key, so the unlock is refused and the planted
    half is dropped at the next proper unlock."""
    d = insiders.open_raw(folder, "dep", DEP)
    key = d.data_key()
    d.close()
    slots = SlotFile.load(folder)
    slots.begin_change("governor", b"\x05" * 32, "the deputy's own choice", key)
    slots.save(folder)
    with pytest.raises(WrongPassphrase, match="did not finish"):
        unlock.open_vault(folder, "governor", "the deputy's own choice")
    with unlock.open_vault(folder, "governor", PASS) as v:
        assert v.slots.pending_public("governor") is None
