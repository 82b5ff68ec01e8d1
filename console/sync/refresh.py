"""Taking in the governor's update pack on a replica.

An update carries the whole of what the user may see now, so whatever the
governor erased, restricted away from them or changed arrives by being
absent or different; the replica's database is replaced by it, whole:

1. the pack must be for this replica and this user, signed by a governor as
   the replica's chain has it, numbered after the last update applied (the
   same update again is "already applied"; an older one is refused), and
   its chain must continue the one this replica holds;
2. the new database (under a fresh data key) takes this replica's own
   tables along: its operations and counters, marked "to reapply";
3. its chain is replayed and sealed in the user's new slot before anything
   is replaced; then it is put in place in one rename (``storage.replace``:
   a crash leaves the old vault or the new one, whole), and every backup the
   replica held is deleted (they may hold what was erased or restricted
   away);
4. ``finish`` (in the same call, or at the next unlock after a crash) makes
   the operations the governor has not taken in yet again, through the
   services, and clears the mark, in one write.
"""

from __future__ import annotations

import secrets
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from console.audit import replay, seal
from console.errors import PackRefused, translate
from console.i18n import _
from console.storage import replace
from console.storage.keyslots import SlotFile
from console.storage.connection import connect
from console.storage.fileio import atomic_write_bytes
from console.sync import ops, packs, tables
from console.sync.trust import drop_backups, signed_by_governor


@dataclass(frozen=True)
class Refreshed:
    update_no: int
    already: bool = False
    reapplied: int = 0
    not_reapplied: int = 0
    backups_deleted: int = 0
    subjects: int = 0


def take(vault, opened: packs.Opened, on_progress=None) -> Refreshed:
    meta = opened.meta
    with vault.guard():
        mine = tables.meta(vault.conn)
    if meta.get("kind") != "update":
        raise PackRefused(_("This is a replica pack; open it into an empty folder with "
                            "'replica open' instead."))
    if meta.get("replica_id") != mine["replica_id"] or meta.get("recipient") != vault.user.name \
            or meta.get("vault_id") != vault.vault_id:
        raise PackRefused(_(packs.NOT_YOURS))
    if not signed_by_governor(vault, str(meta.get("sender")), opened.meta_bytes,
                              opened.signature):
        raise PackRefused(_("This update is not signed by a governor of this vault; nothing "
                            "was applied."))
    number = int(meta.get("update_no", 0))
    if number == int(mine["update_no"]) and opened.digest == mine.get("update_hash"):
        return Refreshed(number, already=True)
    if number <= int(mine["update_no"]):
        raise PackRefused(_("This update (number {number}) is older than one this replica has "
                            "already applied (number {last}); nothing was applied. Use the "
                            "newest update from the governor.").format(
                                number=number, last=mine["update_no"]))
    fresh, new_key = _prepare(vault, opened, mine, on_progress)
    try:
        slots, state = _sealed_slots(vault, fresh, new_key, f"{mine['replica_id']}#{number}")
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    replace.replace_database(vault, fresh, new_key, slots)
    kept = getattr(vault, "replica_guard", None)
    if kept is not None:
        kept.reset()
    vault.authority = state
    vault.sealed_seq = vault.copied_seq = state.seq
    seal.keep_copy(vault.slots, vault.user.name)
    gone = drop_backups(vault.folder)
    done, left = finish(vault)
    with vault.guard():
        n = vault.conn.execute("SELECT count(*) FROM subjects").fetchone()[0]
    return Refreshed(number, reapplied=done, not_reapplied=left, backups_deleted=gone,
                     subjects=n)


def _sealed_slots(vault, fresh: Path, new_key: bytes, marker: str):
    """The slots to go with the new database: its key wrapped, its chain
    (replayed here, before anything is replaced) sealed in the user's slot,
    and a mark of this update, so this computer's copy of the seal for the
    old database is never taken for the new one's, whichever of the two a
    crash leaves in place."""
    me = vault.user.name
    conn = connect(fresh, new_key)
    try:
        report = replay.run(conn, rows=False)
        if not report.intact:
            raise PackRefused(_("The update's chain does not verify; nothing was applied. Ask "
                                "the governor for a new update."))
        slots = SlotFile(vault.slots.vault_id, deepcopy(vault.slots.users), vault.slots.kdf)
        slots.rewrap_all(new_key)
        slots.users[me]["replica"] = marker
        seal.seal(conn, slots, me, vault.user_secret(), report.state)
    except PackRefused:
        raise
    except Exception as exc:
        raise translate(exc) from None
    finally:
        conn.close()
    return slots, report.state


def _prepare(vault, opened: packs.Opened, mine: dict, on_progress) -> tuple[Path, bytes]:
    """The new database beside the vault, under a fresh key, with this
    replica's own tables carried into it."""
    meta = opened.meta
    folder = vault.folder
    incoming, fresh = folder / ".replica-incoming.db", folder / ".replica-fresh.db"
    for p in (incoming, fresh):
        p.unlink(missing_ok=True)
    new_key = secrets.token_bytes(32)
    conn = vault.conn
    try:
        atomic_write_bytes(incoming, opened.blob)
        with vault.guard():
            conn.execute(f"ATTACH DATABASE '{_q(incoming)}' AS gc_in KEY "
                         f"\"x'{bytes.fromhex(meta['db_key']).hex()}'\"")
            try:
                row = conn.execute("SELECT hash FROM gc_in.audit WHERE seq = ?",
                                   (int(mine["base_seq"]),)).fetchone()
                if row is None or row[0] != mine["base_hash"]:
                    raise PackRefused(_("This update does not continue the chain this replica "
                                        "holds; nothing was applied. Ask the governor for a "
                                        "new replica."))
                conn.execute("BEGIN")
                conn.execute("DELETE FROM gc_in.sync_ops")
                conn.execute("INSERT INTO gc_in.sync_ops SELECT * FROM main.sync_ops")
                keep = {k: mine[k] for k in ("pack_no", "pack_hash", "latest_seen")
                        if k in mine}
                tables.set_meta(conn, "gc_in", **keep, update_hash=opened.digest,
                                reapply=True, scanned_seq=int(meta["base_seq"]))
                conn.execute("COMMIT")
                if on_progress:
                    on_progress(2, 4)
                conn.execute(f"ATTACH DATABASE '{_q(fresh)}' AS gc_fresh KEY "
                             f"\"x'{new_key.hex()}'\"")
                try:
                    conn.execute("PRAGMA gc_fresh.journal_mode = DELETE").fetchall()
                    conn.execute("SELECT sqlcipher_export('gc_fresh', 'gc_in')").fetchall()
                finally:
                    conn.execute("DETACH DATABASE gc_fresh")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                conn.execute("DETACH DATABASE gc_in")
        if on_progress:
            on_progress(3, 4)
        return fresh, new_key
    except OSError as exc:
        fresh.unlink(missing_ok=True)
        raise translate(exc) from None
    except BaseException:
        fresh.unlink(missing_ok=True)
        raise
    finally:
        incoming.unlink(missing_ok=True)


def _q(path: Path) -> str:
    return str(path).replace("'", "''")


def finish(vault) -> tuple[int, int]:
    """Make again the operations the governor has not taken in yet, and
    clear the mark (one write). Returns (made again, could not be)."""
    done = left = 0
    with tables.writable(vault), vault.write():
        m = tables.meta(vault.conn)
        for op in ops.pending(vault.conn, int(m.get("acked", 0))):
            if ops.reapply(vault, op):
                done += 1
            else:
                left += 1
        head = vault.conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]
        tables.set_meta(vault.conn, reapply=False, scanned_seq=head)
    return done, left
