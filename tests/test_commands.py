"""The command dataclasses: one list of fields for each kind of record,
shared by the services, the CSV import and the desktop's forms."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest

from console.errors import ValidationError
from console.records import importer, model, subjects
from console.records.commands import (
    KEEP,
    PROFILE,
    MeasureFields,
    ReferralFields,
    ReportFields,
    SubjectFields,
)


@pytest.mark.parametrize("command, record", [
    (SubjectFields, model.Subject), (ReportFields, model.IntelReport),
    (ReferralFields, model.Referral), (MeasureFields, model.Measure)])
def test_every_command_field_is_a_field_of_the_stored_record(command, record):
    stored = {f.name for f in dataclasses.fields(record)}
    assert {f.name for f in dataclasses.fields(command)} <= stored


def test_the_import_reads_subject_fields():
    names = {f.name for f in dataclasses.fields(SubjectFields)}
    assert set(importer.COLUMNS) <= names
    assert issubclass(importer.ImportRow, SubjectFields)
    row = importer.ImportRow("Row Person", line=4)
    assert (row.line, row.status, row.likelihood, row.categories) == (4, "concern_logged", 1, ())


def test_fields_left_out_are_kept_through_copies():
    c = SubjectFields(role="Officer")
    assert c.name is KEEP and c.given() == {"role": "Officer"}
    for again in (copy.copy(c), copy.deepcopy(c), dataclasses.replace(c)):
        assert again.name is KEEP
    assert dataclasses.asdict(c)["name"] is KEEP


def test_creating_fills_defaults_and_changing_touches_only_what_was_given():
    new = SubjectFields(" Ann Lee ", likelihood=4, start_date="2026-01-05",
                        categories="Theft; theft;conveyance").cleaned(creating=True)
    assert new["name"] == "Ann Lee" and new["employment_type"] == "directly_employed"
    assert new["start_date"] == dt.date(2026, 1, 5) and new["next_review"] is None
    assert new["categories"] == ("theft", "conveyance")
    assert (new["residual_likelihood"], new["residual_impact"]) == (4, 1)
    assert SubjectFields(notes=" kept as typed ").cleaned(creating=False) == {
        "notes": " kept as typed "}
    m = MeasureFields(aim="protect", type="moved", start_on="").cleaned(creating=True)
    assert m["start_on"] == dt.date.today()  # a measure starts today unless told otherwise


def test_a_field_another_service_owns_is_refused():
    with pytest.raises(ValidationError, match="Status cannot be set here"):
        SubjectFields(status="closed").cleaned(creating=False, only=PROFILE)
    # the default of a field outside ``only`` is not a change
    assert SubjectFields(outcome=None, role="x").cleaned(creating=False, only=PROFILE) == {
        "role": "x"}


def test_problem_is_the_sentence_the_service_would_refuse_with(vault):
    bad = SubjectFields("Date Person", next_review="2026-W02-1")
    sentence = bad.problem(creating=True)
    assert sentence == "Next review must be a date written as YYYY-MM-DD."
    with pytest.raises(ValidationError) as err:
        subjects.create_subject(vault, bad)
    assert str(err.value) == sentence
    assert SubjectFields("Good Person").problem(creating=True) == ""


def test_a_grading_goes_together():
    assert ReportFields(type="ssir", received_on="2026-01-05", intel_grade="b",
                        handling="c", handling_condition="HQ only").cleaned(creating=True)[
        "intel_grade"] == "B"
    with pytest.raises(ValidationError, match="together"):
        ReportFields(handling="P").cleaned(creating=False)
    with pytest.raises(ValidationError, match="condition"):
        ReportFields(source_grade=1, intel_grade="A", handling="C").cleaned(creating=False)


def test_a_stored_record_gives_its_command(vault):
    s = subjects.create_subject(vault, SubjectFields(
        "Round Trip", role="Cook", start_date=dt.date(2020, 5, 1), categories=["theft"]))
    again = SubjectFields.of(s, PROFILE)
    assert again.given().keys() == set(PROFILE)
    assert subjects.update_profile(vault, s.ref, again) == s  # nothing changed, nothing written


@pytest.mark.parametrize("value", [float("inf"), float("nan"), "5.5", None, [4]])
def test_a_score_that_is_no_whole_number_is_one_sentence(value):
    assert SubjectFields(likelihood=value).problem(creating=False) == (
        "Likelihood must be a whole number from 1 to 5.")
