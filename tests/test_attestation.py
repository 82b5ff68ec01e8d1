"""Vaults made before authority lived in the chain: their roles come from
their signed entries at once, and their slot keys, staff numbers and
settings are attested once by the founding governor, never by whoever the
rows call a governor."""

from __future__ import annotations

import pytest

from console.audit import chain, unlock
from console.errors import ChainBroken, PermissionDenied
from console.records import subjects, users
from console.storage.identity import generate_identity
from console.storage.keyslots import SlotFile
from console.records.commands import MeasureFields, SubjectFields
from tests import insiders
from tests.conftest import PASS

DEP_PASS = "deputy passphrase"


@pytest.fixture(scope="session")
def old_template(tmp_path_factory, kdf_floor_for_tests):
    """A vault as the previous version left it: governor, deputy, viewer
    (built once a session; ``old_vault`` copies it)."""
    from tests.conftest import FAST_KDF
    folder = tmp_path_factory.mktemp("legacy") / "vault"
    v = insiders.legacy_vault(folder, "governor", PASS, "HMP Oldshire", FAST_KDF)
    insiders.legacy_add_user(v, "dep", DEP_PASS, "deputy", staff_number="D1")
    insiders.legacy_add_user(v, "view", "viewer passphrase", "viewer")
    subjects.create_subject(v, SubjectFields("Alex Smith", staff_number="S1"))
    v.close()
    return folder


@pytest.fixture
def old_vault(tmp_path, fast_kdf, old_template):
    import shutil
    folder = tmp_path / "vault"
    shutil.copytree(old_template, folder)
    return folder


def _attestations(v):
    return [e for e in chain.entries(v) if e.action == "authority.attest"]


def test_the_founding_governor_attests_once(old_vault):
    with unlock.open_vault(old_vault, "governor", PASS) as g:
        (attested,) = _attestations(g)
        assert attested.user == "governor"
        assert set(attested.after["users"]) == {"governor", "dep", "view"}
        assert attested.after["users"]["dep"]["staff_number"] == "D1"
        assert any("now attested" in n for n in g.notices)
        state = unlock.current(g)
        assert state.attested == attested.seq
        assert state.users["dep"].slot == g.slots.users["dep"]["public"]
        assert chain.verify(g).ok
    with unlock.open_vault(old_vault, "governor", PASS) as g:
        assert len(_attestations(g)) == 1 and g.notices == []


def test_someone_else_opens_an_unattested_vault_safely(old_vault):
    d = insiders.open_raw(old_vault, "dep", DEP_PASS)
    d.conn.execute("UPDATE users SET role = 'governor' WHERE name = 'dep'")
    d.conn.commit()
    d.close()
    with unlock.open_vault(old_vault, "dep", DEP_PASS) as d:
        assert d.user.role == "deputy"             # from the chain's user.add entry
        assert not _attestations(d)
        assert any("not yet attested" in n and "(governor)" in n for n in d.notices)
        assert any("says dep is a governor" in f for _s, f in d.findings)
        with pytest.raises(PermissionDenied):
            users.add_user(d, "x", "some passphrase", role="governor")
    with unlock.open_vault(old_vault, "governor", PASS) as g:
        assert len(_attestations(g)) == 1
        assert g.findings                          # the row is still reported


def test_a_deputys_forged_attestation_is_named(old_vault):
    d = insiders.open_raw(old_vault, "dep", DEP_PASS)
    bad = insiders.append_signed(d, "authority.attest", "vault", d.vault_id, after={
        "users": {"governor": {"role": "viewer"}, "dep": {"role": "governor"}},
        "settings": {}})
    report = chain.verify(d)
    assert report.first_bad == bad and "dep was a deputy" in report.reason
    d.conn.commit()
    d.close()
    with pytest.raises(ChainBroken):
        unlock.open_vault(old_vault, "governor", PASS)


