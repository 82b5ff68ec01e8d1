"""Atomic file writes shared by the vault, backups and briefings, and the
two calls whose behaviour differs between the laptops' systems.

A file is written to a temporary name in the same folder, flushed to disk,
then renamed over the final name, so a crash or a full disk never leaves a
half-written file under the name a user will open. Disk-full and file-size
errors become ``StorageFull`` with a plain message.

- ``sync_file``: on macOS ``fsync`` leaves the data in the drive's cache;
  only ``F_FULLFSYNC`` reaches the disk (where the file system cannot do it,
  plain ``fsync`` is the best there is).
- ``restrict``: owner-only permissions where the file system has them. FAT
  and exFAT (USB sticks) have none and refuse ``chmod``; a file there is as
  private as the stick itself, so the refusal is not an error.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

from console.errors import storage_error

# What file systems without Unix permissions answer to chmod.
_NO_PERMISSIONS = {errno.EPERM, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def sync_file(fd: int) -> None:
    """Flush a file's data to the disk itself."""
    if sys.platform == "darwin":
        import fcntl
        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass  # e.g. a network or FAT volume: fsync is what it offers
    os.fsync(fd)


def restrict(target: int | str | Path, mode: int) -> None:
    """chmod (a path) or fchmod (a descriptor) to ``mode``, tolerated where
    the file system has no permissions to set."""
    try:
        if isinstance(target, int):
            if not hasattr(os, "fchmod"):
                return
            os.fchmod(target, mode)
        else:
            os.chmod(target, mode)
    except OSError as exc:
        if exc.errno not in _NO_PERMISSIONS:
            raise


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        sync_file(fd)
    except OSError as exc:
        # Some file systems (FAT on macOS, some network shares) cannot sync a
        # folder; the rename has then reached the disk as far as it can.
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    path = Path(path)
    import tempfile  # not at import time: the unlock page must paint quickly
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                restrict(fh.fileno(), mode)
                fh.write(data)
                fh.flush()
                sync_file(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            full = storage_error(exc)
            if full:
                raise full from None
            raise
        fsync_dir(path.parent)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
