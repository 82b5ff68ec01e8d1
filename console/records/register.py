"""Read side of the register: the list of subjects with their risk and flags,
one subject's full record, and the dashboard counts.

Flags are found with one query per kind over a small index of the rows that
can be overdue (schema m004), never one query per subject, so the register
and dashboard stay fast at 100,000 subjects (figures: docs/performance.md).
Subjects the user is barred from are shown only as a placeholder (reference
and risk band) and are never counted in detail; a governor's rows and records
say who a restricted record is open to.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from console.audit import chain as audit
from console.audit import roles
from console.records import access, intel, journal, measures, referrals, rules, subjects
from console.records.model import (
    CATEGORIES,
    STATUSES,
    Dashboard,
    Flags,
    RegisterRow,
    StatusChange,
    Subject,
    SubjectRecord,
)


def _flag_maps(vault) -> tuple[dict, dict, dict]:
    today = dt.date.today().isoformat()
    unref_deadline = rules.deadline(vault.setting("unreferred_days"))
    unack_deadline = rules.deadline(vault.setting("unacknowledged_days"))
    # Each query reads one small covering index of the rows that can be
    # overdue (schema m004); unreferred_reports holds only the reports no
    # referral covers, kept by triggers, instead of an EXISTS per report.
    # Counted here, not by GROUP BY: SQLCipher's memory security makes every
    # allocation a system call, and each group allocates (ten times slower at
    # 100,000 subjects).
    unreferred = _count(vault.query(
        "SELECT subject_id FROM unreferred_reports WHERE received_on < ?", (unref_deadline,)))
    unack = _count(vault.query(
        "SELECT subject_id FROM referrals WHERE acknowledged_on IS NULL AND "
        "referred_on < ?", (unack_deadline,)))
    overdue_m = _count(vault.query(
        "SELECT subject_id FROM measures WHERE review_due IS NOT NULL AND "
        "review_due < ? AND status != 'ended'", (today,)))
    return unreferred, unack, overdue_m


def _count(rows) -> dict:
    return dict(Counter(r[0] for r in rows))


def flags_for(s: Subject, maps, today: str) -> Flags:
    unreferred, unack, overdue_m = maps
    return Flags(
        unreferred=unreferred.get(s.id, 0), unacknowledged=unack.get(s.id, 0),
        overdue_review=bool(s.next_review and s.next_review.isoformat() < today
                            and s.status != "closed"),
        overdue_measures=overdue_m.get(s.id, 0))


_NO_FLAGS = Flags()


def register_rows(vault, include_closed: bool = True) -> list[RegisterRow]:
    roles.require(vault, "view")
    barred = access.barred_ids(vault)
    sql = f"SELECT {subjects.COLUMNS} FROM subjects"
    if not include_closed:
        sql += " WHERE status != 'closed'"
    sql += " ORDER BY ref"
    maps = _flag_maps(vault)
    flagged = set().union(*maps)
    today = dt.date.today().isoformat()
    rows = []
    named = access.restricted_to(vault)
    for r in vault.query(sql):
        s = subjects.from_row(r)
        if s.id in barred:
            rows.append(placeholder(s))
            continue
        # Most rows have no flag: share one empty (frozen) Flags rather than
        # build one per row.
        flags = (flags_for(s, maps, today) if s.id in flagged or s.next_review
                 and s.next_review.isoformat() < today else _NO_FLAGS)
        rows.append(RegisterRow(s, rules.rag(s.likelihood, s.impact), flags,
                                restricted_to=named.get(s.id)))
    return rows


def placeholder(s: Subject) -> RegisterRow:
    """The row a user barred from ``s`` sees: its reference and risk band."""
    stub = Subject(id=s.id, ref=s.ref, name="(restricted)", status="", likelihood=0,
                   impact=0, residual_likelihood=0, residual_impact=0)
    return RegisterRow(stub, rules.rag(s.likelihood, s.impact), _NO_FLAGS, True)


def subject_record(vault, ref, reason="case review", detail: str = "", *,
                   journaled: bool = True) -> SubjectRecord:
    """Everything held about one subject; opening it is journaled with the
    reason given (see ``journal``). ``journaled=False`` only for a caller that
    journals the read itself, e.g. an export's single disclosure entry."""
    s = subjects.get_subject(vault, ref)
    if journaled:
        journal.record_view(vault, s.ref, reason, detail)
    reports = intel.reports_for(vault, s.id)
    refs = referrals.referrals_for(vault, s.id)
    ms = measures.measures_for(vault, s.id)
    history = tuple(StatusChange(*r) for r in vault.query(
        "SELECT from_status, to_status, outcome, reason, by_user, at FROM status_changes "
        "WHERE subject_id = ? ORDER BY at, id", (s.id,)))
    today = dt.date.today().isoformat()
    flags = Flags(
        unreferred=sum(1 for r in reports if r.unreferred_overdue),
        unacknowledged=sum(1 for r in refs if r.unacknowledged_overdue),
        overdue_review=bool(s.next_review and s.next_review.isoformat() < today
                            and s.status != "closed"),
        overdue_measures=sum(1 for m in ms if m.overdue))
    return SubjectRecord(s, rules.rag(s.likelihood, s.impact),
                         rules.rag(s.residual_likelihood, s.residual_impact), flags,
                         tuple(reports), tuple(refs), tuple(ms), history,
                         access.restricted_to(vault, s.id).get(s.id))


