"""Sealing a restricted record, unsealing it, rekeying, and keeping who holds
which key in step with the authority in the signed chain.

Who is entitled to a key (``entitled``) follows the chain only:
- a restricted record: every active user named on it, and every active
  governor, except a user whose staff number is the record's (a conflict of
  interest the chain has not lifted), whatever their role;
- the full-text key: every active user whose role may read full text.

``reconcile`` (a governor's, after any change of users, roles, lists or
bars, and when their session opens) wraps each key to the entitled users
who lack it, and gives a record a new key when anyone holding the current
one is no longer entitled, so keys seen before open nothing written after.

Every change here is one or more chain entries (``keys.seal``,
``keys.rekey``, ``keys.unseal``) in the same write as the rows it changes,
signed by a governor; each carries the new key's commitment, and sealing
or unsealing also attests the new form of the record's earlier audit
details (``console.audit.payloads``).

``holdings(vault, user)`` answers "which records and keys may this user
hold", for a replica built for that user.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.audit import chain as audit
from console.audit import payloads, roles, sealing_keys
from console.audit.authority import FULLTEXT, State
from console.audit.current import now
from console.errors import PermissionDenied
from console.records import fulltext, ids, sealed
from console.records.rules import rag
from console.records.sealed import BODY_TABLES, MIRROR, REFUSED
from console.i18n import _

_PLACEHOLDER = {
    "name": "", "staff_number": "", "role": "", "location": "", "employment_type": "",
    "start_date": None, "categories": "[]", "status": sealed.PLACEHOLDER_STATUS,
    "outcome": None, "suspended": 0, "restricted_duties": 0, "likelihood": 1, "impact": 1,
    "residual_likelihood": 1, "residual_impact": 1, "owner": "", "next_review": None,
    "notes": "", "created_at": "", "updated_at": ""}


# -- entitlement ---------------------------------------------------------------------------

def entitled(state: State, scope: str, staff_number: str = "") -> set[str]:
    """The users the chain entitles to ``scope``'s key."""
    active = {n: m for n, m in state.active().items() if m.slot}
    if scope == FULLTEXT:
        return {n for n, m in active.items() if roles.allowed(m.role, "read_full_text")}
    item = state.restrictions.get(scope)
    named = set(item[0]) if item else set()
    sn = (staff_number or "").strip()
    return {n for n, m in active.items()
            if (m.role == roles.GOVERNOR or n in named)
            and not (sn and (m.staff_number or "").strip() == sn
                     and not state.lifted(n, scope, sn))}


class Wraps:
    """Keys to wrap, gathered per user and wrapped in one batch each."""

    def __init__(self, vault, state: State):
        self.vault, self.state = vault, state
        self.todo: dict[str, dict[str, tuple[int, bytes]]] = {}

    def add(self, users, scope: str, version: int, key: bytes) -> None:
        for u in users:
            self.todo.setdefault(u, {})[scope] = (version, key)

    def flush(self) -> None:
        conn, vid = self.vault.conn, self.vault.vault_id
        for user, keys in sorted(self.todo.items()):
            m = self.state.users.get(user)
            if m is not None and m.active and m.slot:
                sealing_keys.wrap(conn, vid, user, m.slot, keys)
        self.todo = {}


def _commit_key(vault, scope: str, version: int, key: bytes, users: set[str],
                wraps: Wraps) -> None:
    ring = sealing_keys.keyring(vault)
    if vault.user.name in users:
        ring.put(scope, version, key)
    else:
        ring.drop(scope)
    wraps.add(users, scope, version, key)


def _entry(vault, action: str, scope: str, after: dict) -> None:
    if scope == FULLTEXT:
        audit.append(vault, action, "vault", FULLTEXT, after=after)
    else:
        audit.append(vault, action, "subject", scope, after=after)


# -- sealing and unsealing a record --------------------------------------------------------

