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

from collections import Counter

from console import clock
from console.audit import chain as audit
from console.audit import roles
from console.records import (
    access,
    intel,
    journal,
    measures,
    referrals,
    rules,
    sealed,
    subjects,
)
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
    today = clock.today().isoformat()
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


def _sealed_flags(head: sealed.Head, deadlines: tuple[str, str], today: str,
                  s: Subject) -> Flags:
    """A sealed record's flags, from its head (the rules of ``flags_for``)."""
    unref, unack = deadlines
    return Flags(
        unreferred=sum(1 for _i, d in head.unreferred if d < unref),
        unacknowledged=sum(1 for _i, d in head.unack if d < unack),
        overdue_review=bool(s.next_review and s.next_review.isoformat() < today
                            and s.status != "closed"),
        overdue_measures=sum(1 for _i, d in head.reviews if d < today))


_NAMES = [c.strip() for c in subjects.COLUMNS.split(",")]


def head_subject(head: sealed.Head) -> Subject:
    """The subject a sealed record's head describes (built once per head)."""
    if head.shown is None:
        head.shown = subjects.from_row(tuple(head.row.get(c) for c in _NAMES))
    return head.shown


def _deadlines(vault) -> tuple[str, str]:
    return (rules.deadline(vault.setting("unreferred_days")),
            rules.deadline(vault.setting("unacknowledged_days")))


def placeholder(sid: int, ref: str, band: str) -> RegisterRow:
    """The row a user barred from a subject sees: its reference and risk band."""
    stub = Subject(id=sid, ref=ref, name="(restricted)", status="", likelihood=0, impact=0,
                   residual_likelihood=0, residual_impact=0)
    return RegisterRow(stub, band, _NO_FLAGS, True)


