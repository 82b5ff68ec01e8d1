"""Dialogs about the subject itself: add/edit profile, status change,
threat assessment and deletion. Each returns a frozen dataclass: the
profile and the assessment as the core's ``SubjectFields`` command.
Dates are picked from a calendar (``ui.widgets.dates``); the next review
says so when the day chosen has passed."""

from __future__ import annotations

from dataclasses import dataclass, replace

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
)

from console import clock
from console.records import rules
from console.records.commands import PROFILE, SubjectFields
from console.records.model import CATEGORIES, EMPLOYMENT, OUTCOMES, STATUSES, Subject

from ..widgets.dates import DateField
from .form_dialog import FormDialog, fill_combo
from .risk_matrix import RiskMatrix

# A new subject's first review, as offered when the box is ticked.
REVIEW_AFTER_DAYS = 90


class SubjectDialog(FormDialog):
    """Add a subject, or edit a subject's profile."""

    def __init__(self, initial: SubjectFields | None = None, *, editing: bool = False,
                 can_assess: bool = True, assess_reason: str = "", parent=None):
        super().__init__(QCoreApplication.translate("SubjectDialog", "Edit profile") if editing else QCoreApplication.translate("SubjectDialog", "Add a subject"), parent)
        self.ok_text = self.tr("Save") if editing else self.tr("Add to register")
        self.ok_button.setText(self.ok_text)
        self.editing = editing
        v = (initial or SubjectFields()).with_defaults()
        self.name = QLineEdit(v.name)
        self.staff_number = QLineEdit(v.staff_number)
        self.role = QLineEdit(v.role, placeholderText=self.tr("e.g. Prison officer (band 3)"))
        self.location = QLineEdit(v.location, placeholderText=self.tr("e.g. B wing"))
        self.employment = fill_combo(QComboBox(), EMPLOYMENT, v.employment_type)
        self.start_date = DateField(_day(v.start_date), optional=True,
                                    latest=clock.today())
        self.categories = QListWidget()
        # Tall enough for the whole national list, so nothing hides below a scroll.
        self.categories.setMinimumHeight(
            len(CATEGORIES.keys()) * (self.fontMetrics().height() + 4) + 8)
        for key in CATEGORIES.keys():
            item = QListWidgetItem(CATEGORIES.label(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in v.categories
                               else Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.owner = QLineEdit(v.owner, placeholderText=self.tr("Who manages this case"))
        self.next_review = DateField(
            _day(v.next_review), optional=True, warns_past=True,
            suggest=clock.today() + dt.timedelta(days=REVIEW_AFTER_DAYS))
        self.notes = QPlainTextEdit(v.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.likelihood = QSpinBox(minimum=1, maximum=5, value=v.likelihood)
        self.impact = QSpinBox(minimum=1, maximum=5, value=v.impact)
        for label, w in ((self.tr("&Name"), self.name), (self.tr("Staff &number"), self.staff_number),
                         (self.tr("&Role"), self.role), (self.tr("&Location"), self.location),
                         (self.tr("&Employment"), self.employment), (self.tr("&Start date"), self.start_date),
                         (self.tr("&Categories"), self.categories), (self.tr("&Owner"), self.owner),
                         (self.tr("Next re&view"), self.next_review), (self.tr("No&tes"), self.notes)):
            self.form.addRow(label, w)
            w.setAccessibleName(label.replace("&", ""))
        self.inputs = {"name": self.name, "staff_number": self.staff_number,
                       "role": self.role, "location": self.location,
                       "employment_type": self.employment, "start_date": self.start_date,
                       "categories": self.categories, "owner": self.owner,
                       "next_review": self.next_review, "notes": self.notes,
                       "likelihood": self.likelihood, "impact": self.impact}
        self.first_input = self.name
        if not editing:
            self.form.addRow(self.tr("&Likelihood (1-5)"), self.likelihood)
            self.form.addRow(self.tr("&Impact (1-5)"), self.impact)
            self.likelihood.setAccessibleName(self.tr("Likelihood"))
            self.impact.setAccessibleName(self.tr("Impact"))
            if not can_assess:
                for w in (self.likelihood, self.impact):
                    w.setEnabled(False)
                    w.setToolTip(assess_reason)
        self.resize(680, self.sizeHint().height())

    def check_at(self) -> tuple[str, str]:
        if self.editing:
            return self.value().problem_at(creating=False, only=PROFILE)
        return self.value().problem_at(creating=True)

    def value(self) -> SubjectFields:
        """The profile; with the likelihood and impact when adding."""
        cats = tuple(self.categories.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.categories.count())
                     if self.categories.item(i).checkState() == Qt.CheckState.Checked)
        profile = SubjectFields(
            self.name.text().strip(), self.staff_number.text().strip(), self.role.text().strip(),
            self.location.text().strip(), self.employment.currentData(),
            self.start_date.value(), cats, self.owner.text().strip(),
            self.next_review.value(), self.notes.toPlainText())
        if self.editing:
            return profile
        return replace(profile, likelihood=self.likelihood.value(), impact=self.impact.value())


def _day(value) -> dt.date | None:
    """A stored date (or its ISO text) as a date; None when unset or unreadable."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class StatusValues:
    to_status: str
    reason: str
    outcome: str | None = None


class StatusDialog(FormDialog):
    """Change a subject's status, with the reason."""

    def __init__(self, current: str, parent=None):
        super().__init__(QCoreApplication.translate("StatusDialog", "Change status"), parent)
        self.ok_button.setText(self.tr("Change status"))
        self.form.addRow(self.tr("Current"), QLabel(STATUSES.label(current)))
        self.status = fill_combo(QComboBox(), STATUSES, keys=rules.next_statuses(current))
        self.status.setAccessibleName(self.tr("New status"))
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("(none)"), None)
        fill_combo(self.outcome, OUTCOMES)
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason for the change"))
        self.reason.setMaximumHeight(100)
        self.form.addRow(self.tr("&New status"), self.status)
        self.form.addRow(self.tr("&Outcome"), self.outcome)
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.inputs = {"reason": self.reason, "status": self.status, "outcome": self.outcome}
        self.status.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self, *_):
        closing = self.status.currentData() == "closed"
        self.outcome.setEnabled(closing)
        self.outcome.setToolTip("" if closing else self.tr("An outcome is recorded only on closing."))

    def check_at(self) -> tuple[str, str]:
        if self.reason.toPlainText().strip():
            return "", ""
        return "reason", self.tr("Give the reason for the change.")

    def value(self) -> StatusValues:
        return StatusValues(self.status.currentData(), self.reason.toPlainText().strip(),
                            self.outcome.currentData() if self.outcome.isEnabled() else None)


