"""Retention and review: the review queue, retain decisions, legal hold, and
erasure that leaves no trace of the subject's name in the vault file while
the audit chain still verifies."""

from __future__ import annotations

import datetime as dt
import struct

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from console.audit import chain as audit
from console.errors import NotFound, PermissionDenied, ValidationError
from console.lawful import retention
from console.records import intel, journal, measures, referrals, register, subjects, users
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.layout import DB_FILE
from console.storage.snapshot import automatic_backup
from console.storage.vault import Vault

TODAY = dt.date.today()
NAME = "Zebedee Quixotic-Farnsworth"
NEEDLES = [b"Quixotic", "Quixotic".encode("utf-16-le"), b"Farnsworth", b"ZQ-99871",
           b"xyzzy-plugh"]
PAGE, RESERVE = 4096, 80   # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC per page


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
    d = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return d.update(page[16 if first else 0:PAGE - RESERVE]) + d.finalize()


def decrypted_file(folder, key: bytes) -> bytes:
    """Every page of the database file and every frame of its WAL, decrypted
    with the data key: what an attacker holding the key could read, including
    free pages and stale frames that no query would return."""
    out = []
    raw = (folder / DB_FILE).read_bytes()
    for i in range(len(raw) // PAGE):
        out.append(_decrypt_page(key, raw[i * PAGE:(i + 1) * PAGE], i == 0))
    wal = folder / (DB_FILE + "-wal")
    if wal.exists():
        w = wal.read_bytes()
        pos = 32
        while pos + 24 + PAGE <= len(w):
            pgno = struct.unpack(">I", w[pos:pos + 4])[0]
            out.append(_decrypt_page(key, w[pos + 24:pos + 24 + PAGE], pgno == 1))
            pos += 24 + PAGE
    return b"".join(out)


def raw_bytes(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.iterdir()
                    if p.is_file() and p.name.startswith(DB_FILE))


def _full_subject(vault):
    s = subjects.create_subject(vault, SubjectFields(
        NAME, staff_number="ZQ-99871", owner="governor",
        notes="xyzzy-plugh: seen with Quixotic's cousin", likelihood=4, impact=4))
    r = intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=TODAY, source_grade=1, intel_grade="B", handling="P",
        full_text=f"{NAME} was seen passing a phone", summary="Phone passed"))
    referrals.add_referral(vault, s.ref, ReferralFields(
        target="hq", referred_on=TODAY, report_id=r.id))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="moved", details="Quixotic moved off the wing"))
    measures.add_log_entry(vault, m.id, "Spoke to Quixotic about the move")
    subjects.change_status(vault, s.ref, "closed", "Quixotic cleared by HQ", outcome="cleared")
    register.subject_record(vault, s.ref)
    return s


def test_erasure_leaves_no_trace_of_the_name_and_the_chain_verifies(vault, vault_path):
    keep = subjects.create_subject(vault, SubjectFields("Alice Keepme"))
    s = _full_subject(vault)
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = decrypted_file(vault_path, vault.data_key())
    assert all(n in before for n in NEEDLES[:1]), "the scan must see the name before"
    assert b"xyzzy-plugh" in before

    result = retention.erase(vault, s.ref, "Retention period ended after review")
    assert result.audit_details_erased >= 7
    after = decrypted_file(vault_path, vault.data_key())
    for n in NEEDLES:
        assert n not in after
        assert n not in raw_bytes(vault_path)
    assert b"Alice Keepme" in after   # the scan still reads live data

    report = audit.verify(vault)
    assert report.ok, report.sentence()
    assert report.erased == result.audit_details_erased
    with pytest.raises(NotFound):
        subjects.get_subject(vault, s.ref)
    assert retention.erased(vault)[0][0] == s.ref
    # The journal keeps who, when, what and why, without the details.
    views = journal.entries(vault, ref=s.ref, kind="view")
    assert views and views[0].erased and views[0].reason == "case_review"
    assert register.subject_record(vault, keep.ref).subject.name == "Alice Keepme"

    vault.close()
    with Vault.open(vault_path, "governor", "correct horse battery staple") as v:
        assert audit.verify(v).ok
        assert b"Quixotic" not in decrypted_file(vault_path, v.data_key())


def test_erasure_reason_must_not_name_the_subject(vault):
    s = subjects.create_subject(vault, SubjectFields(NAME))
    with pytest.raises(ValidationError):
        retention.erase(vault, s.ref, f"{NAME} asked us to")
    assert subjects.get_subject(vault, s.ref).name == NAME


