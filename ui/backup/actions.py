"""What the backup dialog works with, as plain data.

``BackupActions`` names the core calls the dialog runs as operations on the
vault thread, each taking the vault first (the console's by default; tests
give their own). The dialog never holds the vault. A restore is not an
action here: it needs the vault closed, so the dialog only hands back a
``RestoreRequest`` and the shell locks, restores and shows the unlock page.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from console.audit import backup_ledger
from console.lawful import backups, retention
from console.storage.snapshot import BackupInfo


@dataclass(frozen=True)
class BackupRow:
    """One automatic backup as listed; ``flag`` is the sentence saying why it
    should be deleted (empty when it is kept)."""
    info: BackupInfo
    flag: str = ""

    @property
    def flagged(self) -> bool:
        return bool(self.flag)


def backup_rows(vault) -> list[BackupRow]:
    """The automatic backups as the signed chain places them, with the
    retention flags (vault thread)."""
    flags = {f.path: f.reason for f in retention.backup_flags(vault)}
    return [BackupRow(dataclasses.replace(p.info, created_at=p.made_at or p.info.created_at),
                      flags.get(p.info.path, "")) for p in backup_ledger.place(vault)]


def save_backup(vault, out_path, on_progress=None) -> Path:
    """A manual backup to the file the save dialog chose (it confirmed
    replacing a file, and the folder is one it showed)."""
    return backups.make_backup(vault, out_path, on_progress, force=True, create_folder=True)


@dataclass(frozen=True)
class BackupActions:
    list_backups: Callable[..., list[BackupRow]] = backup_rows                  # (vault)
    # make_backup(vault, out_path, on_progress) -> the path written
    make_backup: Callable[..., Path] = save_backup
    delete_backup: Callable[..., None] = backups.delete_backup           # (vault, path)
    # False for the backups of a vault that cannot be opened: the calls get None
    # for the vault and say why they cannot act (only a restore works then).
    needs_vault: bool = True


@dataclass(frozen=True)
class RestoreRequest:
    """The backup to restore, the governor (in that backup) who unlocks it,
    and their passphrase of today for the vault it replaces ("" when the same)."""
    path: Path
    user: str
    passphrase: str
    current_passphrase: str = ""

    def __repr__(self) -> str:          # never show a passphrase in a log
        return f"RestoreRequest(path={str(self.path)!r}, user={self.user!r})"
