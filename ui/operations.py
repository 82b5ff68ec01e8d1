"""UI actions: each one calls a ``console`` service on the vault thread and,
on success, emits ``changed`` (what kind of thing changed, and the subject's
reference) and a status message. Views refresh themselves from ``changed``;
no widget calls a service directly.

Undo is offered where it is cheap: a profile edit can be put back by writing
the previous values again (itself an audited change).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QObject, Signal

from console.records import intel, measures, referrals, register, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields


@dataclass(frozen=True)
class Undo:
    label: str
    ref: str
    values: SubjectFields


class Operations(QObject):
    """Small actions on the register, run on the vault thread."""

    changed = Signal(str, str)      # kind, subject reference ("" for many)
    status = Signal(str)            # one sentence of success
    failed = Signal(object)         # an exception nobody handled inline
    undo_available = Signal(str)    # label of what Undo would put back ("" for none)

    def __init__(self, runner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self._undo: Undo | None = None

    # -- reads ---------------------------------------------------------------------
    def load_register(self, on_done: Callable, on_error: Callable | None = None) -> None:
        self.runner.submit(register.register_rows, on_done=on_done,
                           on_error=on_error or self.failed.emit)

    def load_record(self, ref: str, on_done: Callable, on_error: Callable | None = None,
                    reason=None) -> None:
        def read(vault, ref):
            record = register.subject_record(vault, ref, reason=reason or "case review")
            return record, register.subject_history(vault, ref)
        # Opening a record is journaled (an append to the audit chain), so it
        # counts as a write: auto-lock waits for it to finish.
        self.runner.submit(read, ref, on_done=on_done, on_error=on_error or self.failed.emit,
                           write=True)

    def load_dashboard(self, on_done: Callable, on_error: Callable | None = None) -> None:
        self.runner.submit(register.dashboard, on_done=on_done,
                           on_error=on_error or self.failed.emit)

    def call(self, fn: Callable, *args, on_done: Callable, on_error: Callable | None = None,
             **kwargs) -> None:
        """A read-only service call for feature widgets (``fn(vault, ...)``)."""
        self.runner.submit(fn, *args, on_done=on_done, on_error=on_error or self.failed.emit,
                           **kwargs)

    # -- writes ----------------------------------------------------------------------
    def _write(self, fn, *args, kind: str, ref: str, message: str,
               on_done: Callable | None = None, on_error: Callable | None = None,
               **kwargs) -> None:
        def done(result):
            self.changed.emit(kind, getattr(result, "ref", ref) or ref)
            self.status.emit(message)
            if on_done is not None:
                on_done(result)
        self.runner.submit(fn, *args, on_done=done, on_error=on_error or self.failed.emit,
                           write=True, **kwargs)

    def create_subject(self, subject: SubjectFields, **cb) -> None:
        self._write(subjects.create_subject, subject, kind="subject", ref="",
                    message="Subject added to the register.", **cb)

    def update_profile(self, ref: str, changes: SubjectFields,
                       before: SubjectFields | None = None, **cb) -> None:
        on_done = cb.pop("on_done", None)

        def done(result):
            if before:
                self._undo = Undo("profile edit", ref, before)
                self.undo_available.emit("Undo profile edit")
            if on_done:
                on_done(result)
        self._write(subjects.update_profile, ref, changes, kind="subject", ref=ref,
                    message=f"Profile of {ref} saved.", on_done=done, **cb)

    def undo(self) -> None:
        undo, self._undo = self._undo, None
        self.undo_available.emit("")
        if undo is None:
            return
        self._write(subjects.update_profile, undo.ref, undo.values, kind="subject",
                    ref=undo.ref, message=f"Undone: the {undo.label} of {undo.ref}.")

    @property
    def can_undo(self) -> bool:
        return self._undo is not None

    def assess_threat(self, ref: str, changes: SubjectFields, **cb) -> None:
        self._write(subjects.assess_threat, ref, changes, kind="subject", ref=ref,
                    message=f"Threat assessment of {ref} saved.", **cb)

    def change_status(self, ref: str, to_status: str, reason: str, outcome=None, **cb) -> None:
        self._write(subjects.change_status, ref, to_status, reason, outcome, kind="subject",
                    ref=ref, message=f"Status of {ref} changed.", **cb)

    def delete_subject(self, ref: str, reason: str, **cb) -> None:
        self._write(subjects.delete_subject, ref, reason, kind="subject", ref=ref,
                    message=f"{ref} deleted from the register.", **cb)

    def add_report(self, ref: str, report: ReportFields, **cb) -> None:
        self._write(intel.add_report, ref, report, kind="report", ref=ref,
                    message=f"Report added to {ref}.", **cb)

    def add_referral(self, ref: str, referral: ReferralFields, **cb) -> None:
        self._write(referrals.add_referral, ref, referral, kind="referral", ref=ref,
                    message=f"Referral of {ref} recorded.", **cb)

    def update_referral(self, ref: str, referral_id: int, changes: ReferralFields,
                        **cb) -> None:
        self._write(referrals.update_referral, referral_id, changes, kind="referral", ref=ref,
                    message=f"Referral of {ref} updated.", **cb)

    def add_measure(self, ref: str, measure: MeasureFields, **cb) -> None:
        self._write(measures.add_measure, ref, measure, kind="measure", ref=ref,
                    message=f"Measure added to {ref}.", **cb)

    def update_measure(self, ref: str, measure_id: int, changes: MeasureFields,
                       **cb) -> None:
        self._write(measures.update_measure, measure_id, changes, kind="measure", ref=ref,
                    message=f"Measure on {ref} updated.", **cb)

    def add_log_entry(self, ref: str, measure_id: int, text: str, **cb) -> None:
        self._write(measures.add_log_entry, measure_id, text, kind="log", ref=ref,
                    message=f"Log entry added to a measure on {ref}.", **cb)

    def forget(self) -> None:
        """Drop anything that holds record data (called on lock)."""
        self._undo = None
        self.undo_available.emit("")