class AssessDialog(FormDialog):
    """Likelihood x impact, before and after the measures in force."""

    def __init__(self, subject: Subject, parent=None):
        super().__init__(QCoreApplication.translate("AssessDialog", "Threat assessment"), parent)
        self.spins = {}
        for key, label, val in (("likelihood", self.tr("&Likelihood"), subject.likelihood),
                                ("impact", self.tr("&Impact"), subject.impact),
                                ("residual_likelihood", self.tr("&Residual likelihood"),
                                 subject.residual_likelihood),
                                ("residual_impact", self.tr("Residual i&mpact"),
                                 subject.residual_impact)):
            spin = QSpinBox(minimum=1, maximum=5, value=val)
            spin.setAccessibleName(label.replace("&", ""))
            self.spins[key] = spin
            self.form.addRow(label, spin)
            spin.valueChanged.connect(self._sync)
        self.matrix = RiskMatrix()
        self.form.addRow("", self.matrix)
        self._sync()

    def _sync(self, *_):
        v = self.value()
        self.matrix.set_points((v.likelihood, v.impact),
                               (v.residual_likelihood, v.residual_impact))

    def value(self) -> SubjectFields:
        return SubjectFields(**{k: s.value() for k, s in self.spins.items()})


@dataclass(frozen=True)
class DeleteValues:
    reason: str


class DeleteDialog(FormDialog):
    """Confirm deleting a subject; the reason goes into the audit chain."""

    def __init__(self, ref: str, parent=None):
        super().__init__(QCoreApplication.translate("DeleteDialog", "Delete subject"), parent)
        # A destructive button: no "OK" tick, and Enter never presses it.
        self.buttons.removeButton(self.ok_button)
        self.ok_button.deleteLater()
        self.ok_button = self.buttons.addButton(self.tr("Delete %1").replace("%1", ref),
                                                QDialogButtonBox.ButtonRole.DestructiveRole)
        self.ok_button.setIcon(QIcon())
        self.ok_button.setObjectName("deleteButton")
        self.ok_button.clicked.connect(self._ok)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        warn = QLabel(self.tr("Delete %1 and all of its reports, referrals and measures? This "
                              "cannot be undone; the audit chain keeps a record that it was "
                              "deleted.").replace("%1", ref))
        warn.setWordWrap(True)
        self.form.addRow(warn)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for deleting"))
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.inputs = {"reason": self.reason}
        self.first_input = self.reason
        self.setMinimumWidth(460)

    def check_at(self) -> tuple[str, str]:
        if self.reason.text().strip():
            return "", ""
        return "reason", self.tr("Give the reason for deleting.")

    def value(self) -> DeleteValues:
        return DeleteValues(self.reason.text().strip())
