"""Putting another database in place of an open vault's, atomically: what a
replica does when the governor's update arrives (``console.sync``).

The new file must already be encrypted under ``new_key``. The slots with the
key rewrapped are written as the pending set first, then the file is moved
into place with one rename, then the slots follow; a process killed between
the two finds, at its next unlock, that the pending slots open the database
and promotes them (``vault._open_settling_pending``), so the vault is always
either the old one or the new one, whole.
"""

from __future__ import annotations

import os
from copy import deepcopy
from pathlib import Path

from console.errors import ConsoleError, translate
from console.storage import keyslots
from console.storage.fileio import fsync_dir
from console.storage.keyslots import SlotFile
from console.storage.layout import DB_FILE
from console.storage.connection import connect


def replace_database(vault, new_file: Path, new_key: bytes, slots: SlotFile | None = None
                     ) -> None:
    """Swap ``new_file`` in for ``vault``'s database and reconnect; the old
    file's write-ahead log is emptied first, so nothing of it is replayed
    onto the new one. ``slots``: the slot set to go with it, its data key
    already wrapped to ``new_key`` (by default, the vault's own, rewrapped)."""
    folder = vault.folder
    if slots is None:
        slots = SlotFile(vault.slots.vault_id, deepcopy(vault.slots.users), vault.slots.kdf)
        slots.rewrap_all(new_key)
    slots.save(folder, keyslots.PENDING_FILE)
    with vault.guard():
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        vault.conn.close()
    try:
        for suffix in ("-wal", "-shm"):
            (folder / (DB_FILE + suffix)).unlink(missing_ok=True)
        os.replace(new_file, folder / DB_FILE)
        fsync_dir(folder)
        slots.save(folder)
        keyslots.discard_pending(folder)
        conn = connect(folder / DB_FILE, new_key)
    except OSError as exc:
        raise translate(exc) from None
    except ConsoleError:
        raise
    except Exception as exc:    # the driver's own errors
        raise translate(exc) from None
    # The records room's store of sealed records belonged to the old file.
    vault.commit_hooks[:] = [h for h in vault.commit_hooks if h is not vault.sealed]
    vault.adopt(conn, slots, new_key)
