"""Dialogs for what hangs off a subject: a report (graded 3x5x2), a referral,
a measure and a log entry on a measure. Each returns a frozen dataclass: the
core's command (``ReportFields``, ``ReferralFields``, ``MeasureFields``) that
the service takes, checked with the core's own rules before it is sent."""

from __future__ import annotations

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

from .form_dialog import FormDialog, fill_combo


def _today() -> str:
    return clock.today().isoformat()


def _text_box(height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(height)
    return box


def _named(form, pairs):
    for label, w in pairs:
        form.addRow(label, w)
        w.setAccessibleName(label.replace("&", ""))


class ReportDialog(FormDialog):
    """A new intelligence report with its 3x5x2 grading."""

    def __init__(self, parent=None):
        super().__init__("Add a report", parent)
        self.type = fill_combo(QComboBox(), REPORT_TYPES)
        self.received_on = QLineEdit(_today(), placeholderText="YYYY-MM-DD")
        self.source = fill_combo(QComboBox(), SOURCE_GRADES, "2")
        self.intel = fill_combo(QComboBox(), INTEL_GRADES, "C")
        self.handling = fill_combo(QComboBox(), HANDLING, "P")
        self.condition = QLineEdit(placeholderText="Needed for handling code C")
        self.external_ref = QLineEdit()
        self.author = QLineEdit()
        self.withheld = QCheckBox("Author's identity withheld")
        self.summary = _text_box(70)
        self.full_text = _text_box(130)
        _named(self.form, (("&Type", self.type), ("&Received on", self.received_on),
                           ("&Source evaluation", self.source),
                           ("&Intelligence assessment", self.intel),
                           ("&Handling code", self.handling), ("Handling &condition",
                                                              self.condition),
                           ("E&xternal reference", self.external_ref), ("&Author", self.author),
                           ("", self.withheld), ("Sanitised &summary", self.summary),
                           ("&Full text", self.full_text)))
        self.handling.currentIndexChanged.connect(self._sync)
        self._sync()
        self.resize(560, self.sizeHint().height())

    def _sync(self, *_):
        self.condition.setEnabled(self.handling.currentData() == "C")

    def check(self) -> str:
        return self.value().problem(creating=True)

    def value(self) -> ReportFields:
        return ReportFields(
            self.type.currentData(), self.received_on.text().strip(), self.source.currentData(),
            self.intel.currentData(), self.handling.currentData(),
            self.condition.text().strip() if self.condition.isEnabled() else "",
            self.external_ref.text().strip(), self.author.text().strip(),
            self.withheld.isChecked(), self.summary.toPlainText(), self.full_text.toPlainText())


class ReferralDialog(FormDialog):
    """Record a referral of the subject, or of one of its reports."""

    def __init__(self, reports: tuple[IntelReport, ...] = (), report_id: int | None = None,
                 parent=None):
        super().__init__("Record a referral", parent)
        self.target = fill_combo(QComboBox(), REFERRAL_TARGETS)
        self.referred_on = QLineEdit(_today(), placeholderText="YYYY-MM-DD")
        self.reference = QLineEdit()
        self.report = QComboBox()
        self.report.addItem("The subject as a whole", None)
        for r in reports:
            self.report.addItem(f"Report {r.id}: {REPORT_TYPES.label(r.type)} "
                                f"({r.received_on}, {r.grading})", r.id)
        if report_id is not None:
            self.report.setCurrentIndex(max(0, self.report.findData(report_id)))
        self.next_chase = QLineEdit(placeholderText="YYYY-MM-DD (optional)")
        _named(self.form, (("Referred &to", self.target), ("&Date referred", self.referred_on),
                           ("&Their reference", self.reference), ("&What", self.report),
                           ("Next &chase", self.next_chase)))

    def check(self) -> str:
        return self.value().problem(creating=True)

    def value(self) -> ReferralFields:
        return ReferralFields(self.target.currentData(), self.referred_on.text().strip(),
                              self.reference.text().strip(), self.report.currentData(),
                              self.next_chase.text().strip())


class ReferralUpdateDialog(FormDialog):
    """Record a referral's acknowledgement, next chase date and outcome."""

    def __init__(self, referral: Referral, parent=None):
        super().__init__("Update referral", parent)
        self.form.addRow("Referral", QLineEdit(
            f"{REFERRAL_TARGETS.label(referral.target)}, {referral.referred_on}", readOnly=True))
        self.acknowledged_on = QLineEdit(referral.acknowledged_on.isoformat()
                                         if referral.acknowledged_on else "",
                                         placeholderText="YYYY-MM-DD")
        self.next_chase = QLineEdit(referral.next_chase.isoformat() if referral.next_chase
                                    else "", placeholderText="YYYY-MM-DD (optional)")
        self.outcome = _text_box(70)
        self.outcome.setPlainText(referral.outcome)
        _named(self.form, (("&Acknowledged on", self.acknowledged_on),
                           ("Next &chase", self.next_chase), ("&Outcome", self.outcome)))

    def check(self) -> str:
        return self.value().problem(creating=False, only=REFERRAL_FOLLOW_UP)

    def value(self) -> ReferralFields:
        return ReferralFields(acknowledged_on=self.acknowledged_on.text().strip(),
                              next_chase=self.next_chase.text().strip(),
                              outcome=self.outcome.toPlainText())


class MeasureDialog(FormDialog):
    """A new mitigation measure."""

    def __init__(self, parent=None):
        super().__init__("Add a measure", parent)
        self.aim = fill_combo(QComboBox(), AIMS)
        self.type = fill_combo(QComboBox(), MEASURE_TYPES)
        self.details = _text_box()
        self.owner = QLineEdit()
        self.start_on = QLineEdit(_today(), placeholderText="YYYY-MM-DD")
        self.review_due = QLineEdit(placeholderText="YYYY-MM-DD (optional)")
        self.status = fill_combo(QComboBox(), MEASURE_STATUSES, "active")
        _named(self.form, (("&Aim", self.aim), ("&Type", self.type), ("&Details", self.details),
                           ("&Owner", self.owner), ("&Start", self.start_on),
                           ("&Review due", self.review_due), ("Stat&us", self.status)))

    def check(self) -> str:
        return self.value().problem(creating=True)

    def value(self) -> MeasureFields:
        return MeasureFields(self.aim.currentData(), self.type.currentData(),
                             self.details.toPlainText(), self.owner.text().strip(),
                             self.start_on.text().strip(), self.review_due.text().strip(),
                             self.status.currentData())


class MeasureUpdateDialog(FormDialog):
    """Change a measure's status, next review and how well it is working."""

    def __init__(self, measure: Measure, parent=None):
        super().__init__("Update measure", parent)
        self.form.addRow("Measure", QLineEdit(measure_label(measure), readOnly=True))
        self.status = fill_combo(QComboBox(), MEASURE_STATUSES, measure.status)
        self.review_due = QLineEdit(measure.review_due.isoformat() if measure.review_due
                                    else "", placeholderText="YYYY-MM-DD (optional)")
        self.effectiveness = _text_box()
        self.effectiveness.setPlainText(measure.effectiveness)
        _named(self.form, (("&Status", self.status), ("&Review due", self.review_due),
                           ("&Effectiveness", self.effectiveness)))

    def check(self) -> str:
        return self.value().problem(creating=False)

    def value(self) -> MeasureFields:
        return MeasureFields(status=self.status.currentData(),
                             review_due=self.review_due.text().strip(),
                             effectiveness=self.effectiveness.toPlainText())


@dataclass(frozen=True)
class LogValues:
    measure_id: int
    text: str


def measure_label(m: Measure) -> str:
    return f"{MEASURE_TYPES.label(m.type)} ({MEASURE_STATUSES.label(m.status).lower()})"


class LogEntryDialog(FormDialog):
    """Append a log entry to a measure: type the note and press Enter."""

    ok_text = "Add entry"

    def __init__(self, measures: tuple[Measure, ...], measure_id: int | None = None,
                 parent=None):
        super().__init__("Add a log entry", parent)
        self.ok_button.setText(self.ok_text)
        self.measure = QComboBox()
        # Measures still in force first: an ended one rarely gets new entries.
        for m in sorted(measures, key=lambda m: m.status == "ended"):
            self.measure.addItem(measure_label(m), m.id)
        if measure_id is not None:
            self.measure.setCurrentIndex(max(0, self.measure.findData(measure_id)))
        self.text = QLineEdit(placeholderText="What was done or seen, then Enter")
        _named(self.form, (("&Measure", self.measure), ("&Entry", self.text)))
        self.setMinimumWidth(520)
        self.text.setFocus()

    def check(self) -> str:
        if self.measure.currentData() is None:
            return "This subject has no measures yet; add a measure first."
        return "" if self.text.text().strip() else "Type the log entry first."

    def value(self) -> LogValues:
        return LogValues(self.measure.currentData(), self.text.text().strip())
