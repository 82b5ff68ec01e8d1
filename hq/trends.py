"""Monthly national figures over the last twelve months, from full-register
briefings: at each month's end, each establishment counts as its latest
full-register briefing made by then said (open subjects, red cases, reports
and referrals past HQ's deadlines when it was made), and is overdue when
that briefing is older than the ``overdue_days`` setting; plus how many
briefings of any kind were made in the month."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from hq.store import tables as t

SERIES = ("open_subjects", "red", "unreferred", "unacknowledged")


@dataclass(frozen=True)
class Month:
    label: str                  # 'YYYY-MM'
    end: str                    # UTC text of the month's last moment
    open_subjects: int
    red: int
    unreferred: int
    unacknowledged: int
    overdue: int
    briefings: int


def month_ends(now: dt.datetime, months: int = 12) -> list[tuple[str, dt.datetime]]:
    """(label, last moment) of the ``months`` months up to ``now``'s, oldest first."""
    out = []
    y, m = now.year, now.month
    for _ in range(months):
        first_next = dt.datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=dt.timezone.utc)
        end = min(first_next - dt.timedelta(microseconds=1), now)
        out.append((f"{y:04d}-{m:02d}", end))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return list(reversed(out))


def monthly(store, now: dt.datetime, months: int = 12) -> list[Month]:
    overdue_days = int(store.setting("overdue_days"))
    b = t.briefings.c
    with store.read() as conn:
        full = conn.execute(select(b.establishment_id, b.generated_at, b.open_subjects, b.red,
                                   b.unreferred, b.unacknowledged)
                            .where(b.full_register.is_(True))
                            .order_by(b.establishment_id, b.generated_at)).all()
        made = sorted(conn.execute(select(b.generated_at)).scalars().all())
        establishments = conn.execute(select(t.establishments.c.id)).scalars().all()
    per: dict[int, list] = {}
    for r in full:
        per.setdefault(r.establishment_id, []).append(r)
    times = {k: [r.generated_at for r in v] for k, v in per.items()}
    out = []
    for label, end in month_ends(now, months):
        stamp = end.strftime("%Y-%m-%dT%H:%M:%SZ")
        sums = dict.fromkeys(SERIES, 0)
        overdue = 0
        for est in establishments:
            i = bisect.bisect_right(times.get(est, []), stamp) - 1
            if i < 0:
                overdue += 1
                continue
            row = per[est][i]
            for k in SERIES:
                sums[k] += getattr(row, k)
            made_on = dt.date.fromisoformat(row.generated_at[:10])
            if (end.date() - made_on).days > overdue_days:
                overdue += 1
        start = label + "-01"
        count = bisect.bisect_right(made, stamp) - bisect.bisect_left(made, start)
        out.append(Month(label, stamp, overdue=overdue, briefings=count, **sums))
    return out
