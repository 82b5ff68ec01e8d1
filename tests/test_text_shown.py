"""Bidirectional and control characters in record text are handled the same
way everywhere: the command line, the PDF and search (the desktop console:
tests/ui/test_shown_in_console.py). Text is stored exactly as typed; what is shown
never holds a character that could reorder it or rewrite a terminal line."""

from __future__ import annotations

import json

import pytest

from console.records import intel, journal, measures, register, subjects
from console.records.commands import MeasureFields, ReportFields, SubjectFields
from console.text import UNSAFE, folded, folded_map, shown
from tests.conftest import PASS

RLO, LRI, PDI, CSI = "\u202e", "\u2066", "\u2069", "\x9b"
NAME = f"Ali{RLO}Gnimmah"
NOTES = f"Seen at the gate{RLO}etag\nSecond line{LRI}x{PDI}"   # stored as typed


def unsafe_in(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if ord(c) in UNSAFE})


def test_shown_takes_out_bidi_and_control_characters_and_keeps_lines():
    assert shown(NAME) == "AliGnimmah"
    assert shown(NOTES) == "Seen at the gateetag\nSecond linex"
    assert shown("line\x1b[2K\x9b1Agone") == "line[2K1Agone"   # no escape sequence left
    assert shown("a\r\nb\rc\td") == "a\nb\nc\td"
    assert shown("a\nb\tc", one_line=True) == "a b c"
    assert shown("Siobhán Ní Bhriain") == "Siobhán Ní Bhriain"
    assert shown("محمد علی") == "محمد علی"          # right to left needs no control
    assert shown(None) == "" and shown(12) == "12"
    assert not unsafe_in(shown("".join(map(chr, sorted(UNSAFE)))))


def test_a_lone_surrogate_is_shown_as_a_replacement_character():
    """A file name that is not UTF-8 reaches Python with lone surrogates,
    which no terminal, file or PDF can carry."""
    import os
    name = os.fsdecode(b"brief\xffing.pdf")
    assert shown(name) == shown(name, one_line=True) == "brief\ufffding.pdf"
    assert shown(name).encode("utf-8")
    assert shown("\ud83d\ude00") == "\ufffd\ufffd"       # a pair split by a JSON escape


def test_search_matches_text_as_shown_ignoring_case_and_accents():
    assert folded(NAME) == "aligneimmah".replace("e", "") == "alignimmah"
    assert folded("Wiśniewski") == folded("WISNIEWSKI") == "wisniewski"
    assert folded("Łódź Øster Straße") == "lodz oster strasse"
    assert folded("Wiś\u00adniew\u200bski") == "wisniewski"     # soft hyphen, zero width
    text, where = folded_map(f"Zoë{RLO}Łe")
    assert text == "zoele" and [f"Zoë{RLO}Łe"[i] for i in where] == list("ZoëŁe")


@pytest.fixture
def tricky(vault, vault_path):
    s = subjects.create_subject(vault, SubjectFields(NAME, role=f"Officer{RLO}", notes=NOTES,
                                                     owner=f"Owner{LRI}", staff_number="TX-1"))
    intel.add_report(vault, s.ref, ReportFields(
        type="ssir", received_on="2024-01-02", source_grade=2, intel_grade="C", handling="P",
        summary=f"Summary{RLO}yrammus"))
    m = measures.add_measure(vault, s.ref, MeasureFields(aim="protect", type="supervision",
                                                         details=f"Details{RLO}x"))
    measures.add_log_entry(vault, m.id, f"Log{RLO}gol")
    register.subject_record(vault, s.ref, reason=f"Checked{RLO}dekcehc")
    journal.record_export(vault, [s.ref], "briefing", kind="disclose",
                          recipients=[f"HQ{RLO}QH"])
    vault.close()
    return {"ref": s.ref, "path": vault_path}


def run(capsys, monkeypatch, *args) -> str:
    from cli.main import main
    monkeypatch.setenv("CONSOLE_PASSPHRASE", PASS)
    code = main([*args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


@pytest.mark.parametrize("command", [["list"], ["show", "REF"], ["journal"],
                                     ["review-queue", "--within", "100000"],
                                     ["journal", "--json"], ["show", "REF", "--json"],
                                     ["list", "--json"],
                                     ["review-queue", "--json", "--within", "100000"]])
def test_no_command_prints_a_bidi_or_control_character(tricky, capsys, monkeypatch, command):
    args = [tricky["ref"] if a == "REF" else a for a in command]
    out = run(capsys, monkeypatch, *args, "--vault", str(tricky["path"]))
    assert unsafe_in(out) == []
    if "--json" not in command:
        assert "AliGnimmah" in out or "HQQH" in out
    else:
        # JSON stays exact: the characters are there as escapes.
        assert NAME in json.dumps(json.loads(out), ensure_ascii=False) or \
            f"HQ{RLO}QH" in json.dumps(json.loads(out), ensure_ascii=False)


def test_pdf_markup_and_single_lines_leave_them_out():
    from reports.markup import escape, para
    from reports.pdf_parts import fit
    assert unsafe_in(para(NOTES)) == [] and unsafe_in(escape(NAME)) == []
    assert para(NAME) == "AliGnimmah"
    assert fit(f"HMP {RLO}nwodhsA", "Helvetica", 8, 500) == "HMP nwodhsA"


def test_the_briefing_pdf_prints_the_name_as_shown(vault, tmp_path):
    import shutil
    import subprocess
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler")
    from reports.briefing_service import BriefingOptions, make_briefing
    subjects.create_subject(vault, SubjectFields(NAME, notes=NOTES))
    out = tmp_path / "b.pdf"
    make_briefing(vault, out, BriefingOptions())
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "AliGnimmah" in text and unsafe_in(text.replace("\f", "")) == []
