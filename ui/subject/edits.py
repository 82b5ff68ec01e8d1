"""The register's edits as operations: each names the ``console`` service it
calls, writes, says which subject changed and the sentence of success.

Field values travel as the core's command dataclasses
(``console.records.commands``), never mixed with the operation's own
arguments, so no field name is reserved. ``callbacks`` are the operation's
``on_success`` / ``on_failure`` / ``on_finished`` and ``parent`` (the form
that asked, which hears nothing once it has gone).

``ProfileUndo`` keeps the one edit that can be put back cheaply: a profile
edit, undone by writing the previous values again (itself an audited change).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from console.records import intel, measures, referrals, subjects
from console.records.commands import MeasureFields, ReferralFields, ReportFields, SubjectFields

from ..operation import Changes, Operation


def _edit(call, ref: str, message: str, **callbacks) -> Operation:
    return Operation(call, write=True, message=message,
                     changes=lambda result: Changes.subject(getattr(result, "ref", "") or ref),
                     **callbacks)


def create_subject(subject: SubjectFields, **callbacks) -> Operation:
    return _edit(lambda v: subjects.create_subject(v, subject), "",
                 QCoreApplication.translate("Edits", "Subject added to the register."), **callbacks)


def update_profile(ref: str, changes: SubjectFields, message: str = "",
                   **callbacks) -> Operation:
    return _edit(lambda v: subjects.update_profile(v, ref, changes), ref,
                 message or f"Profile of {ref} saved.", **callbacks)


def assess_threat(ref: str, changes: SubjectFields, **callbacks) -> Operation:
    return _edit(lambda v: subjects.assess_threat(v, ref, changes), ref,
                 f"Threat assessment of {ref} saved.", **callbacks)


def change_status(ref: str, to_status: str, reason: str, outcome=None,
                  **callbacks) -> Operation:
    return _edit(lambda v: subjects.change_status(v, ref, to_status, reason, outcome), ref,
                 f"Status of {ref} changed.", **callbacks)


def delete_subject(ref: str, reason: str, **callbacks) -> Operation:
    return _edit(lambda v: subjects.delete_subject(v, ref, reason), ref,
                 f"{ref} deleted from the register.", **callbacks)


def add_report(ref: str, report: ReportFields, **callbacks) -> Operation:
    return _edit(lambda v: intel.add_report(v, ref, report), ref,
                 f"Report added to {ref}.", **callbacks)


def add_referral(ref: str, referral: ReferralFields, **callbacks) -> Operation:
    return _edit(lambda v: referrals.add_referral(v, ref, referral), ref,
                 f"Referral of {ref} recorded.", **callbacks)


def update_referral(ref: str, referral_id: int, changes: ReferralFields,
                    **callbacks) -> Operation:
    return _edit(lambda v: referrals.update_referral(v, referral_id, changes), ref,
                 f"Referral of {ref} updated.", **callbacks)


def add_measure(ref: str, measure: MeasureFields, **callbacks) -> Operation:
    return _edit(lambda v: measures.add_measure(v, ref, measure), ref,
                 f"Measure added to {ref}.", **callbacks)


def update_measure(ref: str, measure_id: int, changes: MeasureFields,
                   **callbacks) -> Operation:
    return _edit(lambda v: measures.update_measure(v, measure_id, changes), ref,
                 f"Measure on {ref} updated.", **callbacks)


def add_log_entry(ref: str, measure_id: int, text: str, **callbacks) -> Operation:
    return _edit(lambda v: measures.add_log_entry(v, measure_id, text), ref,
                 f"Log entry added to a measure on {ref}.", **callbacks)


class ProfileUndo(QObject):
    """The last profile edit, until it is undone, replaced or the console locks."""

    available = Signal(str)         # what Undo would put back ("" for nothing)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._last: tuple[str, SubjectFields] | None = None

    @property
    def can_undo(self) -> bool:
        return self._last is not None

    def remember(self, ref: str, before: SubjectFields) -> None:
        self._last = (ref, before)
        self.available.emit(QCoreApplication.translate("Edits", "Undo profile edit"))

    def take(self) -> Operation | None:
        """The operation that puts the last edit back (and forgets it)."""
        last, self._last = self._last, None
        self.available.emit("")
        if last is None:
            return None
        ref, before = last
        return update_profile(ref, before, f"Undone: the profile edit of {ref}.")

    def forget(self) -> None:
        self._last = None
        self.available.emit("")