def register_rows(vault, include_closed: bool = True) -> list[RegisterRow]:
    roles.require(vault, "view")
    barred = access.barred_ids(vault)
    st = sealed.store(vault)
    sealed_map = st.sealed()
    heads = st.heads() if sealed_map else {}
    sql = f"SELECT {subjects.COLUMNS} FROM main.subjects"
    if not include_closed:
        sql += " WHERE status != 'closed'"
    sql += " ORDER BY ref"
    maps = _flag_maps(vault)
    flagged = set().union(*maps)
    today = clock.today().isoformat()
    deadlines = _deadlines(vault) if heads else ("", "")
    rows = []
    named = access.restricted_to(vault)
    for r in vault.query(sql):
        if r[0] in sealed_map:       # a placeholder: the record is in its head, if held
            head = heads.get(r[0])
            if head is None or r[0] in barred:
                rows.append(placeholder(r[0], r[1], sealed_map[r[0]][1]))
                continue
            s = head_subject(head)
            if not include_closed and s.status == "closed":
                continue
            rows.append(RegisterRow(s, rules.rag(s.likelihood, s.impact),
                                    _sealed_flags(head, deadlines, today, s),
                                    restricted_to=named.get(s.id)))
            continue
        s = subjects.from_row(r)
        if s.id in barred:
            rows.append(placeholder(s.id, s.ref, rules.rag(s.likelihood, s.impact)))
            continue
        # Most rows have no flag: share one empty (frozen) Flags rather than
        # build one per row.
        flags = (flags_for(s, maps, today) if s.id in flagged or s.next_review
                 and s.next_review.isoformat() < today else _NO_FLAGS)
        rows.append(RegisterRow(s, rules.rag(s.likelihood, s.impact), flags,
                                restricted_to=named.get(s.id)))
    return rows


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
        "SELECT from_status, to_status, outcome, reason, by_user, at FROM "
        f"{subjects.schema_of(vault, s)}.status_changes WHERE subject_id = ? ORDER BY at, id",
        (s.id,)))
    today = clock.today().isoformat()
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
    from the detail lists, included in totals as bare numbers; a sealed
    record the user cannot open counts by its risk band only)."""
    roles.require(vault, "view")
    barred = access.barred_ids(vault)
    st = sealed.store(vault)
    sealed_map = st.sealed()
    open_heads = [h for sid, h in st.heads().items() if sid not in barred] if sealed_map else []
    by_status = {k: 0 for k in STATUSES.keys()}
    by_category = {k: 0 for k in CATEGORIES.keys()}
    by_rag = {"red": 0, "amber": 0, "green": 0}
    heat = [[0] * 5 for _ in range(5)]
    total = 0
    import json
    # Counted by group over a covering index (schema m004), a few hundred
    # groups rather than a Python loop over every subject; barred subjects
    # are then taken back out of everything but the total and risk bands.
    # Sealed records' placeholders (status "sealed") are counted from their
    # heads or bands below.
    groups = vault.query("SELECT status, likelihood, impact, count(*) FROM main.subjects "
                         "GROUP BY status, likelihood, impact")
    cat_groups = vault.query("SELECT categories, count(*) FROM main.subjects "
                             "GROUP BY categories")
    clear_barred = barred - set(sealed_map)
    hidden = vault.query(
        "SELECT status, likelihood, impact, categories FROM main.subjects WHERE id IN "
        "(SELECT value FROM json_each(?))", (json.dumps(sorted(clear_barred)),)
    ) if clear_barred else []
    shown_heads = [head_subject(h) for h in open_heads]
    opened = {h.sid for h in open_heads}
    for sid, (_ref, band, _v) in sealed_map.items():
        if sid not in opened:
            by_rag[band] = by_rag.get(band, 0) + 1
    for status, li, im, n in groups:
        total += n
        if status != "closed" and status != sealed.PLACEHOLDER_STATUS:
            by_rag[rules.rag(li, im)] += n
    extra = [(x.status, x.likelihood, x.impact, 1) for x in shown_heads]
    for status, li, im, n in groups + [(*h[:3], -1) for h in hidden] + extra:  # -1: barred
        if status == sealed.PLACEHOLDER_STATUS:
            continue
        by_status[status] = by_status.get(status, 0) + n
        if status != "closed":
            heat[li - 1][im - 1] += n
    for x in shown_heads:
        if x.status != "closed":
            by_rag[rules.rag(x.likelihood, x.impact)] += 1
    extra_cats = [(json.dumps(list(x.categories)), 1) for x in shown_heads]
    for cats, n in cat_groups + [(h[3], -1) for h in hidden] + extra_cats:
        for c in json.loads(cats or "[]"):
            by_category[c] = by_category.get(c, 0) + n
    by_status = {k: v for k, v in by_status.items() if v or k in STATUSES}
    by_category = {k: v for k, v in by_category.items() if v or k in CATEGORIES}
    unref_deadline, unack_deadline = _deadlines(vault)
    today = clock.today().isoformat()
    # Barred subjects are left out in SQL, so the rows come back already in
    # the shape the dashboard holds, with no Python pass over each one.
    hide = json.dumps(sorted(barred))
    unreferred = list(vault.query(
        "SELECT s.ref, u.report_id, u.received_on FROM main.unreferred_reports u JOIN "
        f"{_REF_BY_ID} ON s.id = u.subject_id WHERE u.received_on < ? AND u.subject_id "
        f"NOT IN {_HIDDEN} ORDER BY u.received_on", (unref_deadline, hide)))
    unack = list(vault.query(
        f"SELECT s.ref, f.id, f.referred_on FROM main.referrals f JOIN {_REF_BY_ID} ON "
        "s.id = f.subject_id WHERE f.acknowledged_on IS NULL AND f.referred_on < ? "
        f"AND f.subject_id NOT IN {_HIDDEN} ORDER BY f.referred_on", (unack_deadline, hide)))
    reviews = list(vault.query(
        "SELECT ref, next_review FROM main.subjects WHERE next_review < ? AND status != "
        f"'closed' AND id NOT IN {_HIDDEN} ORDER BY next_review", (today, hide)))
    measures_due = list(vault.query(
        f"SELECT s.ref, m.review_due FROM main.measures m JOIN {_REF_BY_ID} ON s.id = "
        "m.subject_id WHERE m.review_due < ? AND m.status != 'ended' AND m.subject_id "
        f"NOT IN {_HIDDEN} ORDER BY m.review_due", (today, hide)))
    if open_heads:
        for h, x in zip(open_heads, shown_heads):
            unreferred += [(h.ref, i, d) for i, d in h.unreferred if d < unref_deadline]
            unack += [(h.ref, i, d) for i, d in h.unack if d < unack_deadline]
            if x.next_review and x.next_review.isoformat() < today and x.status != "closed":
                reviews.append((h.ref, x.next_review.isoformat()))
            measures_due += [(h.ref, d) for _i, d in h.reviews if d < today]
        unreferred.sort(key=lambda r: r[2])
        unack.sort(key=lambda r: r[2])
        reviews.sort(key=lambda r: r[1])
        measures_due.sort(key=lambda r: r[1])
    overdue = [(ref, "subject", d) for ref, d in reviews]
    overdue += [(ref, "measure", d) for ref, d in measures_due]
    return Dashboard(total, by_status, by_category, by_rag,
                     tuple(tuple(r) for r in heat), tuple(tuple(r) for r in unreferred),
                     tuple(tuple(r) for r in unack), tuple(overdue))
