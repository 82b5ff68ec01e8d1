"""``hq status``: the national picture, per establishment and in total.

For each establishment: its last briefing and that briefing's age; whether
it is overdue (its last full-register briefing older than the
``overdue_days`` setting, or none yet); from its last full-register
briefing, open subjects, red cases, reports still unreferred past HQ's
deadline and referrals unacknowledged past HQ's deadline, both judged as of
``now``; continuity (broken when a briefing was refused for not continuing
the chain after the last one held) and full-register briefings its own
history names that HQ never received.

Everything is computed from ``now`` and the stored data alone, with
integers and text only, so two stores holding the same briefings give the
same answer byte for byte.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, select

from console.clock import utcnow
from hq.store import tables as t
from hq.times import days_before, parse


def _age(now: dt.datetime, generated_at: str) -> int:
    return (now.date() - parse(generated_at).date()).days


def _latest(conn, column, full_only: bool):
    """The latest briefing of each establishment by ``column``: one probe of
    the (establishment, ...) index per establishment, on both stores."""
    b = t.briefings
    inner = b.alias("inner")
    pick = select(inner.c.id).where(inner.c.establishment_id == t.establishments.c.id)
    if full_only:
        pick = pick.where(inner.c.full_register.is_(True))
    pick = pick.order_by(inner.c[column.name].desc(), inner.c.id.desc()).limit(1) \
        .correlate(t.establishments)
    ids = select(pick.scalar_subquery()).select_from(t.establishments)
    return {r.establishment_id: r for r in conn.execute(select(b).where(b.c.id.in_(ids)))}


def status(store, now: dt.datetime | None = None) -> dict:
    now = now or utcnow()
    settings = store.settings()
    overdue_days = int(settings["overdue_days"])
    unref_deadline = days_before(now.date(), settings["unreferred_days"])
    unack_deadline = days_before(now.date(), settings["unacknowledged_days"])
    b = t.briefings.c
    with store.read() as conn:
        ests = conn.execute(
            select(t.establishments, t.certificates.c.fingerprint)
            .outerjoin(t.certificates, and_(
                t.certificates.c.establishment_id == t.establishments.c.id,
                t.certificates.c.replaced_at.is_(None)))).all()
        # By code point, here: a server's collation would sort by its locale.
        ests.sort(key=lambda r: r.label)
        last_any = _latest(conn, b.generated_at, False)
        last_full = _latest(conn, b.chain_entries, True)
        held = dict(conn.execute(select(b.establishment_id, func.count())
                                 .group_by(b.establishment_id)).all())
        held_full = dict(conn.execute(select(b.establishment_id, func.count())
                                      .where(b.full_register.is_(True))
                                      .group_by(b.establishment_id)).all())
        ids = [r.id for r in last_full.values()]
        r, f = t.reports.c, t.referrals.c
        unref = dict(conn.execute(
            select(r.briefing_id, func.count()).where(
                r.briefing_id.in_(ids), r.referred.is_(False), r.received_on < unref_deadline)
            .group_by(r.briefing_id)).all()) if ids else {}
        unack = dict(conn.execute(
            select(f.briefing_id, func.count()).where(
                f.briefing_id.in_(ids), f.acknowledged_on.is_(None),
                f.referred_on < unack_deadline)
            .group_by(f.briefing_id)).all()) if ids else {}
        rf = t.refusals.c
        refused = dict(conn.execute(select(rf.establishment_id, func.count())
                                    .where(rf.establishment_id.is_not(None))
                                    .group_by(rf.establishment_id)).all())
        breaks = dict(conn.execute(select(rf.establishment_id, func.max(rf.at))
                                   .where(rf.kind == "discontinuous")
                                   .group_by(rf.establishment_id)).all())
    out = []
    for e in ests:
        any_ = last_any.get(e.id)
        full = last_full.get(e.id)
        brk = breaks.get(e.id)
        if brk is not None and (full is None or brk >= full.received_at):
            cont = "broken"
        else:
            cont = "intact" if full is not None else "none yet"
        out.append({
            "establishment": e.label,
            "vault_id": e.vault_id,
            "certificate_sha256": e.fingerprint,
            "last_briefing": None if any_ is None else {
                "number": any_.number, "edition": any_.edition, "scope": any_.scope,
                "generated_at": any_.generated_at, "age_days": _age(now, any_.generated_at)},
            "last_full_register": None if full is None else {
                "number": full.number, "generated_at": full.generated_at,
                "age_days": _age(now, full.generated_at)},
            "overdue": full is None or _age(now, full.generated_at) > overdue_days,
            "open_subjects": full.open_subjects if full else 0,
            "red_cases": full.red if full else 0,
            "unreferred_past_deadline": unref.get(full.id, 0) if full else 0,
            "unacknowledged_past_deadline": unack.get(full.id, 0) if full else 0,
            "continuity": cont,
            "missing_full_register": max(0, full.earlier_full - (held_full.get(e.id, 0) - 1))
            if full else 0,
            "briefings_held": held.get(e.id, 0),
            "refused": refused.get(e.id, 0),
        })
    national = {
        "establishments": len(out),
        "overdue": sum(1 for x in out if x["overdue"]),
        "continuity_broken": sum(1 for x in out if x["continuity"] == "broken"),
        "open_subjects": sum(x["open_subjects"] for x in out),
        "red_cases": sum(x["red_cases"] for x in out),
        "unreferred_past_deadline": sum(x["unreferred_past_deadline"] for x in out),
        "unacknowledged_past_deadline": sum(x["unacknowledged_past_deadline"] for x in out),
        "briefings_held": sum(x["briefings_held"] for x in out),
    }
    return {"as_of": now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "settings": {k: int(settings[k]) for k in
                         ("overdue_days", "unreferred_days", "unacknowledged_days")},
            "establishments": out, "national": national}


def national_heat(store) -> tuple[tuple[int, ...], ...]:
    """Open subjects by likelihood (rows) and impact (columns), from every
    establishment's latest full-register briefing: heat[l-1][i-1]."""
    s = t.subjects.c
    with store.read() as conn:
        ids = [r.id for r in _latest(conn, t.briefings.c.chain_entries, True).values()]
        rows = conn.execute(select(s.likelihood, s.impact, func.count())
                            .where(s.briefing_id.in_(ids), s.open.is_(True))
                            .group_by(s.likelihood, s.impact)).all() if ids else []
    grid = [[0] * 5 for _ in range(5)]
    for li, im, n in rows:
        grid[li - 1][im - 1] = n
    return tuple(tuple(r) for r in grid)


def history(store, label: str) -> dict:
    """One establishment's briefings (newest first) and refused files."""
    b, rf = t.briefings.c, t.refusals.c
    with store.read() as conn:
        est = conn.execute(select(t.establishments.c.id)
                           .where(t.establishments.c.label == label)).first()
        if est is None:
            return {"briefings": [], "refusals": []}
        briefs = conn.execute(select(b.number, b.edition, b.scope, b.generated_at,
                                     b.chain_entries, b.subjects, b.open_subjects, b.red,
                                     b.unreferred, b.received_at)
                              .where(b.establishment_id == est.id)
                              .order_by(b.generated_at.desc(), b.id.desc())).all()
        refused = conn.execute(select(rf.at, rf.file_name, rf.kind, rf.sentence)
                               .where(rf.establishment_id == est.id)
                               .order_by(rf.at.desc())).all()
    return {"briefings": [dict(r._mapping) for r in briefs],
            "refusals": [dict(r._mapping) for r in refused]}
