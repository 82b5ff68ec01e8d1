"""Briefings in Welsh and bilingual (Welsh first): every page carries the
English OFFICIAL-SENSITIVE with SWYDDOGOL-SENSITIF beside it, the headings
and labels are in both languages, the record text is never translated, and
the signature still holds for pdfsig and qpdf."""

from __future__ import annotations

import shutil
import pytest

from tests.conftest import FAST_KDF, PASS
from tests.test_briefing_pdf import make, populate, run, text_of

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdfsig", "pdftotext", "qpdf")),
    reason="poppler-utils and qpdf are needed (installed by .ci/run)")


@pytest.fixture(scope="module")
def welsh_vault(tmp_path_factory, kdf_floor_for_tests):
    from console.audit.genesis import create_vault
    folder = tmp_path_factory.mktemp("welsh")
    v = create_vault(folder / "vault", "governor", PASS, "CEM Caerdydd",
                     display_name="Gwen Llywodraethwr", kdf=FAST_KDF)
    populate(v)
    yield v, folder
    v.close()


def pages_of(path) -> list[str]:
    return [p for p in text_of(path).split("\f") if p.strip()]


def test_a_bilingual_briefing_is_welsh_first_and_marked_in_both(welsh_vault):
    v, folder = welsh_vault
    out = folder / "bilingual.pdf"
    result = make(v, out, language="both")
    pages = pages_of(out)
    assert len(pages) == result.pages
    for n, page in enumerate(pages, 1):
        assert page.count("OFFICIAL-SENSITIVE") >= 2, n
        assert page.count("SWYDDOGOL-SENSITIF") >= 2, n
        assert page.index("SWYDDOGOL-SENSITIF") < page.index("OFFICIAL-SENSITIVE"), n
        assert f"Tudalen {n} o {result.pages}" in page and f"Page {n} of {result.pages}" in page
    cover = " ".join(pages[0].split())
    assert "Briff gwrth-lygredd" in cover and "Counter-corruption briefing" in cover
    assert cover.index("Briff gwrth-lygredd") < cover.index("Counter-corruption briefing")
    text = " ".join(text_of(out).split())
    assert "Mesurau lliniaru" in text and "Mitigation measures" in text
    assert "Dafydd Ŵyn" in text                  # names as written, never translated
    assert "Moved to stores" in text             # record text as written
    p = run("pdfsig", str(out))
    assert "Signature is Valid" in p.stdout and "Total document signed" in p.stdout, p.stdout
    q = run("qpdf", "--check", str(out))
    assert q.returncode == 0, q.stdout + q.stderr


def test_a_welsh_briefing_keeps_the_english_marking_and_verifies(welsh_vault):
    v, folder = welsh_vault
    out = folder / "cymraeg.pdf"
    result = make(v, out, language="cy")
    pages = pages_of(out)
    for n, page in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in page and "SWYDDOGOL-SENSITIF" in page, n
        assert f"Tudalen {n} o {result.pages}" in page and "Page " not in page
    text = " ".join(text_of(out).split())
    assert "Mitigation measures" not in text and "Mesurau lliniaru" in text
    assert "Ar gau" in text or "Pryder wedi’i gofnodi" in text
    assert run("pdfsig", str(out)).stdout.count("Signature is Valid") == 1
    from reports.verify import verify_pdf
    verdict = verify_pdf(out)
    assert verdict.intact and verdict.covers_whole_file


def test_an_english_briefing_has_no_welsh(welsh_vault):
    v, folder = welsh_vault
    out = folder / "english.pdf"
    make(v, out, language="en")
    text = text_of(out)
    assert "SWYDDOGOL" not in text and "Tudalen" not in text


def test_brief_on_the_command_line_takes_the_language(vault, monkeypatch, tmp_path, capsys):
    from cli.main import main
    from console import i18n
    path = vault.folder
    vault.close()
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    out = tmp_path / "both.pdf"
    try:
        assert main(["brief", "--vault", str(path), "--out", str(out), "--language", "both"]) == 0
    finally:
        i18n.use("en")
    text = text_of(out)
    assert "SWYDDOGOL-SENSITIF" in text and "OFFICIAL-SENSITIVE" in text
