"""Encrypted backups of a vault, and restoring one.

A backup is one zip file holding three members: ``register.db`` (a consistent
copy of the database made with ``sqlcipher_export`` on the open connection,
so it stays encrypted under the same data key), ``keyslots.json`` (the slots
that unlock that key) and ``manifest.json`` (format, vault id, time, reason,
applied migrations, the copy's SHA-256). Nothing in a backup is readable
without a user's passphrase; the manifest names no subject.

Automatic backups go to ``<vault>/backups/`` before every migration and data
key rotation, and on close at most once a day; only the newest
``backup_keep`` (a vault setting) are kept there.

Restoring checks the backup completely (checksum, unlock with a governor's
passphrase, ``PRAGMA integrity_check``, SQLCipher's page check and the audit
chain) in a scratch folder *before* anything is replaced, and keeps the
replaced vault beside the restored one under a time-stamped name. It is
refused while the vault is open anywhere (the vault lock).

Files are written under a temporary name and renamed into place, so a crash
or a full disk never leaves a half-written backup under a real name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import __version__, keyslots, roles
from .errors import ConsoleError, ValidationError, VaultDamaged, VaultNotFound
from .fileio import fsync_dir, storage_error

FORMAT = 1
KIND = "governors-console-backup"
SUFFIX = ".gcbackup"
BACKUP_DIR = "backups"
DB_MEMBER = "register.db"
SLOTS_MEMBER = "keyslots.json"
MANIFEST_MEMBER = "manifest.json"
DAY = dt.timedelta(days=1)

_BAD_BACKUP = ("That file is not a usable backup of a Governor's Console vault (it is "
               "damaged or of another kind); nothing was changed. Choose another backup.")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as listed for the user; ``ok`` is False when its
    manifest cannot be read (the file is damaged)."""

    path: Path
    created_at: str
    reason: str
    size: int
    vault_id: str
    ok: bool = True


@dataclass(frozen=True)
class RestoreResult:
    folder: Path
    kept_aside: Path | None
    backup_created_at: str
    audit_entries: int


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _stamp(when: dt.datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S.%fZ")


def _translate(exc: BaseException) -> ConsoleError:
    from .vault import translate
    return translate(exc)


# -- writing ---------------------------------------------------------------------------
def _export(conn, target: Path) -> None:
    """A consistent encrypted copy of the open database. An attached database
    given no KEY uses the main database's key, so the copy is encrypted under
    the same data key and never exists in clear."""
    quoted = str(target).replace("'", "''")
    conn.execute(f"ATTACH DATABASE '{quoted}' AS gc_backup")
    try:
        conn.execute("PRAGMA gc_backup.journal_mode = DELETE").fetchall()
        conn.execute("SELECT sqlcipher_export('gc_backup')").fetchall()
    finally:
        conn.execute("DETACH DATABASE gc_backup")


def _migrations(conn) -> list[str]:
    from sqlite_utils import Database
    from . import schema
    return [m.name for m in schema.migrations.applied(Database(conn))]


def _write_backup(conn, slots_bytes: bytes, vault_id: str, out_path: Path, reason: str,
                  on_progress=None) -> Path:
    out_path = Path(out_path)
    total = 4
    if on_progress:
        on_progress(0, total)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".gc-backup-", dir=out_path.parent))
    except OSError as exc:
        raise _translate(exc) from None
    try:
        db_copy = work / DB_MEMBER
        try:
            _export(conn, db_copy)
            migrations = _migrations(conn)
        except Exception as exc:
            raise _translate(exc) from None
        if on_progress:
            on_progress(1, total)
        digest = hashlib.sha256()
        with open(db_copy, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        manifest = {
            "format": FORMAT, "kind": KIND, "vault_id": vault_id,
            "created_at": _utcnow().isoformat(timespec="microseconds"),
            "reason": reason, "app_version": __version__, "migrations": migrations,
            "db_sha256": digest.hexdigest(),
        }
        if on_progress:
            on_progress(2, total)
        tmp_zip = work / "backup.zip"
        with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_STORED) as zf:
            zf.writestr(MANIFEST_MEMBER, json.dumps(manifest, indent=1, sort_keys=True))
            zf.writestr(SLOTS_MEMBER, slots_bytes)
            zf.write(db_copy, DB_MEMBER)
        with open(tmp_zip, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_zip, 0o600)
        if on_progress:
            on_progress(3, total)
        os.replace(tmp_zip, out_path)
        fsync_dir(out_path.parent)
        if on_progress:
            on_progress(total, total)
        return out_path
    except OSError as exc:
        full = storage_error(exc)
        raise (full or _translate(exc)) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def make_backup(vault, out_path, on_progress=None) -> Path:
    """A manual backup of the open vault to ``out_path`` (one file)."""
    roles.require(vault, "backup")
    out_path = Path(out_path).expanduser()
    if out_path.is_dir():
        out_path = out_path / _auto_name(_utcnow(), "manual")
    return _write_backup(vault.conn, vault.slots.to_bytes(), vault.vault_id, out_path,
                         "manual", on_progress)


