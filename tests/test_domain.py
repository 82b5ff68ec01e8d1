"""Domain rules: roles, status lifecycle, flags, append-only logs, conflicts."""

import datetime as dt

import pytest

from console.audit import chain as audit
from console.audit import roles
from console.errors import NotFound, PermissionDenied, ValidationError
from console.records import intel, measures, referrals, register, subjects, users
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.vault import Vault

TODAY = dt.date.today()


def days_ago(n):
    return (TODAY - dt.timedelta(days=n)).isoformat()


@pytest.fixture
def deputy(vault, vault_path):
    users.add_user(vault, "dep", "deputy passphrase", role="deputy", display_name="Dai Deputy")
    s = subjects.create_subject(vault, SubjectFields(
        "Aled Jones", staff_number="A1", likelihood=3, impact=4))
    m = measures.add_measure(vault, s.ref, MeasureFields(aim="prevent", type="enhanced_searching"))
    vault.close()
    d = Vault.open(vault_path, "dep", "deputy passphrase")
    yield d, s, m
    d.close()


GOVERNOR_ONLY = [
    lambda d, s, m: subjects.change_status(d, s.ref, "assessed", "reviewed"),
    lambda d, s, m: subjects.assess_threat(d, s.ref, SubjectFields(likelihood=5)),
    lambda d, s, m: subjects.delete_subject(d, s.ref, "mistake"),
    lambda d, s, m: referrals.add_referral(d, s.ref, ReferralFields(
        target="hq", referred_on=TODAY)),
    lambda d, s, m: users.add_user(d, "x", "some passphrase", role="viewer"),
    lambda d, s, m: users.remove_user(d, "governor"),
    lambda d, s, m: users.set_setting(d, "unreferred_days", 3),
    lambda d, s, m: subjects.set_side_state(d, s.ref, suspended=True, reason="r"),
]


@pytest.mark.parametrize("action", GOVERNOR_ONLY)
def test_deputy_is_refused_governor_only_actions(deputy, action):
    d, s, m = deputy
    before = d.query("SELECT count(*) FROM audit")[0][0]
    with pytest.raises(PermissionDenied) as exc:
        action(d, s, m)
    assert "governor" in str(exc.value)
    assert d.query("SELECT count(*) FROM audit")[0][0] == before


def test_deputy_can_keep_measure_logs(deputy):
    d, s, m = deputy
    e = measures.add_log_entry(d, m.id, "Searched on entry, nothing found.")
    assert e.by_user == "dep"
    r = intel.add_report(d, s.ref, ReportFields(
        type="search_find", received_on=TODAY, source_grade=2, intel_grade="B", handling="P",
        summary="Find in locker"))
    assert r.grading == "2BP"
    assert audit.verify(d).ok


def test_viewer_cannot_write(vault, vault_path):
    users.add_user(vault, "view", "viewer passphrase", role="viewer")
    s = subjects.create_subject(vault, SubjectFields("Somebody"))
    vault.close()
    with Vault.open(vault_path, "view", "viewer passphrase") as v:
        assert register.register_rows(v)[0].subject.ref == s.ref
        with pytest.raises(PermissionDenied):
            subjects.create_subject(v, SubjectFields("Another"))
        assert not roles.allowed("viewer", "add_log")


def test_status_lifecycle_validates_and_needs_reasons(vault):
    s = subjects.create_subject(vault, SubjectFields("Casey Morgan"))
    with pytest.raises(ValidationError):
        subjects.change_status(vault, s.ref, "under_investigation", "skip ahead")
    with pytest.raises(ValidationError):
        subjects.change_status(vault, s.ref, "assessed", "   ")
    subjects.change_status(vault, s.ref, "assessed", "local assessment done")
    subjects.change_status(vault, s.ref, "referred_hq", "sent to CCU")
    with pytest.raises(ValidationError):
        subjects.change_status(vault, s.ref, "closed", "done")  # no outcome
    s2 = subjects.change_status(vault, s.ref, "closed", "HQ decided", outcome="nfa")
    assert (s2.status, s2.outcome) == ("closed", "nfa")
    rec = register.subject_record(vault, s.ref)
    assert [h.to_status for h in rec.status_history] == [
        "concern_logged", "assessed", "referred_hq", "closed"]


def test_flags_unreferred_unacknowledged_overdue(vault):
    s = subjects.create_subject(vault, SubjectFields("Rhys Evans", next_review=days_ago(1)))
    old = intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=days_ago(10), source_grade=2, intel_grade="C", handling="P"))
    intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=days_ago(2), source_grade=2, intel_grade="C", handling="P"))
    row = register.register_rows(vault)[0]
    assert row.flags.unreferred == 1 and row.flags.overdue_review and row.flags.needs_attention
    referrals.add_referral(vault, s.ref, ReferralFields(
        target="hq", referred_on=days_ago(20), report_id=old.id))
    row = register.register_rows(vault)[0]
    assert row.flags.unreferred == 0 and row.flags.unacknowledged == 1
    dash = register.dashboard(vault)
    assert dash.unacknowledged and not dash.unreferred
    f = register.subject_record(vault, s.ref).referrals[0]
    referrals.update_referral(vault, f.id, ReferralFields(acknowledged_on=days_ago(15)))
    assert register.register_rows(vault)[0].flags.unacknowledged == 0


