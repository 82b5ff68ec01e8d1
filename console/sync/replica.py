"""A replica on the user's own laptop: opening a replica pack into a vault,
and the rules every unlock of a replica applies.

``open_pack`` makes the replica: the pack's clear header carries the user's
key slot (their secret wrapped under their passphrase, as in the governor's
``keyslots.json``), so their passphrase opens it and nobody else's does;
the database inside is written as the vault's, the chain it carries is
replayed in full, the governor's signature is checked against the
certificate that chain gives them, and the data key is then changed to one
only this replica knows.

``on_unlock`` (every unlock, see ``session``):
- the stale rule: a replica the governor has not refreshed for more than
  ``replica_stale_days`` (a vault setting as the signed chain has it, default
  30) opens read-only, with
  a sentence saying so and what to do. The count starts from the time in the
  governor's signed stamp of the last update, which the replica cannot move;
  the latest time the replica has seen is kept, and a clock set back before
  it leaves the replica read-only rather than resetting the count.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from console.audit.current import now
from console.clock import now_iso, utcnow
from console.errors import PackRefused, VaultDamaged, VaultExists, WrongPassphrase, translate
from console.i18n import N_, _
from console.storage import keyslots
from console.storage.fileio import atomic_write_bytes, restrict
from console.storage.keyslots import SlotFile
from console.storage.layout import DB_FILE
from console.sync import ops, packs, tables
from console.sync.trust import drop_backups, signed_by_governor

STALE_DEFAULT = 30
CLOCK_SLACK = dt.timedelta(minutes=10)
# Translated where raised (``_(NOT_A_REPLICA)``).
NOT_A_REPLICA = N_("This vault is not a replica; that works only on a deputy's replica.")


@dataclass(frozen=True)
class ReplicaStatus:
    replica_id: str
    user: str
    governor: str
    last_sync: str             # the governor's time of the last refresh
    days: int                  # since then, by the latest time this replica has seen
    stale_days: int
    read_only: str | None      # why, when it is
    update_no: int
    pending: int               # operations not yet taken in by the governor
    pack_no: int               # change packs made so far
    fingerprint: str = ""      # the governor's certificate, as the chain gives it


def open_pack(pack_file, folder, user: str, passphrase: str):
    """Make the replica in ``folder`` (which must hold no vault) from a
    replica pack; returns the unlocked replica."""
    from console.records import session
    raw = packs.read_file(pack_file)
    header, _rest = packs.header_of(raw)
    slot = header.get("slot")
    if not isinstance(slot, dict) or not isinstance(header.get("vault_id"), str):
        raise PackRefused(_("This pack is an update or a change pack, not a new replica; take "
                            "it in with 'sync import' (File › Receive…) instead."))
    folder = Path(folder)
    if (folder / DB_FILE).exists() or (folder / keyslots.SLOTS_FILE).exists():
        raise VaultExists(_("A vault already exists in that folder; choose an empty folder for "
                            "the replica."))
    try:
        kdf = keyslots.KdfParams(**slot["passphrase"]["kdf"])
    except (KeyError, TypeError):
        raise PackRefused(_(packs.DAMAGED)) from None
    slots = SlotFile(header["vault_id"], {user: dict(slot)}, kdf)
    try:
        secret = slots.user_secret_from_passphrase(user, passphrase)
    except (WrongPassphrase, VaultDamaged):
        raise PackRefused(_("That passphrase does not open this pack: it was made for another "
                            "user, or the passphrase is not right. Nothing was opened.")) \
            from None
    opened = packs.open_(raw, keyslots.user_private_key(secret), slot["public"])
    meta = opened.meta
    if meta.get("kind") != "replica" or meta.get("recipient") != user \
            or meta.get("vault_id") != header["vault_id"]:
        raise PackRefused(_(packs.NOT_YOURS))
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        restrict(folder, 0o700)
        atomic_write_bytes(folder / DB_FILE, opened.blob)
    except OSError as exc:
        raise translate(exc) from None
    slots.users[user]["replica"] = meta["replica_id"]
    slots.users[user]["default"] = True
    slots.wrap_data_key(user, bytes.fromhex(meta["db_key"]))
    slots.save(folder)
    vault = None
    try:
        vault = session.open_vault(folder, user, passphrase)
        _check_first(vault, opened)
        vault.rotate_data_key()
        drop_backups(folder)
        with tables.writable(vault), vault.write():
            tables.set_meta(vault.conn, latest_seen=now_iso(), scanned_seq=meta["base_seq"],
                            pack_no=0, pack_hash="", update_hash=opened.digest)
        on_unlock(vault)
        return vault
    except BaseException:
        if vault is not None:
            vault.close()
        _undo(folder, made)
        raise


def _check_first(vault, opened: packs.Opened) -> None:
    meta = opened.meta
    from console.audit import chain
    if chain.head(vault) != (meta["base_seq"], meta["base_hash"]) or not signed_by_governor(
            vault, meta["sender"], opened.meta_bytes, opened.signature):
        raise PackRefused(_("This pack is not signed by a governor of the vault it carries; "
                            "nothing was opened. Ask the governor for a new replica pack."))


def _undo(folder: Path, made: bool) -> None:
    for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", keyslots.SLOTS_FILE):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    if made:
        shutil.rmtree(folder, ignore_errors=True)


# -- every unlock ---------------------------------------------------------------------------

def _stale_days(vault) -> int:
    """The limit as the signed chain sets it (a governor's entry, within
    ``audit.limits``), never the settings row, which the replica's own user
    can edit with its data key."""
    value = now(vault).setting("replica_stale_days", STALE_DEFAULT)
    return value if isinstance(value, int) and 0 < value <= 365 else STALE_DEFAULT


def _parse(at: str) -> dt.datetime:
    return dt.datetime.fromisoformat(at)


def status(vault) -> ReplicaStatus:
    if not tables.is_replica(vault):
        raise PackRefused(_(NOT_A_REPLICA))
    with vault.guard():
        m = tables.meta(vault.conn)
        acked = int(m.get("acked", 0))
        pending = vault.conn.execute("SELECT count(*) FROM sync_ops WHERE op_seq > ?",
                                     (acked,)).fetchone()[0]
        pending += ops.unnumbered(vault.conn, vault.user.name, int(m.get("scanned_seq", 0)))
    last = _stamp_time(vault, m)
    seen = max(_parse(m.get("latest_seen") or now_iso()), utcnow())
    days = max(0, (seen - _parse(last)).days) if last else 0
    gov = now(vault).member(m["governor"])
    return ReplicaStatus(m["replica_id"], m["user"], m["governor"], last or "", days,
                         _stale_days(vault), vault.read_only, int(m.get("update_no", 0)),
                         pending, int(m.get("pack_no", 0)), gov.fingerprint if gov else "")


def _stamp_time(vault, m: dict) -> str | None:
    """The time in the governor's signed stamp, if it is one (else None)."""
    s = m.get("stamp") or {}
    try:
        doc = json.loads(s["doc"])
        if doc["replica_id"] != m["replica_id"] or doc["update_no"] != m["update_no"]:
            return None
        if not signed_by_governor(vault, s["signer"], s["doc"].encode("utf-8"),
                                  packs.unb64(s["sig"])):
            return None
        return doc["at"]
    except (KeyError, TypeError, ValueError):
        return None


