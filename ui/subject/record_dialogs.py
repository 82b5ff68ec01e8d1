"""Dialogs for what hangs off a subject: a report (graded 3x5x2), a referral,
a measure and a log entry on a measure. Each returns a frozen dataclass: the
core's command (``ReportFields``, ``ReferralFields``, ``MeasureFields``) that
the service takes, checked with the core's own rules before it is sent.
Dates are picked from a calendar (``ui.widgets.dates``): a day received or
referred cannot be in the future, and a review or chase date already past
is pointed out."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

from console import clock
from console.records.commands import (
    REFERRAL_FOLLOW_UP,
    MeasureFields,
    ReferralFields,
    ReportFields,
)
from console.records.model import (
    AIMS,
    HANDLING,
    INTEL_GRADES,
    MEASURE_STATUSES,
    MEASURE_TYPES,
    REFERRAL_TARGETS,
    REPORT_TYPES,
    SOURCE_GRADES,
    IntelReport,
    Measure,
    Referral,
)

from ..widgets.dates import DateField
from .form_dialog import FormDialog, fill_combo


def _on_or_before_today(value: dt.date | None = None, optional: bool = False) -> DateField:
    """A day something happened: today by default, never in the future."""
    return DateField(value if value is not None or optional else clock.today(),
                     optional=optional, latest=clock.today())


def _ahead(value: dt.date | None = None, days: int = 14) -> DateField:
    """An optional day something is due, offered ``days`` ahead when ticked."""
    return DateField(value, optional=True, warns_past=True,
                     suggest=clock.today() + dt.timedelta(days=days))


def _text_box(height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def _named(dialog: FormDialog, pairs, inputs: dict[str, str] | None = None) -> None:
    """Add labelled rows; ``inputs`` maps a core field name to its widget's attribute."""
    for label, w in pairs:
        dialog.form.addRow(label, w)
        w.setAccessibleName(label.replace("&", ""))
    for field, attr in (inputs or {}).items():
        dialog.inputs[field] = getattr(dialog, attr)


class ReportDialog(FormDialog):
    """A new intelligence report with its 3x5x2 grading."""

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("ReportDialog", "Add a report"), parent)
        self.type = fill_combo(QComboBox(), REPORT_TYPES)
        self.received_on = _on_or_before_today()
        self.source = fill_combo(QComboBox(), SOURCE_GRADES, "2")
        self.intel = fill_combo(QComboBox(), INTEL_GRADES, "C")
        self.handling = fill_combo(QComboBox(), HANDLING, "P")
        self.condition = QLineEdit(placeholderText=self.tr("Needed for handling code C"))
        self.external_ref = QLineEdit()
        self.author = QLineEdit()
        self.withheld = QCheckBox(self.tr("Author's identity withheld"))
        self.summary = _text_box(70)
        self.full_text = _text_box(130)
        _named(self, ((self.tr("&Type"), self.type), (self.tr("&Received on"), self.received_on),
                      (self.tr("&Source evaluation"), self.source),
                      (self.tr("&Intelligence assessment"), self.intel),
                      (self.tr("&Handling code"), self.handling), (self.tr("Handling &condition"), self.condition),
                      (self.tr("E&xternal reference"), self.external_ref), (self.tr("&Author"), self.author),
                      ("", self.withheld), (self.tr("Sanitised &summary"), self.summary),
                      (self.tr("&Full text"), self.full_text)),
               {"type": "type", "received_on": "received_on", "source_grade": "source",
                "intel_grade": "intel", "handling": "handling",
                "handling_condition": "condition", "external_ref": "external_ref",
                "author": "author", "summary": "summary", "full_text": "full_text"})
        self.handling.currentIndexChanged.connect(self._sync)
        self._sync()
        self.resize(560, self.sizeHint().height())

    def _sync(self, *_):
        self.condition.setEnabled(self.handling.currentData() == "C")

    def check_at(self) -> tuple[str, str]:
        return self.value().problem_at(creating=True)

    def value(self) -> ReportFields:
        return ReportFields(
            self.type.currentData(), self.received_on.value(), self.source.currentData(),
            self.intel.currentData(), self.handling.currentData(),
            self.condition.text().strip() if self.condition.isEnabled() else "",
            self.external_ref.text().strip(), self.author.text().strip(),
            self.withheld.isChecked(), self.summary.toPlainText(), self.full_text.toPlainText())


class ReferralDialog(FormDialog):
    """Record a referral of the subject, or of one of its reports."""

    def __init__(self, reports: tuple[IntelReport, ...] = (), report_id: int | None = None,
                 parent=None):
        super().__init__(QCoreApplication.translate("ReferralDialog", "Record a referral"), parent)
        self.target = fill_combo(QComboBox(), REFERRAL_TARGETS)
        self.referred_on = _on_or_before_today()
        self.reference = QLineEdit()
        self.report = QComboBox()
        self.report.addItem(self.tr("The subject as a whole"), None)
        for r in reports:
            self.report.addItem(f"Report {r.id}: {REPORT_TYPES.label(r.type)} "
                                f"({r.received_on}, {r.grading})", r.id)
        if report_id is not None:
            self.report.setCurrentIndex(max(0, self.report.findData(report_id)))
        self.next_chase = _ahead(days=14)
        _named(self, ((self.tr("Referred &to"), self.target), (self.tr("&Date referred"), self.referred_on),
                      (self.tr("&Their reference"), self.reference), (self.tr("&What"), self.report),
                      (self.tr("Next &chase"), self.next_chase)),
               {"target": "target", "referred_on": "referred_on", "reference": "reference",
                "report_id": "report", "next_chase": "next_chase"})

    def check_at(self) -> tuple[str, str]:
        return self.value().problem_at(creating=True)

    def value(self) -> ReferralFields:
        return ReferralFields(self.target.currentData(), self.referred_on.value(),
                              self.reference.text().strip(), self.report.currentData(),
                              self.next_chase.value())


