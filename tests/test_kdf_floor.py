"""The key-derivation floor: nothing on disk can make new key slots cheaper
to guess than the built-in floor, and a slot found below it is re-derived at
the default cost the next time its owner unlocks with their passphrase."""

import json

import pytest

import console.storage.keyslots as ks
from console.errors import VaultDamaged
from console.records import users
from console.storage.keyslots import KdfParams
from console.storage.vault import REDERIVED, Vault
from tests.conftest import PASS

# Cheap enough for a test, but above what the attacker writes into the file.
FLOOR = KdfParams(time_cost=2, memory_cost=16384, parallelism=1)
LOWERED = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


@pytest.fixture
def floor(monkeypatch):
    monkeypatch.setattr(ks, "KDF_FLOOR", FLOOR)
    monkeypatch.setattr(ks, "DEFAULT_KDF", FLOOR)
    return FLOOR


def _slot_kdf(folder, user):
    doc = json.loads((folder / "keyslots.json").read_text())
    return KdfParams(**doc["users"][user]["passphrase"]["kdf"])


def test_a_lowered_kdf_in_the_slot_file_is_never_used_for_new_slots(floor, tmp_path):
    from console.audit.genesis import create_vault
    folder = tmp_path / "vault"
    create_vault(folder, "governor", PASS, "HMP Testshire").close()
    users_added = Vault.open(folder, "governor", PASS)
    users.add_user(users_added, "dep", "deputy passphrase", role="deputy")
    users_added.close()

    # The deputy, holding the data key, lowers the file's cost (no passphrase needed).
    doc = json.loads((folder / "keyslots.json").read_text())
    doc["kdf"] = LOWERED
    (folder / "keyslots.json").write_text(json.dumps(doc))

    with Vault.open(folder, "governor", PASS) as v:
        users.add_user(v, "view", "viewer passphrase", role="viewer")
    with Vault.open(folder, "dep", "deputy passphrase") as d:
        users.change_passphrase(d, "deputy passphrase", "a new deputy passphrase")
    assert _slot_kdf(folder, "view") == FLOOR
    assert _slot_kdf(folder, "dep") == FLOOR
    assert json.loads((folder / "keyslots.json").read_text())["kdf"] == {
        "time_cost": 2, "memory_cost": 16384, "parallelism": 1}


def test_a_slot_below_the_floor_says_so_and_is_re_derived_on_unlock(floor, tmp_path,
                                                                    monkeypatch):
    from console.audit.genesis import create_vault
    folder = tmp_path / "vault"
    with create_vault(folder, "governor", PASS, "HMP Testshire") as v:
        secret = v.user_secret()
    # The slot as an older version, or an edited slot file, would have left it.
    weak = KdfParams(1, 8192, 1)
    monkeypatch.setattr(ks, "KDF_FLOOR", weak)
    slots = ks.SlotFile.load(folder)
    slots.set_passphrase("governor", secret, PASS, weak)
    slots.save(folder)
    monkeypatch.setattr(ks, "KDF_FLOOR", FLOOR)
    assert _slot_kdf(folder, "governor") == weak

    with Vault.open(folder, "governor", PASS) as v:
        assert REDERIVED in v.notices
    assert _slot_kdf(folder, "governor") == FLOOR
    with Vault.open(folder, "governor", PASS) as v:
        assert v.notices == []


def test_an_absurd_cost_in_a_slot_is_refused_before_deriving(floor, tmp_path):
    from console.audit.genesis import create_vault
    folder = tmp_path / "vault"
    create_vault(folder, "governor", PASS, "HMP Testshire").close()
    doc = json.loads((folder / "keyslots.json").read_text())
    doc["users"]["governor"]["passphrase"]["kdf"]["memory_cost"] = 1 << 40
    (folder / "keyslots.json").write_text(json.dumps(doc))
    with pytest.raises(VaultDamaged):
        Vault.open(folder, "governor", PASS)
