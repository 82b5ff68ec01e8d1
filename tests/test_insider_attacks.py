"""Insiders with a legitimately obtained data key: each attack is run as the
deputy or viewer would run it (their own passphrase, raw SQL on the vault's
connection, entries signed with their own key, an edited slot file) and is
shown refused, or detected naming the entry."""

from __future__ import annotations

import datetime as dt

import pytest

from console.audit import chain, unlock
from console.errors import ChainBroken, ChainRewound, ConsoleError, PermissionDenied
from console.records import conflicts, measures, register, subjects, users
from console.storage.identity import generate_identity
from console.storage.keyslots import SlotFile
from console.records.commands import MeasureFields, SubjectFields
from tests import insiders
from tests.conftest import PASS

DEP_PASS = "deputy passphrase"
VIEW_PASS = "viewer passphrase"
TODAY = dt.date.today()


@pytest.fixture(scope="session")
def insider_template(tmp_path_factory, kdf_floor_for_tests):
    """A vault with a governor (staff number G100), a deputy (D200), a viewer,
    two subjects, a measure and a mix of governor and deputy entries, built
    once a session (``folder`` copies it)."""
    import console.storage.keyslots as ks
    from console.audit.genesis import create_vault
    from tests.conftest import FAST_KDF
    path = tmp_path_factory.mktemp("insiders") / "vault"
    saved, ks.DEFAULT_KDF = ks.DEFAULT_KDF, FAST_KDF
    try:
        with create_vault(path, "governor", PASS, "HMP Testshire",
                          display_name="Gwen Governor", kdf=FAST_KDF,
                          staff_number="G100") as v:
            users.add_user(v, "dep", DEP_PASS, role="deputy", staff_number="D200")
            users.add_user(v, "view", VIEW_PASS, role="viewer")
            a = subjects.create_subject(v, SubjectFields("Alex Smith", staff_number="S1",
                                                         likelihood=3, impact=3))
            subjects.create_subject(v, SubjectFields("Sam Jones", staff_number="S2"))
            measures.add_measure(v, a.ref, MeasureFields(aim="protect", type="moved",
                                                         start_on=TODAY))
        with unlock.open_vault(path, "dep", DEP_PASS) as d:
            measures.add_log_entry(d, d.query("SELECT id FROM measures")[0][0],
                                   "Searched, nothing found.")
        with unlock.open_vault(path, "governor", PASS) as v:
            subjects.assess_threat(v, a.ref, SubjectFields(likelihood=4))
            subjects.update_profile(v, a.ref, SubjectFields(location="C wing"))
    finally:
        ks.DEFAULT_KDF = saved
    return path


@pytest.fixture
def folder(tmp_path, fast_kdf, insider_template):
    """This test's own copy of the insiders' vault (closed)."""
    import shutil
    path = tmp_path / "vault"
    shutil.copytree(insider_template, path)
    return path


def governor(folder):
    return unlock.open_vault(folder, "governor", PASS)


# -- 1. a planted certificate and a rewritten history ----------------------------------------

