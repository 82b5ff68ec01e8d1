"""Opening a vault, replicas included: the console's entry point above the
records room's (``console.records.session``), used by the command line and
the desktop.

A vault that is a replica gets the replica's rules at every unlock
(``replica.on_unlock``: a refresh cut short is finished; a replica not
refreshed in time, or whose clock went back, opens read-only). Any other
vault opens exactly as before.
"""

from __future__ import annotations

from console.records import session as records_session
from console.sync import replica, tables


def open_vault(folder, user: str | None = None, passphrase: str | None = None, *,
               user_secret: bytes | None = None, first: bool = False):
    vault = records_session.open_vault(folder, user, passphrase, user_secret=user_secret)
    if first:
        return vault
    try:
        if tables.is_replica(vault):
            replica.on_unlock(vault)
    except BaseException:
        vault.close()
        raise
    return vault


def is_replica(vault) -> bool:
    return tables.is_replica(vault)
