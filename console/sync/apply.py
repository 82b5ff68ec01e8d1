"""Taking a change pack in at the governor's vault.

The pack as a whole is refused, with one sentence and nothing applied, when:
it is not a change pack; it is for another vault; it comes from a replica
this vault never made (a governor's ``replica.create`` entry in the chain
must name it: the ``sync_replicas`` row alone is not believed, and the
replica's life is read from the chain), or from a user who is not a user
now or was removed after the replica was made (a removed user's replica
never sends an accepted pack again, even if someone of that name is added
later); its signature is not the one the chain gives that user; it is
older than, or a different pack under the number of, one already taken in
(replayed, reordered or altered);
it is the next pack but does not name the last one's hash; its operations
leave a gap after the last one taken in, are out of order, or any of them is
not whole and signed by its author.

Then every operation is taken in inside one write (all of it lands, or none
of it: a crash leaves the vault as it was): an operation already taken in
(keyed by origin and number, its hash unique) is "already applied", and so
is the same signed entry sent again under another number or origin; each
new one passes the services' checks at this moment (the author's role has
the right; the subject still exists and the author may still see it; the
measure still exists there and has not ended; the text passes the field's
rules; the author's time is written as the console writes times and falls
within the replica's life: not before it was made, not after its stale limit
ran out since the last update sent to it, with a day's slack for a laptop's
clock) and is applied as the author did it (their name, their time), in an
entry the governor signs (``sync.apply``) that embeds the operation as its
author signed it. A proposed change to a measure that moved on since it was
based on goes to the decisions list (``sync.conflict``) instead. An
operation that fails a check is "refused" with the reason, and recorded so
it is not offered again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from console.audit import chain, replay, roles
from console.audit.current import now
from console.clock import now_iso, utcnow
from console.errors import ConsoleError, PackRefused, ValidationError
from console.i18n import _
from console.records import commands, fields, ids, sealed
from console.records.commands import MeasureFields
from console.storage.identity import verify_signature
from console.sync import ops, packs, tables, visible

STALE_DEFAULT = 30
CLOCK_SLACK = dt.timedelta(days=1)
_UPDATABLE = ("aim", "type", "details", "owner", "start_on", "review_due", "status",
              "effectiveness")


@dataclass(frozen=True)
class Outcome:
    seq: int
    outcome: str            # applied | already applied | needs a decision | refused
    reason: str = ""
    ref: str = ""


@dataclass(frozen=True)
class Taken:
    replica_id: str
    user: str
    pack_no: int
    outcomes: tuple[Outcome, ...]

    @property
    def refused(self) -> int:
        return sum(1 for o in self.outcomes if o.outcome == "refused")

    @property
    def already(self) -> bool:
        return all(o.outcome == "already applied" for o in self.outcomes)


def _refuse(text: str):
    raise PackRefused(text + " " + _("Nothing was applied."))


def _replica(vault, meta: dict):
    if meta.get("kind") != "changes":
        _refuse(_("This is a pack for a replica, not a deputy's changes; open it on the replica."))
    if meta.get("vault_id") != vault.vault_id:
        _refuse(_(packs.NOT_YOURS))
    tables.ensure_home(vault.conn)
    row = vault.conn.execute(
        "SELECT user, created_seq, pack_no, pack_hash, op_seq FROM sync_replicas WHERE "
        "replica_id = ?", (str(meta.get("replica_id")),)).fetchone()
    if row is None or _made(vault, str(meta["replica_id"]), row[0], row[1]) is None:
        _refuse(_("This pack comes from a replica this vault never made."))
    return row


def _made(vault, rid: str, user: str, created_seq: int) -> tuple[str, str] | None:
    """When the chain says a governor made replica ``rid`` for ``user`` (in
    entry ``created_seq``) and last made an update for it; None when the
    chain does not (a ``sync_replicas`` row is only a row: anyone holding
    the data key can write one)."""
    made = vault.conn.execute(
        "SELECT a.at, p.after FROM audit a JOIN audit_payload p ON p.seq = a.seq WHERE "
        "a.seq = ? AND a.action = 'replica.create' AND a.entity = 'user' AND "
        "a.entity_id = ?", (created_seq, user)).fetchone()
    if made is None or _details(made[1]).get("replica_id") != rid:
        return None
    last = made[0]
    for at, after in vault.conn.execute(
            "SELECT a.at, p.after FROM audit a JOIN audit_payload p ON p.seq = a.seq WHERE "
            "a.seq > ? AND a.action = 'replica.update' AND a.entity = 'user' AND "
            "a.entity_id = ? ORDER BY a.seq", (created_seq, user)):
        if _details(after).get("replica_id") == rid:
            last = at
    return made[0], last


def _details(after) -> dict:
    try:
        got = json.loads(after) if after else {}
    except ValueError:
        return {}
    return got if isinstance(got, dict) else {}


def _check_sender(vault, state, meta, opened, user: str, created_seq: int) -> None:
    if meta.get("sender") != user:
        _refuse(_("This pack is not signed by the user its replica was made for."))
    m = state.member(user)
    removed = vault.conn.execute(
        "SELECT 1 FROM audit WHERE action = 'user.remove' AND entity_id = ? AND seq > ?",
        (user, created_seq)).fetchone()
    if m is None or not m.active or removed:
        _refuse(_("This pack comes from the replica of {user}, who was removed from this vault "
                  "since; a removed user's replica can send nothing.").format(user=user))
    pem = replay.certificate(vault.conn, m.fingerprint, m.cert_seq)
    if pem is None or not verify_signature(pem, opened.meta_bytes, opened.signature):
        _refuse(_("This pack does not carry {user}'s signature as the chain gives it.").format(
            user=user))


def _check_order(meta: dict, digest: str, pack_no: int, pack_hash: str | None) -> bool:
    """True for the last pack taken in again (already applied)."""
    number = meta.get("pack_no")
    if not isinstance(number, int) or number < 1:
        _refuse(_(packs.DAMAGED))
    if number == pack_no:
        if digest == pack_hash:
            return True
        _refuse(_("A different pack numbered {number} was already taken in from this replica: "
                  "this one was altered or replayed.").format(number=number))
    if number < pack_no:
        _refuse(_("This pack (number {number}) is older than one already taken in from this "
                  "replica (number {last}): it was replayed or arrived out of order.").format(
            number=number, last=pack_no))
    if number == pack_no + 1 and meta.get("prev_pack") != (pack_hash or ""):
        _refuse(_("This pack does not follow the last pack taken in from this replica."))
    return False


def _check_reply_key(meta: dict) -> None:
    """The key the replica announces is where its next update goes: it must
    be an X25519 public key (32 bytes, base64), or no update could be made."""
    key = meta.get("reply_key")
    if key is None:
        return
    try:
        if not isinstance(key, str) or len(packs.unb64(key)) != 32:
            raise ValueError
    except ValueError:
        _refuse(_("This pack names a key for its replica's updates that is not a key; it was "
                  "not made by the console. Ask for the changes to be sent again."))


def _operations(opened, meta: dict, state, vault, user: str, done: int) -> list[tuple]:
    try:
        items = json.loads(str(opened.blob, "utf-8"))
        if not isinstance(items, list):
            raise ValueError
    except (ValueError, UnicodeDecodeError, RecursionError):
        _refuse(_(packs.DAMAGED))
    seqs = [op.get("seq") if isinstance(op, dict) else None for op in items]
    if not all(isinstance(s, int) and not isinstance(s, bool) for s in seqs):
        _refuse(_(packs.DAMAGED))
    if seqs and seqs != list(range(seqs[0], seqs[0] + len(seqs))):
        _refuse(_("The operations in this pack are out of order."))
    if len(seqs) != meta.get("count") or (seqs and (seqs[0], seqs[-1]) != (
            meta.get("first"), meta.get("last"))):
        _refuse(_(packs.DAMAGED))
    if seqs and seqs[0] > done + 1:
        _refuse(_("Operations {first} to {last} from this replica are missing; ask for all its "
                  "changes to be sent again.").format(first=done + 1, last=seqs[0] - 1))
    m = state.member(user)
    pem = replay.certificate(vault.conn, m.fingerprint, m.cert_seq)
    out = []
    for op in items:
        try:
            out.append((op, ops.check(op, pem, meta["replica_id"], user)))
        except (ValueError, KeyError, TypeError):
            _refuse(_("An operation in this pack does not carry its author's signature."))
    return out


def take(vault, opened: packs.Opened, on_progress=None) -> Taken:
    roles.require(vault, "replicas")
    meta = opened.meta
    with vault.guard():
        user, created_seq, pack_no, pack_hash, done = _replica(vault, meta)
        state = now(vault)
        _check_sender(vault, state, meta, opened, user, created_seq)
        again = _check_order(meta, opened.digest, pack_no, pack_hash)
        _check_reply_key(meta)
        items = _operations(opened, meta, state, vault, user, done)
    rid = meta["replica_id"]
    if again:
        return Taken(rid, user, pack_no, tuple(Outcome(op["seq"], "already applied")
                                              for op, _e in items))
    seen = visible.for_user(vault, user)
    member = state.member(user)
    with vault.guard():
        window = _window(state, *_made(vault, rid, user, created_seq))
    outcomes = []
    with vault.write():
        for i, (op, e) in enumerate(items):
            if op["seq"] <= done:
                known = vault.conn.execute("SELECT op_hash FROM sync_applied WHERE origin = ? "
                                           "AND seq = ?", (rid, op["seq"])).fetchone()
                if known is not None and known[0] != e["hash"]:
                    _refuse(_("Operation {number} differs from the one already taken in under "
                              "that number.").format(number=op["seq"]))
                outcomes.append(Outcome(op["seq"], "already applied", ref=e["entity_id"]))
                continue
            twin = vault.conn.execute("SELECT 1 FROM sync_applied WHERE op_hash = ?",
                                      (e["hash"],)).fetchone()
            if twin is not None:    # the same signed entry under another number or origin
                outcomes.append(Outcome(op["seq"], "already applied", ref=e["entity_id"]))
                continue
            outcomes.append(_one(vault, rid, user, member.role, seen, window, op, e))
            if on_progress and i % 100 == 0:
                on_progress(i, len(items))
        top = max([done] + [op["seq"] for op, _e in items])
        vault.conn.execute(
            "UPDATE sync_replicas SET pack_no = ?, pack_hash = ?, last_contact = ?, op_seq = ?,"
            " replica_key = coalesce(?, replica_key) WHERE replica_id = ?",
            (meta["pack_no"], opened.digest, now_iso(), top,
             meta.get("reply_key") if isinstance(meta.get("reply_key"), str) else None, rid))
    return Taken(rid, user, meta["pack_no"], tuple(outcomes))


def _one(vault, rid: str, user: str, role: str, seen, window, op: dict, e: dict) -> Outcome:
    ref = e["entity_id"]
    try:
        _check_time(e["at"], window)
        outcome, audit_seq, ids_ = _apply(vault, rid, user, role, seen, op, e)
        reason = ""
    except (ConsoleError, ValueError, KeyError, TypeError, RecursionError) as exc:
        outcome, audit_seq, ids_ = "refused", None, (None, None)
        reason = str(exc) if isinstance(exc, ConsoleError) else \
            _("its details cannot be read")
    vault.conn.execute(
        "INSERT INTO sync_applied(origin, seq, op_hash, audit_seq, outcome, local_id, new_id) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
        (rid, op["seq"], e["hash"], audit_seq, outcome, ids_[0], ids_[1]))
    return Outcome(op["seq"], outcome, reason, ref)


def _window(state, made: str, last: str) -> tuple[dt.datetime, dt.datetime]:
    """When the replica could have made an operation: from when it was made
    to the end of its stale limit after the last update made for it (or now,
    if sooner), a day's slack either side for a laptop's clock; both times
    as the chain gives them."""
    stale = state.setting("replica_stale_days", STALE_DEFAULT)
    stale = stale if isinstance(stale, int) and 0 < stale <= 365 else STALE_DEFAULT
    end = min(utcnow(), dt.datetime.fromisoformat(last) + dt.timedelta(days=stale))
    return dt.datetime.fromisoformat(made) - CLOCK_SLACK, end + CLOCK_SLACK


def _check_time(at, window) -> None:
    """The author's time is kept, never trusted: it must be written as the
    console writes times (UTC, to the microsecond) and fall within the
    replica's life, or the operation is refused."""
    try:
        when = dt.datetime.fromisoformat(at)
        if when.utcoffset() != dt.timedelta(0) or when.isoformat(
                timespec="microseconds") != at:
            raise ValueError
    except (TypeError, ValueError):
        raise ValidationError(_("Its time is not written as the console writes times, so it "
                                "was changed after it was made.")) from None
    if not window[0] <= when <= window[1]:
        raise ValidationError(
            _("Its time ({day}) is outside the days its replica could have made it ({start} "
              "to {end}): the time was changed, or the replica's clock was wrong.").format(
                day=at[:10], start=window[0].date().isoformat(),
                end=window[1].date().isoformat()))