class ReferralUpdateDialog(FormDialog):
    """Record a referral's acknowledgement, next chase date and outcome."""

    def __init__(self, referral: Referral, parent=None):
        super().__init__(QCoreApplication.translate("ReferralUpdateDialog", "Update referral"), parent)
        self.form.addRow(self.tr("Referral"), QLineEdit(
            f"{REFERRAL_TARGETS.label(referral.target)}, {referral.referred_on}", readOnly=True))
        self.acknowledged_on = _on_or_before_today(referral.acknowledged_on, optional=True)
        self.next_chase = _ahead(referral.next_chase, days=14)
        self.outcome = _text_box(70)
        self.outcome.setPlainText(referral.outcome)
        _named(self, ((self.tr("&Acknowledged on"), self.acknowledged_on),
                      (self.tr("Next &chase"), self.next_chase), (self.tr("&Outcome"), self.outcome)),
               {"acknowledged_on": "acknowledged_on", "next_chase": "next_chase",
                "outcome": "outcome"})

    def check_at(self) -> tuple[str, str]:
        return self.value().problem_at(creating=False, only=REFERRAL_FOLLOW_UP)

    def value(self) -> ReferralFields:
        return ReferralFields(acknowledged_on=self.acknowledged_on.value(),
                              next_chase=self.next_chase.value(),
                              outcome=self.outcome.toPlainText())


class MeasureDialog(FormDialog):
    """A new mitigation measure."""

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("MeasureDialog", "Add a measure"), parent)
        self.aim = fill_combo(QComboBox(), AIMS)
        self.type = fill_combo(QComboBox(), MEASURE_TYPES)
        self.details = _text_box()
        self.owner = QLineEdit()
        self.start_on = DateField(clock.today())
        self.review_due = _ahead(days=28)
        self.status = fill_combo(QComboBox(), MEASURE_STATUSES, "active")
        _named(self, ((self.tr("&Aim"), self.aim), (self.tr("&Type"), self.type), (self.tr("&Details"), self.details),
                      (self.tr("&Owner"), self.owner), (self.tr("&Start"), self.start_on),
                      (self.tr("&Review due"), self.review_due), (self.tr("Stat&us"), self.status)),
               {"aim": "aim", "type": "type", "details": "details", "owner": "owner",
                "start_on": "start_on", "review_due": "review_due", "status": "status"})

    def check_at(self) -> tuple[str, str]:
        return self.value().problem_at(creating=True)

    def value(self) -> MeasureFields:
        return MeasureFields(self.aim.currentData(), self.type.currentData(),
                             self.details.toPlainText(), self.owner.text().strip(),
                             self.start_on.value(), self.review_due.value(),
                             self.status.currentData())


class MeasureUpdateDialog(FormDialog):
    """Change a measure's status, next review and how well it is working."""

    def __init__(self, measure: Measure, parent=None):
        super().__init__(QCoreApplication.translate("MeasureUpdateDialog", "Update measure"), parent)
        self.form.addRow(self.tr("Measure"), QLineEdit(measure_label(measure), readOnly=True))
        self.status = fill_combo(QComboBox(), MEASURE_STATUSES, measure.status)
        self.review_due = _ahead(measure.review_due, days=28)
        self.effectiveness = _text_box()
        self.effectiveness.setPlainText(measure.effectiveness)
        _named(self, ((self.tr("&Status"), self.status), (self.tr("&Review due"), self.review_due),
                      (self.tr("&Effectiveness"), self.effectiveness)),
               {"status": "status", "review_due": "review_due",
                "effectiveness": "effectiveness"})

    def check_at(self) -> tuple[str, str]:
        return self.value().problem_at(creating=False)

    def value(self) -> MeasureFields:
        return MeasureFields(status=self.status.currentData(),
                             review_due=self.review_due.value(),
                             effectiveness=self.effectiveness.toPlainText())


@dataclass(frozen=True)
class LogValues:
    measure_id: int
    text: str


def measure_label(m: Measure) -> str:
    return f"{MEASURE_TYPES.label(m.type)} ({MEASURE_STATUSES.label(m.status).lower()})"


class LogEntryDialog(FormDialog):
    """Append a log entry to a measure: type the note and press Enter."""

    ok_text = QT_TRANSLATE_NOOP("FormDialog", "Add entry")

    def __init__(self, measures: tuple[Measure, ...], measure_id: int | None = None,
                 parent=None):
        super().__init__(QCoreApplication.translate("LogEntryDialog", "Add a log entry"), parent)
        self.ok_button.setText(QCoreApplication.translate("FormDialog", self.ok_text))
        self.measure = QComboBox()
        # Measures still in force first: an ended one rarely gets new entries.
        for m in sorted(measures, key=lambda m: m.status == "ended"):
            self.measure.addItem(measure_label(m), m.id)
        if measure_id is not None:
            self.measure.setCurrentIndex(max(0, self.measure.findData(measure_id)))
        self.text = QLineEdit(placeholderText=self.tr("What was done or seen, then Enter"))
        _named(self, ((self.tr("&Measure"), self.measure), (self.tr("&Entry"), self.text)),
               {"measure_id": "measure", "text": "text"})
        self.first_input = self.text
        self.setMinimumWidth(520)

    def check_at(self) -> tuple[str, str]:
        if self.measure.currentData() is None:
            return "measure_id", self.tr("This subject has no measures yet; add a measure "
                                         "first.")
        if self.text.text().strip():
            return "", ""
        return "text", self.tr("Type the log entry first.")

    def value(self) -> LogValues:
        return LogValues(self.measure.currentData(), self.text.text().strip())
