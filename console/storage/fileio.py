"""Atomic file writes shared by the vault, backups and briefings.

A file is written to a temporary name in the same folder, flushed to disk,
then renamed over the final name, so a crash or a full disk never leaves a
half-written file under the name a user will open. Disk-full and file-size
errors become ``StorageFull`` with a plain message.
"""

from __future__ import annotations

import os
from pathlib import Path

from console.errors import storage_error


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    path = Path(path)
    import tempfile  # not at import time: the unlock page must paint quickly
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            os.fchmod(fd, mode) if hasattr(os, "fchmod") else None
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
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
