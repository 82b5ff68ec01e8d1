"""Record-level access: who may see a given subject's record.

Two rules bar a user from a subject, whatever their role:

- **Conflict of interest.** A user who is themselves named as a subject
  (matched by staff number) is barred from that subject's records while the
  match lasts, unless a governor lifted the bar (see ``conflicts``).
- **Need-to-know.** The governor may restrict a subject to named users
  (by default the subject's owner). Governors always keep access; any other
  user not named sees only that a restricted record exists (its reference and
  risk band). Restricting, naming and un-naming users are audited.

Services call ``require_subject`` before reading or changing anything
belonging to a subject, and list views use ``barred_ids`` to show stubs, so
the rules hold for the desktop console, the CLI, counts and exports alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.audit import chain as audit
from console.audit import roles, visibility
from console.audit.visibility import conflict_ids, restricted_ids  # noqa: F401
from console.errors import NotFound, PermissionDenied, ValidationError
from console.records import fields, sealed
from console.i18n import _

# One sentence whatever the reason: a conflict of interest means the user is
# the subject, and telling them so would tell them they are on the register.
REFUSED = sealed.REFUSED


def barred_ids(vault) -> set[int]:
    """Subjects the signed-in user may not see: barred by the chain's rules
    (``visibility``), sealed records whose key they do not hold, and sealed
    records they hold that name them (a conflict of interest read from the
    sealed profile)."""
    out = visibility.barred_ids(vault)
    st = sealed.store(vault)
    if st.sealed():
        out |= st.unheld() | _sealed_conflicts(vault, st)
    return out


def _sealed_conflicts(vault, st) -> set[int]:
    sn = (vault.user.staff_number or "").strip()
    if not sn:
        return set()
    found = {sid: h.ref for sid, h in st.heads().items()
             if (h.row.get("staff_number") or "").strip() == sn}
    if not found:
        return set()
    from console.audit.current import now
    state = now(vault)
    return {sid for sid, ref in found.items() if not state.lifted(vault.user.name, ref, sn)}


def barred_refs(vault) -> set[str]:
    """References of the subjects the signed-in user may not see."""
    ids = barred_ids(vault)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in vault.query(f"SELECT ref FROM main.subjects WHERE id IN ({marks})",
                                      list(ids))}


@dataclass(frozen=True)
class Restriction:
    """Who may see one subject: ``restricted`` False means every user may."""
    ref: str
    restricted: bool
    allowed: tuple[str, ...] = ()   # user names named on the record (governors always may)


def record_conflicts(vault) -> None:
    """Find and audit new conflicts of interest (call inside a write)."""
    from console.records import conflicts
    conflicts.record(vault)


def subject_id(vault, ref: str) -> int:
    rows = vault.query("SELECT id FROM subjects WHERE ref = ?", (str(ref).strip().upper(),))
    if not rows:
        raise NotFound(_("No subject has that reference."))
    return rows[0][0]


def require_subject(vault, ref_or_id) -> int:
    """The subject's id, if it exists and the user may see it."""
    sid = ref_or_id if isinstance(ref_or_id, int) else subject_id(vault, ref_or_id)
    if sid in barred_ids(vault):
        raise PermissionDenied(_(REFUSED))
    return sid


def require_governor(vault, what: str) -> None:
    """Refuse anyone but a governor, naming what they tried to do."""
    if vault.user.role != "governor":
        raise PermissionDenied(_("Only the governor can {what}; {signed_in_as}.").format(
            what=what, signed_in_as=roles.signed_in_as(vault.user.role)))


# -- need-to-know restrictions ---------------------------------------------------

def subject_ref(vault, sid: int) -> str:
    """A subject's reference from its id (no access check: callers have made it)."""
    return vault.conn.execute("SELECT ref FROM subjects WHERE id = ?", (sid,)).fetchone()[0]


def ensure_lawful_row(vault, sid: int) -> None:
    vault.conn.execute("INSERT OR IGNORE INTO subject_lawful(subject_id) VALUES (?)", (sid,))


def _active_users(vault) -> dict[str, tuple[str, str]]:
    """name -> (display name, role) for users who may sign in, as the chain has them."""
    from console.audit import unlock
    return {n: (m.display_name, m.role) for n, m in unlock.current(vault).active().items()}


def owner_user(vault, sid: int) -> str | None:
    """The user named as the subject's owner (by sign-in or display name), if any."""
    schema = sealed.store(vault).schema_for(sid)
    owner = vault.conn.execute(f"SELECT owner FROM {schema}.subjects WHERE id = ?",
                               (sid,)).fetchone()[0].strip().lower()
    if not owner:
        return None
    for name, (display, _role) in _active_users(vault).items():
        if owner in (name.lower(), display.strip().lower()):
            return name
    return None


def restriction(vault, ref) -> Restriction:
    """Who may see a subject (governor only: the list itself is need-to-know)."""
    require_governor(vault, _("see who a record is restricted to"))
    sid = require_subject(vault, ref)
    row = vault.query("SELECT restricted FROM subject_lawful WHERE subject_id = ?", (sid,))
    names = tuple(r[0] for r in vault.query(
        "SELECT user FROM need_to_know WHERE subject_id = ? ORDER BY user", (sid,)))
    return Restriction(subject_ref(vault, sid), bool(row and row[0][0]), names)


