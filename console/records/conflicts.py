"""Conflict-of-interest bars: a user named as a subject is barred from that
subject's records.

Rules:
- A bar follows the subject's *current* staff number: while it is a user's
  staff number (as the signed chain gives users' staff numbers), that user
  is barred; when it changes, the bar goes with it. Nothing stored in rows
  can make a bar outlive the match.
- Only a governor can give a subject the staff number of a user of the
  console (that is the governor confirming the match); a deputy is refused,
  and an entry a deputy signed that does it anyway is named when the chain is
  replayed.
- A governor can review a bar and lift it, with a reason (``conflict.lift``
  in the chain); the lift holds for that record and that staff number.
- Finding a new bar records it (``conflict.bar``, and a row in
  ``conflicts``) when a governor's change made it.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.audit import chain as audit
from console.audit import roles
from console.audit.current import now
from console.clock import now_iso
from console.errors import NotFound, PermissionDenied, ValidationError
from console.records import fields, sealed
from console.i18n import N_, _

NEEDS_GOVERNOR = N_("That staff number belongs to a user of the console, and matching a "
                     "subject to a user bars them from the record, so only the governor can "
                     "confirm it; ask the governor to set it.")


@dataclass(frozen=True)
class Bar:
    ref: str
    user: str
    lifted: bool = False


def _state(vault):
    return now(vault)


def check_staff_number(vault, staff_number: str) -> None:
    """Refuse a deputy giving a subject a user's staff number."""
    sn = (staff_number or "").strip()
    if not sn or vault.user.role == roles.GOVERNOR:
        return
    if _state(vault).staff_owner(sn) is not None:
        raise PermissionDenied(_(NEEDS_GOVERNOR))


def _sealed_matches(vault, sn: str) -> list[tuple[int, str]]:
    """(sid, ref) of the sealed records this user holds whose staff number is ``sn``."""
    st = sealed.store(vault)
    if not st.sealed():
        return []
    refs = {sid: ref for sid, (ref, _b, _v) in st.sealed().items()}
    return sorted((sid, refs[sid]) for sid, row in st.rows().items()
                  if (row.get("staff_number") or "").strip() == sn)


def bars(vault) -> list[Bar]:
    """Every current match of a subject to a user, for the governor to review."""
    roles.require(vault, "review_conflict")
    state = _state(vault)
    out = []
    for name, m in sorted(state.active().items()):
        sn = (m.staff_number or "").strip()
        if not sn:
            continue
        refs = [r[0] for r in vault.query("SELECT ref FROM main.subjects WHERE staff_number = ? "
                                          "ORDER BY ref", (sn,))]
        refs = sorted(refs + [ref for _sid, ref in _sealed_matches(vault, sn)])
        for ref in refs:
            out.append(Bar(ref, name, state.lifted(name, ref, sn)))
    return out


def record(vault) -> None:
    """Record bars a governor's change has just made (call inside a write)."""
    if not roles.allowed(vault.user.role, "review_conflict"):
        return
    state = _state(vault)
    barred_sealed: list[str] = []
    for name, m in sorted(state.active().items()):
        sn = (m.staff_number or "").strip()
        if not sn:
            continue
        rows = vault.conn.execute(
            "SELECT s.id, s.ref FROM main.subjects s WHERE s.staff_number = ? AND NOT EXISTS "
            "(SELECT 1 FROM main.conflicts c WHERE c.user = ? AND c.subject_id = s.id)",
            (sn, name)).fetchall()
        rows = [(sid, ref, "main") for sid, ref in rows]
        st = sealed.store(vault)
        for sid, ref in _sealed_matches(vault, sn):
            schema = st.schema_for(sid)
            if not vault.conn.execute(f"SELECT 1 FROM {schema}.conflicts WHERE user = ? AND "
                                      "subject_id = ?", (name, sid)).fetchone():
                rows.append((sid, ref, schema))
        for sid, ref, schema in rows:
            if state.lifted(name, ref, sn):
                continue
            vault.conn.execute(f"INSERT INTO {schema}.conflicts(user, subject_id, reason, at) "
                               "VALUES (?, ?, 'named as the subject', ?)",
                               (name, sid, now_iso()))
            audit.append(vault, "conflict.bar", "subject", ref,
                         after={"user": name, "reason": "named as the subject"})
            if schema != "main":
                barred_sealed.append(ref)
    _reconcile(vault, barred_sealed)


def _reconcile(vault, refs) -> None:
    """Bars decide who may hold a sealed record's key: keep the keys in step
    (a new key for a record whose bar takes it from someone)."""
    if refs:
        from console.records import sealing
        sealing.reconcile(vault, sorted(set(refs)))


def lift(vault, ref: str, user: str, reason: str) -> Bar:
    """Lift a bar after review (the reason goes into the chain)."""
    roles.require(vault, "review_conflict")
    reason = fields.text(reason, _("The reason for lifting the bar"), required=True,
                         multiline=True).strip()
    ref = str(ref).strip().upper()
    with vault.write():
        row = vault.conn.execute("SELECT id, staff_number FROM main.subjects WHERE ref = ?",
                                 (ref,)).fetchone()
        if row is None:
            raise NotFound(_("No subject has that reference."))
        st = sealed.store(vault)
        if st.is_sealed(row[0]):
            schema = st.schema_for(row[0])
            row = vault.conn.execute(f"SELECT id, staff_number FROM {schema}.subjects WHERE "
                                     "id = ?", (row[0],)).fetchone()
        m = _state(vault).active().get(str(user).strip())
        sn = (row[1] or "").strip()
        if m is None or not sn or (m.staff_number or "").strip() != sn:
            raise ValidationError(_("That user is not barred from that record."))
        audit.append(vault, "conflict.lift", "subject", ref,
                     after={"user": str(user).strip(), "staff_number": sn, "reason": reason})
        if st.is_sealed(row[0]):
            _reconcile(vault, [ref])
    return Bar(ref, str(user).strip(), True)
