"""What happens when the user asks to add or change something about a
subject: open the right dialog, run the operation, keep the dialog open with
an inline message if the core refuses.

Dialogs are opened window-modal (``open_async``) so the console can lock
while one is open: locking hides it with its text kept in memory, and it
comes back after unlocking.
"""

from __future__ import annotations

import datetime as dt

from console.audit import roles
from console.records.commands import PROFILE, ReferralFields, SubjectFields

from .form_dialog import FormDialog
from .record_dialogs import (
    LogEntryDialog,
    MeasureDialog,
    MeasureUpdateDialog,
    ReferralDialog,
    ReferralUpdateDialog,
    ReportDialog,
)
from .subject_dialogs import AssessDialog, DeleteDialog, StatusDialog, SubjectDialog


class SubjectActions:
    def __init__(self, window, ops, panel, register, role: callable):
        self.window, self.ops, self.panel, self.register = window, ops, panel, register
        self.role = role
        self.last_dialog: FormDialog | None = None
        p = panel
        p.edit_requested.connect(self.edit_profile)
        p.status_requested.connect(self.change_status)
        p.delete_requested.connect(self.delete)
        p.assess_requested.connect(self.assess)
        p.add_report_requested.connect(self.add_report)
        p.refer_requested.connect(self.refer)
        p.acknowledge_requested.connect(self.acknowledge)
        p.add_measure_requested.connect(self.add_measure)
        p.add_log_requested.connect(self.add_log)
        p.update_measure_requested.connect(self.update_measure)
        p.update_referral_requested.connect(self.update_referral)

    def _show(self, dialog: FormDialog, run) -> FormDialog:
        """Open ``dialog``; on OK call ``run(value, on_done, on_error)``."""
        dialog.setObjectName("formDialog")
        dialog.submitted.connect(lambda value: run(value, dialog.done_ok, dialog.fail))
        dialog.finished.connect(dialog.deleteLater)
        self.last_dialog = dialog
        dialog.open_async()
        return dialog

    def _refused(self, action: str) -> bool:
        if roles.allowed(self.role(), action):
            return False
        self.window.presenter.status(roles.why_not(self.role(), action))
        return True

    def _record(self):
        rec = self.panel.record
        if rec is None or rec.subject.ref != self.register.current_ref():
            self.window.presenter.status("Choose a subject in the register first.")
            return None
        return rec

    # -- the subject -------------------------------------------------------------------
    def new_subject(self):
        if self._refused("create_subject"):
            return None
        role = self.role()
        dialog = SubjectDialog(parent=self.window, can_assess=roles.allowed(role, "assess_threat"),
                               assess_reason=roles.why_not(role, "assess_threat"))

        def run(v, done, fail):
            def created(subject):
                done()
                self.window.select_after_refresh(subject.ref)
            self.ops.create_subject(v, on_done=created, on_error=fail)
        return self._show(dialog, run)

    def edit_profile(self):
        rec = self._record()
        if rec is None or self._refused("edit_profile"):
            return None
        before = SubjectFields.of(rec.subject, PROFILE)
        dialog = SubjectDialog(before, editing=True, parent=self.window)
        ref = rec.subject.ref
        return self._show(dialog, lambda v, done, fail: self.ops.update_profile(
            ref, v, before=before, on_done=done, on_error=fail))

    def change_status(self):
        rec = self._record()
        if rec is None or self._refused("change_status"):
            return None
        ref = rec.subject.ref
        return self._show(StatusDialog(rec.subject.status, parent=self.window),
                          lambda v, done, fail: self.ops.change_status(
                              ref, v.to_status, v.reason, v.outcome, on_done=done,
                              on_error=fail))

    def assess(self):
        rec = self._record()
        if rec is None or self._refused("assess_threat"):
            return None
        ref = rec.subject.ref
        return self._show(AssessDialog(rec.subject, parent=self.window),
                          lambda v, done, fail: self.ops.assess_threat(
                              ref, v, on_done=done, on_error=fail))

    def delete(self):
        rec = self._record()
        if rec is None or self._refused("delete_subject"):
            return None
        ref = rec.subject.ref
        answer = DeleteDialog.ask(self.window, ref)
        if answer is not None:
            self.ops.delete_subject(ref, answer.reason)
        return answer

    # -- what hangs off it ---------------------------------------------------------------
    def add_report(self):
        rec = self._record()
        if rec is None or self._refused("add_report"):
            return None
        ref = rec.subject.ref
        return self._show(ReportDialog(parent=self.window), lambda v, done, fail:
                          self.ops.add_report(ref, v, on_done=done, on_error=fail))

    def refer(self, report_id=None):
        rec = self._record()
        if rec is None or self._refused("refer"):
            return None
        ref = rec.subject.ref
        return self._show(ReferralDialog(rec.reports, report_id, parent=self.window),
                          lambda v, done, fail: self.ops.add_referral(
                              ref, v, on_done=done, on_error=fail))

    def acknowledge(self, referral_id: int):
        rec = self._record()
        if rec is None or self._refused("refer"):
            return
        self.ops.update_referral(rec.subject.ref, referral_id,
                                 ReferralFields(acknowledged_on=dt.date.today()))

    def update_referral(self, referral_id: int):
        rec = self._record()
        if rec is None or self._refused("refer"):
            return None
        referral = next((f for f in rec.referrals if f.id == referral_id), None)
        if referral is None:
            return None
        ref = rec.subject.ref
        return self._show(ReferralUpdateDialog(referral, parent=self.window),
                          lambda v, done, fail: self.ops.update_referral(
                              ref, referral_id, v, on_done=done, on_error=fail))

    def add_measure(self):
        rec = self._record()
        if rec is None or self._refused("add_measure"):
            return None
        ref = rec.subject.ref
        return self._show(MeasureDialog(parent=self.window), lambda v, done, fail:
                          self.ops.add_measure(ref, v, on_done=done, on_error=fail))

    def update_measure(self, measure_id: int):
        rec = self._record()
        if rec is None or self._refused("edit_measure"):
            return None
        measure = next((m for m in rec.measures if m.id == measure_id), None)
        if measure is None:
            return None
        ref = rec.subject.ref
        return self._show(MeasureUpdateDialog(measure, parent=self.window),
                          lambda v, done, fail: self.ops.update_measure(
                              ref, measure_id, v, on_done=done, on_error=fail))

    def add_log(self, measure_id=None):
        """From the register in one shortcut: the chosen subject's measures."""
        if self._refused("add_log"):
            return None
        rec = self._record()
        if rec is None:
            return None
        if not rec.measures:
            self.window.presenter.status(f"{rec.subject.ref} has no measures yet; add a "
                                         "measure first.")
            return None
        chosen = self.panel.measures.current()
        if measure_id is None and chosen is not None and chosen.status != "ended":
            measure_id = chosen.id
        ref = rec.subject.ref
        return self._show(LogEntryDialog(rec.measures, measure_id, parent=self.window),
                          lambda v, done, fail: self.ops.add_log_entry(
                              ref, v.measure_id, v.text, on_done=done, on_error=fail))
