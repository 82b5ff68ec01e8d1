"""Record-level access: who may see a given subject's record.

A user who is themselves named as a subject (matched by staff number) is
barred from that subject's records, whatever their role: a conflict of
interest. The bar is recorded in the ``conflicts`` table and in the audit
chain the first time it is found. Services call ``require_subject`` before
reading or changing anything belonging to a subject.
"""

from __future__ import annotations

from . import audit
from .errors import NotFound, PermissionDenied

BARRED = ("You are barred from this record because it concerns you (conflict of "
          "interest); the governor can see it.")


def barred_ids(vault) -> set[int]:
    """Subjects the signed-in user may not see."""
    sn = (vault.user.staff_number or "").strip()
    ids = {r[0] for r in vault.query("SELECT subject_id FROM conflicts WHERE user = ?",
                                     (vault.user.name,))}
    if sn:
        ids |= {r[0] for r in vault.query(
            "SELECT id FROM subjects WHERE staff_number = ? AND staff_number != ''", (sn,))}
    return ids


def record_conflicts(vault) -> None:
    """Find and audit new conflicts of interest (call inside a write)."""
    rows = vault.conn.execute(
        "SELECT u.name, s.id, s.ref FROM users u JOIN subjects s "
        "ON s.staff_number = u.staff_number AND u.staff_number != '' "
        "WHERE NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.user = u.name AND "
        "c.subject_id = s.id)").fetchall()
    from .vault import now_iso
    for user, sid, ref in rows:
        vault.conn.execute("INSERT INTO conflicts(user, subject_id, reason, at) VALUES "
                           "(?, ?, 'named as the subject', ?)", (user, sid, now_iso()))
        audit.append(vault, "conflict.bar", "subject", ref,
                     after={"user": user, "reason": "named as the subject"})


def subject_id(vault, ref: str) -> int:
    rows = vault.query("SELECT id FROM subjects WHERE ref = ?", (str(ref).strip().upper(),))
    if not rows:
        raise NotFound("No subject has that reference.")
    return rows[0][0]


def require_subject(vault, ref_or_id) -> int:
    """The subject's id, if it exists and the user may see it."""
    sid = ref_or_id if isinstance(ref_or_id, int) else subject_id(vault, ref_or_id)
    if sid in barred_ids(vault):
        raise PermissionDenied(BARRED)
    return sid
