"""Who may do what. Every service calls ``require`` before it changes or
reveals anything, so the rule holds for the desktop console, the CLI and any
other caller alike; the UI only mirrors it to grey out buttons."""

from __future__ import annotations

from console.errors import PermissionDenied
from console.vocabulary import Choice

GOVERNOR, DEPUTY, VIEWER = "governor", "deputy", "viewer"
ROLES = Choice((GOVERNOR, "Governor"), (DEPUTY, "Deputy"), (VIEWER, "Viewer"))
_ALL = {GOVERNOR, DEPUTY, VIEWER}
_STAFF = {GOVERNOR, DEPUTY}

# action -> (roles allowed, what it is called in a refusal)
PERMISSIONS: dict[str, tuple[set[str], str]] = {
    "view": (_ALL, "view the register"),
    "create_subject": (_STAFF, "add a subject"),
    "edit_profile": (_STAFF, "edit a subject's profile"),
    "assess_threat": ({GOVERNOR}, "change a threat assessment"),
    "change_status": ({GOVERNOR}, "change a subject's status"),
    "delete_subject": ({GOVERNOR}, "delete a subject"),
    "add_report": (_STAFF, "add a report"),
    "regrade_report": ({GOVERNOR}, "change a report's grading"),
    "refer": ({GOVERNOR}, "record or change a referral"),
    "add_measure": (_STAFF, "add a measure"),
    "edit_measure": (_STAFF, "change a measure"),
    "add_log": (_STAFF, "add a log entry"),
    "manage_users": ({GOVERNOR}, "manage users"),
    "sign_briefing": ({GOVERNOR}, "sign a briefing"),
    "change_settings": ({GOVERNOR}, "change the vault's settings"),
    "import": ({GOVERNOR}, "import a register"),
    "restore": ({GOVERNOR}, "restore a backup"),
    "backup": (_STAFF, "make a backup"),
    "delete_backup": ({GOVERNOR}, "delete a backup"),
    "read_full_text": (_STAFF, "read the full text of reports"),
}


def allowed(role: str, action: str) -> bool:
    roles, _ = PERMISSIONS[action]
    return role in roles


def why_not(role: str, action: str) -> str:
    """The sentence shown when ``role`` may not do ``action`` (tooltips too)."""
    roles, what = PERMISSIONS[action]
    who = "the governor" if roles == {GOVERNOR} else "the governor or a deputy"
    article = "an" if role[:1] in "aeiou" else "a"
    return f"Only {who} can {what}; you are signed in as {article} {role}."


def require(vault, action: str) -> None:
    if not allowed(vault.user.role, action):
        raise PermissionDenied(why_not(vault.user.role, action))
