"""Which subjects a user may see, decided from the signed chain: what a
replica made for that user carries, and what an operation they signed may
touch when it is taken in at the governor's vault.

The rules are the services' (``console.audit.visibility``,
``console.records.sealing.entitled``), applied to a named user rather than
the one signed in:
- a restricted record (sealed or not yet sealed): only the users the chain
  entitles to its key (``sealing.holdings`` for the sealed ones), so a
  restricted record never reaches the replica of a user off its list;
- any record whose staff number is the user's: never, unless a governor
  lifted that bar in the chain (a conflict of interest);
- every other record: yes.

Runs in the governor's session, which holds every record's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.audit.current import now
from console.records import sealed, sealing


@dataclass(frozen=True)
class Visible:
    ids: frozenset[int]          # subject ids the user may see
    refs: frozenset[str]
    hidden: frozenset[int]       # every other subject id
    holds_fulltext: bool


def for_user(vault, user: str) -> Visible:
    state = now(vault)
    member = state.member(user)
    sn_user = ((member.staff_number if member else "") or "").strip()
    st = sealed.store(vault)
    holdings = sealing.holdings(vault, user)
    held = {h.subject_id for h in holdings if h.subject_id is not None}
    fulltext = any(h.subject_id is None for h in holdings)
    heads = st.heads() if st.sealed() else {}
    seen, refs, hidden = set(), set(), set()
    for sid, ref, sn in vault.query("SELECT id, ref, staff_number FROM main.subjects"):
        if sid in st.sealed():
            ok = sid in held
        else:
            sn = (sn or "").strip()
            if ref in state.restrictions:
                ok = user in sealing.entitled(state, ref, sn)
            else:
                ok = not (sn_user and sn == sn_user and not state.lifted(user, ref, sn))
        if ok and sid in heads:    # a sealed record held: its own staff number decides too
            hsn = (heads[sid].row.get("staff_number") or "").strip()
            ok = not (sn_user and hsn == sn_user and not state.lifted(user, ref, hsn))
        (seen if ok else hidden).add(sid)
        if ok:
            refs.add(ref)
    return Visible(frozenset(seen), frozenset(refs), frozenset(hidden), fulltext)


def may_see(vault, user: str, ref: str) -> bool:
    return ref in for_user(vault, user).refs
