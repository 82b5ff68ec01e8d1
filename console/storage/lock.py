"""``VaultLock``: one process at a time holds a vault.

An exclusive OS lock on ``vault.lock`` inside the vault folder, which the
kernel drops if the process dies, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import sys
from pathlib import Path

from console.errors import VaultInUse
from console.storage.layout import LOCK_FILE
from console.i18n import _


class VaultLock:
    """Held from ``acquire()`` until ``release()`` (idempotent)."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / LOCK_FILE
        self.fh = None

    def acquire(self) -> None:
        self.fh = open(self.path, "a+b")
        try:
            if sys.platform == "win32":
                import msvcrt
                self.fh.seek(0)
                msvcrt.locking(self.fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.close()
            self.fh = None
            raise VaultInUse(_("This vault is already open in another window or program; close "
                               "that one first.")) from None

    def release(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None

    @property
    def held(self) -> bool:
        return self.fh is not None


class BorrowedLock:
    """A vault's lock that someone else holds (a restore reading the vault it
    is about to replace): acquiring and releasing it do nothing."""

    def __init__(self, lock: VaultLock):
        self._lock = lock

    def acquire(self) -> None:
        if not self._lock.held:
            raise VaultInUse(_("This vault is already open in another window or program; close "
                               "that one first."))

    def release(self) -> None:
        pass
