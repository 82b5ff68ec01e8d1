"""What a briefing holds: plain frozen data classes, gathered from the vault
by ``collect`` and laid out by ``content.build_briefing``. Nothing here
touches the vault or reportlab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from console import i18n
from console.i18n import N_
from console.records.model import MEASURE_STATUSES, STATUSES, Dashboard, SubjectRecord

FULL = "full"
PSEUDONYMISED = "pseudonymised"

_PHRASES = {
    "subject.create": N_("added to the register"),
    "subject.update": N_("profile updated"),
    "subject.assess": N_("threat reassessed"),
    "subject.side_state": N_("suspension or restricted duties changed"),
    "subject.delete": N_("removed from the register"),
    "subject.erase": N_("details erased"),
    "report.add": N_("report added"),
    "report.regrade": N_("report regraded"),
    "referral.add": N_("referral recorded"),
    "referral.update": N_("referral updated"),
    "measure.add": N_("measure added"),
    "measure.update": N_("measure changed"),
    "log.add": N_("log entry added"),
    "conflict.bar": N_("conflict of interest recorded"),
}


@dataclass(frozen=True)
class Change:
    """One line of 'changes since the last briefing': the audit entry's
    action and what of its details the line names (a status or measure
    status key, a grading), never a name."""
    ref: str
    at: str
    action: str
    detail: str = ""

    def words(self, tr=None) -> str:
        """A short, name-free sentence, in ``tr``'s language (a catalogue
        from ``console.i18n``; by default the one spoken)."""
        tr = tr or i18n.current()
        if self.action == "subject.status":
            label = STATUSES.label_in(self.detail, tr) if self.detail else ""
            return (tr.gettext("status changed to {label}").format(label=label) if label
                    else tr.gettext("status changed"))
        if self.action in ("report.add", "report.regrade") and self.detail:
            return tr.gettext("{what} (graded {grading})").format(
                what=tr.gettext(_PHRASES[self.action]), grading=self.detail)
        if self.action == "measure.update" and self.detail in MEASURE_STATUSES:
            return tr.gettext("measure now {status}").format(
                status=MEASURE_STATUSES.label_in(self.detail, tr).lower())
        phrase = _PHRASES.get(self.action)
        return tr.gettext(phrase) if phrase else self.action.replace(".", " ").replace("_", " ")

    @property
    def what(self) -> str:
        return self.words()


@dataclass(frozen=True)
class BriefingData:
    reference: str
    establishment: str
    generated_at: dt.datetime              # UTC
    prepared_by: str
    prepared_role: str
    distribution: str
    edition: str = FULL                    # FULL or PSEUDONYMISED
    scope: str = "all"                     # all, selected, since_last
    period_start: str = ""                 # ISO date the period covered begins
    dashboard: Dashboard = field(default_factory=lambda: Dashboard(0))
    records: tuple[SubjectRecord, ...] = ()
    changes: tuple[Change, ...] = ()
    changes_total: int = 0                 # may exceed len(changes) when trimmed
    previous_reference: str = ""
    previous_at: str = ""
    new_since_last: int = 0
    unreferred_days: int = 7
    unacknowledged_days: int = 14
    register_total: int = 0                # subjects on the whole register
    withheld: int = 0                      # subjects the signer may not see
    # The audit chain's length and last hash when the briefing was made: HQ can
    # check that each briefing's chain only ever grows, which exposes entries
    # deleted from the end of the chain.
    audit_entries: int = 0
    audit_head: str = ""
    # Who made it, for HQ's machine check: the vault's id and the signing
    # certificate's SHA-256 identify the establishment (its name is a label).
    vault_id: str = ""
    fingerprint: str = ""
    # The previous briefing's chain head (length and last hash) when it was
    # made, and the same for every earlier full-register briefing (full
    # edition, whole register), oldest first: HQ checks each new briefing's
    # chain continues the ones it already holds.
    previous_audit_entries: int = 0
    previous_audit_head: str = ""
    full_register_history: tuple[tuple[str, int, str], ...] = ()
    # Restores recorded in the chain: (entry, at, restored to, replaced
    # entries or None, replaced head or ""), oldest first. HQ accepts a chain
    # that does not continue an earlier briefing's when one of these says so.
    restores: tuple[tuple[int, str, int, int | None, str], ...] = ()

    @property
    def pseudonymised(self) -> bool:
        return self.edition == PSEUDONYMISED

    @property
    def full_register(self) -> bool:
        """Full edition of the whole register: what HQ's continuity and
        national counts rest on."""
        return self.edition == FULL and self.scope == "all"

    @property
    def open_cases(self) -> int:
        d = self.dashboard
        return d.total - d.by_status.get("closed", 0)
