"""The data every briefing carries (briefing.json): embedded before signing,
valid against its schema, in agreement with the pages, chained to earlier
briefings, and written by ``verify --extract`` only from a trusted file."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys

import pytest

from console.audit import chain as audit
from console.records import intel, measures, referrals, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from reports import briefing_json
from tests.conftest import ROOT


def populate(vault):
    today = dt.date.today()
    a = subjects.create_subject(vault, SubjectFields(
        name="Alys Bowen", staff_number="AB1234", likelihood=4, impact=5,
        categories=["conveyance", "bribes"], next_review=today + dt.timedelta(days=30)))
    r1 = intel.add_report(vault, a.ref, ReportFields(
        type="ssir", received_on=today - dt.timedelta(days=30), source_grade=1,
        intel_grade="A", handling="P", summary="Seen"))
    intel.add_report(vault, a.ref, ReportFields(
        type="police", received_on=today - dt.timedelta(days=12), source_grade=2,
        intel_grade="B", handling="C", handling_condition="HQ only", summary="Phone"))
    referrals.add_referral(vault, a.ref, ReferralFields(
        target="hq", report_id=r1.id, referred_on=today - dt.timedelta(days=25)))
    m = measures.add_measure(vault, a.ref, MeasureFields(
        aim="protect", type="supervision", review_due=today + dt.timedelta(days=9)))
    measures.add_log_entry(vault, m.id, "Checked")
    b = subjects.create_subject(vault, SubjectFields(
        name="Bryn Carys", staff_number="BC5678", likelihood=2, impact=2))
    intel.add_report(vault, b.ref, ReportFields(
        type="search_find", received_on=today - dt.timedelta(days=3), source_grade=3,
        intel_grade="C", handling="P", summary="Found"))
    return a, b


def make(vault, path, **options):
    from reports.briefing_service import BriefingOptions, make_briefing
    return make_briefing(vault, path, BriefingOptions(**options))


def embedded(path, password=None) -> dict:
    from pyhanko.pdf_utils.reader import PdfFileReader
    with open(path, "rb") as fh:
        reader = PdfFileReader(fh)
        if password:
            reader.decrypt(password)
        files = briefing_json.attachments(reader)
    assert [n for n, _ in files] == ["briefing.json"]
    return json.loads(files[0][1])


def test_briefing_json_is_embedded_in_the_signed_revision_and_valid(vault, tmp_path):
    populate(vault)
    res = make(vault, tmp_path / "b.pdf")
    listed = subprocess.run(["pdfdetach", "-list", str(tmp_path / "b.pdf")],
                            capture_output=True, text=True, check=True).stdout
    assert "briefing.json" in listed
    sig = subprocess.run(["pdfsig", str(tmp_path / "b.pdf")], capture_output=True,
                         text=True).stdout
    assert "Signature is Valid" in sig and "Total document signed" in sig
    doc = embedded(tmp_path / "b.pdf")
    assert briefing_json.problems(doc) == []
    import jsonschema
    jsonschema.validate(doc, briefing_json.schema())   # the library's own verdict too
    assert doc["briefing"]["number"] == res.reference
    assert doc["establishment"] == {"name": "HMP Testshire", "vault_id": vault.vault_id,
                                    "certificate_sha256": res.fingerprint}
    seq, _head = audit.head(vault)
    # The head is taken before the briefing's own audit entries are appended.
    n = doc["chain"]["entries"]
    assert n < seq and doc["chain"]["head"] == audit.hashes_at(vault, [n])[n]
    assert doc["previous"] is None and doc["full_register_history"] == []


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_pages_and_the_data_agree(vault, tmp_path):
    from console.records.model import CATEGORIES, STATUSES
    populate(vault)
    make(vault, tmp_path / "b.pdf")
    doc = embedded(tmp_path / "b.pdf")
    text = _text(tmp_path / "b.pdf")
    pages = text.split("\f")
    assert len(doc["subjects"]) == 2
    assert f"vault {doc['establishment']['vault_id']}" in text
    assert f"{doc['chain']['entries']} entries; last entry {doc['chain']['head'][:16]}" in text
    for s in doc["subjects"]:
        page = "\n".join(p for p in pages if re.search(rf"{s['ref']} — ", p))
        flat = " ".join(page.split())
        assert s["staff_number"] and s["staff_number"] in flat
        assert STATUSES.label(s["status"]) in flat
        for c in s["categories"]:
            assert CATEGORIES.label(c)[:20] in flat
        for risk in (s["risk"], s["residual_risk"]):
            assert f"{risk['likelihood']} {risk['impact']} {risk['score']} " \
                   f"{risk['band'].capitalize()}" in flat
        for r in s["reports"]:
            assert r["received_on"] in flat and r["grading"] in flat
            if r["referred"]:
                assert f"Yes, {r['referred_on']}" in flat
        for f in s["referrals"]:
            assert f["referred_on"] in flat
        assert f"Mitigation measures ({s['measures']['total']})" in flat
        for d in s["measures"]["review_dates"]:
            assert d in flat
        assert f"Graded reports ({len(s['reports'])})" in flat
    referred = doc["subjects"][0]["reports"]
    assert [r["referred"] for r in referred] == [False, True]
    assert referred[1]["referred_on"] == (dt.date.today() - dt.timedelta(days=25)).isoformat()


def test_pseudonymised_data_carries_no_staff_number_and_the_schema_forbids_one(vault, tmp_path):
    populate(vault)
    make(vault, tmp_path / "p.pdf", pseudonymise=True, password="a long password")
    doc = embedded(tmp_path / "p.pdf", "a long password")
    assert doc["briefing"]["edition"] == "pseudonymised"
    raw = json.dumps(doc)
    assert "AB1234" not in raw and "Alys" not in raw and "Bowen" not in raw
    assert all("staff_number" not in s for s in doc["subjects"])
    doc["subjects"][0]["staff_number"] = "AB1234"
    assert briefing_json.problems(doc)


def test_each_briefing_names_the_previous_one_and_every_earlier_full_register_head(
        vault, tmp_path):
    populate(vault)
    first = make(vault, tmp_path / "1.pdf")
    d1 = embedded(tmp_path / "1.pdf")
    make(vault, tmp_path / "2.pdf", pseudonymise=True)
    d2 = embedded(tmp_path / "2.pdf")
    third = make(vault, tmp_path / "3.pdf")
    d3 = embedded(tmp_path / "3.pdf")
    assert d2["previous"] == {"number": first.reference, "chain": d1["chain"]}
    assert d3["previous"] == {"number": d2["briefing"]["number"], "chain": d2["chain"]}
    # Only full-register briefings count for continuity at headquarters.
    assert d3["full_register_history"] == [{"number": first.reference, "chain": d1["chain"]}]
    assert d1["chain"]["entries"] < d2["chain"]["entries"] < d3["chain"]["entries"]
    assert third.reference != first.reference


def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, input=stdin, cwd=ROOT, timeout=60)


@pytest.mark.slow
def test_verify_extract_writes_the_data_only_from_a_trusted_briefing(vault, tmp_path):
    from console.records import users
    from console.storage.identity import generate_identity
    populate(vault)
    make(vault, tmp_path / "b.pdf")
    (tmp_path / "gov.pem").write_bytes(users.certificate_pem(vault))
    (tmp_path / "other.pem").write_bytes(generate_identity("Gwen Governor", "Governor",
                                                           "HMP Testshire").cert_pem)
    out = tmp_path / "data.json"
    bad = _cli("verify", str(tmp_path / "b.pdf"), "--trust", str(tmp_path / "other.pem"),
               "--extract", str(out))
    assert bad.returncode == 1 and not out.exists()
    assert "not the trusted certificate" in bad.stderr
    no_trust = _cli("verify", str(tmp_path / "b.pdf"), "--extract", str(out))
    assert no_trust.returncode == 2 and "--extract needs --trust" in no_trust.stderr
    assert not out.exists()
    good = _cli("verify", str(tmp_path / "b.pdf"), "--trust", str(tmp_path / "gov.pem"),
                "--extract", str(out))
    assert good.returncode == 0, good.stderr
    assert json.loads(out.read_bytes()) == embedded(tmp_path / "b.pdf")
    assert "Traceback" not in bad.stderr + good.stderr


def test_an_attachment_added_after_signing_is_refused(vault, tmp_path):
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from reports.signing import embed_files
    from reports.verify import verify_pdf
    populate(vault)
    make(vault, tmp_path / "b.pdf")
    w = IncrementalPdfFileWriter(io.BytesIO((tmp_path / "b.pdf").read_bytes()))
    embed_files(w, [("extra.json", b"{}", "application/json", "added")],
                dt.datetime.now(dt.timezone.utc))
    buf = io.BytesIO()
    w.write(buf)
    (tmp_path / "t.pdf").write_bytes(buf.getvalue())
    verdict = verify_pdf(tmp_path / "t.pdf", extract=True)
    assert not verdict.ok and verdict.data is None
    assert "added to the file after it was signed" in verdict.sentence


@pytest.mark.parametrize("edition", ["full", "pseudonymised"])
def test_document_is_pure_and_canonical(edition):
    from reports.data import BriefingData
    data = BriefingData(reference="BR-20260101-01", establishment="HMP X",
                        generated_at=dt.datetime(2026, 1, 1, 9, 30, tzinfo=dt.timezone.utc),
                        prepared_by="G", prepared_role="Governor", distribution="HQ",
                        edition=edition, vault_id="0" * 8 + "-0000-0000-0000-" + "0" * 12,
                        fingerprint=":".join(["AB"] * 32), audit_head="a" * 64,
                        audit_entries=3)
    doc = briefing_json.document(data)
    assert briefing_json.problems(doc) == []
    raw = briefing_json.encode(doc)
    assert raw == briefing_json.encode(json.loads(raw))
    assert doc["briefing"]["generated_at"] == "2026-01-01T09:30:00Z"
