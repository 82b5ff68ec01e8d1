"""The subject and record forms build the core's command dataclasses and
check them with the core's own rules (the strict date parser included)
before anything is sent."""

from __future__ import annotations

import datetime as dt

from console import clock
from console.records import model
from console.records.commands import (
    PROFILE,
    MeasureFields,
    ReferralFields,
    ReportFields,
    SubjectFields,
)
from ui.subject.record_dialogs import (
    MeasureDialog,
    MeasureUpdateDialog,
    ReferralDialog,
    ReferralUpdateDialog,
    ReportDialog,
)
from ui.subject.subject_dialogs import AssessDialog, SubjectDialog

SUBJECT = model.Subject(7, "CC-2026-007", "Nia Price", staff_number="N7", role="Officer",
                        location="C wing", employment_type="agency",
                        start_date=dt.date(2021, 4, 1), categories=("theft", "bribes"),
                        owner="Head of Security", next_review=dt.date(2026, 9, 1),
                        notes="two lines\nof notes", likelihood=3, impact=4)


def test_the_profile_form_shows_every_field_and_gives_back_the_same_command(qtbot):
    before = SubjectFields.of(SUBJECT, PROFILE)
    dialog = SubjectDialog(before, editing=True)
    qtbot.addWidget(dialog)
    after = dialog.value()
    assert isinstance(after, SubjectFields)
    shown, given = (c.cleaned(creating=False, only=PROFILE) for c in (after, before))
    assert set(shown.pop("categories")) == set(given.pop("categories"))  # in the list's order
    assert shown == given
    assert set(after.given()) == set(PROFILE)  # the scores are not part of a profile edit


def test_the_forms_take_dates_from_a_calendar_and_check_with_the_core(qtbot):
    adding = SubjectDialog()
    qtbot.addWidget(adding)
    assert adding.check_at() == ("name", "Name cannot be empty.")
    adding.name.setText("Date Person")
    assert adding.start_date.value() is None and adding.next_review.value() is None
    adding.start_date.set_value(dt.date(2026, 1, 5))
    adding.likelihood.setValue(5)
    assert adding.check() == ""
    cleaned = adding.value().cleaned(creating=True)
    assert cleaned["likelihood"] == 5 and cleaned["start_date"] == dt.date(2026, 1, 5)
    assert cleaned["next_review"] is None
    # A start in the future cannot be picked; the calendar stops at today.
    assert adding.start_date.edit.maximumDate().toPython() == clock.today()

    report = ReportDialog()
    qtbot.addWidget(report)
    assert report.received_on.value() == clock.today()
    assert isinstance(report.value(), ReportFields)
    report.handling.setCurrentIndex(report.handling.findData("C"))
    assert report.check_at()[0] == "handling_condition"

    measure = MeasureDialog()
    qtbot.addWidget(measure)
    assert measure.review_due.value() is None and measure.start_on.value() == clock.today()
    assert measure.check() == "" and isinstance(measure.value(), MeasureFields)

    referral = ReferralDialog()
    qtbot.addWidget(referral)
    referral.next_chase.set_box.setChecked(True)
    assert referral.next_chase.value() == clock.today() + dt.timedelta(days=14)
    assert isinstance(referral.value(), ReferralFields) and referral.check() == ""


def test_update_forms_send_only_their_own_fields(qtbot):
    f = model.Referral(3, 7, None, "hq", dt.date(2026, 1, 2), "Gwen")
    dialog = ReferralUpdateDialog(f)
    qtbot.addWidget(dialog)
    dialog.acknowledged_on.set_value(dt.date(2026, 1, 4))
    assert dialog.value().given() == {"acknowledged_on": dt.date(2026, 1, 4),
                                      "next_chase": None, "outcome": ""}
    m = model.Measure(4, 7, "protect", "moved", status="active")
    dialog = MeasureUpdateDialog(m)
    qtbot.addWidget(dialog)
    assert set(dialog.value().given()) == {"status", "review_due", "effectiveness"}
    assess = AssessDialog(SUBJECT)
    qtbot.addWidget(assess)
    assert assess.value().given() == {
        "likelihood": 3, "impact": 4, "residual_likelihood": 1, "residual_impact": 1}
