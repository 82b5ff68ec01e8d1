"""Encrypted snapshots of a vault: writing, listing and pruning backups.

A backup is one zip file holding three members: ``register.db`` (a consistent
copy of the database made with ``sqlcipher_export`` on the open connection,
so it stays encrypted under the same data key), ``keyslots.json`` (the slots
that unlock that key) and ``manifest.json`` (format, vault id, time, reason,
applied migrations, the copy's SHA-256). Nothing in a backup is readable
without a user's passphrase; the manifest names no subject.

Automatic backups go to ``<vault>/backups/`` before every migration and data
key rotation, and on close at most once a day; only the newest
``backup_keep`` (a vault setting) are kept there. Where the laptop's policy
names a backup folder, each is also copied to ``<folder>/<vault id>/``.

This module sits below the vault (it takes an open connection and the slot
file's bytes, never a ``Vault``), so the vault can take a backup before a
migration or a key rotation. Restoring, which needs the audit chain and the
rights table, is ``console.lawful.restore``.

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

from console import __version__
from console.clock import utcnow as _utcnow
from console.errors import ConsoleError, VaultDamaged, VaultNotFound, VaultTooNew, storage_error
from console.errors import translate as _translate
from console.storage import keyslots, policy, schema
from console.storage.fileio import fsync_dir, restrict, sync_file
from console.storage.layout import BACKUP_DIR
from console.storage.layout import DB_FILE as DB_MEMBER
from console.storage.settings import DEFAULT_SETTINGS

FORMAT = 1
KIND = "governors-console-backup"
SUFFIX = ".gcbackup"
SLOTS_MEMBER = "keyslots.json"
MANIFEST_MEMBER = "manifest.json"
DAY = dt.timedelta(days=1)

BAD_BACKUP = ("That file is not a usable backup of a Governor's Console vault (it is "
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


def stamp(when: dt.datetime) -> str:
    return when.strftime("%Y%m%dT%H%M%S.%fZ")


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
    return [m.name for m in schema.migrations.applied(Database(conn))]


def write_backup(conn, slots_bytes: bytes, vault_id: str, out_path: Path, reason: str,
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
            sync_file(fh.fileno())
        restrict(tmp_zip, 0o600)
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


def auto_name(when: dt.datetime, reason: str) -> str:
    return f"backup-{stamp(when)}-{reason}{SUFFIX}"


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
        return DEFAULT_SETTINGS["backup_keep"]


def copy_to_policy_folder(backup: Path, vault_id: str) -> Path | None:
    """Copy an automatic backup to the policy's backup folder, if there is
    one. A failure (a share offline, a full drive) is logged, not raised:
    the backup beside the vault stands, and the step that asked for it (a
    key rotation, closing) must go on."""
    folder = policy.load().backup_folder
    if folder is None:
        return None
    target = folder / vault_id / backup.name
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as dst, open(backup, "rb") as src:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            sync_file(dst.fileno())
        os.replace(tmp, target)
        tmp = None
        fsync_dir(target.parent)
        return target
    except OSError as exc:
        import logging
        logging.getLogger(__name__).warning("automatic backup not copied to the policy's "
                                            "backup folder: %s", type(exc).__name__)
        return None
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def automatic_backup(vault, reason: str) -> Path:
    """A backup into ``<vault>/backups/``, then prune to the newest N."""
    folder = Path(vault.folder)
    out = backups_dir(folder) / auto_name(_utcnow(), reason)
    path = write_backup(vault.conn, vault.slots.to_bytes(), vault.vault_id, out, reason)
    _prune(folder, _keep(vault.setting("backup_keep")))
    copy_to_policy_folder(path, vault.vault_id)
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
    out = backups_dir(folder) / auto_name(_utcnow(), reason)
    path = write_backup(conn, slots.to_bytes(), slots.vault_id, out, reason)
    _prune(folder, keep)
    copy_to_policy_folder(path, slots.vault_id)
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
        raise VaultDamaged(BAD_BACKUP) from None
    if manifest.get("format") != FORMAT:
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


