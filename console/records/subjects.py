"""Subjects: the staff on the register, their status and threat assessment.

Every change is one ``vault.write()`` transaction that also appends to the
audit chain; every read checks the user's access first.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

from console import clock
from console.audit import chain as audit
from console.audit import roles
from console.clock import now_iso
from console.errors import NotFound, ValidationError
from console.records import access, commands, conflicts, fields, ids, rules, sealed, updates
from console.records.commands import SubjectFields
from console.records.model import OUTCOMES, STATUSES, Subject
from console.i18n import _

_COLUMNS = ("id, ref, name, staff_number, role, location, employment_type, start_date, "
            "categories, status, outcome, suspended, restricted_duties, likelihood, impact, "
            "residual_likelihood, residual_impact, owner, next_review, notes, created_at, "
            "updated_at")
COLUMNS = _COLUMNS

PROFILE_FIELDS = commands.PROFILE
ASSESSMENT_FIELDS = commands.ASSESSMENT


@lru_cache(maxsize=4096)
def _categories(stored: str | None) -> tuple[str, ...]:
    """A subject's categories from their stored JSON: a register has few
    distinct sets, so each is read once (the tuple is immutable, so shared)."""
    return tuple(json.loads(stored or "[]"))


def from_row(r) -> Subject:
    return Subject(
        id=r[0], ref=r[1], name=r[2], staff_number=r[3], role=r[4], location=r[5],
        employment_type=r[6], start_date=fields.parse_date(r[7]),
        categories=_categories(r[8]), status=r[9], outcome=r[10],
        suspended=bool(r[11]), restricted_duties=bool(r[12]), likelihood=r[13], impact=r[14],
        residual_likelihood=r[15], residual_impact=r[16], owner=r[17],
        next_review=fields.parse_date(r[18]), notes=r[19], created_at=r[20], updated_at=r[21])


def _snapshot(s: Subject) -> dict:
    return {k: (v.isoformat() if isinstance(v, dt.date) else list(v) if isinstance(v, tuple)
                else v)
            for k, v in s.__dict__.items() if k not in ("id", "created_at", "updated_at")}


def next_ref(vault, year: int | None = None) -> str:
    year = year or clock.today().year
    prefix = f"CC-{year}-"
    row = vault.query("SELECT max(CAST(substr(ref, ?) AS INTEGER)) FROM subjects WHERE ref "
                      "LIKE ?", (len(prefix) + 1, prefix + "%"))
    n = (row[0][0] or 0) + 1
    return f"{prefix}{n:03d}"


def create_subject(vault, subject: SubjectFields, *, ref: str | None = None) -> Subject:
    """Add a subject (its ``outcome`` comes only with a later status change)."""
    roles.require(vault, "create_subject")
    values = subject.cleaned(creating=True,
                             only=(*PROFILE_FIELDS, *ASSESSMENT_FIELDS, "status"))
    status = values.pop("status")
    assess = {k: values.pop(k) for k in ASSESSMENT_FIELDS}
    values = commands.to_columns(values)
    conflicts.check_staff_number(vault, values.get("staff_number", ""))
    if status != "concern_logged":
        roles.require(vault, "change_status")
    if assess != {"likelihood": 1, "impact": 1, "residual_likelihood": 1, "residual_impact": 1}:
        if vault.user.role != roles.GOVERNOR:
            roles.require(vault, "assess_threat")
    with vault.write():
        if ref:
            ref = fields.text(ref, _("Reference"), required=True).strip().upper()
            if vault.conn.execute("SELECT 1 FROM subjects WHERE ref = ?", (ref,)).fetchone():
                raise ValidationError(_("Another subject already has that reference."))
        else:
            ref = next_ref(vault)
        now = now_iso()
        row = {"ref": ref, "status": status, "created_at": now, "updated_at": now,
               **values, **assess}
        cols = ", ".join(row)
        cur = vault.conn.execute(f"INSERT INTO subjects({cols}) VALUES "
                                 f"({', '.join('?' * len(row))})", list(row.values()))
        subject = get_subject(vault, cur.lastrowid, check=False)
        add_status_change(vault, subject, None, status, None, "added to the register", now)
        audit.append(vault, "subject.create", "subject", ref, after=_snapshot(subject))
        access.record_conflicts(vault)
    return subject


def get_subject(vault, ref_or_id, *, check: bool = True) -> Subject:
    if check:
        roles.require(vault, "view")
        sid = access.require_subject(vault, ref_or_id)
    else:
        sid = ref_or_id if isinstance(ref_or_id, int) else access.subject_id(vault, ref_or_id)
    schema = sealed.store(vault).schema_for(sid)
    rows = vault.query(f"SELECT {_COLUMNS} FROM {schema}.subjects WHERE id = ?", (sid,))
    if not rows:
        raise NotFound(_("No subject has that reference."))
    return from_row(rows[0])


def schema_of(vault, subject: Subject) -> str:
    """Where ``subject``'s rows are: 'main', or the sealed records' mirror."""
    return sealed.store(vault).schema_for(subject.id)


def add_status_change(vault, subject: Subject, from_status, to_status: str, outcome,
                      reason: str, at: str) -> None:
    """One line of the subject's status history (inside a write)."""
    schema = schema_of(vault, subject)
    vault.conn.execute(
        f"INSERT INTO {schema}.status_changes(id, subject_id, from_status, to_status, outcome, "
        "reason, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ids.new_id(vault, "status_changes", schema), subject.id, from_status, to_status,
         outcome, reason, vault.user.name, at))


