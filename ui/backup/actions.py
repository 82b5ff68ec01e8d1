"""What the backup dialog needs from the caller, as plain data.

``BackupActions`` is a bundle of blocking callables; the dialog calls them on
the thread pool, never on the UI thread, and the shell routes each one to the
vault's own thread. The dialog never sees the vault. A restore is not an
action here: it needs the vault closed, so the dialog only hands back a
``RestoreRequest`` and the shell locks, restores and shows the unlock page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

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


@dataclass(frozen=True)
class BackupActions:
    list_backups: Callable[[], list[BackupRow]]
    # make_backup(out_path, on_progress) -> the path written
    make_backup: Callable[[Path, Callable[[int, int], None]], Path]
    delete_backup: Callable[[Path], None]


@dataclass(frozen=True)
class RestoreRequest:
    """The backup to restore and the governor (in that backup) who unlocks it."""
    path: Path
    user: str
    passphrase: str

    def __repr__(self) -> str:          # never show the passphrase in a log
        return f"RestoreRequest(path={str(self.path)!r}, user={self.user!r})"