def test_1_a_planted_certificate_cannot_re_sign_the_governors_history(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    forged = generate_identity("Gwen Governor", "Governor", "HMP Testshire")
    d.conn.execute("INSERT INTO retired_certs(user, cert_pem, retired_at) VALUES "
                   "('governor', ?, '2020-01-01')", (forged.cert_pem.decode(),))
    target = d.query("SELECT seq FROM audit WHERE action = 'subject.assess'")[0][0]
    insiders.renumber_after_delete(d, target)
    insiders.resign_from(d, target, {"governor": forged, "dep": d.identity()})
    report = chain.verify(d)
    assert not report.ok and report.first_bad == target
    assert "not the certificate the chain gave governor (entry #1)" in report.reason
    d.conn.commit()
    d.close()

    with pytest.raises(ChainBroken) as exc:      # the governor's next unlock
        governor(folder)
    assert f"entry {target}" in str(exc.value)


def test_1_audit_verify_and_check_name_the_entry(folder, monkeypatch, capsys):
    from cli.main import main
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    forged = generate_identity("Gwen Governor", "Governor", "HMP Testshire")
    d.conn.execute("INSERT INTO retired_certs(user, cert_pem, retired_at) VALUES "
                   "('governor', ?, '2020-01-01')", (forged.cert_pem.decode(),))
    target = d.query("SELECT seq FROM audit WHERE action = 'subject.update'")[0][0]
    d.conn.execute("UPDATE audit_payload SET after = '{\"location\":\"A wing\"}' "
                   "WHERE seq = ?", (target,))
    row = d.query("SELECT salt, before, after FROM audit_payload WHERE seq = ?", (target,))[0]
    d.conn.execute("UPDATE audit SET payload_hash = ? WHERE seq = ?",
                   (insiders.payload_hash(bytes(row[0]), row[1], row[2]), target))
    insiders.resign_from(d, target, {"governor": forged, "dep": d.identity()})
    d.conn.commit()
    d.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", DEP_PASS)
    for command in ("audit-verify", "check"):
        assert main([command, "--vault", str(folder), "--user", "dep"]) != 0
        out = capsys.readouterr()
        assert f"entry {target}" in out.out + out.err


# -- 2. a key slot with no user behind it ---------------------------------------------------

def _plant(folder, name="ghost", passphrase="ghost passphrase"):
    """The deputy adds a slot of their own making (they hold the data key)."""
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    key = d.data_key()
    d.close()
    slots = SlotFile.load(folder)
    slots.add_user(name, passphrase, key)
    slots.save(folder)
    return key


def test_2_a_planted_slot_is_dropped_at_the_governors_next_unlock(folder):
    old_key = _plant(folder)
    with governor(folder) as v:
        assert "ghost" not in v.slots.users
        assert v.data_key() != old_key
        assert any("key slot" in n for n in v.notices)
        drops = [e for e in chain.entries(v) if e.action == "slot.drop"]
        assert [e.entity_id for e in drops] == ["ghost"]
        assert chain.verify(v).ok
    assert "ghost" not in insiders.slot_file(folder)["users"]
    with pytest.raises(ConsoleError):
        insiders.open_raw(folder, "ghost", "ghost passphrase")


def test_2_a_removed_deputys_planted_slot_no_longer_opens_the_vault(folder):
    saved = insiders.slot_file(folder)      # the deputy keeps a copy of the planted slot
    old_key = _plant(folder, "backup-admin", "kept for later")
    planted = SlotFile.load(folder)
    with governor(folder) as v:
        users.remove_user(v, "dep")
        new_key = v.data_key()
    assert new_key != old_key
    doc = insiders.slot_file(folder)
    assert "backup-admin" not in doc["users"] and "dep" not in doc["users"]
    # The slot they kept still yields the old key, which opens nothing now.
    secret = planted.user_secret_from_passphrase("backup-admin", "kept for later")
    assert planted.data_key("backup-admin", secret) == old_key
    from console.storage.vault import _connect
    from console.storage.layout import DB_FILE
    with pytest.raises(Exception):
        _connect(folder / DB_FILE, old_key)
    # Putting the old slot file back does not let anyone in either.
    insiders.write_slot_file(folder, saved)
    with pytest.raises(ConsoleError):
        insiders.open_raw(folder, "dep", DEP_PASS)


def test_2_a_slot_swapped_under_a_users_name_is_dropped(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    key = d.data_key()
    d.close()
    slots = SlotFile.load(folder)
    del slots.users["view"]
    slots.add_user("view", "my own passphrase now", key)   # the viewer's name, my key
    slots.save(folder)
    with governor(folder) as v:
        assert "view" not in v.slots.users
        assert [e.after["reason"] for e in chain.entries(v) if e.action == "slot.drop"] == [
            f"not the key entry #{unlock.current(v).users['view'].role_seq} gave view"]


# -- 3. a viewer promotes themselves in the rows ---------------------------------------------

def test_3_a_viewer_made_governor_in_the_rows_stays_a_viewer(folder):
    v = insiders.open_raw(folder, "view", VIEW_PASS)
    v.conn.execute("UPDATE users SET role = 'governor' WHERE name = 'view'")
    v.conn.commit()
    v.close()
    with unlock.open_vault(folder, "view", VIEW_PASS) as me:
        assert me.user.role == "viewer"
        with pytest.raises(PermissionDenied):
            users.add_user(me, "mallory", "some passphrase", role="governor")
        assert any("says view is a governor" in f for _s, f in me.findings)
    with governor(folder) as g:
        added = next(e.seq for e in chain.entries(g) if e.action == "user.add"
                     and e.entity_id == "view")
        assert (added, "The users table says view is a governor, but entry "
                       f"#{added} made them a viewer.") in g.findings


def test_3_what_the_promoted_viewer_signs_is_named_by_the_replay(folder):
    v = insiders.open_raw(folder, "view", VIEW_PASS)
    v.conn.execute("UPDATE users SET role = 'governor' WHERE name = 'view'")
    v.conn.commit()
    v.close()
    v = insiders.open_raw(folder, "view", VIEW_PASS)
    assert v.user.role == "governor"       # the rows say so, and Vault.open trusts rows
    with pytest.raises(ChainBroken):       # the service's own entry is checked as written
        users.add_user(v, "mallory", "some passphrase", role="governor")
    assert "mallory" not in {r[0] for r in v.query("SELECT name FROM users")}
    bad = insiders.append_signed(v, "user.add", "user", "mallory", after={
        "role": "governor", "display_name": "Mallory", "fingerprint": "00", "slot": "x"})
    report = chain.verify(v)
    assert not report.ok and report.first_bad == bad
    assert "view was a viewer at that point" in report.reason
    assert "only the governor may manage users" in report.reason
    v.conn.commit()
    v.close()
    with pytest.raises(ChainBroken) as exc:
        governor(folder)
    assert f"entry {bad}" in str(exc.value)


# -- 5. a deputy bars the governor from a record ---------------------------------------------

def test_5_a_deputy_cannot_give_a_subject_the_governors_staff_number(folder):
    with unlock.open_vault(folder, "dep", DEP_PASS) as d:
        ref = register.register_rows(d)[0].subject.ref
        with pytest.raises(PermissionDenied) as exc:
            subjects.update_profile(d, ref, SubjectFields(staff_number="G100"))
        assert "only the governor can confirm it" in str(exc.value)
        with pytest.raises(PermissionDenied):
            subjects.create_subject(d, SubjectFields("Gwen Governor", staff_number="G100"))
        subjects.update_profile(d, ref, SubjectFields(location="Gate"))   # other edits work


def test_5_the_deputys_own_signed_entry_doing_it_is_named(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    ref = d.query("SELECT ref FROM subjects ORDER BY id")[0][0]
    d.conn.execute("UPDATE subjects SET staff_number = 'G100' WHERE ref = ?", (ref,))
    bad = insiders.append_signed(d, "subject.update", "subject", ref,
                                 after={"staff_number": "G100"})
    report = chain.verify(d)
    assert report.first_bad == bad
    assert "staff number of governor" in report.reason and "without a governor" in report.reason
    d.close()


def test_5_a_bar_follows_the_staff_number_and_a_governor_can_lift_it(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)     # raw SQL, no entry at all
    ref = d.query("SELECT ref FROM subjects ORDER BY id")[0][0]
    d.conn.execute("UPDATE subjects SET staff_number = 'G100' WHERE ref = ?", (ref,))
    d.conn.commit()
    d.close()
    with governor(folder) as g:
        with pytest.raises(PermissionDenied):
            register.subject_record(g, ref)
        assert conflicts.Bar(ref, "governor") in conflicts.bars(g)
        conflicts.lift(g, ref, "governor", "Staff number entered in error; checked with HR.")
        register.subject_record(g, ref)                  # readable again
        assert conflicts.Bar(ref, "governor", True) in conflicts.bars(g)
        lifted = [e for e in chain.entries(g) if e.action == "conflict.lift"]
        assert lifted and lifted[0].after["reason"].startswith("Staff number entered")
    d = insiders.open_raw(folder, "dep", DEP_PASS)     # and back again
    d.conn.execute("UPDATE subjects SET staff_number = 'S1' WHERE ref = ?", (ref,))
    d.conn.execute("UPDATE subjects SET staff_number = 'G100' WHERE ref != ?", (ref,))
    d.conn.commit()
    d.close()
    with governor(folder) as g:
        register.subject_record(g, ref)                  # no bar outlives the match
        other = [r.subject.ref for r in register.register_rows(g) if r.subject.ref != ref][0]
        with pytest.raises(PermissionDenied):
            register.subject_record(g, other)            # a fresh match bars again
        report = chain.verify(g)
        assert any(f"staff number of {ref}" in s for _q, s in report.findings)


def test_5_a_deputy_cannot_lift_a_bar(folder):
    with unlock.open_vault(folder, "dep", DEP_PASS) as d:
        with pytest.raises(PermissionDenied):
            conflicts.lift(d, "CC-0000-001", "governor", "no reason")


# -- 6. a deputy's erasure of a live subject ---------------------------------------------------

def test_6_a_deputys_erasure_of_a_live_subject_is_named(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    ref = d.query("SELECT ref FROM subjects ORDER BY id")[0][0]
    seqs = [r[0] for r in d.query("SELECT seq FROM audit WHERE entity = 'subject' AND "
                                  "entity_id = ?", (ref,))]
    d.conn.executemany("DELETE FROM audit_payload WHERE seq = ?", [(s,) for s in seqs])
    bad = insiders.append_signed(d, "subject.erase", "subject", ref, after={"reason": "x"})
    report = chain.verify(d)
    assert not report.ok and report.first_bad == bad
    assert "dep was a deputy" in report.reason and "erase a record" in report.reason
    assert f"the details of {len(seqs)} earlier entries" in report.reason
    assert "lawfully erased" not in report.sentence()
    d.conn.commit()
    d.close()
    with pytest.raises(ChainBroken):
        governor(folder)


def test_6_even_a_governor_signed_erasure_needs_the_subject_gone(folder):
    with governor(folder) as g:
        ref = g.query("SELECT ref FROM subjects ORDER BY id")[0][0]
        insiders.append_signed(g, "subject.erase", "subject", ref, after={"reason": "x"})
        report = chain.verify(g)
        assert "still on the register" in report.reason


# -- 7. cut the governor's newest entries, pad with legitimate ones ----------------------------

def test_7_cutting_and_padding_the_chain_is_refused_at_the_governors_unlock(folder):
    with governor(folder) as g:
        ref = g.query("SELECT ref FROM subjects ORDER BY id")[0][0]
        subjects.update_profile(g, ref, SubjectFields(notes="The governor's latest note."))
        subjects.assess_threat(g, ref, SubjectFields(impact=5))
        cut = chain.head(g)[0] - 1          # the governor's two newest entries
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    d.conn.execute("DELETE FROM audit_payload WHERE seq >= ?", (cut,))
    d.conn.execute("DELETE FROM audit WHERE seq >= ?", (cut,))
    mid = d.query("SELECT id FROM measures")[0][0]
    for i in range(4):                      # legitimate-looking padding
        measures.add_log_entry(d, mid, f"Routine check {i}.")
    assert chain.verify(d).intact           # the chain alone looks fine
    d.conn.commit()
    d.close()
    with pytest.raises(ChainRewound) as exc:
        governor(folder)
    said = str(exc.value)
    assert said.startswith("Entries after #") and "since you last signed in on" in said
    assert int(said.split("#")[1].split()[0]) < cut
    assert "restore the vault from a backup" in said


def test_the_governor_reviews_and_lifts_bars_and_changes_roles_from_the_command_line(
        folder, cli):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    ref = d.query("SELECT ref FROM subjects ORDER BY id")[0][0]
    d.conn.execute("UPDATE subjects SET staff_number = 'G100' WHERE ref = ?", (ref,))
    d.conn.commit()
    d.close()
    r = cli("bars", "--vault", str(folder), passphrase=PASS)
    assert r.returncode == 0 and f"{ref}" in r.stdout and "barred" in r.stdout
    r = cli("lift-bar", ref, "governor", "--reason", "Entered in error.", "--vault",
            str(folder), passphrase=PASS)
    assert r.returncode == 0, r.stderr
    assert "lifted" in cli("bars", "--vault", str(folder), passphrase=PASS).stdout
    r = cli("lift-bar", ref, "governor", "--reason", "x", "--vault", str(folder),
            "--user", "dep", passphrase=DEP_PASS)
    assert r.returncode == 2 and "Only the governor" in r.stderr
    r = cli("user", "role", "view", "--role", "deputy", "--vault", str(folder), passphrase=PASS)
    assert r.returncode == 0 and "view is now a deputy" in r.stdout