def _apply(vault, rid, user, role, seen, op, e):
    right = roles.right_for(e["action"])
    if right is None or not roles.allowed(role, right):
        raise ValidationError(roles.why_not(role, right or "add_log"))
    ref = e["entity_id"]
    row = vault.conn.execute("SELECT id FROM main.subjects WHERE ref = ?", (ref,)).fetchone()
    if row is None or ref not in seen.refs:
        raise ValidationError(_("That record no longer exists, or the author may no longer "
                                "see it."))
    sid = row[0]
    before, after = ops.details(vault, e)
    mid = after.get("measure_id") if isinstance(after, dict) else None
    if not _whole(mid) or (e["action"] == "log.add" and not (
            isinstance(after.get("text"), str) and (after.get("corrects") is None
                                                    or _whole(after.get("corrects"))))):
        raise ValidationError(_("Its details are not what the console writes, so it was not "
                                "made by the console."))
    schema = sealed.store(vault).schema_for(sid)
    cols = ", ".join(_UPDATABLE)
    m = vault.conn.execute(f"SELECT subject_id, {cols} FROM {schema}.measures WHERE id = ?",
                           (mid,)).fetchone()
    if m is None or m[0] != sid:
        raise ValidationError(_("That measure no longer exists."))
    current = dict(zip(_UPDATABLE, m[1:]))
    if current["status"] == "ended":
        raise ValidationError(_("That measure has ended, so it takes no more changes."))
    base = {"origin": rid, "seq": op["seq"], "author": user, "at": e["at"],
            "action": e["action"], "measure_id": mid, "op": op}
    if e["action"] == "log.add":
        return _log(vault, schema, rid, user, base, after, mid)
    changes = {k: v for k, v in after.items() if k != "measure_id"}
    clean = commands.to_columns(MeasureFields(**changes).cleaned(creating=False))
    if not clean or set(clean) - set(_UPDATABLE):
        raise ValidationError(_("The proposed change names no field of a measure."))
    based = {k: (before or {}).get(k) for k in clean}
    if any(current[k] != based[k] for k in clean):
        seq = chain.append(vault, "sync.conflict", "subject", ref, after={
            **base, "proposed": clean, "based_on": based})
        vault.conn.execute("INSERT INTO sync_decisions(origin, seq, ref, measure_id, audit_seq)"
                           " VALUES (?,?,?,?,?)", (rid, op["seq"], ref, mid, seq))
        return "needs a decision", seq, (None, None)
    vault.conn.execute(f"UPDATE {schema}.measures SET {', '.join(f'{c} = ?' for c in clean)} "
                       "WHERE id = ?", [*clean.values(), mid])
    seq = chain.append(vault, "sync.apply", "subject", ref, before={
        "measure_id": mid, **{k: current[k] for k in clean}}, after={**base, **clean})
    return "applied", seq, (None, None)


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _log(vault, schema, rid, user, base, after, mid):
    text = fields.text(after.get("text"), _("The log entry"), required=True, limit=fields.LONG,
                       multiline=True)
    corrects = after.get("corrects")
    if corrects is not None:
        mapped = vault.conn.execute("SELECT new_id FROM sync_applied WHERE origin = ? AND "
                                    "local_id = ?", (rid, corrects)).fetchone()
        corrects = mapped[0] if mapped else corrects
        if not vault.conn.execute(f"SELECT 1 FROM {schema}.measure_log WHERE id = ? AND "
                                  "measure_id = ?", (corrects, mid)).fetchone():
            corrects = None
    new = ids.new_id(vault, "measure_log", schema)
    vault.conn.execute(f"INSERT INTO {schema}.measure_log(id, measure_id, at, by_user, text, "
                       "corrects) VALUES (?,?,?,?,?,?)",
                       (new, mid, base["at"], user, text, corrects))
    seq = chain.append(vault, "sync.apply", "subject", base["op"]["entry"]["entity_id"], after={
        **base, "entry_id": new, "text": text, "corrects": corrects})
    return "applied", seq, (after.get("entry_id"), new)