def subject_history(vault, ref) -> list:
    s = subjects.get_subject(vault, ref)
    return audit.entries(vault, entity="subject", entity_id=s.ref)


# A subject's reference by id from a narrow index (schema m004): the planner
# would otherwise fetch each subject's whole row, notes and all, which at
# 100,000 subjects made each overdue list ten times slower.
_REF_BY_ID = "subjects s INDEXED BY idx_subjects_id_ref"
_HIDDEN = "(SELECT value FROM json_each(?))"


def dashboard(vault) -> Dashboard:
    """Counts for the dashboard and briefing summary (barred subjects excluded
    from the detail lists, included in totals as bare numbers)."""
    roles.require(vault, "view")
    barred = access.barred_ids(vault)
    by_status = {k: 0 for k in STATUSES.keys()}
    by_category = {k: 0 for k in CATEGORIES.keys()}
    by_rag = {"red": 0, "amber": 0, "green": 0}
    heat = [[0] * 5 for _ in range(5)]
    total = 0
    import json
    # Counted by group over a covering index (schema m004), a few hundred
    # groups rather than a Python loop over every subject; barred subjects
    # are then taken back out of everything but the total and risk bands.
    groups = vault.query("SELECT status, likelihood, impact, count(*) FROM subjects "
                         "GROUP BY status, likelihood, impact")
    cat_groups = vault.query("SELECT categories, count(*) FROM subjects GROUP BY categories")
    hidden = vault.query(
        "SELECT status, likelihood, impact, categories FROM subjects WHERE id IN "
        "(SELECT value FROM json_each(?))", (json.dumps(sorted(barred)),)) if barred else []
    for status, li, im, n in groups:
        total += n
        if status != "closed":
            by_rag[rules.rag(li, im)] += n
    for status, li, im, n in groups + [(*h[:3], -1) for h in hidden]:  # -1: barred
        by_status[status] = by_status.get(status, 0) + n
        if status != "closed":
            heat[li - 1][im - 1] += n
    for cats, n in cat_groups + [(h[3], -1) for h in hidden]:
        for c in json.loads(cats or "[]"):
            by_category[c] = by_category.get(c, 0) + n
    by_status = {k: v for k, v in by_status.items() if v or k in STATUSES}
    by_category = {k: v for k, v in by_category.items() if v or k in CATEGORIES}
    unref_deadline = rules.deadline(vault.setting("unreferred_days"))
    unack_deadline = rules.deadline(vault.setting("unacknowledged_days"))
    today = dt.date.today().isoformat()
    # Barred subjects are left out in SQL, so the rows come back already in
    # the shape the dashboard holds, with no Python pass over each one.
    hide = json.dumps(sorted(barred))
    unreferred = tuple(vault.query(
        "SELECT s.ref, u.report_id, u.received_on FROM unreferred_reports u JOIN "
        f"{_REF_BY_ID} ON s.id = u.subject_id WHERE u.received_on < ? AND u.subject_id "
        f"NOT IN {_HIDDEN} ORDER BY u.received_on", (unref_deadline, hide)))
    unack = tuple(vault.query(
        f"SELECT s.ref, f.id, f.referred_on FROM referrals f JOIN {_REF_BY_ID} ON "
        "s.id = f.subject_id WHERE f.acknowledged_on IS NULL AND f.referred_on < ? "
        f"AND f.subject_id NOT IN {_HIDDEN} ORDER BY f.referred_on", (unack_deadline, hide)))
    overdue = [(ref, f"subject review due {d}") for ref, d in vault.query(
        "SELECT ref, next_review FROM subjects WHERE next_review < ? AND status != "
        f"'closed' AND id NOT IN {_HIDDEN} ORDER BY next_review", (today, hide))]
    overdue += [(ref, f"measure review due {d}") for ref, d in vault.query(
        f"SELECT s.ref, m.review_due FROM measures m JOIN {_REF_BY_ID} ON s.id = "
        "m.subject_id WHERE m.review_due < ? AND m.status != 'ended' AND m.subject_id "
        f"NOT IN {_HIDDEN} ORDER BY m.review_due", (today, hide))]
    return Dashboard(total, by_status, by_category, by_rag,
                     tuple(tuple(r) for r in heat), unreferred, unack, tuple(overdue))
