"""The subject and record forms build the core's command dataclasses and
check them with the core's own rules (the strict date parser included)
before anything is sent."""

from __future__ import annotations

import datetime as dt

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


def test_the_forms_refuse_dates_the_core_refuses(qtbot):
    adding = SubjectDialog()
    qtbot.addWidget(adding)
    assert adding.check() == "Name cannot be empty."
    adding.name.setText("Date Person")
    adding.start_date.setText("20260105")
    assert adding.check() == "Start date must be a date written as YYYY-MM-DD."
    adding.start_date.setText("2026-01-05")
    adding.likelihood.setValue(5)
    assert adding.check() == ""
    assert adding.value().cleaned(creating=True)["likelihood"] == 5

    report = ReportDialog()
    qtbot.addWidget(report)
    report.received_on.setText("2026-W02-1")
    assert report.check() == "Date received must be a date written as YYYY-MM-DD."
    assert isinstance(report.value(), ReportFields)

    measure = MeasureDialog()
    qtbot.addWidget(measure)
    measure.review_due.setText("05/01/2027")
    assert measure.check() == "Review due must be a date written as YYYY-MM-DD."
    measure.review_due.setText("")
    measure.start_on.setText("")
    assert measure.check() == "" and isinstance(measure.value(), MeasureFields)

    referral = ReferralDialog()
    qtbot.addWidget(referral)
    referral.next_chase.setText("2027-02-30")
    assert "not a real date" in referral.check()
    assert isinstance(referral.value(), ReferralFields)


def test_update_forms_send_only_their_own_fields(qtbot):
    f = model.Referral(3, 7, None, "hq", dt.date(2026, 1, 2), "Gwen")
    dialog = ReferralUpdateDialog(f)
    qtbot.addWidget(dialog)
    dialog.acknowledged_on.setText("2026-01-04")
    assert dialog.value().given() == {"acknowledged_on": "2026-01-04", "next_chase": "",
                                      "outcome": ""}
    m = model.Measure(4, 7, "protect", "moved", status="active")
    dialog = MeasureUpdateDialog(m)
    qtbot.addWidget(dialog)
    assert set(dialog.value().given()) == {"status", "review_due", "effectiveness"}
    assess = AssessDialog(SUBJECT)
    qtbot.addWidget(assess)
    assert assess.value().given() == {
        "likelihood": 3, "impact": 4, "residual_likelihood": 1, "residual_impact": 1}