def test_legal_hold_blocks_erasure_and_is_audited(vault):
    s = subjects.create_subject(vault, SubjectFields("Held Person"))
    retention.set_legal_hold(vault, s.ref, True, "Employment tribunal claim pending")
    with pytest.raises(retention.LegalHold):
        retention.erase(vault, s.ref, "Review found no need")
    assert subjects.get_subject(vault, s.ref)
    actions = [e.action for e in audit.entries(vault, entity="subject", entity_id=s.ref)]
    assert "subject.hold" in actions and "subject.erase_refused" in actions
    assert audit.ERASE_ACTION not in actions
    retention.set_legal_hold(vault, s.ref, False, "Tribunal concluded")
    retention.erase(vault, s.ref, "Review found no need")
    actions = [e.action for e in audit.entries(vault, entity="subject", entity_id=s.ref)]
    assert actions[0] == audit.ERASE_ACTION and "subject.hold_lifted" in actions
    assert audit.verify(vault).ok


def test_review_queue_follows_defaults_and_decisions(vault):
    s = subjects.create_subject(vault, SubjectFields("Open Case"))
    c = subjects.create_subject(vault, SubjectFields("Closed Case"))
    subjects.change_status(vault, c.ref, "closed", "HQ found nothing", outcome="cleared")
    assert retention.review_queue(vault) == []
    in_7 = TODAY + dt.timedelta(days=200)
    queue = retention.review_queue(vault, today=in_7)
    assert [i.ref for i in queue] == [c.ref]          # cleared: 6 months after closing
    assert queue[0].processing.retention_class == "cleared" and queue[0].can_erase
    later = retention.review_queue(vault, today=TODAY + dt.timedelta(days=400))
    assert {i.ref for i in later} == {s.ref, c.ref}   # open: 12 months after adding

    p = retention.retain(vault, c.ref, "Linked case still open at HQ",
                         TODAY + dt.timedelta(days=500))
    assert p.review_source == "decision"
    assert [i.ref for i in retention.review_queue(vault, today=in_7)] == []
    item = [i for i in retention.review_queue(vault, today=TODAY + dt.timedelta(days=600))
            if i.ref == c.ref][0]
    assert item.last_decision.startswith("retained")
    with pytest.raises(ValidationError):
        retention.retain(vault, c.ref, "x", TODAY - dt.timedelta(days=1))

    retention.set_retention_default(vault, "open", 3)
    assert s.ref in {i.ref for i in retention.review_queue(vault, today=in_7)}
    assert any(e.action == "subject.retain" for e in audit.entries(vault, entity_id=c.ref))


def test_processing_basis_and_category(vault):
    s = subjects.create_subject(vault, SubjectFields("Basis Person"))
    p = retention.processing(vault, s.ref)
    assert (p.basis, p.category) == ("part3", "suspect")
    p = retention.set_processing(vault, s.ref, basis="uk_gdpr", category="witness")
    assert p.basis_label.startswith("Employment") and p.category_label == "Witness"
    with pytest.raises(ValidationError):
        retention.set_processing(vault, s.ref, category="victimised")


def test_only_the_governor_decides_retention(vault, vault_path):
    s = subjects.create_subject(vault, SubjectFields("Some One"))
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    vault.close()
    with Vault.open(vault_path, "dep", "deputy passphrase") as d:
        for call in (lambda: retention.review_queue(d),
                     lambda: retention.erase(d, s.ref, "no"),
                     lambda: retention.retain(d, s.ref, "x", TODAY + dt.timedelta(days=9)),
                     lambda: retention.set_legal_hold(d, s.ref, True, "x")):
            with pytest.raises(PermissionDenied):
                call()


def test_backups_made_before_an_erasure_are_flagged(vault):
    s = subjects.create_subject(vault, SubjectFields(NAME))
    path = automatic_backup(vault, "manual")
    assert retention.backup_flags(vault) == []
    retention.erase(vault, s.ref, "Retention period ended")
    flags = retention.backup_flags(vault)
    assert [f.path for f in flags] == [path] and "erased" in flags[0].reason
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=400)
    assert retention.backup_flags(vault, now=later)


def test_review_view_is_plain_data_for_the_console(vault):
    s = subjects.create_subject(vault, SubjectFields("View Person"))
    retention.retain(vault, s.ref, "Still relevant", TODAY + dt.timedelta(days=10))
    view = retention.review_view(vault, within_days=30)
    assert [i.ref for i in view.items] == [s.ref] and view.items[0].days_overdue == -10
    assert ("cleared", "Cleared", 6) in view.defaults and view.erased == 0
    assert view.backups_to_delete == ()


def test_reason_check_matches_whole_words_only():
    from console.records.names import NameMatcher

    def names(text, name, staff):
        return NameMatcher([("CC-1", name, staff)]).found_in(text)
    assert names("Al Smith asked", "Al Smith", "")
    assert names("re: smith", "Al Smith", "")
    assert names("staff no 778 gone", "Al Smith", "778")
    assert not names("legal review ended; blacksmith case", "Al Smith", "")
    assert not names("Retention period ended", "Al Smith", "7")
    assert not names("staff no 7781 gone", "Al Smith", "778")


