"""More insider attacks, tried against the signed authority itself by a
deputy holding the data key: replaying an old slot file, reordering entries,
editing identity and users rows, settings outside their limits, a forged
restore entry, a deleted seal, planted bars and need-to-know rows. Each is
refused or detected naming the entry."""

from __future__ import annotations

import pytest

from console.audit import background, chain, unlock
from console.errors import ChainBroken, ChainRewound, ConsoleError, PermissionDenied
from console.records import access, register, users
from console.storage.identity import cert_fingerprint, generate_identity
from tests import insiders
from tests.conftest import PASS
from tests.test_insider_attacks import (  # noqa: F401 (fixtures)
    DEP_PASS,
    folder,
    governor,
    insider_template,
)


def test_an_old_slot_file_put_back_lets_no_removed_user_in_and_rolls_back_nothing(folder):
    old = insiders.slot_file(folder)           # the deputy keeps today's slot file
    with governor(folder) as g:
        users.remove_user(g, "dep")
        ref = g.query("SELECT ref FROM subjects")[0][0]
        access.restrict(g, ref, "Sensitive case.", allow=[])
    insiders.write_slot_file(folder, old)      # ...and puts it back later
    with pytest.raises(ConsoleError):
        insiders.open_raw(folder, "dep", DEP_PASS)
    with pytest.raises(ConsoleError):          # the key was rotated: nobody's old slot opens
        governor(folder)


def test_an_older_seal_put_back_is_noticed_and_checks_from_the_newer_copy(folder):
    with governor(folder):
        pass
    older = insiders.slot_file(folder)["users"]["governor"]["seal"]
    with governor(folder) as g:
        users.set_role(g, "view", "deputy")
    doc = insiders.slot_file(folder)
    doc["users"]["governor"]["seal"] = older
    insiders.write_slot_file(folder, doc)
    with governor(folder) as g:
        assert unlock.current(g).users["view"].role == "deputy"
        assert [s for _q, s in g.findings] == [
            "governor's key slot holds an older record of the chain than the copy this "
            "computer keeps: an older slot file was put back."]


