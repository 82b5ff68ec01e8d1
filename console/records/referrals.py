"""Referrals of a subject or a report to HQ counter-corruption, the police or
professional standards, with their acknowledgement, chase dates and outcome.
Recording a referral is the governor's decision."""

from __future__ import annotations


from console.audit import chain as audit
from console.audit import roles
from console.clock import now_iso
from console.errors import NotFound, ValidationError
from console.records import access, commands, fields, ids, rules, sealed, updates
from console.records.commands import REFERRAL_FOLLOW_UP, ReferralFields
from console.records.model import Referral
from console.i18n import N_, _

_COLUMNS = ("id, subject_id, report_id, target, referred_on, referred_by, reference, "
            "acknowledged_on, next_chase, outcome")


def _from_row(r, deadline: str) -> Referral:
    return Referral(
        id=r[0], subject_id=r[1], report_id=r[2], target=r[3],
        referred_on=fields.parse_date(r[4]), referred_by=r[5], reference=r[6],
        acknowledged_on=fields.parse_date(r[7]), next_chase=fields.parse_date(r[8]),
        outcome=r[9], unacknowledged_overdue=(r[7] is None and r[4] < deadline))


def add_referral(vault, ref, referral: ReferralFields) -> Referral:
    """Record a referral of the subject, or of one of its reports
    (``report_id``); acknowledgement and outcome come later."""
    roles.require(vault, "refer")
    v = referral.cleaned(creating=True, only=(
        "target", "referred_on", "reference", "report_id", "next_chase", "referred_by"))
    by = v["referred_by"] or vault.user.display_name
    report_id, on = v["report_id"], v["referred_on"].isoformat()
    with vault.write():
        sid = access.require_subject(vault, ref)
        schema = sealed.store(vault).schema_for(sid)
        if report_id is not None:
            row = vault.conn.execute(f"SELECT subject_id FROM {schema}.intel_reports WHERE "
                                     "id = ?", (report_id,)).fetchone()
            if row is None or row[0] != sid:
                raise ValidationError(_("That report does not belong to this subject."))
        cur = vault.conn.execute(
            f"INSERT INTO {schema}.referrals(id, subject_id, report_id, target, referred_on, "
            "referred_by, reference, next_chase, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (ids.new_id(vault, "referrals", schema), sid, report_id, v["target"], on, by,
             v["reference"], fields.iso(v["next_chase"]), now_iso()))
        rid = cur.lastrowid
        audit.append(vault, "referral.add", "subject",
                     access.subject_ref(vault, sid),
                     after={"referral_id": rid, "target": v["target"], "referred_on": on,
                            "reference": v["reference"], "report_id": report_id})
        return get_referral(vault, rid)


def update_referral(vault, referral_id: int, changes: ReferralFields) -> Referral:
    """Record what came back (the fields given in ``changes``: acknowledged
    on, next chase, outcome, reference); the rest stay."""
    roles.require(vault, "refer")
    values = changes.cleaned(creating=False, only=REFERRAL_FOLLOW_UP)
    values = commands.to_columns(values)
    with vault.write():
        old = get_referral(vault, referral_id)
        schema = sealed.store(vault).schema_for(old.subject_id)
        updates.audited_update(vault, f"{schema}.referrals", ("id", referral_id), values,
                               allowed=("id", *REFERRAL_FOLLOW_UP),
                               action="referral.update",
                               entity_id=access.subject_ref(vault, old.subject_id),
                               ident={"referral_id": referral_id})
        return get_referral(vault, referral_id)


MISSING = N_("That referral no longer exists.")


def get_referral(vault, referral_id: int) -> Referral:
    roles.require(vault, "view")
    schema, sid = sealed.locate(vault, "referrals", referral_id, MISSING)
    access.require_subject(vault, sid)
    rows = vault.query(f"SELECT {_COLUMNS} FROM {schema}.referrals WHERE id = ?",
                       (referral_id,))
    if not rows:
        raise NotFound(_(MISSING))
    return _from_row(rows[0], rules.deadline(vault.setting("unacknowledged_days")))


def referrals_for(vault, subject_id: int) -> list[Referral]:
    """A subject's referrals, newest first (only if the user may see the subject)."""
    roles.require(vault, "view")
    access.require_subject(vault, subject_id)
    schema = sealed.store(vault).schema_for(subject_id)
    deadline = rules.deadline(vault.setting("unacknowledged_days"))
    return [_from_row(r, deadline) for r in vault.query(
        f"SELECT {_COLUMNS} FROM {schema}.referrals WHERE subject_id = ? ORDER BY "
        "referred_on DESC, id DESC", (subject_id,))]
