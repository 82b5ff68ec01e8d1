"""Which subjects the signed-in user may see, and which audit entries.

Two rules bar a user from a subject, whatever their role:

- **Conflict of interest**: the user is themselves named as the subject
  (matched by the subject's current staff number), unless a governor lifted
  that bar in the chain (``records.conflicts``).
- **Need-to-know**: the record is restricted and the user is not named on
  it. Governors are never barred by a restriction.

These queries live beside the chain so that ``chain.entries`` applies them
too: the history of a subject is as much the record as its rows. The
records room (``records.access``) re-exports them for the services.

What a user may read of the chain (``entry_visible`` / ``payload_visible``):
entries about a subject they are barred from are left out; the consultation
journal (``journal.*`` entries) is the governor's alone; and who a record is
restricted to (the payloads of restriction entries) is itself need-to-know,
so others see only that a restriction was set or changed.
"""

from __future__ import annotations

from console.audit import roles

JOURNAL_PREFIX = "journal."
RESTRICTION_ACTIONS = frozenset({"subject.restrict", "subject.unrestrict", "subject.grant",
                                 "subject.revoke"})


def _has_lawful_tables(vault) -> bool:
    return bool(vault.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                            "name = 'need_to_know'"))


def conflict_ids(vault) -> set[int]:
    """Subjects the signed-in user is barred from by a conflict of interest:
    those whose *current* staff number is the user's (as the signed chain
    gives it), unless a governor lifted the bar for that number."""
    sn = (vault.user.staff_number or "").strip()
    if not sn:
        return set()
    rows = vault.query("SELECT id, ref FROM subjects WHERE staff_number = ? AND "
                       "staff_number != ''", (sn,))
    if not rows:
        return set()
    from console.audit.current import now
    state = now(vault)
    return {sid for sid, ref in rows if not state.lifted(vault.user.name, ref, sn)}


def restricted_ids(vault) -> set[int]:
    """Restricted subjects the signed-in user is not named on."""
    if vault.user.role == roles.GOVERNOR or not _has_lawful_tables(vault):
        return set()
    return {r[0] for r in vault.query(
        "SELECT l.subject_id FROM subject_lawful l WHERE l.restricted = 1 AND NOT EXISTS "
        "(SELECT 1 FROM need_to_know n WHERE n.subject_id = l.subject_id AND n.user = ?)",
        (vault.user.name,))}


def barred_ids(vault) -> set[int]:
    """Subjects the signed-in user may not see."""
    return conflict_ids(vault) | restricted_ids(vault)


def barred_refs(vault) -> set[str]:
    """References of the subjects the signed-in user may not see."""
    ids = barred_ids(vault)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in vault.query(f"SELECT ref FROM subjects WHERE id IN ({marks})",
                                      list(ids))}


def entry_visible(role: str, barred: set[str], action: str, entity: str,
                  entity_id: str) -> bool:
    """May a user of ``role``, barred from ``barred``, see this entry at all?"""
    if entity == "subject" and entity_id in barred:
        return False
    return role == roles.GOVERNOR or not action.startswith(JOURNAL_PREFIX)


def payload_visible(role: str, action: str) -> bool:
    """May they read its details (before and after)?"""
    return role == roles.GOVERNOR or action not in RESTRICTION_ACTIONS