def test_an_attestation_that_changes_a_role_is_named(old_vault):
    with unlock.open_vault(old_vault, "dep", DEP_PASS):
        pass
    g = insiders.open_raw(old_vault, "governor", PASS)
    state = unlock.current(g)
    listed = {n: {"role": "governor" if n == "dep" else m.role, "fingerprint": m.fingerprint,
                  "slot": "x", "staff_number": ""} for n, m in state.active().items()}
    bad = insiders.append_signed(g, "authority.attest", "vault", g.vault_id,
                                 after={"users": listed, "settings": {}})
    report = chain.verify(g)
    assert report.first_bad == bad and "gives dep a role or certificate" in report.reason
    g.close()


def test_a_rewritten_old_chain_is_refused_to_its_founder(old_vault):
    d = insiders.open_raw(old_vault, "dep", DEP_PASS)
    forged = generate_identity("Gwen Governor", "Governor", "HMP Oldshire")
    d.conn.execute("INSERT INTO retired_certs(user, cert_pem, retired_at) VALUES "
                   "('governor', ?, '2020-01-01')", (forged.cert_pem.decode(),))
    keys = {"governor": forged, "dep": d.identity()}
    view = generate_identity("view", "viewer", "HMP Oldshire")   # not theirs either
    d.conn.execute("INSERT INTO retired_certs(user, cert_pem, retired_at) VALUES "
                   "('view', ?, '2020-01-01')", (view.cert_pem.decode(),))
    keys["view"] = view
    # Everything from the first entry on, now signed with the planted keys;
    # the user.add entries must name the planted fingerprints too.
    for seq, name in d.query("SELECT seq, entity_id FROM audit WHERE action = 'user.add'"):
        if name == "view":
            import json
            row = d.query("SELECT salt, after FROM audit_payload WHERE seq = ?", (seq,))[0]
            after = json.loads(row[1])
            after["fingerprint"] = view.fingerprint
            text = chain.canonical(after).decode()
            d.conn.execute("UPDATE audit_payload SET after = ? WHERE seq = ?", (text, seq))
            d.conn.execute("UPDATE audit SET payload_hash = ? WHERE seq = ?",
                           (insiders.payload_hash(bytes(row[0]), None, text), seq))
    insiders.resign_from(d, 1, keys)
    assert chain.verify(d).intact            # self-consistent, and unattested
    d.conn.commit()
    d.close()
    with pytest.raises(ChainBroken) as exc:
        unlock.open_vault(old_vault, "governor", PASS)
    assert "Your signing key is not the one the signed chain gives you" in str(exc.value)


def test_a_planted_slot_is_dropped_right_after_the_attestation(old_vault):
    d = insiders.open_raw(old_vault, "dep", DEP_PASS)
    key = d.data_key()
    d.close()
    slots = SlotFile.load(old_vault)
    slots.add_user("ghost", "ghost passphrase", key)
    slots.save(old_vault)
    with unlock.open_vault(old_vault, "governor", PASS) as g:
        assert "ghost" not in g.slots.users and "ghost" not in _attestations(g)[0].after[
            "users"]
        assert g.data_key() != key


def test_a_removed_founder_leaves_the_attestation_to_a_governor_the_chain_made(
        tmp_path, fast_kdf):
    folder = tmp_path / "vault"
    v = insiders.legacy_vault(folder, "founder", PASS, "HMP Oldshire", fast_kdf)
    insiders.legacy_add_user(v, "second", "second governor pass", "governor")
    v.close()
    s = insiders.open_raw(folder, "second", "second governor pass")
    with s.write():
        s.conn.execute("UPDATE users SET active = 0 WHERE name = 'founder'")
        chain.append(s, "user.remove", "user", "founder", after={"rotated_key": False})
    s.close()
    with unlock.open_vault(folder, "second", "second governor pass") as g:
        (attested,) = _attestations(g)
        assert attested.user == "second" and set(attested.after["users"]) == {"second"}
        assert "founder" not in g.slots.users
