"""Referrals of a subject or a report to HQ counter-corruption, the police or
professional standards, with their acknowledgement, chase dates and outcome.
Recording a referral is the governor's decision."""

from __future__ import annotations

import datetime as dt

from console.audit import chain as audit
from console.audit import roles
from console.clock import now_iso
from console.errors import NotFound, ValidationError
from console.records import access, fields, rules, updates
from console.records.model import REFERRAL_TARGETS, Referral

_COLUMNS = ("id, subject_id, report_id, target, referred_on, referred_by, reference, "
            "acknowledged_on, next_chase, outcome")


def _from_row(r, deadline: str) -> Referral:
    return Referral(
        id=r[0], subject_id=r[1], report_id=r[2], target=r[3],
        referred_on=fields.parse_date(r[4]), referred_by=r[5], reference=r[6],
        acknowledged_on=fields.parse_date(r[7]), next_chase=fields.parse_date(r[8]),
        outcome=r[9], unacknowledged_overdue=(r[7] is None and r[4] < deadline))


def add_referral(vault, ref, *, target: str, referred_on, reference: str = "",
                 report_id: int | None = None, next_chase=None, referred_by: str = ""
                 ) -> Referral:
    roles.require(vault, "refer")
    target = fields.choice(target, REFERRAL_TARGETS, "Referred to")
    on = fields.date(referred_on, "Date referred", required=True)
    _not_future(on, "Date referred")
    chase = fields.date(next_chase, "Next chase date")
    reference = fields.text(reference, "Reference").strip()
    by = fields.text(referred_by, "Referred by").strip() or vault.user.display_name
    with vault.write():
        sid = access.require_subject(vault, ref)
        if report_id is not None:
            row = vault.conn.execute("SELECT subject_id FROM intel_reports WHERE id = ?",
                                     (report_id,)).fetchone()
            if row is None or row[0] != sid:
                raise ValidationError("That report does not belong to this subject.")
        cur = vault.conn.execute(
            "INSERT INTO referrals(subject_id, report_id, target, referred_on, referred_by, "
            "reference, next_chase, created_at) VALUES (?,?,?,?,?,?,?,?)",
            (sid, report_id, target, on.isoformat(), by, reference, fields.iso(chase),
             now_iso()))
        rid = cur.lastrowid
        audit.append(vault, "referral.add", "subject",
                     access.subject_ref(vault, sid),
                     after={"referral_id": rid, "target": target, "referred_on": on.isoformat(),
                            "reference": reference, "report_id": report_id})
        return get_referral(vault, rid)


def update_referral(vault, referral_id: int, *, acknowledged_on=..., next_chase=...,
                    outcome=..., reference=...) -> Referral:
    roles.require(vault, "refer")
    values = {}
    if acknowledged_on is not ...:
        acknowledged = fields.date(acknowledged_on, "Date acknowledged")
        _not_future(acknowledged, "Date acknowledged")
        values["acknowledged_on"] = fields.iso(acknowledged)
    if next_chase is not ...:
        values["next_chase"] = fields.iso(fields.date(next_chase, "Next chase date"))
    if outcome is not ...:
        values["outcome"] = fields.text(outcome, "Outcome", limit=20_000, multiline=True)
    if reference is not ...:
        values["reference"] = fields.text(reference, "Reference").strip()
    with vault.write():
        old = get_referral(vault, referral_id)
        updates.audited_update(vault, "referrals", ("id", referral_id), values,
                               allowed=("id", "acknowledged_on", "next_chase", "outcome",
                                        "reference"),
                               action="referral.update",
                               entity_id=access.subject_ref(vault, old.subject_id),
                               ident={"referral_id": referral_id})
        return get_referral(vault, referral_id)


def _not_future(day, label: str) -> None:
    # A referral dated ahead would count its reports as referred, and clear
    # the flags the governor relies on, before anything was sent.
    if day is not None and day > dt.date.today():
        raise ValidationError(f"{label} cannot be in the future.")




def get_referral(vault, referral_id: int) -> Referral:
    roles.require(vault, "view")
    rows = vault.query(f"SELECT {_COLUMNS} FROM referrals WHERE id = ?", (referral_id,))
    if not rows:
        raise NotFound("That referral no longer exists.")
    access.require_subject(vault, rows[0][1])
    return _from_row(rows[0], rules.deadline(vault.setting("unacknowledged_days")))


def referrals_for(vault, subject_id: int) -> list[Referral]:
    """A subject's referrals, newest first (only if the user may see the subject)."""
    roles.require(vault, "view")
    access.require_subject(vault, subject_id)
    deadline = rules.deadline(vault.setting("unacknowledged_days"))
    return [_from_row(r, deadline) for r in vault.query(
        f"SELECT {_COLUMNS} FROM referrals WHERE subject_id = ? ORDER BY referred_on DESC, "
        "id DESC", (subject_id,))]
