"""Encrypted snapshots of a vault: writing and reading backups.

A backup is one zip file holding three members: ``register.db`` (a consistent
copy of the database made with ``sqlcipher_export`` on the open connection,
so it stays encrypted under the same data key), ``keyslots.json`` (the slots
that unlock that key) and ``manifest.json`` (format, vault id, time, reason,
applied migrations, the SHA-256 of the copy and of the slots, and the audit
chain's head the copy holds: number, hash and time), signed with the signing
key of the user who made it. Nothing in a backup is readable without a
user's passphrase; the manifest names no subject.

The manifest is a label, never an authority: its time and order are placed
by the signed chain (``console.audit.backup_ledger``, which also prunes and
says when the daily backup is due), and a restore trusts only the chain
inside the backup (``console.lawful.restore``).

Automatic backups go to ``<vault>/backups/`` before every migration and data
key rotation, and on close at most once a day; the ledger keeps the newest
``backup_keep`` (a vault setting) there, when the vault was opened through
the audit room (``vault.prune_backups``). Where the laptop's policy names a
backup folder, each is also copied to ``<folder>/<vault id>/``.

This module sits below the vault (it takes an open connection and the slot
file's bytes, never a ``Vault``), so the vault can take a backup before a
migration or a key rotation. Restoring, which needs the audit chain and the
rights table, is ``console.lawful.restore``.

Files are written under a temporary name and renamed into place, so a crash
or a full disk never leaves a half-written backup under a real name.
"""

from __future__ import annotations

import base64
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
from console.i18n import N_, _

FORMAT = 2
FORMATS = (1, 2)    # format 1: no chain head, slots digest or signature
KIND = "governors-console-backup"
SUFFIX = ".gcbackup"
SLOTS_MEMBER = "keyslots.json"
MANIFEST_MEMBER = "manifest.json"
DAY = dt.timedelta(days=1)

BAD_BACKUP = (N_("That file is not a usable backup of a Governor's Console vault (it is damaged "
                "or of another kind); nothing was changed. Choose another backup."))


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as its manifest describes it; ``ok`` is False when the
    manifest cannot be read (the file is damaged). Nothing here is checked:
    the ledger places it in the chain."""

    path: Path
    created_at: str
    reason: str
    size: int
    vault_id: str
    ok: bool = True
    manifest: dict | None = None

    @property
    def head(self) -> tuple[int, str, str] | None:
        """(entry number, hash, time) of the chain head the backup holds."""
        h = (self.manifest or {}).get("head")
        try:
            return int(h["seq"]), str(h["hash"]), str(h["at"])
        except (TypeError, KeyError, ValueError):
            return None

    @property
    def signer(self) -> str:
        return str(((self.manifest or {}).get("signer") or {}).get("user") or "")


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
    from console.storage.connection import database
    return [m.name for m in schema.migrations.applied(database(conn))]


def _head(conn) -> dict:
    row = conn.execute("SELECT seq, hash, at FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return {"seq": row[0], "hash": row[1], "at": row[2]} if row else \
        {"seq": 0, "hash": "0" * 64, "at": ""}


def signed_bytes(manifest: dict) -> bytes:
    """What a manifest's signature covers: all of it but the signature."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def signer_of(vault):
    """(user name, signing identity) of the person signed in to ``vault``."""
    return vault.user.name, vault.identity()


def migration_signer(conn, vault_id: str, user: str, user_secret: bytes):
    """(user, identity) to sign a backup taken before a migration, or None
    when the identity cannot be read (the backup is then unsigned)."""
    from console.storage import identities
    try:
        return user, identities.load(conn, vault_id, user, user_secret)
    except Exception:  # noqa: BLE001 - an unreadable identity leaves the label unsigned
        return None


def write_backup(conn, slots_bytes: bytes, vault_id: str, out_path: Path, reason: str,
                 on_progress=None, signer=None) -> Path:
    """Write the backup; ``signer`` is (user, Identity), or None for an
    unsigned manifest (a backup before a migration the user's key could not
    be read for)."""
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
            head = _head(conn)
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
            "slots_sha256": hashlib.sha256(slots_bytes).hexdigest(), "head": head,
        }
        if signer is not None:
            user, ident = signer
            manifest["signer"] = {"user": user, "fingerprint": ident.fingerprint}
            manifest["signature"] = base64.b64encode(
                ident.sign(signed_bytes(manifest))).decode("ascii")
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


def keep_count(value) -> int:
    """How many automatic backups the ``backup_keep`` setting keeps."""
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
    """A backup into ``<vault>/backups/``, then prune to the newest N (by the
    ledger the audit room gave the vault; a vault opened without it prunes
    nothing)."""
    folder = Path(vault.folder)
    out = backups_dir(folder) / auto_name(_utcnow(), reason)
    path = write_backup(vault.conn, vault.slots.to_bytes(), vault.vault_id, out, reason,
                        signer=signer_of(vault))
    pruner = getattr(vault, "prune_backups", None)
    if pruner is not None:
        pruner()
    copy_to_policy_folder(path, vault.vault_id)
    return path


def backup_before(folder, conn, reason: str, signer=None) -> Path:
    """Called by ``Vault.open`` with the raw connection before migrations:
    copies the database and the slot file as they are on disk. Nothing is
    pruned here: that needs the chain, which the migration may not have
    reached yet."""
    folder = Path(folder)
    slots = keyslots.SlotFile.load(folder)
    out = backups_dir(folder) / auto_name(_utcnow(), reason)
    path = write_backup(conn, slots.to_bytes(), slots.vault_id, out, reason, signer=signer)
    copy_to_policy_folder(path, slots.vault_id)
    return path


# -- reading ---------------------------------------------------------------------------
def read_manifest(backup_file) -> dict:
    try:
        with zipfile.ZipFile(backup_file) as zf:
            names = set(zf.namelist())
            if not {MANIFEST_MEMBER, SLOTS_MEMBER, DB_MEMBER} <= names:
                raise ValueError
            manifest = json.loads(zf.read(MANIFEST_MEMBER).decode("utf-8"))
        if (not isinstance(manifest, dict) or manifest.get("kind") != KIND
                or not isinstance(manifest.get("vault_id"), str)
                or not isinstance(manifest.get("created_at"), str)):
            raise ValueError
    except FileNotFoundError:
        raise VaultNotFound(_("That backup file does not exist; check the path.")) from None
    except IsADirectoryError:
        raise VaultDamaged(_(BAD_BACKUP)) from None
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        raise VaultDamaged(_(BAD_BACKUP)) from None
    if manifest.get("format") not in FORMATS:
        raise VaultTooNew(_("That backup was made by a newer version of Governor's Console; "
                            "install that version to restore it."))
    return manifest


def list_backups(folder) -> list[BackupInfo]:
    """The files in ``<vault>/backups/`` as their manifests describe them,
    damaged ones included (``ok`` False). Unordered: only the ledger can
    order them."""
    out = []
    try:
        paths = [p for p in backups_dir(folder).iterdir()
                 if p.name.endswith(SUFFIX) and p.is_file()]
    except OSError:
        return []
    for path in paths:
        try:
            size = path.stat().st_size
        except OSError:
            continue
        try:
            m = read_manifest(path)
            out.append(BackupInfo(path, m["created_at"], str(m.get("reason", ""))[:40], size,
                                  m["vault_id"], manifest=m))
        except ConsoleError:
            out.append(BackupInfo(path, "", "", size, "", ok=False))
    return out