def test_reordering_two_authority_entries_is_named(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    a, b = [r[0] for r in d.query("SELECT seq FROM audit WHERE action = 'user.add' "
                                  "ORDER BY seq")]
    d.conn.execute("PRAGMA foreign_keys = OFF")
    for table in ("audit_payload", "audit"):
        d.conn.execute(f"UPDATE {table} SET seq = -1 WHERE seq = ?", (a,))
        d.conn.execute(f"UPDATE {table} SET seq = ? WHERE seq = ?", (a, b))
        d.conn.execute(f"UPDATE {table} SET seq = ? WHERE seq = -1", (b,))
    report = chain.verify(d)
    assert not report.ok and report.first_bad == a
    d.close()


def test_a_certificate_row_swapped_for_the_governor_is_named_and_put_back(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    forged = generate_identity("Gwen Governor", "Governor", "HMP Testshire")
    d.conn.execute("UPDATE identities SET cert_pem = ?, fingerprint = ? WHERE user = "
                   "'governor'", (forged.cert_pem.decode(), forged.fingerprint))
    report = chain.verify(d)
    assert any("certificate stored for governor" in s for _q, s in report.findings)
    d.conn.commit()
    d.close()
    with governor(folder) as g:
        assert any("certificate stored for governor" in s for _q, s in g.findings)
        assert cert_fingerprint(users.certificate_pem(g)) == \
            unlock.current(g).users["governor"].fingerprint     # put back from the chain
        assert chain.verify(g).ok


def test_the_governor_marked_removed_in_the_rows_still_gets_in(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    d.conn.execute("PRAGMA foreign_keys = OFF")
    d.conn.execute("UPDATE users SET active = 0 WHERE name = 'governor'")
    d.conn.execute("DELETE FROM users WHERE name = 'view'")
    d.conn.commit()
    d.close()
    with governor(folder) as g:               # the rows no longer decide who may sign in
        assert g.user.role == "governor"
        said = " ".join(s for _q, s in g.findings)
        assert "shows governor as removed" in said and "no users row for view" in said
        assert {u.name for u in users.list_users(g)} == {"governor", "dep", "view"}
        assert "governor" in g.slots.users and "view" in g.slots.users


def test_a_setting_outside_its_limits_is_named_however_it_was_written(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    d.conn.execute("UPDATE meta SET value = '3650' WHERE key = 'unreferred_days'")
    d.conn.execute("UPDATE meta SET value = '0' WHERE key = 'backup_keep'")
    report = chain.verify(d)
    said = " ".join(s for _q, s in report.findings)
    assert "setting unreferred_days is not what entry #1 set it to" in said
    assert "setting backup_keep" in said
    bad = insiders.append_signed(d, "settings.change", "vault", "unreferred_days",
                                 after={"unreferred_days": 3650})
    report = chain.verify(d)
    assert report.first_bad == bad and "dep was a deputy" in report.reason
    d.close()
    with governor(folder) as g:
        with pytest.raises(ConsoleError):
            users.set_setting(g, "unreferred_days", 3650)
        insiders.append_signed(g, "settings.change", "vault", "unreferred_days",
                               after={"unreferred_days": 3650})
        report = chain.verify(g)
        assert "outside its limits (1 to 365)" in report.reason


def test_a_forged_restore_entry_does_not_explain_a_cut(folder):
    with governor(folder) as g:
        users.set_role(g, "view", "deputy")
        top = chain.head(g)[0]
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    d.conn.execute("DELETE FROM audit_payload WHERE seq = ?", (top,))
    d.conn.execute("DELETE FROM audit WHERE seq = ?", (top,))
    bad = insiders.append_signed(d, "vault.restore", "vault", d.vault_id,
                                 after={"restored_to": top - 1})
    d.conn.commit()
    d.close()
    with pytest.raises(ChainBroken) as exc:
        governor(folder)
    assert f"entry {bad}" in str(exc.value) and "restore a backup" in str(exc.value)


def test_a_deleted_seal_is_noticed(folder):
    doc = insiders.slot_file(folder)
    del doc["users"]["governor"]["seal"]
    insiders.write_slot_file(folder, doc)
    with governor(folder) as g:
        assert any("no longer holds the record of the chain" in s for _q, s in g.findings)


def test_an_altered_seal_is_noticed_and_the_whole_chain_replayed(folder):
    doc = insiders.slot_file(folder)
    doc["users"]["governor"]["seal"]["ct"] = doc["users"]["dep"]["seal"]["ct"]
    insiders.write_slot_file(folder, doc)
    with governor(folder) as g:
        assert any("was altered" in s for _q, s in g.findings)


def test_planted_bar_and_need_to_know_rows_carry_no_authority(folder):
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    ref, sid = d.query("SELECT ref, id FROM subjects ORDER BY id")[0]
    d.conn.execute("INSERT INTO conflicts(user, subject_id, reason, at) VALUES "
                   "('governor', ?, 'named as the subject', '2020-01-01')", (sid,))
    d.conn.commit()
    d.close()
    with governor(folder) as g:
        register.subject_record(g, ref)       # a conflicts row bars nobody
        access.restrict(g, ref, "Sensitive case.", allow=[])
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    d.conn.execute("INSERT INTO need_to_know(subject_id, user, granted_by, at) VALUES "
                   "(?, 'dep', 'governor', '2020-01-01')", (sid,))
    d.conn.commit()
    d.close()
    with governor(folder) as g:
        assert any(f"Who may see {ref} is not what entry" in s for _q, s in g.findings)


def test_a_deputy_cannot_change_roles_and_a_governor_cannot_demote_themselves(folder):
    with unlock.open_vault(folder, "dep", DEP_PASS) as d:
        with pytest.raises(PermissionDenied):
            users.set_role(d, "dep", "governor")
    with governor(folder) as g:
        with pytest.raises(PermissionDenied):
            users.set_role(g, "governor", "viewer")
        users.set_role(g, "view", "deputy")
    with unlock.open_vault(folder, "view", "viewer passphrase") as v:
        assert v.user.role == "deputy"


def test_the_background_check_stops_when_the_vault_closes(folder):
    g = governor(folder)
    seen = []
    check = background.start(g, seen.append)
    g.close()
    assert not check.running
    assert seen == [] or seen[0].finished


def test_the_background_check_reads_over_its_own_connection(folder):
    with governor(folder) as g:
        import threading
        done = threading.Event()
        box = []
        background.start(g, lambda r: (box.append(r), done.set()))
        assert done.wait(30)
        assert box[0].ok and box[0].entries == chain.head(g)[0]


def test_a_restore_explains_the_gap_to_users_who_had_seen_more(folder, tmp_path):
    from console.lawful.backups import make_backup
    from console.lawful.restore import restore_backup
    with governor(folder) as g:
        backup = make_backup(g, tmp_path / "b.gcbackup")
    with unlock.open_vault(folder, "dep", DEP_PASS) as d:
        mid = d.query("SELECT id FROM measures")[0][0]
        from console.records import measures
        measures.add_log_entry(d, mid, "Written after the backup.")
    restore_backup(folder, backup, "governor", PASS)
    with unlock.open_vault(folder, "dep", DEP_PASS) as d:
        assert any(n.startswith("The vault was restored from a backup on") for n in d.notices)
    with unlock.open_vault(folder, "dep", DEP_PASS) as d:
        assert d.notices == []
    with governor(folder) as g:
        entry = next(e for e in chain.entries(g) if e.action == "vault.restore")
        assert entry.after["restored_to"] == entry.seq - 1


def test_without_a_restore_entry_the_same_gap_is_refused(folder):
    with unlock.open_vault(folder, "dep", DEP_PASS) as d:
        mid = d.query("SELECT id FROM measures")[0][0]
        from console.records import measures
        measures.add_log_entry(d, mid, "Soon to be cut.")
        top = chain.head(d)[0]
    g = insiders.open_raw(folder, "governor", PASS)
    g.conn.execute("DELETE FROM audit_payload WHERE seq = ?", (top,))
    g.conn.execute("DELETE FROM audit WHERE seq = ?", (top,))
    g.conn.commit()
    g.close()
    with pytest.raises(ChainRewound):
        unlock.open_vault(folder, "dep", DEP_PASS)


def test_an_older_seal_put_back_with_the_chain_cut_to_it_is_caught_by_this_computers_copy(
        folder):
    with governor(folder):
        pass
    older = insiders.slot_file(folder)           # the deputy keeps today's slot file
    with insiders.open_raw(folder, "dep", DEP_PASS) as d:
        cut = chain.head(d)[0] + 1
    with governor(folder) as g:                   # the governor works on
        users.set_role(g, "view", "deputy")
    d = insiders.open_raw(folder, "dep", DEP_PASS)
    d.conn.execute("DELETE FROM audit_payload WHERE seq >= ?", (cut,))
    d.conn.execute("DELETE FROM audit WHERE seq >= ?", (cut,))
    d.conn.execute("UPDATE users SET role = 'viewer' WHERE name = 'view'")
    d.conn.commit()
    d.close()
    now = insiders.slot_file(folder)              # the same key: only the seal goes back
    now["users"]["governor"]["seal"] = older["users"]["governor"]["seal"]
    insiders.write_slot_file(folder, now)
    with pytest.raises(ChainRewound):
        governor(folder)
