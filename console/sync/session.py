"""Opening a vault, replicas included: the console's entry point above the
records room's (``console.records.session``), used by the command line and
the desktop.

A vault that is a replica gets the replica's rules at every unlock: a
refresh a crash cut short is finished (``refresh.finish``), then
``replica.on_unlock`` (a replica not refreshed in time, or whose clock went
back, opens read-only); and every write is held to what a replica can send
back (``guard``). Any other vault opens exactly as before.
"""

from __future__ import annotations

from console.records import session as records_session
from console.sync import guard, refresh, replica, tables


def open_vault(folder, user: str | None = None, passphrase: str | None = None, *,
               user_secret: bytes | None = None):
    vault = records_session.open_vault(folder, user, passphrase, user_secret=user_secret)
    try:
        if tables.is_replica(vault):
            with vault.guard():
                guard.install(vault)
                unfinished = tables.meta(vault.conn).get("reapply")
            if unfinished:
                refresh.finish(vault)
            replica.on_unlock(vault)
    except BaseException:
        vault.close()
        raise
    return vault


def is_replica(vault) -> bool:
    return tables.is_replica(vault)
