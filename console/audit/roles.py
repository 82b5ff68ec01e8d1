"""Who may do what: the one table of rights.

Every service calls ``require`` before it changes or reveals anything, so
the rule holds for the desktop console, the CLI and any other caller alike;
the UI only mirrors it to grey out buttons. The same table decides, when the
audit chain is replayed, whether each entry's signer held the right for its
action at that point of the chain (``right_for``): an entry a deputy or
viewer wrote with their own key for something only the governor may do is
named as tampering, however it got there.
"""

from __future__ import annotations

from console.errors import PermissionDenied
from console.i18n import N_, _
from console.vocabulary import Choice

GOVERNOR, DEPUTY, VIEWER = "governor", "deputy", "viewer"
ROLES = Choice((GOVERNOR, N_("Governor")), (DEPUTY, N_("Deputy")), (VIEWER, N_("Viewer")))
_ALL = {GOVERNOR, DEPUTY, VIEWER}
_STAFF = {GOVERNOR, DEPUTY}

# right -> (roles allowed, what it is called in a refusal)
PERMISSIONS: dict[str, tuple[set[str], str]] = {
    "view": (_ALL, N_("view the register")),
    "create_subject": (_STAFF, N_("add a subject")),
    "edit_profile": (_STAFF, N_("edit a subject's profile")),
    "assess_threat": ({GOVERNOR}, N_("change a threat assessment")),
    "change_status": ({GOVERNOR}, N_("change a subject's status")),
    "delete_subject": ({GOVERNOR}, N_("delete a subject")),
    "add_report": (_STAFF, N_("add a report")),
    "regrade_report": ({GOVERNOR}, N_("change a report's grading")),
    "refer": ({GOVERNOR}, N_("record or change a referral")),
    "add_measure": (_STAFF, N_("add a measure")),
    "edit_measure": (_STAFF, N_("change a measure")),
    "add_log": (_STAFF, N_("add a log entry")),
    "manage_users": ({GOVERNOR}, N_("manage users")),
    "sign_briefing": ({GOVERNOR}, N_("sign a briefing")),
    "change_settings": ({GOVERNOR}, N_("change the vault's settings")),
    "import": ({GOVERNOR}, N_("import a register")),
    "restore": ({GOVERNOR}, N_("restore a backup")),
    "backup": (_STAFF, N_("make a backup")),
    "delete_backup": ({GOVERNOR}, N_("delete a backup")),
    "read_full_text": (_STAFF, N_("read the full text of reports")),
    "erase": ({GOVERNOR}, N_("erase a record")),
    "restrict": ({GOVERNOR}, N_("change who may see a record")),
    "review_conflict": ({GOVERNOR}, N_("record or lift a conflict-of-interest bar")),
    "lawful": ({GOVERNOR}, N_("decide a record's retention, legal hold or processing basis")),
    "own_account": (_ALL, N_("change your own passphrase or signing identity")),
    "attest": ({GOVERNOR}, N_("attest the vault's users and roles")),
    # Held by nobody: the vault's creation is the chain's first entry only.
    "found": (set(), N_("create the vault again")),
    "keys": ({GOVERNOR}, N_("change the keys records are sealed under")),
    "replicas": ({GOVERNOR}, N_("make replicas, take in change packs or decide their conflicts")),
}

# audit action -> the right its signer must hold when it is written
ACTION_RIGHTS: dict[str, str] = {
    "vault.create": "found", "authority.attest": "attest",
    "user.add": "manage_users", "user.remove": "manage_users", "user.reset": "manage_users",
    "user.role": "manage_users", "slot.drop": "manage_users",
    "user.passphrase": "own_account", "user.sealed": "own_account",
    "identity.replace": "own_account",
    "settings.change": "change_settings",
    "subject.create": "create_subject", "subject.update": "edit_profile",
    "subject.assess": "assess_threat", "subject.status": "change_status",
    "subject.side_state": "change_status", "subject.delete": "delete_subject",
    "subject.erase": "erase", "subject.erase_refused": "erase",
    "subject.restrict": "restrict", "subject.unrestrict": "restrict",
    "subject.grant": "restrict", "subject.revoke": "restrict",
    "subject.processing": "lawful", "subject.retain": "lawful", "subject.hold": "lawful",
    "subject.hold_lifted": "lawful",
    "conflict.bar": "review_conflict", "conflict.lift": "review_conflict",
    "report.add": "add_report", "report.regrade": "regrade_report",
    "referral.add": "refer", "referral.update": "refer",
    "measure.add": "add_measure", "measure.update": "edit_measure", "log.add": "add_log",
    "register.import": "import", "briefing.sign": "sign_briefing",
    "backup.delete": "delete_backup", "vault.restore": "restore",
    "keys.seal": "keys", "keys.rekey": "keys", "keys.unseal": "keys",
    # Replicas (console.sync): the governor's vault records each replica made
    # or refreshed, and each operation a change pack brought, in entries the
    # governor signs that embed the operation its author signed.
    "replica.create": "replicas", "replica.update": "replicas",
    "sync.apply": "replicas", "sync.conflict": "replicas", "sync.decide": "replicas",
}
# Families of actions named by a prefix (the journal: journal.<kind>.<reason>).
PREFIX_RIGHTS: dict[str, str] = {"journal.": "view"}
# Before a vault's authority was attested, a conflict bar was recorded by
# whoever's edit found the match (a deputy adding a subject, say).
LEGACY_RIGHTS: dict[str, str] = {"conflict.bar": "edit_profile"}
# Rights a user exercises over their own account only (the entry names them).
OWN = {"own_account"}


def right_for(action: str, legacy: bool = False) -> str | None:
    """The right an entry's signer needs for ``action`` (None: not an action
    this version knows, which a replay refuses)."""
    if legacy and action in LEGACY_RIGHTS:
        return LEGACY_RIGHTS[action]
    if action in ACTION_RIGHTS:
        return ACTION_RIGHTS[action]
    for prefix, right in PREFIX_RIGHTS.items():
        if action.startswith(prefix) and len(action) > len(prefix):
            return right
    return None


def allowed(role: str, action: str) -> bool:
    roles, _what = PERMISSIONS[action]
    return role in roles


def signed_in_as(role: str) -> str:
    """"you are signed in as a deputy", in the language spoken."""
    if role == GOVERNOR:
        return _("you are signed in as a governor")
    if role == DEPUTY:
        return _("you are signed in as a deputy")
    if role == VIEWER:
        return _("you are signed in as a viewer")
    return _("you are signed in as {role}").format(role=role)


def why_not(role: str, action: str) -> str:
    """The sentence shown when ``role`` may not do ``action`` (tooltips too)."""
    roles, what = PERMISSIONS[action]
    if roles == {GOVERNOR}:
        text = _("Only the governor can {what}; {signed_in_as}.")
    else:
        text = _("Only the governor or a deputy can {what}; {signed_in_as}.")
    return text.format(what=_(what), signed_in_as=signed_in_as(role))


def require(vault, action: str) -> None:
    """Refuse unless the signed-in user's role (as the signed chain gives it,
    once the vault was unlocked through the audit room) allows ``action``."""
    if not allowed(vault.user.role, action):
        raise PermissionDenied(why_not(vault.user.role, action))
