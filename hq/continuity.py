"""Does a full-register briefing's audit chain continue the ones HQ holds
from the same establishment?

Each briefing names the chain head (length and last hash) of every earlier
full-register briefing from its register. A new one continues what HQ holds
when the nearest held full-register briefing before it (by chain length)
appears in its history with the same head, and the nearest held one after it
(briefings may arrive out of order) names it with its own head. A register
restored from an old backup, rebuilt, or forked cannot produce such a file.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from hq.store import tables as t


def _brief(row) -> tuple[str, int, str]:
    return row.number, row.chain_entries, row.chain_head


def check(conn, establishment_id: int, doc: dict) -> str | None:
    """None when it continues; else what is wrong, as the end of a sentence."""
    b = t.briefings.c
    entries, head = doc["chain"]["entries"], doc["chain"]["head"]
    number = doc["briefing"]["number"]
    base = (select(b.number, b.chain_entries, b.chain_head, b.history)
            .where(b.establishment_id == establishment_id, b.full_register.is_(True)))
    same = conn.execute(base.where(b.chain_entries == entries)).first()
    if same is not None:
        return (f"its audit chain has the same length as briefing {same.number}'s but is not "
                "the same briefing, so the register was forked")
    before = conn.execute(base.where(b.chain_entries < entries)
                          .order_by(b.chain_entries.desc()).limit(1)).first()
    if before is not None:
        named = {h["number"]: (h["number"], h["chain"]["entries"], h["chain"]["head"])
                 for h in doc["full_register_history"]}
        if named.get(before.number) != _brief(before):
            return (f"its audit chain does not continue briefing {before.number}'s, the "
                    "previous full-register briefing held from this establishment")
    after = conn.execute(base.where(b.chain_entries > entries)
                         .order_by(b.chain_entries.asc()).limit(1)).first()
    if after is not None:
        later = {n: (n, e, h) for n, e, h in json.loads(after.history)}
        if later.get(number) != (number, entries, head):
            return (f"briefing {after.number}, already held, does not continue its audit "
                    "chain")
    return None