def _ref(vault, sid: int) -> str:
    return vault.conn.execute("SELECT ref FROM main.subjects WHERE id = ?", (sid,)).fetchone()[0]


def _reform(vault, ref: str, seal_with: tuple[int, bytes] | None) -> dict[str, str]:
    """Put the details of every entry about ``ref`` that ``payloads`` seals
    into sealed form (``seal_with``) or back into clear (None). Returns
    {entry: hash of the new stored form}."""
    conn, vid = vault.conn, vault.vault_id
    ring = sealing_keys.keyring(vault)
    forms: dict[str, str] = {}
    for seq, action, salt, before, after in conn.execute(
            "SELECT a.seq, a.action, p.salt, p.before, p.after FROM audit a JOIN audit_payload "
            "p ON p.seq = a.seq WHERE a.entity = 'subject' AND a.entity_id = ? ORDER BY a.seq",
            (ref,)).fetchall():
        if not payloads.sealable("subject", action):
            continue
        if seal_with is not None:
            if payloads.is_sealed(after):
                continue
            new = payloads.seal(vid, ref, seq, seal_with[0], seal_with[1], bytes(salt),
                                before, after)
        else:
            if not payloads.is_sealed(after):
                continue
            new = payloads.open_sealed(vid, ref, seq, after,
                                       lambda v: ring.version(conn, ref, v))
            if new is None:
                raise PermissionDenied(_(REFUSED))
        conn.execute("UPDATE audit_payload SET salt = ?, before = ?, after = ? WHERE seq = ?",
                     (new[0], new[1], new[2], seq))
        forms[str(seq)] = payloads.stored_hash(*new)
    return forms


def seal(vault, sid: int, wraps: Wraps | None = None) -> None:
    """Seal restricted record ``sid`` (call inside a write, after the
    restriction is in the chain). Its rows leave the clear tables."""
    conn = vault.conn
    ref = _ref(vault, sid)
    state = now(vault)
    head = sealed.head_of(conn, "main", sid, ref, 1)
    body = sealed.body_of(conn, "main", sid)
    users = entitled(state, ref, head.row["staff_number"])
    if vault.user.name not in users:
        raise PermissionDenied(_(REFUSED))
    key = sealing_keys.new_key()
    vid = vault.vault_id
    for table in BODY_TABLES:
        if table != "conflicts":
            ids.raise_floor(conn, table, max((r["id"] for r in body[table]), default=0))
    conn.execute("DELETE FROM main.measure_log WHERE measure_id IN (SELECT id FROM "
                 "main.measures WHERE subject_id = ?)", (sid,))
    for table in ("measures", "referrals", "intel_reports", "status_changes", "conflicts"):
        conn.execute(f"DELETE FROM main.{table} WHERE subject_id = ?", (sid,))
    conn.execute(f"UPDATE main.subjects SET {', '.join(f'{c} = ?' for c in _PLACEHOLDER)} "
                 "WHERE id = ?", [*_PLACEHOLDER.values(), sid])
    conn.execute("INSERT INTO main.sealed_records(subject_id, band, version, body) "
                 "VALUES (?, ?, 1, x'')", (sid, rag(head.row["likelihood"], head.row["impact"])))
    sealed.write_blobs(conn, vid, sid, ref, 1, key, head.to_json(), body)
    own = wraps is None
    wraps = wraps or Wraps(vault, state)
    _commit_key(vault, ref, 1, key, users, wraps)
    forms = _reform(vault, ref, (1, key))
    _entry(vault, "keys.seal", ref, {"version": 1, "commitment": sealing_keys.commitment(
        vid, ref, 1, key), "forms": forms})
    if own:
        wraps.flush()
    sealed.store(vault).changed()