def test_measure_log_is_append_only(vault):
    s = subjects.create_subject(vault, SubjectFields("Niamh Byrne"))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="protect", type="moved", review_due=days_ago(3)))
    e = measures.add_log_entry(vault, m.id, "Moved to stores.")
    fix = measures.add_log_entry(vault, m.id, "Correction: moved to the gym.", corrects=e.id)
    assert fix.corrects == e.id
    assert measures.get_measure(vault, m.id).overdue
    with pytest.raises(Exception):
        vault.conn.execute("UPDATE measure_log SET text = 'x' WHERE id = ?", (e.id,))
    assert not hasattr(measures, "delete_log_entry") and not hasattr(measures, "edit_log_entry")


def test_user_named_as_subject_is_barred_and_audited(vault, vault_path):
    users.add_user(vault, "dep", "deputy passphrase", role="deputy", staff_number="778")
    s = subjects.create_subject(vault, SubjectFields("Deputy Themselves", staff_number="778"))
    other = subjects.create_subject(vault, SubjectFields("Someone Else"))
    assert any(e.action == "conflict.bar" for e in audit.entries(vault))
    vault.close()
    with Vault.open(vault_path, "dep", "deputy passphrase") as d:
        with pytest.raises(PermissionDenied):
            register.subject_record(d, s.ref)
        with pytest.raises(PermissionDenied):
            intel.add_report(d, s.ref, ReportFields(
                type="ssir", received_on=TODAY, source_grade=1, intel_grade="A", handling="P"))
        rows = {r.subject.ref: r for r in register.register_rows(d)}
        assert rows[s.ref].restricted and rows[s.ref].subject.name == "(restricted)"
        assert not rows[other.ref].restricted


def test_editing_one_audit_row_by_raw_sql_is_detected(vault):
    s = subjects.create_subject(vault, SubjectFields("Tomasz Nowak"))
    subjects.update_profile(vault, s.ref, SubjectFields(location="A wing"))
    subjects.update_profile(vault, s.ref, SubjectFields(location="B wing"))
    assert audit.verify(vault).ok
    seq = vault.query("SELECT seq FROM audit WHERE action = 'subject.update' ORDER BY seq")[0][0]
    vault.conn.execute("UPDATE audit SET user = 'someone' WHERE seq = ?", (seq,))
    report = audit.verify(vault)
    assert not report.ok and report.first_bad == seq


@pytest.mark.parametrize("tamper, reason", [
    ("UPDATE audit_payload SET after = '{\"location\":\"Z\"}' WHERE seq = {seq}", "details"),
    ("DELETE FROM audit_payload WHERE seq = {seq}; DELETE FROM audit WHERE seq = {seq}",
     "missing"),
    ("DELETE FROM audit_payload WHERE seq = {seq}", "deleted"),
    ("UPDATE audit SET at = '2020-01-01' WHERE seq = {seq}", "changed"),
])
def test_every_kind_of_audit_tampering_names_the_entry(vault, tamper, reason):
    s = subjects.create_subject(vault, SubjectFields("Tomasz Nowak"))
    subjects.update_profile(vault, s.ref, SubjectFields(location="A wing"))
    subjects.update_profile(vault, s.ref, SubjectFields(location="B wing"))
    seq = vault.query("SELECT max(seq) FROM audit")[0][0] - 1
    vault.conn.executescript(tamper.replace("{seq}", str(seq)))
    report = audit.verify(vault)
    assert not report.ok and report.first_bad == seq and reason in report.reason


def test_forged_signature_by_another_key_is_detected(vault, vault_path):
    from console.storage.identity import generate_identity
    s = subjects.create_subject(vault, SubjectFields("Forged"))
    row = vault.query("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")[0]
    forged = generate_identity("Mallory", "Deputy", "HMP Testshire").sign(bytes.fromhex(row[1]))
    vault.conn.execute("UPDATE audit SET signature = ? WHERE seq = ?", (forged, row[0]))
    report = audit.verify(vault)
    assert not report.ok and "signature" in report.reason


def test_unknown_reference_is_not_found(vault):
    with pytest.raises(NotFound):
        register.subject_record(vault, "CC-1999-999")


def test_references_are_sequential_per_year(vault):
    a = subjects.create_subject(vault, SubjectFields("One"))
    b = subjects.create_subject(vault, SubjectFields("Two"))
    assert a.ref == f"CC-{TODAY.year}-001" and b.ref == f"CC-{TODAY.year}-002"


def test_an_impossible_date_is_named_as_such(vault):
    with pytest.raises(ValidationError) as exc:
        subjects.create_subject(vault, SubjectFields("Date Person", next_review="2026-02-30"))
    assert "not a real date" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        subjects.create_subject(vault, SubjectFields("Date Person", next_review="30/02/2026"))
    assert "YYYY-MM-DD" in str(exc.value)