def on_unlock(vault) -> None:
    """The rules above, for a replica just unlocked."""
    _stale_rule(vault)
    if vault.read_only:
        vault.notices.append(vault.read_only)


def _stale_rule(vault) -> None:
    with vault.guard():
        m = tables.meta(vault.conn)
    last = _stamp_time(vault, m)
    clock = utcnow()
    seen = _parse(m.get("latest_seen") or now_iso())
    limit = _stale_days(vault)
    if last is None:
        vault.read_only = _("This replica's record of its last refresh does not carry the "
                             "governor's signature, so it opens read-only; receive a refresh "
                             "from the governor.")
        return
    if clock + CLOCK_SLACK < seen:
        vault.read_only = _("This computer's clock is behind the last time this replica was "
                             "used ({day}), so the replica opens read-only; set the clock "
                             "right, or receive a refresh from the governor.").format(
                                 day=seen.date().isoformat())
        return
    with tables.writable(vault), vault.write():
        tables.set_meta(vault.conn, latest_seen=max(clock, seen).isoformat())
    days = (max(clock, seen) - _parse(last)).days
    if days > limit:
        vault.read_only = _("This replica was last refreshed by the governor on {day}, more "
                             "than {limit} days ago, so it opens read-only: send your changes "
                             "(File › Send changes…) and receive a refresh.").format(
                                 day=last[:10], limit=limit)
