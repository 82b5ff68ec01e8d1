"""Does a full-register briefing's audit chain continue the ones HQ holds
from the same establishment?

Each briefing names the chain head (length and last hash) of every earlier
full-register briefing from its register. A new one continues what HQ holds
when the nearest held full-register briefing before it (by chain length)
appears in its history with the same head, and the nearest held one after it
(briefings may arrive out of order) names it with its own head. A register
restored from an old backup, rebuilt, or forked cannot produce such a file.

Except when the briefing records the restore: its ``restores`` list (from the
governor-signed "restored to entry #N" entries of its chain, inside the
signed file) names the entry restored to and the head of the chain it
replaced. A held briefing whose chain lies on that replaced history (longer
than the entry restored to, no longer than the head replaced) is then set
aside rather than taken for a break, and the new briefing must continue
those that remain. A restore into a new folder replaced nothing and sets
nothing aside.
"""

from __future__ import annotations

import json

from sqlalchemy import bindparam, select

from hq.store import tables as t
from console.i18n import _


def _brief(row) -> tuple[str, int, str]:
    return row.number, row.chain_entries, row.chain_head


def _spans(doc: dict) -> list[tuple[int, int]]:
    """(entry restored to, entries of the head replaced) of each recorded restore."""
    return [(r["restored_to"], r["replaced"]["entries"]) for r in doc.get("restores") or ()
            if r.get("replaced")]


def _on(spans, entries: int) -> bool:
    """Does a chain of this length lie on a history a recorded restore replaced?"""
    return any(lo < entries <= hi for lo, hi in spans)


def _queries():
    """The held full-register briefings of establishment ``e`` whose chain is
    as long as ``n`` entries, the nearest shorter first, the nearest longer
    first; built once, since building them costs more than running them."""
    b = t.briefings.c
    base = (select(b.number, b.chain_entries, b.chain_head, b.history)
            .where(b.establishment_id == bindparam("e"), b.full_register.is_(True)))
    before = base.where(b.chain_entries < bindparam("n")).order_by(b.chain_entries.desc())
    after = base.where(b.chain_entries > bindparam("n")).order_by(b.chain_entries.asc())
    return (base.where(b.chain_entries == bindparam("n")).limit(1),
            (before, before.limit(1)), (after, after.limit(1)))


_SAME, _BEFORE, _AFTER = _queries()


def _nearest(conn, queries, params, spans):
    """The first held briefing of ``queries`` (all, the first) not on a
    replaced history."""
    every, first = queries
    if not spans:
        return conn.execute(first, params).first()
    for row in conn.execute(every, params):
        if not _on(spans, row.chain_entries):
            return row
    return None


def check(conn, establishment_id: int, doc: dict) -> str | None:
    """None when it continues; else what is wrong, as the end of a sentence."""
    entries, head = doc["chain"]["entries"], doc["chain"]["head"]
    number = doc["briefing"]["number"]
    spans = _spans(doc)
    params = {"e": establishment_id, "n": entries}
    same = conn.execute(_SAME, params).first()
    if same is not None and not _on(spans, same.chain_entries):
        return (_("its audit chain has the same length as briefing {number}'s but is not the "
                  "same briefing, so the register was forked").format(number=same.number))
    before = _nearest(conn, _BEFORE, params, spans)
    if before is not None:
        named = {h["number"]: (h["number"], h["chain"]["entries"], h["chain"]["head"])
                 for h in doc["full_register_history"]}
        if named.get(before.number) != _brief(before):
            return (_("its audit chain does not continue briefing {number}'s, the previous "
                      "full-register briefing held from this establishment").format(
                      number=before.number))
    after = _nearest(conn, _AFTER, params, spans)
    if after is not None:
        later = {n: (n, e, h) for n, e, h in json.loads(after.history)}
        if later.get(number) != (number, entries, head):
            return (_("briefing {number}, already held, does not continue its audit chain").format(
                      number=after.number))
    return None
