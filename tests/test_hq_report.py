"""The national summary: signed by HQ over the whole file (pdfsig, qpdf and
pyHanko agree), OFFICIAL-SENSITIVE on every page, with trends over twelve
months and the establishments HQ holds, on both stores."""

from __future__ import annotations

import datetime as dt
import subprocess

from hq import ingest as hq_ingest
from hq.national import make_report
from hq.trends import monthly
from hq.trust import pin


def test_the_national_summary_is_signed_marked_and_complete(hq_store, hq_briefings, tmp_path):
    hb = hq_briefings
    pin(hq_store, "HMP Ashdown", hb["a_pem"].read_bytes())
    pin(hq_store, "HMP Brackley", hb["b_pem"].read_bytes())
    hq_ingest.ingest(hq_store, [hb["files"]], workers=1)
    now = dt.datetime.now(dt.timezone.utc)
    out = tmp_path / "national.pdf"
    result = make_report(hq_store, out, now=now)
    assert result.pages >= 2 and result.fingerprint == hq_store.identity().fingerprint
    sig = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in sig and "Total document signed" in sig
    assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True).returncode == 0

    from pyhanko.keys.pemder import load_certs_from_pemder_data
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    pinned = list(load_certs_from_pemder_data(hq_store.identity().cert_pem))
    with open(out, "rb") as fh:
        sigs = PdfFileReader(fh).embedded_signatures
        assert len(sigs) == 1
        status = validate_pdf_signature(
            sigs[0], ValidationContext(trust_roots=pinned, allow_fetching=False))
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"

    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == result.pages
    assert all(p.count("OFFICIAL-SENSITIVE") >= 2 for p in pages)
    flat = " ".join(text.split())
    assert "Trends over the last twelve months" in flat
    assert "HMP Ashdown" in flat and "HMP Brackley" in flat and "SN100" in flat
    assert f"{now:%y-%m}" in flat


def test_trends_cover_twelve_months_ending_now(hq_store, hq_briefings):
    hb = hq_briefings
    pin(hq_store, "HMP Ashdown", hb["a_pem"].read_bytes())
    hq_ingest.ingest(hq_store, [hb["a1"], hb["a3"]], workers=1)
    now = dt.datetime.now(dt.timezone.utc)
    months = monthly(hq_store, now)
    assert len(months) == 12 and months[-1].label == f"{now:%Y-%m}"
    assert months[-1].briefings == 2 and months[-1].open_subjects == 4
    assert months[0].open_subjects == 0 and months[0].overdue == 1
