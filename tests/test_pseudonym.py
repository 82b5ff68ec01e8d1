"""The pseudonymised edition names nobody, however a name or staff number is
written in free text: short name parts, spellings with or without accents
(or with the accents as separate marks), other cases, and staff numbers
with other spacing and punctuation."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from console.records import measures, subjects
from console.records.commands import MeasureFields, SubjectFields
from console.text import folded
from reports.pseudonym import WITHHELD, Pseudonymiser

PEOPLE = [("CC-2026-001", "Wei Li", "AB12345"),
          ("CC-2026-002", "Łukasz Wiśniewski", "cd 777-01"),
          ("CC-2026-003", "Siobhán O'Sullivan", ""),
          ("CC-2026-004", "John Smith", "X1"),
          ("CC-2026-005", "Mary Smith", "")]


@pytest.fixture
def p():
    return Pseudonymiser(PEOPLE)


def test_short_name_parts_are_replaced(p):
    out = p.text("Spoke to Li at the gate; LI denied it, and Wei Li left. Lithium batteries.")
    assert "Li " not in out and "LI " not in out and "Wei" not in out
    assert out.count("CC-2026-001") == 3 and "Lithium" in out


def test_spellings_without_accents_or_with_separate_marks_are_replaced(p):
    nfd = unicodedata.normalize("NFD", "Wiśniewski")
    for written in ("Wisniewski", "WIŚNIEWSKI", "wiśniewski", nfd, "Lukasz", "LUKASZ",
                    "Siobhan", "OSullivan", "O’Sullivan", "Sullivan", "Wiś\u00adniewski",
                    "Wiś\u200bniew\u202eski", "L\u200dukasz"):
        out = p.text(f"Seen with {written} twice.")
        assert folded(written) not in folded(out), written
        assert "CC-2026-00" in out, written
        assert not any(unicodedata.combining(c) for c in out), written


def test_staff_numbers_written_differently_are_replaced(p):
    for written in ("AB12345", "ab 12345", "AB-12345", "a b 1 2 3 4 5", "ab.12345",
                    "CD777-01", "cd 777 01", "CD77701"):
        out = p.text(f"Badge {written} used at 07:00.")
        assert out == "Badge CC-2026-00{} used at 07:00.".format(
            1 if written.lower().startswith("a") else 2), written
    assert p.text("Room AB123456 and X12") == "Room AB123456 and X12"   # not the same number


def test_a_part_shared_by_two_subjects_is_withheld_not_misattributed(p):
    out = p.text("Smith was on duty; John Smith and Mary Smith signed.")
    assert out == f"{WITHHELD} was on duty; CC-2026-004 and CC-2026-005 signed."


def test_the_pseudonymised_pdf_names_nobody_in_any_spelling(vault, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler")
    from reports.briefing_service import BriefingOptions, make_briefing
    made = []
    for _ref, name, staff in PEOPLE[:3]:
        made.append(subjects.create_subject(vault, SubjectFields(name, staff_number=staff)))
    m = measures.add_measure(vault, made[0].ref, MeasureFields(aim="protect", type="moved"))
    measures.add_log_entry(vault, m.id, "Li met WISNIEWSKI (badge ab 12345); "
                                        "Lukasz and Siobhan OSullivan saw them, cd 777 01.")
    out = tmp_path / "p.pdf"
    make_briefing(vault, out, BriefingOptions(pseudonymise=True))
    text = folded(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                 text=True, check=True).stdout)
    for needle in ("wei", "li ", "wisniewski", "lukasz", "siobhan", "sullivan", "ab 12345",
                   "ab12345", "777 01", "77701"):
        assert needle not in text, needle
    assert made[0].ref.lower() in text
