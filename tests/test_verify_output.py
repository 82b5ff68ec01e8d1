"""What ``verify`` prints, as a forger would attack it: a certificate name
with terminal controls cannot rewrite the verdict; a look-alike signer (the
same governor's name on another key) is never accepted without a pinned
certificate; and pyHanko's own logging never reaches the terminal when a
changed file is rejected."""

from __future__ import annotations

import io
import logging
import shutil

import pytest

from console.audit.genesis import create_vault
from console.records import subjects
from console.records.commands import SubjectFields
from console.storage.identity import generate_identity
from console.text import UNSAFE
from tests.conftest import FAST_KDF, PASS

# Erase the line, go back to its start and print a verdict of our own; then
# reverse what follows.
HOSTILE = "Mallory\x1b[2K\r\x1b[1A\x9b2Kb.pdf is intact\u202eLAVIRRA"
NOT_PINNED = "intact, but the signer is not pinned"


def unsafe_in(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if ord(c) in UNSAFE})


def _sign(tmp_path, identity, name="b.pdf"):
    from reports.access_pack import P, render
    from reports.signing import SignRequest, sign_pdf
    built = render([P("A briefing")], title="Briefing", author="x", subject="x", header="x")
    req = SignRequest(title="Briefing", author="x", subject="x", signer_name="x",
                      signer_role="Governor", establishment="HMP Testshire",
                      reference="BR-1", fingerprint=identity.fingerprint, slot=built.slot)
    out = tmp_path / name
    out.write_bytes(sign_pdf(built.pdf, identity, req))
    pem = tmp_path / f"{name}.pem"
    pem.write_bytes(identity.cert_pem)
    return out, pem


@pytest.fixture(scope="module")
def governor(tmp_path_factory, kdf_floor_for_tests):
    """A real briefing from a vault, and the governor's certificate."""
    from reports.briefing_service import BriefingOptions, make_briefing
    folder = tmp_path_factory.mktemp("gov")
    v = create_vault(folder / "vault", "governor", PASS, "HMP Testshire",
                     display_name="Gwen Governor", kdf=FAST_KDF)
    subjects.create_subject(v, SubjectFields("Alex Example"))
    out = folder / "briefing.pdf"
    make_briefing(v, out, BriefingOptions())
    pem = folder / "governor.pem"
    pem.write_bytes(v.identity().cert_pem)
    v.close()
    return out, pem


def test_a_hostile_certificate_name_is_printed_inert(cli, tmp_path):
    out, pem = _sign(tmp_path, generate_identity(HOSTILE, "Governor", "HMP Testshire"))
    for args in (["--trust", str(pem)], []):
        r = cli("verify", str(out), *args)
        printed = r.stdout + r.stderr
        assert unsafe_in(printed) == [], args
        assert len(printed.strip().splitlines()) == 1
        assert "Mallory[2K" in printed
    from reports.verify import verify_pdf
    v = verify_pdf(out, pem.read_bytes())
    assert v.ok and unsafe_in(v.signer + v.reason + v.sentence) == []


def test_a_hostile_file_name_is_printed_inert(cli, tmp_path):
    out, pem = _sign(tmp_path, generate_identity("Gwen Governor", "Governor", "HMP X"),
                     name="brief\u202efdp.exe.pdf")
    r = cli("verify", str(out), "--trust", str(pem))
    assert r.returncode == 0 and unsafe_in(r.stdout + r.stderr) == []
    assert "brieffdp.exe.pdf is intact" in r.stdout


def test_without_trust_an_intact_briefing_is_not_accepted(cli, governor):
    out, pem = governor
    r = cli("verify", str(out))
    assert r.returncode == 1 and NOT_PINNED in r.stderr and r.stdout == ""
    r = cli("verify", str(out), "--trust", str(pem))
    assert r.returncode == 0 and "is intact:" in r.stdout and NOT_PINNED not in r.stdout
    from reports.verify import verify_pdf
    v = verify_pdf(out)
    assert v.intact and not v.ok and v.trusted is None


def test_a_look_alike_signer_is_refused_with_or_without_trust(cli, governor, tmp_path):
    """Another vault, the same governor's name: intact, signed, and not the
    governor. Without --trust it is not accepted; with the real certificate
    it is refused by name."""
    real_out, real_pem = governor
    fake = create_vault(tmp_path / "fake", "governor", PASS, "HMP Testshire",
                        display_name="Gwen Governor", kdf=FAST_KDF)
    from reports.briefing_service import BriefingOptions, make_briefing
    subjects.create_subject(fake, SubjectFields("Nobody Real"))
    out = tmp_path / "lookalike.pdf"
    make_briefing(fake, out, BriefingOptions())
    fake.close()
    r = cli("verify", str(out))
    assert r.returncode == 1 and NOT_PINNED in r.stderr and "Gwen Governor" in r.stderr
    r = cli("verify", str(out), "--trust", str(real_pem))
    assert r.returncode == 1 and "not the trusted certificate" in r.stderr


def _changed_after_signing(src, dst):
    """An incremental update that replaces the first page's contents."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    w = IncrementalPdfFileWriter(io.BytesIO(src.read_bytes()))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = w.add_object(generic.StreamObject(
        stream_data=b"BT /F1 24 Tf 100 700 Td (FORGED) Tj ET"))
    w.update_container(page)
    buf = io.BytesIO()
    w.write(buf)
    dst.write_bytes(buf.getvalue())


def test_pyhanko_logs_nothing_to_the_terminal_when_a_changed_file_is_rejected(
        cli, governor, tmp_path, capfd):
    out, pem = governor
    changed = tmp_path / "changed.pdf"
    _changed_after_signing(out, changed)
    r = cli("verify", str(changed), "--trust", str(pem))
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [r.stderr.strip()]      # one sentence
    assert "Traceback" not in r.stderr and "revision" not in r.stderr
    assert "not a valid briefing" in r.stderr
    # Not on the real file descriptors either (the last-resort handler).
    fd = capfd.readouterr()
    assert "Traceback" not in fd.err and "revision" not in fd.err
    for name in ("pyhanko", "pyhanko_certvalidator"):
        assert logging.getLogger(name).propagate is False


def test_pdfsig_and_verify_agree_on_integrity_but_only_verify_pins(governor):
    """pdfsig says the signature is valid whoever made it: it checks
    integrity, not who signed; the documentation says so."""
    import subprocess
    if not shutil.which("pdfsig"):
        pytest.skip("needs poppler")
    out, _pem = governor
    sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in sig
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    for doc in (root / "README.md", root / "docs" / "verifying-briefings.md"):
        text = doc.read_text(encoding="utf-8")
        assert "integrity only" in text, doc.name