_UPDATABLE = ("id", *PROFILE_FIELDS, *ASSESSMENT_FIELDS, "status", "outcome", "suspended",
              "restricted_duties", "updated_at")


def _shown(column: str, value):
    """A stored subject value as the audit chain records it."""
    if column == "categories":
        return json.loads(value or "[]")
    if column in ("suspended", "restricted_duties"):
        return bool(value)
    return value


def _update(vault, subject: Subject, values: dict, action: str) -> Subject:
    table = f"{schema_of(vault, subject)}.subjects"
    updates.audited_update(vault, table, ("id", subject.id), values, allowed=_UPDATABLE,
                           action=action, entity_id=subject.ref,
                           touch={"updated_at": now_iso()}, shown=_shown)
    return get_subject(vault, subject.id, check=False)


def update_profile(vault, ref, changes: SubjectFields) -> Subject:
    """Change the profile fields given in ``changes``; the rest stay."""
    roles.require(vault, "edit_profile")
    clean = commands.to_columns(changes.cleaned(creating=False, only=PROFILE_FIELDS))
    with vault.write():
        s = get_subject(vault, ref)
        if not clean:
            return s
        if clean.get("staff_number", s.staff_number) != s.staff_number:
            conflicts.check_staff_number(vault, clean["staff_number"])
        out = _update(vault, s, clean, "subject.update")
        access.record_conflicts(vault)
        return out


def assess_threat(vault, ref, changes: SubjectFields) -> Subject:
    """Change the likelihood and impact scores given in ``changes``."""
    roles.require(vault, "assess_threat")
    clean = changes.cleaned(creating=False, only=ASSESSMENT_FIELDS)
    with vault.write():
        s = get_subject(vault, ref)
        return _update(vault, s, clean, "subject.assess")


def change_status(vault, ref, to_status: str, reason: str, outcome: str | None = None
                  ) -> Subject:
    roles.require(vault, "change_status")
    to_status = fields.choice(to_status, STATUSES, _("Status"))
    outcome = fields.choice(outcome, OUTCOMES, _("Outcome")) if outcome else None
    reason = fields.text(reason, _("The reason for the change"), required=True,
                         limit=fields.LONG, multiline=True)
    with vault.write():
        s = get_subject(vault, ref)
        rules.check_transition(s.status, to_status, outcome)
        add_status_change(vault, s, s.status, to_status, outcome, reason, now_iso())
        return _update(vault, s, {"status": to_status, "outcome": outcome}, "subject.status")


def set_side_state(vault, ref, *, suspended: bool | None = None,
                   restricted_duties: bool | None = None, reason: str = "") -> Subject:
    """Suspension and restricted duties sit beside the main status."""
    roles.require(vault, "change_status")
    reason = fields.text(reason, _("The reason for the change"), required=True,
                         limit=fields.LONG, multiline=True)
    values = {}
    if suspended is not None:
        values["suspended"] = int(bool(suspended))
    if restricted_duties is not None:
        values["restricted_duties"] = int(bool(restricted_duties))
    with vault.write():
        s = get_subject(vault, ref)
        label = ", ".join(f"{k}={'on' if v else 'off'}" for k, v in values.items())
        add_status_change(vault, s, s.status, s.status, None, f"{label}: {reason}", now_iso())
        return _update(vault, s, values, "subject.side_state")


def delete_subject(vault, ref, reason: str) -> None:
    roles.require(vault, "delete_subject")
    reason = fields.text(reason, _("The reason for deleting"), required=True, multiline=True)
    with vault.write():
        s = get_subject(vault, ref)
        from console.records import sealing
        sealing.forget_record(vault, s.id, s.ref)
        vault.conn.execute("DELETE FROM conflicts WHERE subject_id = ?", (s.id,))
        vault.conn.execute("DELETE FROM subjects WHERE id = ?", (s.id,))
        audit.append(vault, "subject.delete", "subject", s.ref,
                     before={"ref": s.ref, "status": s.status}, after={"reason": reason})


def set_imported_status(vault, subject: Subject, to_status: str, outcome: str | None,
                        reason: str) -> Subject:
    """Set a status directly, without the transition rules: only for migrating
    an existing register (the CSV import). Recorded in the status history and
    the audit chain like any other change."""
    roles.require(vault, "change_status")
    to_status = fields.choice(to_status, STATUSES, _("Status"))
    outcome = fields.choice(outcome, OUTCOMES, _("Outcome")) if outcome else None
    if (to_status == "closed") != bool(outcome):
        raise ValidationError(_("A closed case needs an outcome, and only a closed case has one."))
    with vault.write():
        s = get_subject(vault, subject.id, check=False)
        add_status_change(vault, s, s.status, to_status, outcome, reason, now_iso())
        return _update(vault, s, {"status": to_status, "outcome": outcome}, "subject.status")