def _auto_name(when: dt.datetime, reason: str) -> str:
    return f"backup-{_stamp(when)}-{reason}{SUFFIX}"


def backups_dir(folder) -> Path:
    return Path(folder) / BACKUP_DIR


def _prune(folder: Path, keep: int) -> None:
    files = sorted(backups_dir(folder).glob(f"backup-*{SUFFIX}"))
    for old in files[:-keep] if keep > 0 else []:
        try:
            old.unlink()
        except OSError:
            pass


def _keep(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        from .vault import DEFAULT_SETTINGS
        return DEFAULT_SETTINGS["backup_keep"]


def automatic_backup(vault, reason: str) -> Path:
    """A backup into ``<vault>/backups/``, then prune to the newest N."""
    folder = Path(vault.folder)
    out = backups_dir(folder) / _auto_name(_utcnow(), reason)
    path = _write_backup(vault.conn, vault.slots.to_bytes(), vault.vault_id, out, reason)
    _prune(folder, _keep(vault.setting("backup_keep")))
    return path


def backup_before(folder, conn, reason: str) -> Path:
    """Called by ``Vault.open`` with the raw connection before migrations:
    copies the database and the slot file as they are on disk."""
    folder = Path(folder)
    slots = keyslots.SlotFile.load(folder)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'backup_keep'").fetchone()
        keep = _keep(json.loads(row[0]) if row else None)
    except Exception:
        keep = _keep(None)
    out = backups_dir(folder) / _auto_name(_utcnow(), reason)
    path = _write_backup(conn, slots.to_bytes(), slots.vault_id, out, reason)
    _prune(folder, keep)
    return path


def backup_on_close_if_due(vault) -> Path | None:
    """Before closing: a backup if none was made in the last day."""
    if vault.closed:
        return None
    latest = _latest_time(vault.folder)
    if latest is not None and _utcnow() - latest < DAY:
        return None
    return automatic_backup(vault, "daily")


def _latest_time(folder) -> dt.datetime | None:
    newest = None
    for path in backups_dir(folder).glob(f"backup-*{SUFFIX}"):
        stamp = path.name[len("backup-"):].split("-", 1)[0]
        try:
            when = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%S.%fZ").replace(
                tzinfo=dt.timezone.utc)
        except ValueError:
            continue
        newest = when if newest is None or when > newest else newest
    return newest


# -- reading ---------------------------------------------------------------------------
def read_manifest(backup_file) -> dict:
    try:
        with zipfile.ZipFile(backup_file) as zf:
            names = set(zf.namelist())
            if not {MANIFEST_MEMBER, SLOTS_MEMBER, DB_MEMBER} <= names:
                raise ValueError
            manifest = json.loads(zf.read(MANIFEST_MEMBER).decode("utf-8"))
        if manifest.get("kind") != KIND or not isinstance(manifest.get("vault_id"), str):
            raise ValueError
    except FileNotFoundError:
        raise VaultNotFound("That backup file does not exist; check the path.") from None
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        raise VaultDamaged(_BAD_BACKUP) from None
    if manifest.get("format") != FORMAT:
        from .errors import VaultTooNew
        raise VaultTooNew("That backup was made by a newer version of Governor's Console; "
                          "install that version to restore it.")
    return manifest


def list_backups(folder) -> list[BackupInfo]:
    """The backups in ``<vault>/backups/``, newest first, damaged ones last."""
    out = []
    for path in backups_dir(folder).glob(f"*{SUFFIX}"):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        try:
            m = read_manifest(path)
            out.append(BackupInfo(path, m["created_at"], m.get("reason", ""), size,
                                  m["vault_id"]))
        except ConsoleError:
            out.append(BackupInfo(path, "", "", size, "", ok=False))
    return sorted(out, key=lambda b: (b.ok, b.created_at), reverse=True)


