"""Signed briefings checked with tools nobody here wrote: poppler (pdfsig,
pdftotext, pdffonts), qpdf and pyHanko's own validator; plus our verify."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata

import pytest

from console.records import intel, measures, referrals, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields
from tests.conftest import FAST_KDF, PASS

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfsig", "pdftotext", "qpdf", "pdffonts")),
    reason="poppler-utils and qpdf are needed (installed by .ci/run)")

NAMES = ["Dafydd Ŵyn", "Łukasz Wiśniewski", "Seán Ó Súilleabháin", "عمران خان"]
INJECTION_NAME = "Jo <b>Bloggs</b> & Co"
INJECTION = "a < b & c <font name=x> <link href='http://evil.example'>click</link>"
FULL_TEXT = "FULLTEXT-NEVER-PRINTED"


def populate(vault) -> list:
    old = dt.date.today() - dt.timedelta(days=30)
    made = []
    for i, name in enumerate(NAMES + [INJECTION_NAME]):
        s = subjects.create_subject(
            vault, SubjectFields(
                name, staff_number=f"SN{7000 + i}", role="Officer", location="B wing",
                categories=["conveyance"], likelihood=i % 5 + 1, impact=5 - i % 3,
                owner="Head of Security", next_review=old, notes=f"Seen with {name}. {INJECTION}"))
        r = intel.add_report(vault, s.ref, ReportFields(
            type="ssir", received_on=old, source_grade=2, intel_grade="B", handling="P",
            full_text=FULL_TEXT, summary=f"{name} seen passing a package. {INJECTION}"))
        if i % 2:
            referrals.add_referral(vault, s.ref, ReferralFields(
                target="hq", referred_on=old, reference="HQ/1", report_id=r.id))
        m = measures.add_measure(vault, s.ref, MeasureFields(
            aim="protect", type="moved", details="Moved to stores", owner="Deputy Governor",
            review_due=old, status="active"))
        measures.add_log_entry(vault, m.id, f"Spoke to {name.split()[0]}; "
                                            f"{name} ({s.staff_number}) compliant. <b>x</b>")
        made.append(s)
    return made


def make(vault, path, **options):
    from reports.briefing_service import BriefingOptions, make_briefing
    return make_briefing(vault, path, BriefingOptions(**options))


def run(*cmd, check=False):
    return subprocess.run(cmd, capture_output=True, text=True, check=check)


def text_of(path, *extra) -> str:
    return run("pdftotext", *extra, str(path), "-", check=True).stdout


@pytest.fixture(scope="module")
def briefing(tmp_path_factory, kdf_floor_for_tests):
    """One signed briefing of a populated vault, made once for the tests that
    only read it (the vault stays open for its signing identity)."""
    from console.audit.genesis import create_vault
    folder = tmp_path_factory.mktemp("briefing")
    vault = create_vault(folder / "vault", "governor", PASS, "HMP Testshire",
                         display_name="Gwen Governor", kdf=FAST_KDF)
    people = populate(vault)
    out = folder / "briefing.pdf"
    result = make(vault, out)
    yield vault, out, result, people
    vault.close()


def test_pdfsig_reports_a_valid_signature_over_the_whole_file(briefing):
    _, out, result, _ = briefing
    p = run("pdfsig", str(out))
    assert "Signature is Valid" in p.stdout, p.stdout
    assert "Total document signed" in p.stdout
    assert "Signature Field Name: BriefingSignature" in p.stdout
    # the visible signature block sits on the last page, with an appearance
    import json
    form = json.loads(run("qpdf", "--json", "--json-key=acroform", str(out)).stdout)
    (field,) = form["acroform"]["fields"]
    assert field["fieldtype"] == "/Sig" and field["pageposfrom1"] == result.pages
    assert b"/AP" in out.read_bytes()
    q = run("qpdf", "--check", str(out))
    assert q.returncode == 0, q.stdout + q.stderr
    assert "No syntax or stream encoding errors" in q.stdout
    assert result.pages >= 7 and result.subjects == 5


def test_every_page_is_marked_numbered_and_referenced(briefing):
    _, out, result, _ = briefing
    pages = text_of(out).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) == result.pages
    for n, page in enumerate(pages, 1):
        assert page.count("OFFICIAL-SENSITIVE") >= 2, n
        assert f"Page {n} of {result.pages}" in page
        assert f"Briefing {result.reference}" in page
        assert "HMP Testshire" in page
        assert "Generated " in page


def test_names_in_every_script_are_embedded_and_rendered(briefing):
    _, out, _, _ = briefing
    text = text_of(out)
    for name in NAMES[:3]:
        assert name in text
    # Arabic comes out in shaped (presentation) forms, in logical order.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in text)
    plain = unicodedata.normalize("NFKC", text)
    plain = re.sub("[\u202a-\u202e\u200e\u200f]", "", plain)
    assert "عمران خان" in plain
    fonts = run("pdffonts", str(out)).stdout
    assert "NotoSans-Regular" in fonts and "NotoNaskhArabic" in fonts


def test_user_markup_prints_literally_and_injects_nothing(briefing):
    _, out, _, _ = briefing
    text = " ".join(text_of(out).split())
    assert "Jo <b>Bloggs</b> & Co" in text
    assert "a < b & c <font name=x>" in text
    assert "<link href='http://evil.example'>click</link>" in text
    assert b"evil.example" not in out.read_bytes().split(b"stream")[0]
    assert b"/URI" not in out.read_bytes()


def test_full_text_of_reports_never_leaves_the_vault(briefing):
    _, out, _, _ = briefing
    text = text_of(out)
    assert FULL_TEXT not in text
    assert "seen passing a package" in text


def _uncompressed(path, tmp_path) -> bytes:
    flat = tmp_path / "flat.pdf"
    run("qpdf", "--qdf", "--object-streams=disable", "--stream-data=uncompress",
        str(path), str(flat))
    return flat.read_bytes()


def test_pseudonymised_edition_names_nobody(vault, tmp_path):
    people = populate(vault)
    out = tmp_path / "pseudo.pdf"
    make(vault, out, pseudonymise=True)
    text = text_of(out)
    plain = unicodedata.normalize("NFKC", text)
    raw = _uncompressed(out, tmp_path)
    info = run("pdfinfo", str(out)).stdout
    outline = run("qpdf", "--json", "--json-key=outlines", str(out)).stdout
    for s in people:
        for needle in [s.name, *s.name.split(), s.staff_number, "Bloggs"]:
            if len(needle) < 3 and needle != s.staff_number:
                continue
            assert needle not in text and needle not in plain, needle
            assert needle.encode("utf-8") not in raw, needle
            assert needle.encode("utf-16-be") not in raw, needle
            assert needle not in info and needle not in outline, needle
        assert s.ref in text
        assert s.ref in outline
    assert "pseudonymised" in info.lower()
    assert "Signature is Valid" in run("pdfsig", str(out)).stdout


def test_full_edition_outline_names_subjects(briefing):
    _, out, _, people = briefing
    outline = run("qpdf", "--json", "--json-key=outlines", str(out)).stdout
    assert all(s.ref in outline for s in people)
    info = run("pdfinfo", str(out)).stdout
    assert "Counter-corruption briefing BR-" in info
    assert "Gwen Governor" in info
    assert "OFFICIAL-SENSITIVE" in info


def test_a_flipped_byte_fails_verify_and_pdfsig(briefing, tmp_path):
    from reports.verify import verify_pdf
    _, out, _, _ = briefing
    data = bytearray(out.read_bytes())
    # A byte of the page content, well inside the first signed range.
    pos = data.index(b"stream", 2000) + 200
    data[pos] ^= 0x01
    bad = tmp_path / "flipped.pdf"
    bad.write_bytes(bytes(data))
    v = verify_pdf(bad)
    assert not v.ok
    assert "altered" in v.sentence or "damaged" in v.sentence
    assert "Signature is Valid" not in run("pdfsig", str(bad)).stdout
    assert verify_pdf(out).intact


def test_an_appended_incremental_update_fails_even_though_intact(briefing, tmp_path):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from reports.verify import verify_pdf
    _, out, _, _ = briefing
    w = IncrementalPdfFileWriter(io.BytesIO(out.read_bytes()))
    w.document_meta.title = "Nothing to see here"
    w.update_root()
    buf = io.BytesIO()
    w.write(buf)
    later = tmp_path / "updated.pdf"
    later.write_bytes(buf.getvalue())
    assert len(buf.getvalue()) > out.stat().st_size
    sig = run("pdfsig", str(later)).stdout
    assert "Signature is Valid" in sig and "Not total document signed" in sig
    v = verify_pdf(later)
    assert not v.ok and not v.covers_whole_file
    assert "after it was signed" in v.sentence


def test_pyhanko_validator_agrees(briefing):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import MDPPerm
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from reports.verify import verify_pdf

    vault, out, result, _ = briefing
    with out.open("rb") as fh:
        r = PdfFileReader(fh)
        sig = r.embedded_signatures[0]
        status = validate_pdf_signature(
            sig, signer_validation_context=ValidationContext(
                trust_roots=[sig.signer_cert], allow_fetching=False))
        assert status.intact and status.valid and status.trusted
        assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        assert sig.docmdp_level == MDPPerm.NO_CHANGES
        assert str(r.document_meta_view.title).startswith("Counter-corruption briefing")
    v = verify_pdf(out, vault.identity().cert_pem)
    assert v.ok and v.trusted and v.covers_whole_file
    assert v.fingerprint == result.fingerprint == vault.identity().fingerprint
    assert v.signer == "Gwen Governor"
    assert v.signed_at is not None


def test_a_key_other_than_the_trusted_one_fails(briefing):
    from console.storage.identity import generate_identity
    from reports.verify import verify_pdf
    _, out, _, _ = briefing
    other = generate_identity("Mallory", "Governor", "HMP Elsewhere")
    v = verify_pdf(out, other.cert_pem)
    assert not v.ok and v.trusted is False
    assert "not the trusted certificate" in v.sentence


def test_unsigned_damaged_and_non_pdf_files_give_reasons(vault, tmp_path):
    from reports.collect import collect
    from reports.content import build_briefing
    from reports.verify import verify_pdf
    populate(vault)
    data, _ = collect(vault, reference="BR-TEST-01", distribution="HQ")
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(build_briefing(data))
    v = verify_pdf(unsigned)
    assert not v.ok and "not signed" in v.sentence

    signed = tmp_path / "signed.pdf"
    make(vault, signed)
    raw = signed.read_bytes()
    m = re.search(rb"/Contents <([0-9a-fA-F]+)>", raw)
    damaged = raw[:m.start(1)] + b"0" * len(m.group(1)) + raw[m.end(1):]
    (tmp_path / "damaged.pdf").write_bytes(damaged)
    v = verify_pdf(tmp_path / "damaged.pdf")
    assert not v.ok and v.sentence.endswith(".")

    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    v = verify_pdf(tmp_path / "junk.pdf")
    assert not v.ok and "damaged" in v.sentence
    (tmp_path / "text.pdf").write_text("hello")
    assert "not a PDF" in verify_pdf(tmp_path / "text.pdf").sentence
    assert "could not be read" in verify_pdf(tmp_path / "missing.pdf").sentence


def test_encrypted_briefing_opens_with_its_password_and_verifies(vault, tmp_path):
    from reports.verify import verify_pdf
    populate(vault)
    out = tmp_path / "locked.pdf"
    make(vault, out, password="open sesame 42")
    ok = run("qpdf", "--password=open sesame 42", "--check", str(out))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "AES" in run("qpdf", "--password=open sesame 42", "--show-encryption",
                        str(out)).stdout
    assert run("qpdf", "--check", str(out)).returncode != 0
    assert run("pdftotext", str(out), "-").returncode != 0
    assert "Dafydd Ŵyn" in text_of(out, "-upw", "open sesame 42")
    assert "Signature is Valid" in run("pdfsig", "-upw", "open sesame 42", str(out)).stdout
    v = verify_pdf(out, vault.identity().cert_pem, password="open sesame 42")
    assert v.ok and v.reason.startswith("Counter-corruption briefing ")
    v = verify_pdf(out)
    assert not v.ok and "password" in v.sentence
    assert not verify_pdf(out, password="wrong password").ok
    assert FULL_TEXT.encode() not in out.read_bytes()
