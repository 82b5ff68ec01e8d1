"""Restoring a vault from a backup: a governor's act the chain can check.

A backup file is a label (its manifest) around a database and a slot file;
only the signed chain inside the database is trusted. Before anything is
replaced, in a scratch folder beside the vault:

1. the backup is unpacked and opened with the restorer's passphrase *as it
   was in the backup*; its integrity is checked, its schema brought up to
   date, and its whole chain replayed (links, signatures, rights, rows);
2. the restorer must be an active governor in the backup's chain, with the
   slot key that chain gives them, and a signing key matching the
   certificate it gives them (a slot written under a governor's name by
   someone holding the data key fails here);
3. the vault being replaced is read (``restore_standing``): the restorer
   must open their own slot in it with their passphrase of today and be an
   active governor there too, and its vault id, from its signed chain, must
   be the backup's, from the backup's signed chain (never the labels);
4. the restore is recorded, signed by the restorer: "restored to entry #N",
   with the head of the vault it replaced; what that vault decided since
   the backup (erasures, removals, roles, slot keys) is carried forward
   (``restore_carry``); slots the chain does not list are dropped; and the
   data key is changed, since everyone who ever held a slot in the backup
   knew its key.

Only then is the vault swapped, as the last step, and nothing after it can
fail: the vault folder itself is never renamed (it holds the open lock file
for the whole restore, and Windows refuses to rename a folder holding an
open file); the replaced vault's files move out into the kept-aside folder
and the restored files move in, each by a rename within one volume, the
lock file and the backups folder staying where they are; the database moves
in last, so a vault interrupted half-way is one that says its database is
missing. It is refused while the vault is open anywhere (the vault lock).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from console.audit import chain as audit
from console.audit import backup_ledger, roles, slot_check, unlock
from console.clock import utcnow as _utcnow
from console.errors import (
    ConsoleError,
    PermissionDenied,
    ValidationError,
    VaultDamaged,
    storage_error,
)
from console.errors import translate as _translate
from console.lawful import restore_carry, restore_standing
from console.records import session
from console.storage import keyslots, schema
from console.storage.fileio import fsync_dir, restrict
from console.storage.integrity import check_integrity
from console.storage.layout import BACKUP_DIR, DB_FILE, LOCK_FILE
from console.storage.lock import VaultLock
from console.storage.snapshot import BAD_BACKUP, DB_MEMBER, SLOTS_MEMBER, read_manifest, stamp
from console.storage.vault import Vault
from console.i18n import N_, _

OTHER_VAULT = (N_("That backup is of a different vault from the one in this folder (its signed "
                 "chain says so); choose a backup of this vault, or restore it into a new folder."))


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    kept_aside: Path | None
    backup_created_at: str      # when the backup's chain ends (its last entry's time)
    audit_entries: int          # the entry restored to
    carried: tuple[str, ...] = ()   # what was carried forward, one sentence each
    made_by: str = ""           # who signed the backup's label ("" for an unsigned one)


# -------------------------------------------------------------------------
def _unpack(backup_file: Path, manifest: dict, into: Path) -> None:
    try:
        with zipfile.ZipFile(backup_file) as zf:
            for member in (DB_MEMBER, SLOTS_MEMBER):
                with zf.open(member) as src, open(into / member, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError):
        raise VaultDamaged(_(BAD_BACKUP)) from None
    except OSError as exc:
        full = storage_error(exc)
        if full:
            raise full from None
        raise VaultDamaged(_(BAD_BACKUP)) from None
    digest = hashlib.sha256()
    with open(into / DB_MEMBER, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != manifest.get("db_sha256"):
        raise VaultDamaged(_(BAD_BACKUP))


def open_checked(folder: Path, user: str | None, passphrase: str,
                 manifest: dict) -> tuple[Vault, int, str]:
    """Open an unpacked backup as the restorer and prove it sound (1 and 2
    above); returns the open vault (settled through the audit room, never
    backing up before a key rotation) and the entry and time its chain
    ends at. Raises a ConsoleError naming the problem."""
    try:
        v = Vault.open(folder, user, passphrase, migrate=False, trust_rows=False)
    except VaultDamaged:
        raise VaultDamaged(_("That backup is damaged and cannot be opened; nothing was changed. "
                             "Choose another backup.")) from None
    v.backup_before_rekey = False
    try:
        try:
            check_integrity(v)
        except VaultDamaged:
            raise VaultDamaged(_("That backup's database is damaged; nothing was changed. Choose "
                                 "another backup.")) from None
        # An older backup is brought up to this version's schema here, in the
        # scratch copy: the backup file itself is the copy taken before.
        if schema.migrations.pending(v.db):
            with v.guard():
                schema.migrations.apply(v.db)
        report = audit.verify(v)
        if not report.ok:
            raise VaultDamaged(_("That backup's audit chain is broken, or its rows disagree with "
                                 "it, so it may have been altered; nothing was changed. Choose "
                                 "another backup."))
        _require_governor(v, report.state)
        _label_matches(v, manifest, report)
        with v.guard():
            at = v.conn.execute("SELECT at FROM audit WHERE seq = ?",
                                (report.entries,)).fetchone()
        try:
            # Its own signing key, its slots, its seal; never this computer's copy
            # of the restorer's seal, which is of the vault being replaced.
            unlock.settle(v, use_copy=False)
        except ConsoleError:
            raise VaultDamaged(_("That backup does not hold your signing key or key slot as its "
                                 "own signed chain gives them, so it was made or edited outside "
                                 "the console; nothing was changed. Choose another backup.")) from None
        return v, report.entries, at[0] if at else ""
    except BaseException:
        v.close()
        raise


def _require_governor(v: Vault, state) -> None:
    """The restorer is an active governor of the backup's own chain, holding
    the slot key it gives them."""
    m = state.member(v.user.name)
    if m is None or not m.active:
        raise PermissionDenied(roles.why_not("viewer", "restore"))
    v.user = dataclasses.replace(v.user, role=m.role, active=True)
    roles.require(v, "restore")
    if state.attested and m.slot != v.slots.public_of(v.user_secret()):
        raise VaultDamaged(_("That backup's key slot for {name} is not the one its own signed "
                             "chain gives them, so it was written outside the console; nothing "
                             "was changed. Choose another backup.").format(name=v.user.name))


def _label_matches(v: Vault, manifest: dict, report) -> None:
    """A signed label must be signed by a user of the backup's own chain and
    name the head its database ends at (a chain cut after the backup was
    made, or a label moved from another backup, fails here). A label from an
    earlier version names no head: only the chain counts then."""
    head = manifest.get("head")
    if not manifest.get("signature") and head is None:
        return
    with v.guard():
        signed = backup_ledger.label_signed(v.conn, manifest)
    try:
        same = (int(head["seq"]), str(head["hash"])) == (report.entries, report.head)
    except (TypeError, KeyError, ValueError):
        same = False
    if not signed or not same:
        raise VaultDamaged(_("That backup's label does not match its contents (its signed chain "
                             "head, or who made it), so it was altered after it was made; "
                             "nothing was changed. Choose another backup."))


def _swap_contents(folder: Path, work: Path, aside: Path) -> None:
    """Move the vault in ``folder`` out to the new folder ``aside`` and the
    checked vault in ``work`` into ``folder``, leaving the (held) lock file
    and the backups folder in place. The old database leaves first and the
    new one arrives last."""
    aside.mkdir()
    restrict(aside, 0o700)
    staying = {LOCK_FILE, BACKUP_DIR}
    database_first = sorted((p for p in folder.iterdir() if p.name not in staying),
                            key=lambda p: not p.name.startswith(DB_FILE))
    for entry in database_first:
        os.replace(entry, aside / entry.name)
    fsync_dir(aside)
    database_last = sorted((p for p in work.iterdir() if p.name not in staying),
                           key=lambda p: p.name.startswith(DB_FILE))
    for entry in database_last:
        os.replace(entry, folder / entry.name)
    fsync_dir(folder)


def _carry_seals(standing, work: Path, restorer: str) -> None:
    """Keep each user's sealed head from the vault being replaced (same user,
    same slot key), so their next unlock sees the gap the restore made and
    the restore entry that explains it; the governor restoring keeps the one
    sealed as the restore was written."""
    restored = keyslots.SlotFile.load(work)
    for name, slot in restored.users.items():
        old = standing.slots.users.get(name)
        if (name != restorer and old and old.get("seal")
                and old.get("public") == slot.get("public")):
            slot["seal"] = old["seal"]
    restored.save(work)


def _existing_vault(folder: Path) -> bool:
    existing = folder.exists() and any(
        (folder / n).exists() for n in (DB_FILE, keyslots.SLOTS_FILE))
    if folder.exists() and not existing:
        if any(folder.iterdir()):
            raise ValidationError(_("That folder holds other files and no vault; restore into an "
                                    "empty or new folder."))
        folder.rmdir()
    return existing


def restore_backup(folder, backup_file, user: str | None, passphrase: str,
                   on_progress=None, current_passphrase: str | None = None) -> RestoreResult:
    """Replace the vault in ``folder`` with the backup, after checking it and
    preparing the restored vault completely (see above). ``passphrase`` is
    the restorer's as it was in the backup; ``current_passphrase`` theirs
    in the vault being replaced (the same one when not given)."""
    folder = Path(folder).expanduser().absolute()
    backup_file = Path(backup_file).expanduser()
    total = 5
    step = (lambda n: on_progress(n, total)) if on_progress else (lambda n: None)
    step(0)
    manifest = read_manifest(backup_file)
    existing = _existing_vault(folder)
    current_passphrase = passphrase if current_passphrase is None else current_passphrase
    lock = None
    if existing:
        lock = VaultLock(folder)
        lock.acquire()  # VaultInUse while it is open anywhere
    work = None
    try:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.restore-",
                                         dir=folder.parent))
        except OSError as exc:
            raise _translate(exc) from None
        _unpack(backup_file, manifest, work)
        step(1)
        v, restored_to, ends_at = open_checked(work, user, passphrase, manifest)
        try:
            user = v.user.name
            backup_id = unlock.current(v).vault_id
            standing = None
            if existing:
                standing = restore_standing.read_standing(folder, user, current_passphrase,
                                                          lock)
                if standing.vault_id != backup_id:
                    raise ValidationError(_(OTHER_VAULT))
            step(2)
            aside = (folder.with_name(f"{folder.name}.replaced-{stamp(_utcnow())}")
                     if existing else None)
            carried = _record(v, manifest, restored_to, standing, aside, passphrase,
                              current_passphrase)
        finally:
            v.close()
        if standing is not None:
            _carry_seals(standing, work, user)
        step(3)
        try:
            (work / LOCK_FILE).unlink(missing_ok=True)
            if existing:
                _swap_contents(folder, work, aside)
                shutil.rmtree(work, ignore_errors=True)
            else:
                restrict(work, 0o700)
                os.replace(work, folder)  # a new folder: nothing in it is open
            work = None
            fsync_dir(folder.parent)
        except OSError as exc:
            raise _translate(exc) from None
    finally:
        if lock is not None:
            lock.release()
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    step(total)
    made_by = str((manifest.get("signer") or {}).get("user") or "") \
        if manifest.get("signature") else ""
    return RestoreResult(folder, aside, ends_at or manifest["created_at"], restored_to,
                         tuple(carried), made_by)


def _record(v: Vault, manifest: dict, restored_to: int, standing, aside,
            passphrase: str, current_passphrase: str) -> list[str]:
    """Step 4 above, in the scratch copy: the restore entry, what is carried
    forward, the slots the chain lists and a new data key."""
    replaced = ({"seq": standing.head[0], "hash": standing.head[1]}
                if standing is not None and standing.head else None)
    if standing is not None and standing.head is None:
        replaced = {"seq": standing.state.seq, "hash": standing.state.head}
    # Briefing numbers the replaced vault used since the backup are never used
    # again: HQ holds those briefings under them.
    held = {r[0] for r in v.query("SELECT reference FROM briefings")}
    issued = sorted(set(standing.briefings) - held) if standing is not None else []
    with v.write():
        audit.append(v, "vault.restore", "vault", v.vault_id,
                     after={"backup_created_at": manifest["created_at"],
                            "backup_reason": manifest.get("reason", ""),
                            "kept_aside": aside.name if aside else None,
                            "restored_to": restored_to,
                            "restored_head": _hash_at(v, restored_to),
                            "replaced": replaced, "briefings_replaced": issued})
    said = []
    if standing is not None:
        said = restore_carry.carry_forward(v, standing, passphrase, current_passphrase)
        if standing.note:
            said.append(standing.note)
    session.settle(v)   # sealing keys in the hands the restored chain entitles
    for name in list(v.slots.users):
        v.slots.clear_quick(name)   # quick unlock is set up again after a restore
    slot_check.rotate(v, unlock.current(v))
    unlock.seal_now(v)
    return said


def _hash_at(v: Vault, seq: int) -> str:
    row = v.query("SELECT hash FROM audit WHERE seq = ?", (seq,))
    return row[0][0] if row else ""