# -- restoring -------------------------------------------------------------------------
def _unpack(backup_file: Path, manifest: dict, into: Path) -> None:
    try:
        with zipfile.ZipFile(backup_file) as zf:
            for member in (DB_MEMBER, SLOTS_MEMBER):
                with zf.open(member) as src, open(into / member, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError):
        raise VaultDamaged(_BAD_BACKUP) from None
    except OSError as exc:
        full = storage_error(exc)
        if full:
            raise full from None
        raise VaultDamaged(_BAD_BACKUP) from None
    digest = hashlib.sha256()
    with open(into / DB_MEMBER, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != manifest.get("db_sha256"):
        raise VaultDamaged(_BAD_BACKUP)


def check_integrity(vault) -> None:
    """Read every page of the open vault: SQLite's structure check and
    SQLCipher's per-page authentication. Raises VaultDamaged if either fails."""
    with vault.guard():
        rows = vault.conn.execute("PRAGMA integrity_check").fetchall()
        pages = vault.conn.execute("PRAGMA cipher_integrity_check").fetchall()
    if rows != [("ok",)] or pages:
        raise VaultDamaged("The vault's database is damaged; restore it from a backup "
                           "(File › Backups… › Restore, or the 'restore' command).")


def check_restored(folder: Path, user: str | None, passphrase: str):
    """Open an unpacked backup and prove it sound; returns (user_secret,
    user name, audit entry count). Raises a ConsoleError naming the problem."""
    from . import audit, schema
    from .vault import Vault
    try:
        v = Vault.open(folder, user, passphrase, migrate=False)
    except VaultDamaged:
        raise VaultDamaged("That backup is damaged and cannot be opened; nothing was "
                           "changed. Choose another backup.") from None
    try:
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
        return v.user_secret(), v.user.name, report.entries
    finally:
        v.close()


def restore_backup(folder, backup_file, user: str | None, passphrase: str,
                   on_progress=None, allow_other_vault: bool = False) -> RestoreResult:
    """Replace the vault in ``folder`` with the backup, after checking it.

    The backup is unpacked into a scratch folder beside the vault and opened
    with ``user``'s passphrase (a governor in the backup). Only when it opens,
    passes the integrity checks and its audit chain verifies is the current
    vault renamed aside (``<name>.replaced-<time>``) and the restored one put
    in its place. The restore is then recorded in the restored audit chain.
    """
    from . import audit
    from .vault import DB_FILE, LOCK_FILE, Vault, _Lock
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
        lock = _Lock(folder)
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
        user_secret, user, entries = check_restored(work, user, passphrase)
        step(2)
        try:
            (work / LOCK_FILE).unlink(missing_ok=True)
            os.chmod(work, 0o700)
            aside = None
            if folder.exists():
                aside = folder.with_name(f"{folder.name}.replaced-{_stamp(_utcnow())}")
                os.replace(folder, aside)
                old_backups = backups_dir(aside)
                if old_backups.is_dir():
                    os.replace(old_backups, backups_dir(work))
            os.replace(work, folder)
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
    # Record the restore in the restored chain.
    with Vault.open(folder, user, user_secret=user_secret) as v:
        with v.write():
            audit.append(v, "vault.restore", "vault", v.vault_id,
                         after={"backup_created_at": manifest["created_at"],
                                "backup_reason": manifest.get("reason", ""),
                                "kept_aside": aside.name if aside else None})
    step(total)
    return RestoreResult(folder, aside, manifest["created_at"], entries)


def delete_backup(vault, path) -> None:
    """Delete one automatic backup from the vault's own backups folder
    (governor only; recorded in the audit chain)."""
    from . import audit
    roles.require(vault, "delete_backup")
    folder = backups_dir(vault.folder).resolve()
    path = Path(path).resolve()
    if path.parent != folder or path.suffix != SUFFIX or not path.is_file():
        raise ValidationError("Only a backup in this vault's own backups folder can be "
                              "deleted here.")
    with vault.write():
        audit.append(vault, "backup.delete", "vault", vault.vault_id, after={"file": path.name})
        try:
            path.unlink()
        except OSError:
            raise ValidationError("That backup could not be deleted; check that the file is "
                                  "not open elsewhere, then try again.") from None
