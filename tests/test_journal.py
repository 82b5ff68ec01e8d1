"""The consultation and disclosure journal: every full-record read and export
leaves a signed entry with a justification; the journal is governor-only and
part of the audit chain."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from console.audit import chain as audit
from console.errors import PermissionDenied, ValidationError
from console.records import journal, register, subjects, users
from console.records.commands import SubjectFields
from console.storage.vault import Vault
from tests.conftest import PASS


def test_opening_a_full_record_is_journaled_with_its_reason(vault):
    s = subjects.create_subject(vault, SubjectFields("Jo Journal"))
    assert journal.last_reason(vault) is None
    register.subject_record(vault, s.ref)
    [e] = journal.entries(vault)
    assert (e.kind, e.reason, e.refs, e.user) == ("view", "case_review", (s.ref,), "governor")
    assert e.reason_label == "Case review" and e.kind_label == "Opened the full record"
    assert journal.last_reason(vault) == journal.Reason("case_review")
    # A refresh a moment later is the same consultation ...
    register.subject_record(vault, s.ref)
    assert len(journal.entries(vault)) == 1
    # ... a different reason is a new one, and free words count as "other".
    register.subject_record(vault, s.ref, reason="legal advice")
    register.subject_record(vault, s.ref, reason="Checking a date for HR")
    kinds = [(e.reason, e.reason_text) for e in journal.entries(vault)]
    assert kinds[:2] == [("other", "Checking a date for HR"), ("legal_advice", "")]
    assert journal.last_reason(vault).label == "Other: Checking a date for HR"
    quick = journal.quick_reasons(vault)
    assert quick[0] == journal.Reason("other", "Checking a date for HR")
    assert [r.key for r in quick[1:]] == journal.REASONS.keys()
    assert audit.verify(vault).ok


def test_exports_and_disclosures_are_journaled_with_recipients(vault):
    a = subjects.create_subject(vault, SubjectFields("Ann One"))
    b = subjects.create_subject(vault, SubjectFields("Bob Two"))
    journal.record_export(vault, [a.ref, b.ref], "briefing", detail="BR-2026-001",
                          recipients=["HQ counter-corruption unit"])
    journal.record(vault, "disclose", a.ref, "referral", recipients=["Police liaison"])
    with pytest.raises(ValidationError):
        journal.record(vault, "disclose", a.ref, "referral")
    with pytest.raises(ValidationError):
        journal.record(vault, "print", a.ref, "")
    about_b = journal.entries(vault, ref=b.ref)
    assert [(e.kind, e.detail) for e in about_b] == [("export", "BR-2026-001")]
    assert about_b[0].recipients == ("HQ counter-corruption unit",)
    assert {e.kind for e in journal.entries(vault, ref=a.ref)} == {"export", "disclose"}
    assert [e.kind for e in journal.entries(vault, kind="disclose")] == ["disclose"]
    assert len(journal.entries(vault, reason="briefing")) == 1
    assert journal.entries(vault, since="2000-01-01", until="2000-12-31") == []
    view = journal.journal_view(vault)
    assert view.users == ("governor",) and len(view.entries) == 2
    assert ("subject_access", "Subject access request") in journal.reason_choices()


def test_journal_is_in_the_chain_and_tamper_evident(vault):
    s = subjects.create_subject(vault, SubjectFields("Tam Per"))
    register.subject_record(vault, s.ref, reason="referral")
    seq = journal.entries(vault)[0].seq
    with vault.write():
        vault.conn.execute("UPDATE audit_payload SET after = ? WHERE seq = ?",
                           (json.dumps({"reason_text": "", "detail": "nothing",
                                        "recipients": []}), seq))
    report = audit.verify(vault)
    assert not report.ok and report.first_bad == seq


def test_only_the_governor_reads_the_journal(vault, vault_path):
    s = subjects.create_subject(vault, SubjectFields("Dee Pee"))
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    vault.close()
    with Vault.open(vault_path, "dep", "deputy passphrase") as d:
        register.subject_record(d, s.ref)   # a deputy's reading is journaled too
        with pytest.raises(PermissionDenied):
            journal.entries(d)
    with Vault.open(vault_path, "governor", PASS) as g:
        [e] = journal.entries(g)
        assert e.user == "dep" and e.refs == (s.ref,)


def test_cli_show_records_the_reason_and_journal_lists_it(vault, vault_path, cli):
    def _cli(args, path):
        return cli(*args, "--vault", path, passphrase=PASS)
    s = subjects.create_subject(vault, SubjectFields("Cli Person"))
    vault.close()
    out = _cli(["show", s.ref], vault_path)
    assert out.returncode == 0, out.stderr
    out = _cli(["show", s.ref, "--reason", "subject access request"], vault_path)
    assert out.returncode == 0, out.stderr
    out = _cli(["journal", "--json"], vault_path)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["kind"], r["reason"], r["refs"]) for r in rows] == [
        ("view", "subject_access", [s.ref]), ("view", "case_review", [s.ref])]
    out = _cli(["journal"], vault_path)
    assert "Subject access request" in out.stdout and "Cli Person" not in out.stdout


def test_every_export_leaves_a_journal_entry(vault, tmp_path):
    from reports import briefing_service as service
    from reports.access_pack import make_access_pack
    from reports.journal_pdf import make_journal_pdf
    a = subjects.create_subject(vault, SubjectFields("Ann Export"))
    b = subjects.create_subject(vault, SubjectFields("Bob Export"))
    service.make_briefing(vault, tmp_path / "b.pdf", service.BriefingOptions())
    make_access_pack(vault, a.ref, tmp_path / "a.pdf")
    make_journal_pdf(vault, tmp_path / "j.pdf")
    kinds = {(e.kind, e.reason) for e in journal.entries(vault)}
    assert {("disclose", "briefing"), ("sar_decision", "subject_access"),
            ("journal_export", "other")} <= kinds
    brief = journal.entries(vault, kind="disclose")[0]
    assert set(brief.refs) == {a.ref, b.ref} and brief.recipients


@pytest.mark.skipif(not shutil.which("qpdf"), reason="needs qpdf")
@pytest.mark.parametrize("command", ["journal-pdf", "access-pack"])
def test_a_password_line_ending_in_crlf_is_the_password(vault, vault_path, tmp_path, cli,
                                                       command):
    s = subjects.create_subject(vault, SubjectFields("Crlf Subject"))
    vault.close()
    out = tmp_path / "locked.pdf"
    args = [command, "--out", out, "--password-stdin", "--vault", vault_path]
    if command == "access-pack":
        args.insert(1, s.ref)
    result = cli(*args, passphrase=PASS, stdin="a long password\r\n")
    assert result.returncode == 0, result.stderr
    def qpdf_check(password):
        return subprocess.run(["qpdf", f"--password={password}", "--check", str(out)],
                              capture_output=True, text=True).returncode
    assert qpdf_check("a long password") == 0
    assert qpdf_check("a long password\r") != 0
