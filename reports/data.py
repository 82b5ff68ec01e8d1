"""What a briefing holds: plain frozen data classes, gathered from the vault
by ``collect`` and laid out by ``content.build_briefing``. Nothing here
touches the vault or reportlab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from console.records.model import Dashboard, SubjectRecord

FULL = "full"
PSEUDONYMISED = "pseudonymised"


@dataclass(frozen=True)
class Change:
    """One line of 'changes since the last briefing'."""
    ref: str
    at: str
    what: str


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
