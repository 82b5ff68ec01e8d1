"""Need-to-know in cryptography: a restricted record is sealed under its own
key, wrapped only to the users the signed chain entitles; report full text
and sources are sealed to the roles that may read them. Attacked as a
hostile deputy or viewer would: with the data key from their own slot, every
cell of every table and every decrypted page of the file and its log."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from console.audit import chain as audit
from console.audit import sealing_keys
from console.errors import PermissionDenied
from console.records import (
    access,
    intel,
    measures,
    referrals,
    register,
    sealed,
    sealing,
    subjects,
    users,
)
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.vault import Vault
from tests import insider_dump as dump
from tests.conftest import PASS

TODAY = dt.date.today()
DEP = "deputy passphrase"
NAME = "Ignatius Sealedperson"
SECRETS = [NAME, "SN-77123", "sealed-notes-text", "sealed-full-text", "sealed-summary-text",
           "sealed-author-name", "INTEL-REF-991", "sealed-measure-details", "sealed-log-text",
           "POLICE-REF-5521", "sealed-status-reason"]
OPEN_FULL = ["open-full-text", "open-author-name", "OPEN-INTEL-77"]


@pytest.fixture(scope="session")
def world_template(tmp_path_factory, kdf_floor_for_tests):
    """Built once a session (``world`` copies it for each test): a governor,
    the owner and a deputy, a viewer; a record with a report, a referral, a
    measure with a log entry and a status change, restricted to its owner;
    an open record with a report."""
    import console.storage.keyslots as ks
    from console.audit.genesis import create_vault
    from tests.conftest import FAST_KDF
    path = tmp_path_factory.mktemp("sealed") / "vault"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ks, "DEFAULT_KDF", FAST_KDF)
        vault = create_vault(path, "governor", PASS, "HMP Testshire",
                             display_name="Gwen Governor", kdf=FAST_KDF)
        world = _build(vault)
        vault.close()
    return path, world


@pytest.fixture
def world(world_template, vault_path, fast_kdf):
    import shutil
    path, built = world_template
    shutil.copytree(path, vault_path)
    return {**built, "path": vault_path}


def _build(vault) -> dict:
    users.add_user(vault, "owner", DEP, role="deputy", display_name="Olive Owner")
    users.add_user(vault, "dep", DEP, role="deputy", display_name="Dee Deputy")
    users.add_user(vault, "viewer", DEP, role="viewer", display_name="Vic Viewer")
    s = subjects.create_subject(vault, SubjectFields(
        NAME, staff_number="SN-77123", owner="Olive Owner", categories=["theft"],
        likelihood=4, impact=4, notes="sealed-notes-text"))
    r = intel.add_report(vault, s.ref, ReportFields(
        type="police", received_on=TODAY - dt.timedelta(days=40), source_grade=2,
        intel_grade="C", handling="P", full_text="sealed-full-text",
        summary="sealed-summary-text", author="sealed-author-name",
        external_ref="INTEL-REF-991"))
    f = referrals.add_referral(vault, s.ref, ReferralFields(
        target="police", referred_on=TODAY - dt.timedelta(days=30), reference="POLICE-REF-5521"))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="supervision", details="sealed-measure-details",
        review_due=TODAY - dt.timedelta(days=1)))
    measures.add_log_entry(vault, m.id, "sealed-log-text")
    subjects.change_status(vault, s.ref, "assessed", "sealed-status-reason")
    o = subjects.create_subject(vault, SubjectFields("Open Record", categories=["other"]))
    intel.add_report(vault, o.ref, ReportFields(
        type="ssir", received_on=TODAY, source_grade=1, intel_grade="A", handling="P",
        full_text="open-full-text", summary="open-summary-text", author="open-author-name",
        external_ref="OPEN-INTEL-77"))
    before = _governor_view(vault, s.ref)
    access.restrict(vault, s.ref, "Live police operation")
    after = _governor_view(vault, s.ref)
    return {"ref": s.ref, "sid": s.id, "report": r.id, "referral": f.id, "measure": m.id,
            "open": o.ref, "before": before, "after": after}


def _governor_view(v, ref):
    rows = [r for r in register.register_rows(v) if r.subject.ref == ref]
    rec = register.subject_record(v, ref, journaled=False)
    return rows, rec, register.dashboard(v)


def _dump(path, user, passphrase):
    key = dump.data_key(path, user, passphrase)
    return dump.cells(path, key) + dump.pages(path, key)


def test_the_governor_sees_a_sealed_record_exactly_as_before(world):
    (rows_b, rec_b, dash_b), (rows_a, rec_a, dash_a) = world["before"], world["after"]
    # Only the governor's note of who may see it is new once it is restricted.
    assert rows_b[0].restricted_to is None and rows_a[0].restricted_to == ("owner",)
    assert [dataclasses.replace(r, restricted_to=None) for r in rows_a] == rows_b
    assert rows_a[0].flags.needs_attention
    assert rec_a.restricted_to == ("owner",)
    assert dataclasses.replace(rec_a, restricted_to=None) == rec_b
    assert rec_a.reports[0].full_text == "sealed-full-text"
    assert dash_a == dash_b


def test_a_deputy_off_the_list_finds_nothing_of_it_in_any_cell_or_page(world):
    blobs = _dump(world["path"], "dep", DEP)
    assert dump.found(SECRETS, blobs) == set()
    # The same dump does find what the deputy may read: it would find a leak.
    assert dump.found(["Open Record", "open-summary-text"], blobs) == {
        "Open Record", "open-summary-text"}


def test_a_viewer_finds_no_full_text_or_source_anywhere(world):
    blobs = _dump(world["path"], "viewer", DEP)
    assert dump.found(OPEN_FULL + SECRETS, blobs) == set()


def test_a_viewer_on_the_list_reads_the_record_but_never_its_full_text(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        access.grant(g, world["ref"], "viewer", "Needs the profile")
    with Vault.open(world["path"], "viewer", DEP) as v:
        rec = register.subject_record(v, world["ref"])
        assert rec.subject.name == NAME
        assert rec.reports[0].full_text == "" and rec.reports[0].full_text_withheld
        assert rec.reports[0].summary == "sealed-summary-text"
    assert dump.found(["sealed-full-text", "sealed-author-name", "INTEL-REF-991"],
                      _dump(world["path"], "viewer", DEP)) == set()


def test_the_owner_on_the_list_reads_and_writes_it(world):
    with Vault.open(world["path"], "owner", DEP) as o:
        rec = register.subject_record(o, world["ref"])
        assert rec.subject.notes == "sealed-notes-text"
        assert rec.reports[0].author == "sealed-author-name"
        measures.add_log_entry(o, world["measure"], "second-sealed-log")
        assert [e.text for e in measures.get_measure(o, world["measure"]).log] == [
            "sealed-log-text", "second-sealed-log"]
    assert "second-sealed-log" not in dump.found(["second-sealed-log"],
                                                 _dump(world["path"], "dep", DEP))
    with Vault.open(world["path"], "governor", PASS) as g:
        assert [e.text for e in measures.get_measure(g, world["measure"]).log][-1] == \
            "second-sealed-log"
        assert audit.verify(g).ok


def test_every_service_refuses_a_deputy_who_holds_no_key(world):
    with Vault.open(world["path"], "dep", DEP) as d:
        for call in (lambda: subjects.get_subject(d, world["ref"]),
                     lambda: intel.get_report(d, world["report"]),
                     lambda: referrals.get_referral(d, world["referral"]),
                     lambda: measures.get_measure(d, world["measure"])):
            with pytest.raises(PermissionDenied, match="need-to-know"):
                call()
        stub = {r.subject.ref: r for r in register.register_rows(d)}[world["ref"]]
        assert stub.restricted and stub.rag == "red" and stub.subject.likelihood == 0


def test_the_audit_history_is_sealed_and_the_chain_still_verifies(world):
    with Vault.open(world["path"], "dep", DEP) as d:
        assert audit.verify(d).ok            # every user can check every entry
    with Vault.open(world["path"], "governor", PASS) as g:
        assert audit.verify(g).ok
        history = register.subject_history(g, world["ref"])
        made = next(e for e in history if e.action == "subject.create")
        assert made.after["name"] == NAME    # the governor reads the sealed details


def test_revoking_gives_the_record_a_new_key_the_old_one_cannot_open(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        access.grant(g, world["ref"], "dep", "Covering")
    with Vault.open(world["path"], "dep", DEP) as d:
        version, kept = sealing_keys.keyring(d).current(world["ref"])
        assert version == 1 and subjects.get_subject(d, world["ref"]).name == NAME
    with Vault.open(world["path"], "governor", PASS) as g:
        access.revoke(g, world["ref"], "dep", "Cover ended")
        intel.add_report(g, world["ref"], ReportFields(
            type="ssir", received_on=TODAY, source_grade=1, intel_grade="A", handling="P",
            summary="after-revoke-summary"))
        (v2, head, body), = g.query("SELECT r.version, h.head, r.body FROM sealed_records r "
                                    "JOIN sealed_heads h USING (subject_id)")
        assert v2 == 2
    for version in (1, 2):
        for kind, blob in (("head", head), ("body", body)):
            assert sealed.open_blob(_vid(world), world["ref"], world["sid"], version, kind,
                                    kept, blob) is None
    with Vault.open(world["path"], "dep", DEP) as d:
        with pytest.raises(PermissionDenied):
            subjects.get_subject(d, world["ref"])
    assert dump.found(["after-revoke-summary"], _dump(world["path"], "dep", DEP)) == set()


def _vid(world):
    from console.storage.keyslots import SlotFile
    return SlotFile.load(world["path"]).vault_id


def test_lifting_the_restriction_unseals_it_for_everyone(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        access.unrestrict(g, world["ref"], "Operation over")
        assert g.query("SELECT count(*) FROM sealed_records") == [(0,)]
        assert audit.verify(g).ok
    with Vault.open(world["path"], "dep", DEP) as d:
        rec = register.subject_record(d, world["ref"])
        assert rec.subject.name == NAME and rec.reports[0].id == world["report"]
        assert [m.id for m in rec.measures] == [world["measure"]]
        made = next(e for e in register.subject_history(d, world["ref"])
                    if e.action == "subject.create")
        assert made.after["notes"] == "sealed-notes-text"
        assert audit.verify(d).ok


def test_restricting_again_after_lifting_seals_afresh(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        access.unrestrict(g, world["ref"], "Operation over")
        access.restrict(g, world["ref"], "It started again")
        assert audit.verify(g).ok
    assert dump.found(SECRETS, _dump(world["path"], "dep", DEP)) == set()


def test_a_key_planted_for_the_governor_is_refused_not_used(world):
    with Vault.open(world["path"], "dep", DEP) as d:
        slot = audit_state(d).users["governor"].slot
        planted = sealing_keys.new_key()
        with d.write():
            sealing_keys.wrap(d.conn, d.vault_id, "governor", slot, {world["ref"]: (1, planted)})
    with Vault.open(world["path"], "governor", PASS) as g:
        assert sealing_keys.keyring(g).problems == 1
        assert any("does not match" in text or "do not match" in text for _seq, text in g.findings)
        with pytest.raises(PermissionDenied):
            subjects.get_subject(g, world["ref"])   # nothing is written under it either


def audit_state(v):
    from console.audit.current import now
    return now(v)


def test_sealed_details_cannot_be_swapped_or_put_back_in_clear(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        seqs = [r[0] for r in g.query(
            "SELECT a.seq FROM audit a JOIN audit_payload p ON p.seq = a.seq WHERE "
            "a.entity_id = ? AND p.after LIKE '{\"sealed\":%' ORDER BY a.seq", (world["ref"],))]
        a, b = seqs[0], seqs[1]
        with g.write():
            (pa,), (pb,) = (g.query("SELECT after FROM audit_payload WHERE seq = ?", (s,))[0:1]
                            for s in (a, b))
            g.conn.execute("UPDATE audit_payload SET after = ? WHERE seq = ?", (pb[0], a))
        report = audit.verify(g)
        assert not report.ok and report.first_bad == a


def test_a_conflict_bar_takes_the_key_from_the_user_named(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        users.add_user(g, "cand", DEP, role="deputy", staff_number="SN-4040")
        access.grant(g, world["ref"], "cand", "Works the case")
    with Vault.open(world["path"], "cand", DEP) as c:
        assert subjects.get_subject(c, world["ref"]).name == NAME
    with Vault.open(world["path"], "governor", PASS) as g:
        subjects.update_profile(g, world["ref"], SubjectFields(staff_number="SN-4040"))
        assert "cand" not in {u for _s, u in g.query(
            "SELECT scope, user FROM sealing_keys WHERE scope = ?", (world["ref"],))}
        assert g.query("SELECT version FROM sealed_records") == [(2,)]
    with Vault.open(world["path"], "cand", DEP) as c:
        with pytest.raises(PermissionDenied):
            subjects.get_subject(c, world["ref"])
    assert dump.found(["sealed-notes-text"], _dump(world["path"], "cand", DEP)) == set()


def test_a_deputy_made_viewer_loses_the_full_text_key(world):
    with Vault.open(world["path"], "dep", DEP) as d:
        v1, kept = sealing_keys.keyring(d).current(sealing_keys.FULLTEXT)
    with Vault.open(world["path"], "governor", PASS) as g:
        users.set_role(g, "dep", "viewer")
        assert audit_state(g).keys[sealing_keys.FULLTEXT][0] == v1 + 1
        intel.add_report(g, world["open"], ReportFields(
            type="ssir", received_on=TODAY, source_grade=1, intel_grade="A", handling="P",
            full_text="after-demotion-text"))
        stored = [r[0] for r in g.query("SELECT full_text FROM intel_reports")]
    from console.records import fulltext
    for value in stored:
        assert fulltext.open_value(_vid(world), lambda _v: kept, 0, "full_text", value) is None
    assert dump.found(OPEN_FULL + ["after-demotion-text"],
                      _dump(world["path"], "dep", DEP)) == set()


def test_removing_a_user_rekeys_what_they_held(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        users.remove_user(g, "owner")
        state = audit_state(g)
        assert state.keys[world["ref"]][0] == 2
        assert state.keys[sealing_keys.FULLTEXT][0] == 2
        assert g.query("SELECT count(*) FROM sealing_keys WHERE user = 'owner'") == [(0,)]
        assert register.subject_record(g, world["ref"]).reports[0].full_text == \
            "sealed-full-text"


def test_a_new_key_pair_gets_every_key_the_user_held(world):
    import base64

    from cryptography.hazmat.primitives import serialization

    from console.storage.keyslots import SlotFile, user_private_key
    old = SlotFile.load(world["path"]).user_secret_from_passphrase("owner", DEP)
    new = bytes(range(32))
    new_public = base64.b64encode(user_private_key(new).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()
    with Vault.open(world["path"], "governor", PASS) as g:
        before, _bad, _n = sealing_keys.unwrap(g.conn, g.vault_id, "owner", old)
        assert sealing_keys.rewrap_user(g, "owner", old, new_public) == len(before) == 2
        after, _bad, _n = sealing_keys.unwrap(g.conn, g.vault_id, "owner", new)
        assert after == before
        assert sealing_keys.unwrap(g.conn, g.vault_id, "owner", old)[0] == {}


def test_holdings_say_which_records_and_keys_a_user_may_hold(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        got = {u: [(h.scope, h.version) for h in sealing.holdings(g, u)]
               for u in ("owner", "dep", "viewer", "governor")}
    assert got["owner"] == [("fulltext", 1), (world["ref"], 1)]
    assert got["dep"] == [("fulltext", 1)]
    assert got["viewer"] == []
    assert got["governor"] == got["owner"]


def test_ids_stay_unique_across_clear_and_sealed_rows(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        r = intel.add_report(g, world["ref"], ReportFields(
            type="ssir", received_on=TODAY, source_grade=1, intel_grade="A", handling="P"))
        for _ in range(3):
            intel.add_report(g, world["open"], ReportFields(
                type="ssir", received_on=TODAY, source_grade=1, intel_grade="A",
                handling="P"))
        access.unrestrict(g, world["ref"], "Over")
        ids = [i for (i,) in g.query("SELECT id FROM intel_reports")]
        assert len(ids) == len(set(ids)) == 6 and r.id in ids
        assert audit.verify(g).ok


def test_a_briefing_includes_a_sealed_record_for_the_governor_only(world):
    from reports.collect import collect
    with Vault.open(world["path"], "governor", PASS) as g:
        data, _head = collect(g)
        assert NAME in {r.subject.name for r in data.records}
    with Vault.open(world["path"], "dep", DEP) as d:
        rows = {r.subject.ref: r for r in register.register_rows(d)}
        assert rows[world["ref"]].restricted and rows[world["ref"]].subject.name != NAME


def test_a_vault_from_before_is_sealed_by_its_governor(tmp_path, fast_kdf):
    from console.audit.genesis import create_vault
    from console.lawful import retention
    from console.records import session
    path = tmp_path / "old"
    v = create_vault(path, "governor", PASS, "HMP Old", kdf=fast_kdf,
                     migrate_to="m006_sealing")
    users.add_user(v, "dep", DEP, role="deputy")
    s = subjects.create_subject(v, SubjectFields(NAME, notes="sealed-notes-text"))
    intel.add_report(v, s.ref, ReportFields(
        type="police", received_on=TODAY, source_grade=2, intel_grade="C", handling="P",
        full_text="sealed-full-text"))
    access.restrict(v, s.ref, "Before sealing existed", allow=[])
    o = subjects.create_subject(v, SubjectFields("Open Record"))
    intel.add_report(v, o.ref, ReportFields(
        type="ssir", received_on=TODAY, source_grade=1, intel_grade="A", handling="P",
        full_text="open-full-text"))
    v.close()
    # Readable to every slot holder, as every vault was before.
    assert dump.found([NAME, "open-full-text"], _dump(path, "dep", DEP)) == {
        NAME, "open-full-text"}
    with session.open_vault(path, "dep", DEP):
        pass                                   # a deputy's session changes nothing
    assert NAME in dump.found([NAME], _dump(path, "dep", DEP))
    with session.open_vault(path, "governor", PASS) as g:
        assert any("sealed" in n for n in g.notices)
        assert register.subject_record(g, s.ref).reports[0].full_text == "sealed-full-text"
        assert audit.verify(g).ok
        flags = retention.backup_flags(g)
        assert flags and all("sealed" in f.reason for f in flags)   # the migration's backup
    assert dump.found([NAME, "sealed-notes-text", "sealed-full-text", "open-full-text"],
                      _dump(path, "dep", DEP)) == set()
    with Vault.open(path, "dep", DEP) as d:
        assert intel.reports_for(d, o.id)[0].full_text == "open-full-text"


def test_an_access_pack_and_an_erasure_work_on_a_sealed_record(world):
    from console.lawful import retention, subject_access
    with Vault.open(world["path"], "governor", PASS) as g:
        pack = subject_access.draft_pack(g, world["ref"])
        assert pack.name == NAME and any(i.key.startswith("report:") for i in pack.items)
        retention.erase(g, world["ref"], "Retention period over")
        assert g.query("SELECT count(*) FROM sealed_records") == [(0,)]
        assert g.query("SELECT count(*) FROM sealing_keys WHERE scope = ?",
                       (world["ref"],)) == [(0,)]
        assert audit.verify(g).ok


def test_a_deputy_cannot_attest_details_they_changed(world):
    from console.audit.hashing import payload_hash
    with Vault.open(world["path"], "dep", DEP) as d:
        (seq, salt), = d.query("SELECT a.seq, p.salt FROM audit a JOIN audit_payload p ON "
                               "p.seq = a.seq WHERE a.action = 'subject.create' AND "
                               "a.entity_id = ?", (world["open"],))
        forged = '{"name":"Someone Else"}'
        with d.write():
            d.conn.execute("UPDATE audit_payload SET after = ? WHERE seq = ?", (forged, seq))
            audit.append(d, "keys.seal", "subject", world["open"], after={
                "version": 1, "commitment": "0" * 64,
                "forms": {str(seq): payload_hash(bytes(salt), None, forged)}})
        report = audit.verify(d)
        assert not report.ok and report.first_bad > seq
        assert "deputy" in report.reason


def test_the_command_line_shows_a_sealed_record_to_those_allowed(world, cli):
    import json
    path = world["path"]
    shown = cli("show", world["ref"], "--json", "--vault", path, passphrase=PASS)
    assert shown.returncode == 0 and NAME in json.dumps(json.loads(shown.stdout))
    owner = cli("show", world["ref"], "--json", "--vault", path, "--user", "owner",
                passphrase=DEP)
    assert owner.returncode == 0 and NAME in owner.stdout
    dep = cli("show", world["ref"], "--vault", path, "--user", "dep", passphrase=DEP)
    assert dep.returncode != 0 and NAME not in dep.stdout + dep.stderr
    listed = cli("list", "--json", "--vault", path, "--user", "dep", passphrase=DEP)
    assert NAME not in listed.stdout and world["ref"] in listed.stdout


def test_a_backup_made_after_sealing_holds_only_the_placeholder(world, tmp_path):
    import zipfile

    from console.lawful import backups
    out = tmp_path / "after.gcbackup"
    with Vault.open(world["path"], "governor", PASS) as g:
        backups.make_backup(g, out)
    copy = tmp_path / "copy"
    copy.mkdir()
    with zipfile.ZipFile(out) as z:
        (copy / "register.db").write_bytes(z.read("register.db"))
    key = dump.data_key(world["path"], "dep", DEP)
    blobs = dump.cells(copy, key) + dump.pages(copy, key)
    assert dump.found(SECRETS, blobs) == set()
    assert "Open Record" in dump.found(["Open Record"], blobs)


def test_a_governor_named_as_the_subject_never_holds_its_key(world):
    with Vault.open(world["path"], "governor", PASS) as g:
        users.add_user(g, "second", DEP, role="governor", staff_number="SN-5150")
        assert "second" in {u for (u,) in g.query(
            "SELECT user FROM sealing_keys WHERE scope = ?", (world["ref"],))}
        subjects.update_profile(g, world["ref"], SubjectFields(staff_number="SN-5150"))
        assert "second" not in {u for (u,) in g.query(
            "SELECT user FROM sealing_keys WHERE scope = ?", (world["ref"],))}
    with Vault.open(world["path"], "second", DEP) as s:
        with pytest.raises(PermissionDenied):
            register.subject_record(s, world["ref"])
        assert not sealing_keys.keyring(s).holds(world["ref"])
    assert dump.found(["sealed-notes-text"], _dump(world["path"], "second", DEP)) == set()
