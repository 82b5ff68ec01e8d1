"""Risk bands, the status lifecycle, and what counts as overdue.

These are the register's rules of judgement. They live here, not in a widget,
so the dashboard, the briefing and the CLI agree.
"""

from __future__ import annotations

import datetime as dt

from console import clock
from console.errors import ValidationError
from console.records.model import STATUSES
from console.i18n import _


# 5x5 likelihood x impact: 1-4 low, 5-12 medium, 15-25 high.
def rag(likelihood: int, impact: int) -> str:
    score = likelihood * impact
    if score >= 15:
        return "red"
    if score >= 5:
        return "amber"
    return "green"


# Where each status may go next. Closing needs an outcome; a closed case can
# be reopened as a new concern. Every change needs a reason (checked by the
# service).
TRANSITIONS: dict[str, set[str]] = {
    "concern_logged": {"assessed", "referred_hq", "closed"},
    "assessed": {"referred_hq", "concern_logged", "closed"},
    "referred_hq": {"under_investigation", "assessed", "closed"},
    "under_investigation": {"criminal_proceedings", "disciplinary", "referred_hq", "closed"},
    "criminal_proceedings": {"disciplinary", "closed"},
    "disciplinary": {"criminal_proceedings", "closed"},
    "closed": {"concern_logged"},
}


def next_statuses(current: str) -> list[str]:
    return [s for s in STATUSES.keys() if s in TRANSITIONS.get(current, set())]


def check_transition(current: str, target: str, outcome: str | None) -> None:
    if target == current:
        raise ValidationError(_("The subject already has that status."))
    if target not in TRANSITIONS.get(current, set()):
        raise ValidationError(
            _("A subject cannot move from '{current}' to '{target}'; allowed next: "
              "{allowed}.").format(
                current=STATUSES.label(current), target=STATUSES.label(target),
                allowed=", ".join(STATUSES.label(s) for s in next_statuses(current))))
    if target == "closed" and not outcome:
        raise ValidationError(_("Closing a case needs an outcome."))
    if target != "closed" and outcome:
        raise ValidationError(_("An outcome is only recorded when a case is closed."))


def deadline(days: int, today: dt.date | None = None) -> str:
    """ISO date before which an unreferred report or unacknowledged referral
    counts as overdue."""
    return ((today or clock.today()) - dt.timedelta(days=int(days))).isoformat()
