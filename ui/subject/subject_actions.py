"""What happens when the user asks to add or change something about a
subject: open the right dialog, run its operation (``edits``) on the vault
thread, keep the dialog open with an inline message if the core refuses.

Dialogs are opened window-modal (``open_async``) so the console can lock
while one is open: locking hides it with its text kept in memory, and it
comes back after unlocking.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


from console import clock
from console.audit import roles
from console.records.commands import PROFILE, ReferralFields, SubjectFields

from . import edits
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
    def __init__(self, window, runner, panel, register, role: callable):
        self.window, self.runner, self.panel, self.register = window, runner, panel, register
        self.role = role
        self.last_dialog: FormDialog | None = None
        self.undo_state = edits.ProfileUndo(window)
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

    def _show(self, dialog: FormDialog, edit) -> FormDialog:
        """Open ``dialog``; on OK run ``edit(value, **callbacks)``, the dialog
        closing on success and showing the core's sentence on failure (and
        hearing nothing if it has gone meanwhile)."""
        dialog.setObjectName("formDialog")
        dialog.submitted.connect(lambda value: self.runner.run(
            edit(value, on_success=dialog.done_ok, on_failure=dialog.fail, parent=dialog)))
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
            self.window.presenter.status(QCoreApplication.translate("SubjectActions", "Choose a subject in the register first."))
            return None
        return rec

    # -- the subject -------------------------------------------------------------------
    def new_subject(self):
        if self._refused("create_subject"):
            return None
        role = self.role()
        dialog = SubjectDialog(parent=self.window, can_assess=roles.allowed(role, "assess_threat"),
                               assess_reason=roles.why_not(role, "assess_threat"))

        def edit(v, on_success, **callbacks):
            def created(subject):
                on_success()
                self.window.browser.select_added(subject.ref)
            return edits.create_subject(v, on_success=created, **callbacks)
        return self._show(dialog, edit)

    def edit_profile(self):
        rec = self._record()
        if rec is None or self._refused("edit_profile"):
            return None
        before = SubjectFields.of(rec.subject, PROFILE)
        dialog = SubjectDialog(before, editing=True, parent=self.window)
        ref = rec.subject.ref
        def edit(v, on_success, **callbacks):
            def saved(result):
                self.undo_state.remember(ref, before)
                on_success(result)
            return edits.update_profile(ref, v, on_success=saved, **callbacks)
        return self._show(dialog, edit)

    def undo(self) -> None:
        op = self.undo_state.take()
        if op is not None:
            self.runner.run(op)

    @property
    def can_undo(self) -> bool:
        return self.undo_state.can_undo

    def forget(self) -> None:
        """Drop anything that holds record data (called on lock)."""
        self.undo_state.forget()

    def change_status(self):
        rec = self._record()
        if rec is None or self._refused("change_status"):
            return None
        ref = rec.subject.ref
        return self._show(StatusDialog(rec.subject.status, parent=self.window),
                          lambda v, **cb: edits.change_status(
                              ref, v.to_status, v.reason, v.outcome, **cb))

    def assess(self):
        rec = self._record()
        if rec is None or self._refused("assess_threat"):
            return None
        ref = rec.subject.ref
        return self._show(AssessDialog(rec.subject, parent=self.window),
                          lambda v, **cb: edits.assess_threat(ref, v, **cb))

    def delete(self):
        rec = self._record()
        if rec is None or self._refused("delete_subject"):
            return None
        ref = rec.subject.ref
        answer = DeleteDialog.ask(self.window, ref)
        if answer is not None:
            self.runner.run(edits.delete_subject(ref, answer.reason))
        return answer

    # -- what hangs off it ---------------------------------------------------------------
    def add_report(self):
        rec = self._record()
        if rec is None or self._refused("add_report"):
            return None
        ref = rec.subject.ref
        return self._show(ReportDialog(parent=self.window),
                          lambda v, **cb: edits.add_report(ref, v, **cb))

    def refer(self, report_id=None):
        rec = self._record()
        if rec is None or self._refused("refer"):
            return None
        ref = rec.subject.ref
        return self._show(ReferralDialog(rec.reports, report_id, parent=self.window),
                          lambda v, **cb: edits.add_referral(ref, v, **cb))

    def acknowledge(self, referral_id: int):
        rec = self._record()
        if rec is None or self._refused("refer"):
            return
        self.runner.run(edits.update_referral(rec.subject.ref, referral_id,
                                              ReferralFields(acknowledged_on=clock.today())))

    def update_referral(self, referral_id: int):
        rec = self._record()
        if rec is None or self._refused("refer"):
            return None
        referral = next((f for f in rec.referrals if f.id == referral_id), None)
        if referral is None:
            return None
        ref = rec.subject.ref
        return self._show(ReferralUpdateDialog(referral, parent=self.window),
                          lambda v, **cb: edits.update_referral(ref, referral_id, v, **cb))

    def add_measure(self):
        rec = self._record()
        if rec is None or self._refused("add_measure"):
            return None
        ref = rec.subject.ref
        return self._show(MeasureDialog(parent=self.window),
                          lambda v, **cb: edits.add_measure(ref, v, **cb))

    def update_measure(self, measure_id: int):
        rec = self._record()
        if rec is None or self._refused("edit_measure"):
            return None
        measure = next((m for m in rec.measures if m.id == measure_id), None)
        if measure is None:
            return None
        ref = rec.subject.ref
        return self._show(MeasureUpdateDialog(measure, parent=self.window),
                          lambda v, **cb: edits.update_measure(ref, measure_id, v, **cb))

    def add_log(self, measure_id=None):
        """From the register in one shortcut: the chosen subject's measures."""
        if self._refused("add_log"):
            return None
        rec = self._record()
        if rec is None:
            return None
        if not rec.measures:
            self.window.presenter.status(QCoreApplication.translate(
                "SubjectActions", "%1 has no measures yet; add a measure first.").replace(
                "%1", rec.subject.ref))
            return None
        chosen = self.panel.measures.current()
        if measure_id is None and chosen is not None and chosen.status != "ended":
            measure_id = chosen.id
        ref = rec.subject.ref
        return self._show(LogEntryDialog(rec.measures, measure_id, parent=self.window),
                          lambda v, **cb: edits.add_log_entry(ref, v.measure_id, v.text,
                                                              **cb))
