"""``hq staff``: the same staff number in more than one establishment's
full-edition briefings (pseudonymised editions carry no staff numbers).

Staff numbers are compared trimmed and in capitals. Each appearance gives
the establishment, the subject's reference there, and the first and last
briefing times it was seen in.
"""

from __future__ import annotations

from sqlalchemy import func, select

from hq.store import tables as t


def overlaps(store) -> list[dict]:
    c = t.staff_seen.c
    with store.read() as conn:
        shared = select(c.staff_number).group_by(c.staff_number) \
            .having(func.count() > 1).subquery()
        rows = conn.execute(
            select(c.staff_number, t.establishments.c.label, c.last_ref, c.first_seen,
                   c.last_seen, c.last_number)
            .join(t.establishments)
            .where(c.staff_number.in_(select(shared.c.staff_number)))).all()
    # By code point, here: a server's collation would sort by its locale.
    rows.sort(key=lambda r: (r.staff_number, r.label))
    out: dict[str, list] = {}
    for r in rows:
        out.setdefault(r.staff_number, []).append(
            {"establishment": r.label, "ref": r.last_ref, "first_seen": r.first_seen,
             "last_seen": r.last_seen, "last_briefing": r.last_number})
    return [{"staff_number": k, "establishments": v} for k, v in out.items()]