def restricted_to(vault, sid: int | None = None) -> dict[int, tuple[str, ...]]:
    """For a governor: restricted subjects (or just ``sid``) and the users
    named on each. Empty for anyone else: the list is need-to-know."""
    if vault.user.role != "governor":
        return {}
    sql = ("SELECT l.subject_id, n.user FROM subject_lawful l LEFT JOIN need_to_know n ON "
           "n.subject_id = l.subject_id WHERE l.restricted = 1")
    params: tuple = ()
    if sid is not None:
        sql += " AND l.subject_id = ?"
        params = (sid,)
    out: dict[int, list[str]] = {}
    for subject, user in vault.query(sql + " ORDER BY l.subject_id, n.user", params):
        names = out.setdefault(subject, [])
        if user is not None:
            names.append(user)
    return {k: tuple(v) for k, v in out.items()}


def _check_users(vault, names) -> list[str]:
    users = _active_users(vault)
    out = []
    for n in names:
        n = str(n).strip()
        if n not in users:
            raise ValidationError(_("One of the users named is not a user of this vault."))
        if n not in out:
            out.append(n)
    return out


def restrict(vault, ref, reason: str, allow=None) -> Restriction:
    """Restrict a subject to named users (default: its owner, if a user).

    Governors always keep access. A user barred by a conflict of interest
    stays barred even if named."""
    require_governor(vault, _("restrict a record"))
    reason = fields.text(reason, _("The reason for the restriction"), required=True,
                         multiline=True)
    from console.clock import now_iso
    with vault.write():
        sid = require_subject(vault, ref)
        if allow is None:
            owner = owner_user(vault, sid)
            allow = [owner] if owner else []
        names = _check_users(vault, allow)
        ensure_lawful_row(vault, sid)
        vault.conn.execute("UPDATE subject_lawful SET restricted = 1 WHERE subject_id = ?",
                           (sid,))
        vault.conn.execute("DELETE FROM need_to_know WHERE subject_id = ?", (sid,))
        now = now_iso()
        for n in names:
            vault.conn.execute("INSERT INTO need_to_know(subject_id, user, granted_by, at) "
                               "VALUES (?, ?, ?, ?)", (sid, n, vault.user.name, now))
        audit.append(vault, "subject.restrict", "subject", subject_ref(vault, sid),
                     after={"allowed": names, "reason": reason})
        _sealed_as_listed(vault, sid)
    _settled_on_disk(vault)
    return restriction(vault, ref)


def unrestrict(vault, ref, reason: str) -> Restriction:
    require_governor(vault, _("lift a restriction"))
    reason = fields.text(reason, _("The reason for lifting the restriction"), required=True,
                         multiline=True)
    with vault.write():
        sid = require_subject(vault, ref)
        from console.records import sealing
        sealing.unseal(vault, sid)
        ensure_lawful_row(vault, sid)
        vault.conn.execute("UPDATE subject_lawful SET restricted = 0 WHERE subject_id = ?",
                           (sid,))
        vault.conn.execute("DELETE FROM need_to_know WHERE subject_id = ?", (sid,))
        audit.append(vault, "subject.unrestrict", "subject", subject_ref(vault, sid),
                     after={"reason": reason})
    return restriction(vault, ref)


def grant(vault, ref, user: str, reason: str) -> Restriction:
    """Name one more user on a restricted record."""
    require_governor(vault, _("change who may see a record"))
    reason = fields.text(reason, _("The reason"), required=True, multiline=True)
    from console.clock import now_iso
    with vault.write():
        sid = require_subject(vault, ref)
        (name,) = _check_users(vault, [user])
        row = vault.conn.execute("SELECT restricted FROM subject_lawful WHERE subject_id = ?",
                                 (sid,)).fetchone()
        if not (row and row[0]):
            raise ValidationError(_("That record is not restricted; every user may already see "
                                    "it."))
        vault.conn.execute("INSERT OR IGNORE INTO need_to_know(subject_id, user, granted_by, "
                           "at) VALUES (?, ?, ?, ?)", (sid, name, vault.user.name, now_iso()))
        audit.append(vault, "subject.grant", "subject", subject_ref(vault, sid),
                     after={"user": name, "reason": reason})
        _sealed_as_listed(vault, sid)
    return restriction(vault, ref)


def revoke(vault, ref, user: str, reason: str) -> Restriction:
    """Take one user off a restricted record."""
    require_governor(vault, _("change who may see a record"))
    reason = fields.text(reason, _("The reason"), required=True, multiline=True)
    with vault.write():
        sid = require_subject(vault, ref)
        vault.conn.execute("DELETE FROM need_to_know WHERE subject_id = ? AND user = ?",
                           (sid, str(user).strip()))
        audit.append(vault, "subject.revoke", "subject", subject_ref(vault, sid),
                     after={"user": str(user).strip(), "reason": reason})
        _sealed_as_listed(vault, sid)
    return restriction(vault, ref)


def _sealed_as_listed(vault, sid: int) -> None:
    """After a change of who may see a restricted record (in the same write):
    seal it if it is not sealed yet, else put its key in the hands the chain
    now entitles (a new key when someone lost access)."""
    from console.records import sealing
    st = sealed.store(vault)
    if not st.tables:
        return
    if not st.is_sealed(sid):
        sealing.seal(vault, sid)
    else:
        sealing.reconcile(vault, [subject_ref(vault, sid)])


def _settled_on_disk(vault) -> None:
    """A record just sealed leaves older copies of its pages in the
    write-ahead log until a checkpoint: copy them back and empty it."""
    with vault.guard():
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