def unseal(vault, sid: int) -> None:
    """Put record ``sid`` back into the clear tables (call inside a write,
    before the restriction is lifted in the chain)."""
    st = sealed.store(vault)
    if sid not in st.sealed():
        return
    if st.schema_for(sid) != MIRROR:      # loads it; PermissionDenied if not held
        raise PermissionDenied(_(REFUSED))
    conn = vault.conn
    ref = _ref(vault, sid)
    row = sealed.subject_row(conn, MIRROR, sid)
    body = sealed.body_of(conn, MIRROR, sid)
    st.forget(sid)
    cols = [c for c in row if c != "id"]
    conn.execute(f"UPDATE main.subjects SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                 [*(row[c] for c in cols), sid])
    for table in BODY_TABLES:
        sealed.insert_rows(conn, "main", table, body[table])
    forms = _reform(vault, ref, None)
    conn.execute("DELETE FROM main.sealed_records WHERE subject_id = ?", (sid,))
    conn.execute("DELETE FROM main.sealed_heads WHERE subject_id = ?", (sid,))
    conn.execute("DELETE FROM sealing_keys WHERE scope = ?", (ref,))
    conn.execute("DELETE FROM sealing_history WHERE scope = ?", (ref,))
    _entry(vault, "keys.unseal", ref, {"forms": forms})
    sealing_keys.keyring(vault).drop(ref)
    st.changed()


def forget_record(vault, sid: int, ref: str) -> None:
    """A sealed record deleted or erased: its keys and mirror rows go too
    (its ``sealed_records`` row goes with the subject's)."""
    st = sealed.store(vault)
    if sid not in st.sealed():
        return
    st.forget(sid)
    vault.conn.execute("DELETE FROM sealing_keys WHERE scope = ?", (ref,))
    vault.conn.execute("DELETE FROM sealing_history WHERE scope = ?", (ref,))
    sealing_keys.keyring(vault).drop(ref)
    st.changed()


# -- new keys --------------------------------------------------------------------------------

def rekey(vault, scope: str, users: set[str], wraps: Wraps) -> None:
    """A new key for ``scope``, wrapped (through ``wraps``) to ``users`` only;
    earlier keys are kept sealed under it for the audit details they sealed."""
    conn, vid = vault.conn, vault.vault_id
    ring = sealing_keys.keyring(vault)
    version, old = ring.current(scope)
    older = {**ring.older(conn, scope), version: old}
    key, new_version = sealing_keys.new_key(), version + 1
    if scope == FULLTEXT:
        _rekey_fulltext(vault, ring, new_version, key)
    else:
        sid, head, body = _opened(vault, scope, version, old)
        sealed.write_blobs(conn, vid, sid, scope, new_version, key, head, body)
    sealing_keys.seal_history(conn, vid, scope, new_version, key, older)
    conn.execute("DELETE FROM sealing_keys WHERE scope = ?", (scope,))
    _commit_key(vault, scope, new_version, key, users, wraps)
    _entry(vault, "keys.rekey", scope, {"version": new_version, "commitment":
                                        sealing_keys.commitment(vid, scope, new_version, key)})
    sealed.store(vault).changed()


def _opened(vault, ref: str, version: int, key: bytes) -> tuple[int, dict, dict]:
    conn, vid = vault.conn, vault.vault_id
    sid, head, body = conn.execute(
        "SELECT r.subject_id, h.head, r.body FROM main.sealed_records r JOIN main.subjects s "
        "ON s.id = r.subject_id JOIN main.sealed_heads h ON h.subject_id = r.subject_id "
        "WHERE s.ref = ?", (ref,)).fetchone()
    h = sealed.open_blob(vid, ref, sid, version, "head", key, head)
    b = sealed.open_blob(vid, ref, sid, version, "body", key, body)
    if h is None or b is None:
        raise PermissionDenied(_(REFUSED))
    return sid, h, b


def _rekey_fulltext(vault, ring, version: int, key: bytes) -> None:
    """Every full text and source this user can reach, sealed again under
    the new key: the clear tables' and each sealed record's it holds."""
    conn, vid = vault.conn, vault.vault_id
    read = fulltext.opener(vault)
    fulltext.seal_clear_rows(vault, version, key, everything=True)
    st = sealed.store(vault)
    for sid, (ref, _band, v) in st.sealed().items():
        item = ring.current(ref)
        if item is None or item[0] != v:
            continue            # not held: its texts stay under the key they were sealed with
        _sid, head, body = _opened(vault, ref, v, item[1])
        fulltext.reseal_rows(vault, body["intel_reports"], version, key, read)
        sealed.write_blobs(conn, vid, sid, ref, v, item[1], head, body)
        st.forget(sid)          # loaded again, with the new values, when next needed


# -- keeping holders in step with the chain -----------------------------------------------

def reconcile(vault, scopes=None) -> int:
    """A governor's session puts every key it holds (or those of ``scopes``)
    in the hands the chain entitles: wraps for those who lack it (or hold it
    under an old key pair), a new key where someone holding it no longer
    may. Call inside a write. Returns how many keys were given a new version."""
    if vault.user.role != roles.GOVERNOR or not sealed.store(vault).tables:
        return 0
    state = now(vault)
    ring = sealing_keys.keyring(vault)
    st = sealed.store(vault)
    refs = {sid: ref for sid, (ref, _band, _v) in st.sealed().items()}
    staff = {refs[sid]: row.get("staff_number") or "" for sid, row in st.rows().items()}
    held: dict[str, dict[str, str]] = {}
    for scope, user, recipient in vault.conn.execute(
            "SELECT scope, user, recipient FROM sealing_keys"):
        held.setdefault(scope, {})[user] = recipient
    wraps = Wraps(vault, state)
    rekeyed = 0
    for scope in sorted(scopes if scopes is not None else state.keys):
        item = ring.current(scope)
        if item is None or scope not in state.keys:
            continue
        if scope == FULLTEXT:
            want = entitled(state, scope)
        elif scope in staff:
            want = entitled(state, scope, staff[scope])
        else:
            continue
        if vault.user.name not in want:
            continue           # another governor, not barred from it, does this one
        have = held.get(scope, {})
        if set(have) - want:
            rekey(vault, scope, want, wraps)
            rekeyed += 1
            continue
        stale = {u for u in want if have.get(u) != state.users[u].slot}
        wraps.add(stale, scope, *item)
    wraps.flush()
    return rekeyed


@dataclass(frozen=True)
class Holding:
    """What a user may hold: a scope and its current key version."""
    scope: str
    version: int
    subject_id: int | None     # None for the full-text key


def holdings(vault, user: str) -> list[Holding]:
    """The sealed records and keys the chain entitles ``user`` to now.

    For a replica made for ``user``: it carries these records' sealed rows
    (``sealed_records``, ``sealed_heads``) as they are, ``user``'s own
    wraps of these keys (their ``sealing_keys`` rows, which only their
    secret opens), and for every other sealed record its placeholder only.
    Nothing needs decrypting to build it. A key ``user`` is entitled to but
    has no wrap for yet is wrapped first by ``reconcile``. The signed-in user
    must hold a record's key to tell whether ``user`` is barred from it (a
    governor does, unless barred themselves); records they cannot open are
    left out. Who may see a restricted record is itself need-to-know: only a
    governor asks about someone else."""
    if user != vault.user.name and vault.user.role != roles.GOVERNOR:
        raise PermissionDenied(_("Only the governor can see which records another user may hold; "
                                 "you are signed in as a {role}.").format(role=vault.user.role))
    state = now(vault)
    st = sealed.store(vault)
    out = []
    item = state.keys.get(FULLTEXT)
    if item is not None and user in entitled(state, FULLTEXT):
        out.append(Holding(FULLTEXT, int(item[0]), None))
    for sid, row in sorted(st.rows().items()):
        ref, _band, version = st.sealed()[sid]
        if user in entitled(state, ref, row.get("staff_number") or ""):
            out.append(Holding(ref, version, sid))
    return out
