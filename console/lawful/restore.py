"""Restoring a vault from a backup.

Restoring checks the backup completely (checksum, unlock with a governor's
passphrase, ``PRAGMA integrity_check``, SQLCipher's page check and the audit
chain) in a scratch folder *before* anything is replaced, and keeps the
replaced vault beside the restored one under a time-stamped name. It is
refused while the vault is open anywhere (the vault lock).

The vault folder itself is never renamed: it holds the open lock file for
the whole restore, and Windows refuses to rename a folder holding an open
file. The replaced vault's files move out into the kept-aside folder and the
restored files move in, each by a rename within one volume, the lock file
and the backups folder staying where they are; the database moves in last,
so a vault interrupted half-way is one that says its database is missing.
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
from console.audit import replay, roles, unlock
from console.clock import utcnow as _utcnow
from console.errors import ConsoleError, ValidationError, VaultDamaged, storage_error
from console.errors import translate as _translate
from console.storage import keyslots, schema
from console.storage.fileio import fsync_dir, restrict
from console.storage.integrity import check_integrity
from console.storage.layout import BACKUP_DIR, DB_FILE, LOCK_FILE
from console.storage.lock import VaultLock
from console.storage.snapshot import (
    BAD_BACKUP,
    DB_MEMBER,
    SLOTS_MEMBER,
    read_manifest,
    stamp,
)
from console.storage.vault import Vault


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    kept_aside: Path | None
    backup_created_at: str
    audit_entries: int


# -------------------------------------------------------------------------
def _unpack(backup_file: Path, manifest: dict, into: Path) -> None:
    try:
        with zipfile.ZipFile(backup_file) as zf:
            for member in (DB_MEMBER, SLOTS_MEMBER):
                with zf.open(member) as src, open(into / member, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError):
        raise VaultDamaged(BAD_BACKUP) from None
    except OSError as exc:
        full = storage_error(exc)
        if full:
            raise full from None
        raise VaultDamaged(BAD_BACKUP) from None
    digest = hashlib.sha256()
    with open(into / DB_MEMBER, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != manifest.get("db_sha256"):
        raise VaultDamaged(BAD_BACKUP)


def check_restored(folder: Path, user: str | None, passphrase: str):
    """Open an unpacked backup and prove it sound; returns (user_secret,
    user name, audit entry count). Raises a ConsoleError naming the problem."""
    try:
        v = Vault.open(folder, user, passphrase, migrate=False, trust_rows=False)
    except VaultDamaged:
        raise VaultDamaged("That backup is damaged and cannot be opened; nothing was "
                           "changed. Choose another backup.") from None
    try:
        # The role the backup's own chain gives, never its users rows.
        with v.guard():
            authority = replay.run(v.conn, rows=False)
        member = authority.state.member(v.user.name) if authority.intact else None
        if member is not None and member.active:
            v.user = dataclasses.replace(v.user, role=member.role, active=True)
        roles.require(v, "restore")
        try:
            check_integrity(v)
        except VaultDamaged:
            raise VaultDamaged("That backup's database is damaged; nothing was changed. "
                               "Choose another backup.") from None
        # An older backup is brought up to this version's schema here, in the
        # scratch copy: the backup file itself is the copy taken before.
        if schema.migrations.pending(v.db):
            with v.guard():
                schema.migrations.apply(v.db)
        report = audit.verify(v)
        if not report.ok:
            raise VaultDamaged("That backup's audit chain is broken, so it may have been "
                               "altered; nothing was changed. Choose another backup.")
        return v.user_secret(), v.user.name, report.entries, report.head
    finally:
        v.close()


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


def _carry_seals(folder: Path, work: Path, restorer: str) -> None:
    """Keep each user's sealed head from the vault being replaced (same user,
    same slot key), so their next unlock sees the gap the restore made and
    the restore entry that explains it; the governor restoring keeps the
    backup's own, and verifies the restore entry as they write it. A damaged
    slot file carries nothing."""
    try:
        current = keyslots.SlotFile.load(folder)
        restored = keyslots.SlotFile.load(work)
    except ConsoleError:
        return
    if current.vault_id != restored.vault_id:
        return
    for name, slot in restored.users.items():
        old = current.users.get(name)
        if (name != restorer and old and old.get("seal")
                and old.get("public") == slot.get("public")):
            slot["seal"] = old["seal"]
    restored.save(work)


def restore_backup(folder, backup_file, user: str | None, passphrase: str,
                   on_progress=None, allow_other_vault: bool = False) -> RestoreResult:
    """Replace the vault in ``folder`` with the backup, after checking it.

    The backup is unpacked into a scratch folder beside the vault and opened
    with ``user``'s passphrase (a governor in the backup). Only when it opens,
    passes the integrity checks and its audit chain verifies are the current
    vault's files moved aside (``<name>.replaced-<time>``) and the restored
    ones put in their place, with the vault's lock held throughout. The
    restore is then recorded in the restored audit chain.
    """
    folder = Path(folder).expanduser().absolute()
    backup_file = Path(backup_file).expanduser()
    total = 5
    step = (lambda n: on_progress(n, total)) if on_progress else (lambda n: None)
    step(0)
    manifest = read_manifest(backup_file)
    existing = folder.exists() and any(
        (folder / n).exists() for n in (DB_FILE, keyslots.SLOTS_FILE))
    if folder.exists() and not existing:
        if any(folder.iterdir()):
            raise ValidationError("That folder holds other files and no vault; restore into "
                                  "an empty or new folder.")
        folder.rmdir()
    lock = None
    if existing:
        lock = VaultLock(folder)
        lock.acquire()  # VaultInUse while it is open anywhere
    work = None
    try:
        if existing and not allow_other_vault:
            try:
                current_id = keyslots.SlotFile.load(folder).vault_id
            except ConsoleError:
                current_id = None  # a damaged vault is exactly what a restore replaces
            if current_id is not None and current_id != manifest["vault_id"]:
                raise ValidationError("That backup is of a different vault from the one in "
                                      "this folder; choose a backup of this vault, or "
                                      "restore it into a new folder.")
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.restore-",
                                         dir=folder.parent))
        except OSError as exc:
            raise _translate(exc) from None
        _unpack(backup_file, manifest, work)
        step(1)
        user_secret, user, entries, restored_head = check_restored(work, user, passphrase)
        if existing:
            _carry_seals(folder, work, user)
        step(2)
        try:
            (work / LOCK_FILE).unlink(missing_ok=True)
            aside = None
            if folder.exists():
                aside = folder.with_name(f"{folder.name}.replaced-{stamp(_utcnow())}")
                _swap_contents(folder, work, aside)
                shutil.rmtree(work, ignore_errors=True)
            else:
                restrict(work, 0o700)
                os.replace(work, folder)  # a new folder: nothing in it is open
            work = None
            fsync_dir(folder.parent)
        except OSError as exc:
            raise _translate(exc) from None
        step(3)
    finally:
        if lock is not None:
            lock.release()
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    # Record the restore in the restored chain: "restored to entry #N" explains,
    # to every later check, why heads users had verified after N are gone.
    with unlock.open_vault(folder, user, user_secret=user_secret, use_copy=False) as v:
        with v.write():
            audit.append(v, "vault.restore", "vault", v.vault_id,
                         after={"backup_created_at": manifest["created_at"],
                                "backup_reason": manifest.get("reason", ""),
                                "kept_aside": aside.name if aside else None,
                                "restored_to": entries, "restored_head": restored_head})
        unlock.settle(v)  # seal the restore for the governor who made it
    step(total)
    return RestoreResult(folder, aside, manifest["created_at"], entries)