def test_cli_review_decisions(vault, vault_path, cli):
    import json
    s = subjects.create_subject(vault, SubjectFields(NAME))
    vault.close()

    def run(*args):
        return cli(*args, "--vault", vault_path, passphrase="correct horse battery staple")

    out = run("review-queue", "--json", "--within", "400")
    assert out.returncode == 0, out.stderr
    assert [r["ref"] for r in json.loads(out.stdout)] == [s.ref]
    nxt = (TODAY + dt.timedelta(days=30)).isoformat()
    assert run("retain", s.ref, "--reason", "Still needed", "--next", nxt).returncode == 0
    out = run("processing", s.ref, "--json")
    assert json.loads(out.stdout)["review_on"] == nxt
    assert run("hold", s.ref, "--reason", "Tribunal").returncode == 0
    out = run("erase", s.ref, "--reason", "Review done")
    assert out.returncode == 2 and "--yes" in out.stderr
    out = run("erase", s.ref, "--reason", "Review done", "--yes")
    assert out.returncode == 2 and "legal hold" in out.stderr
    assert run("hold", s.ref, "--lift", "--reason", "Over").returncode == 0
    out = run("erase", s.ref, "--reason", "Review done", "--yes")
    assert out.returncode == 0, out.stderr
    assert run("audit-verify").returncode == 0


ERASED_NAME = "Zbigniew Łukaszewicz"
ERASED_STAFF = "ZL 4242"
# How the free text around the record wrote them: no accents, other cases,
# the staff number run together.
SPELLINGS = ("Lukaszewicz", "LUKASZEWICZ", "Zbigniew", "zl4242", "ZL-4242")


def test_erasure_scrubs_the_name_from_the_journal_and_the_chain_still_verifies(vault,
                                                                                vault_path):
    s = subjects.create_subject(vault, SubjectFields(ERASED_NAME, staff_number=ERASED_STAFF))
    other = subjects.create_subject(vault, SubjectFields("Olwen Otherperson"))
    # A briefing's disclosure, naming them in its reason and distribution.
    journal.record_export(vault, [s.ref, other.ref], "other: for DI Jones re Lukaszewicz",
                          kind="disclose", recipients=["HQ; copy to zl4242's solicitor"],
                          detail="Briefing BR-1 (full edition) ZBIGNIEW")
    # Opening another record, giving them as the reason.
    register.subject_record(vault, other.ref, reason="compared with LUKASZEWICZ, ZL-4242")
    kept = journal.record(vault, "disclose", [other.ref], "referral", recipients=["HQ CCU"])
    result = retention.erase(vault, s.ref, "Retention period ended after review")
    assert result.scrubbed >= 2

    details = " ".join(str(x) for row in vault.query(
        "SELECT before, after FROM audit_payload") for x in row)
    shown = " ".join(f"{e.reason_text} {e.detail} {' '.join(e.recipients)}"
                     for e in journal.entries(vault))
    for spelling in SPELLINGS:
        for text in (details, shown):
            assert spelling.casefold() not in text.casefold(), spelling
    assert "[erased]" in shown and "HQ CCU" in shown and "DI Jones" in shown
    assert [e.recipients for e in journal.entries(vault) if e.seq == kept] == [("HQ CCU",)]
    report = audit.verify(vault)
    assert report.ok, report.sentence()
    vault.close()
    with Vault.open(vault_path, "governor", "correct horse battery staple") as v:
        assert audit.verify(v).ok


@pytest.mark.parametrize("reason", [f"{ERASED_NAME} asked", "Lukaszewicz asked",
                                    "ZBIGNIEW asked", "Request from zl4242"])
def test_erasure_reason_naming_the_subject_in_any_spelling_is_refused(vault, reason):
    s = subjects.create_subject(vault, SubjectFields(ERASED_NAME, staff_number=ERASED_STAFF))
    with pytest.raises(ValidationError, match="must not name the subject"):
        retention.erase(vault, s.ref, reason)


def test_a_scrubbed_entry_changed_again_is_still_caught(vault):
    s = subjects.create_subject(vault, SubjectFields(ERASED_NAME, staff_number=ERASED_STAFF))
    other = subjects.create_subject(vault, SubjectFields("Olwen Otherperson"))
    seq = journal.record_export(vault, [s.ref, other.ref], "other: re Lukaszewicz",
                                kind="disclose", recipients=["HQ"])
    retention.erase(vault, s.ref, "Retention period ended after review")
    assert audit.verify(vault).ok
    vault.conn.execute("UPDATE audit_payload SET after = replace(after, '[erased]', "
                       "'Lukaszewicz') WHERE seq = ?", (seq,))
    report = audit.verify(vault)
    assert not report.ok and report.first_bad == seq
