"""Subject access: the pack lists everything held, withholds source-identifying
fields and handling-code C intelligence by default, never contains a withheld
item (checked in the signed PDF's text), and the request and decision are
journaled."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest

from console.audit import chain as audit
from console.errors import PermissionDenied, ValidationError
from console.lawful import subject_access
from console.records import fields, intel, journal, measures, referrals, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from console.storage.vault import Vault
from tests.conftest import PASS

TODAY = dt.date.today()
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler")


@pytest.fixture
def case(vault):
    s = subjects.create_subject(vault, SubjectFields(
        "Siobhán Ní Bhriain", staff_number="SB-1", role="Officer", location="C wing",
        categories=["conveyance"], likelihood=3, impact=4, notes="Seen at the gate twice"))
    p = intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on=TODAY, source_grade=2, intel_grade="B", handling="P",
        author="Officer Kestrelwhite", external_ref="MIS-4471-QZ",
        summary="Parcel handed over at the gate",
        full_text="Kestrelwhite saw the parcel from the tower"))
    c = intel.add_report(vault, s.ref, ReportFields(
        type="police", received_on=TODAY, source_grade=1, intel_grade="A", handling="C",
        handling_condition="Not to be disclosed outside HMPPS",
        summary="Operation Nightjarfalcon is watching the address",
        full_text="Operation Nightjarfalcon details"))
    f = referrals.add_referral(vault, s.ref, ReferralFields(
        target="hq", referred_on=TODAY, reference="HQ-CC-123"))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="prevent", type="enhanced_searching", details="Searched on every entry"))
    measures.add_log_entry(vault, m.id, "Nothing found today")
    return {"ref": s.ref, "p": p.id, "c": c.id, "referral": f.id, "measure": m.id}


def test_defaults_withhold_sources_and_handling_c(vault, case):
    pack = subject_access.draft_pack(vault, case["ref"])
    by_key = {i.key: i for i in pack.items}
    assert by_key[f"report:{case['c']}"].withheld
    assert by_key[f"report:{case['c']}"].reason == "handling"
    assert by_key[f"report:{case['p']}:source"].reason == "source"
    assert by_key[f"report:{case['p']}:text"].withheld
    assert not by_key[f"report:{case['p']}"].withheld
    assert "Parcel handed over" in by_key[f"report:{case['p']}"].text
    assert all(i.text == "" for i in pack.withheld)
    dump = json.dumps([i.__dict__ for i in pack.items])
    for secret in ("Kestrelwhite", "MIS-4471-QZ", "Nightjarfalcon"):
        assert secret not in dump
    # Not closed and not referred: the referral is given by default. The
    # governor may withhold it, and may release an item withheld by default.
    pack = subject_access.draft_pack(vault, case["ref"], {
        f"referral:{case['referral']}": ("investigation", "HQ enquiry open"),
        f"report:{case['p']}:text": None})
    by_key = {i.key: i for i in pack.items}
    assert by_key[f"referral:{case['referral']}"].withheld
    assert "HQ enquiry open" in by_key[f"referral:{case['referral']}"].reason_label
    assert "Kestrelwhite saw" in by_key[f"report:{case['p']}:text"].text
    with pytest.raises(ValidationError):
        subject_access.draft_pack(vault, case["ref"], {"report:9999": None})
    with pytest.raises(ValidationError):
        subject_access.draft_pack(vault, case["ref"], {"notes": ("other", "")})


def _pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return " ".join(out.split())   # table cells wrap: compare words, not lines


@needs_poppler
def test_signed_pack_never_contains_withheld_items(vault, case, tmp_path):
    from reports.access_pack import make_access_pack
    req = subject_access.open_request(vault, case["ref"], TODAY - dt.timedelta(days=3))
    out = tmp_path / "pack.pdf"
    r = make_access_pack(vault, case["ref"], out, {"notes": ("source", "")},
                         request_id=req.id)
    text = _pdf_text(out)
    for kept in ("Siobhán Ní Bhriain", "Parcel handed over", "HQ-CC-123",
                 "Searched on every entry", "Nothing found today", "Withheld"):
        assert kept in text
    for secret in ("Kestrelwhite", "MIS-4471-QZ", "Nightjarfalcon", "Seen at the gate",
                   "not to be disclosed outside".title()):
        assert secret not in text
    assert "Would identify a source" in text and "Handling code C" in text
    assert r.withheld == 6 and r.released >= 5   # with the measure's staff and report C's text
    sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True)
    assert "Signature #1" in sig.stdout and "Gwen Governor" in sig.stdout
    # The request and the decision are journaled; the request is answered.
    kinds = [e.kind for e in journal.entries(vault, ref=case["ref"])]
    assert kinds[0] == "sar_decision" and "sar_request" in kinds and "view" in kinds
    decision = journal.entries(vault, kind="sar_decision")[0]
    assert decision.reason == "subject_access" and r.sha256 in decision.detail
    assert "notes (source)" in decision.detail
    [answered] = subject_access.requests(vault)
    assert answered.status == "answered" and ("notes", "source") in answered.withheld
    assert audit.verify(vault).ok


def test_requests_are_due_in_a_month_and_only_the_governor_handles_them(vault, vault_path,
                                                                        case):
    from console.records import users
    received = TODAY - dt.timedelta(days=40)
    req = subject_access.open_request(vault, case["ref"], received)
    assert req.due_on == fields.add_months(received, 1) and req.overdue
    users.add_user(vault, "dep", "deputy passphrase", role="deputy")
    vault.close()
    with Vault.open(vault_path, "dep", "deputy passphrase") as d:
        with pytest.raises(PermissionDenied):
            subject_access.draft_pack(d, case["ref"])
        with pytest.raises(PermissionDenied):
            subject_access.open_request(d, case["ref"])


@needs_poppler
def test_cli_access_pack_and_journal_pdf(vault, vault_path, case, tmp_path, cli):
    vault.close()

    def run(*args):
        return cli(*args, "--vault", vault_path, passphrase=PASS)

    out = run("access-pack", case["ref"], "--items")
    assert out.returncode == 0, out.stderr
    assert f"report:{case['c']}" in out.stdout and "WITHHELD (handling)" in out.stdout
    pack = tmp_path / "p.pdf"
    out = run("access-pack", case["ref"], "--out", str(pack),
              "--withhold", "measure:%d=other:operational security" % case["measure"])
    assert out.returncode == 0, out.stderr
    text = _pdf_text(pack)
    assert "operational security" in text and "Searched on every entry" not in text
    jpdf = tmp_path / "j.pdf"
    out = run("journal-pdf", "--out", str(jpdf))
    assert out.returncode == 0, out.stderr
    text = _pdf_text(jpdf)
    assert "Consultation and disclosure journal" in text and case["ref"] in text
    assert "Subject access request" in text and "Siobhán" not in text
    with Vault.open(vault_path, "governor", PASS) as g:
        assert journal.entries(g, kind="journal_export")


def test_live_investigation_withholds_notes_and_referrals_by_default(vault, case):
    subjects.change_status(vault, case["ref"], "referred_hq", "Sent to HQ")
    by_key = {i.key: i for i in subject_access.draft_pack(vault, case["ref"]).items}
    assert by_key["notes"].withheld and by_key["notes"].reason == "investigation"
    assert by_key[f"referral:{case['referral']}"].withheld
    assert "HQ-CC-123" not in json.dumps([i.__dict__ for i in by_key.values()])


def test_a_pack_answers_only_a_request_about_its_own_subject(vault, case, tmp_path):
    other = subjects.create_subject(vault, SubjectFields("Other Person"))
    req_other = subject_access.open_request(vault, other.ref)
    req_own = subject_access.open_request(vault, case["ref"])
    with pytest.raises(ValidationError, match="another record"):
        subject_access.draft_pack(vault, case["ref"], request_id=req_other.id)
    from reports.access_pack import make_access_pack
    with pytest.raises(ValidationError, match="another record"):
        make_access_pack(vault, case["ref"], tmp_path / "pack.pdf", request_id=req_other.id)
    assert not (tmp_path / "pack.pdf").exists()
    # Nor can a pack drafted for one request be recorded against another.
    import dataclasses
    pack = subject_access.draft_pack(vault, case["ref"], request_id=req_own.id)
    with pytest.raises(ValidationError, match="another record"):
        subject_access.record_decision(vault, dataclasses.replace(pack,
                                                                  request_id=req_other.id))
    status = {r.id: r.status for r in subject_access.requests(vault)}
    assert status == {req_other.id: "open", req_own.id: "open"}
    subject_access.record_decision(vault, pack)
    status = {r.id: r.status for r in subject_access.requests(vault)}
    assert status == {req_other.id: "open", req_own.id: "answered"}


def test_access_pack_command_refuses_another_subjects_request(vault, vault_path, case,
                                                              tmp_path, monkeypatch, capsys):
    other = subjects.create_subject(vault, SubjectFields("Other Person"))
    req = subject_access.open_request(vault, other.ref)
    vault.close()
    from cli.main import main
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    out = tmp_path / "pack.pdf"
    assert main(["access-pack", case["ref"], "--request", str(req.id), "--out", str(out),
                 "--vault", str(vault_path)]) == 2
    err = capsys.readouterr().err
    assert "another record" in err and "Traceback" not in err and not out.exists()
    with Vault.open(vault_path, "governor", PASS) as g:
        assert [r.status for r in subject_access.requests(g)] == ["open"]


@needs_poppler
def test_the_default_pack_gives_nothing_away_about_what_it_withholds(vault, vault_path,
                                                                    tmp_path):
    """A live case: the referral to the police is withheld, and so, by
    default, is everything tied to it (the measure that is the police's
    evidence bundle, its log, the staff who ran it); a handling-code C report
    of telephone monitoring is withheld; and no withheld item's label names
    its technique, target or date."""
    from console.audit import unlock
    from console.records import users
    from reports.access_pack import make_access_pack
    users.add_user(vault, "kestrel.deputy", "deputy passphrase", role="deputy")
    s = subjects.create_subject(vault, SubjectFields("Dana Okonkwo-Reyes", staff_number="D-7"))
    day = TODAY - dt.timedelta(days=9)
    tel = intel.add_report(vault, s.ref, ReportFields(
        type="telephone", received_on=day, source_grade=1, intel_grade="B", handling="C",
        handling_condition="Police only", summary="Calls to a known supplier"))
    f = referrals.add_referral(vault, s.ref, ReferralFields(
        target="police", referred_on=day, reference="OP-BRAMBLEWICK", report_id=tel.id))
    m = measures.add_measure(vault, s.ref, MeasureFields(
        aim="pursue", type="other", owner="Inspector Quillfeather",
        details="Evidence bundle for the police team: call monitoring extracts"))
    subjects.change_status(vault, s.ref, "referred_hq", "Police enquiry")
    vault.close()
    with unlock.open_vault(vault_path, "kestrel.deputy", "deputy passphrase") as d:
        measures.add_log_entry(d, m.id, "Extracts handed to DC Fernsby")
    with unlock.open_vault(vault_path, "governor", PASS) as g:
        pack = subject_access.draft_pack(g, s.ref)
        by_key = {i.key: i for i in pack.items}
        for key in (f"report:{tel.id}", f"referral:{f.id}", f"measure:{m.id}",
                    f"measure:{m.id}:log", f"measure:{m.id}:staff"):
            assert by_key[key].withheld, key
        assert by_key[f"referral:{f.id}"].label == "Referral 1"
        assert by_key[f"report:{tel.id}"].label == "Report 1"
        assert "Telephone monitoring" in by_key[f"report:{tel.id}"].detail  # the governor sees
        out = tmp_path / "pack.pdf"
        make_access_pack(g, s.ref, out)
        text = _pdf_text(out)
        for secret in ("Telephone", "monitoring", "Police", "police", day.isoformat(),
                       "Evidence bundle", "BRAMBLEWICK", "Quillfeather", "kestrel.deputy",
                       "Fernsby", "Pursue", "Calls to a known supplier"):
            assert secret not in text, secret
        assert "Dana Okonkwo-Reyes" in text and "Measure 1: log" in text
        # The governor decides otherwise, item by item: releasing the referral
        # releases what was withheld only because of it; the staff stay withheld.
        pack = subject_access.draft_pack(g, s.ref, {f"referral:{f.id}": None,
                                                    f"report:{tel.id}": None})
        by_key = {i.key: i for i in pack.items}
        assert not by_key[f"measure:{m.id}"].withheld
        assert "Evidence bundle" in by_key[f"measure:{m.id}"].text
        assert by_key[f"measure:{m.id}:staff"].withheld
        pack = subject_access.draft_pack(g, s.ref, {f"measure:{m.id}": None})
        by_key = {i.key: i for i in pack.items}
        assert by_key[f"referral:{f.id}"].withheld and not by_key[f"measure:{m.id}"].withheld
        assert by_key[f"measure:{m.id}:log"].withheld is False
