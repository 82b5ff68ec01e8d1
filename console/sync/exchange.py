"""What the commands and the desktop call: send, receive and status, for
either side. A replica sends its changes and receives updates; the
governor's vault sends an update for a named user's replica and receives
change packs. Which one a vault is, is read from the vault itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.errors import PackRefused, ValidationError
from console.i18n import _
from console.storage import keyslots
from console.sync import apply, changes, home, packs, refresh, replica, tables


@dataclass(frozen=True)
class Received:
    kind: str                                  # "changes" (at home) or "update" (replica)
    taken: apply.Taken | None = None
    refreshed: refresh.Refreshed | None = None

    @property
    def already(self) -> bool:
        return bool(self.taken.already if self.taken else self.refreshed.already)

    @property
    def refused(self) -> int:
        return self.taken.refused if self.taken else 0


def send(vault, out, for_user: str | None = None, on_progress=None):
    """A replica's change pack, or (at home) the update for ``for_user``."""
    if tables.is_replica(vault):
        if for_user and for_user != vault.user.name:
            raise ValidationError(_("A replica sends only its own changes; leave out --for."))
        return changes.export(vault, out, on_progress)
    if not for_user:
        raise ValidationError(_("Name the user whose replica the update is for (--for USER)."))
    return home.update(vault, for_user, out, on_progress)


def receive(vault, pack_file, on_progress=None) -> Received:
    replica_side = tables.is_replica(vault)
    raw = packs.read_file(pack_file, packs.MAX_PACK if replica_side else packs.MAX_CHANGES)
    me = vault.user.name
    public = vault.slots.users[me]["public"]
    private = keyslots.user_private_key(vault.user_secret())
    opened = packs.open_(raw, private, public)
    del raw
    if replica_side:
        return Received("update", refreshed=refresh.take(vault, opened, on_progress))
    if opened.meta.get("kind") != "changes":
        raise PackRefused(_("This pack is for a replica, not the governor's vault; open it on "
                            "the replica. Nothing was applied."))
    return Received("changes", taken=apply.take(vault, opened, on_progress))


def status(vault) -> dict:
    """For a replica: its state and the stale rule; at home: every replica."""
    if tables.is_replica(vault):
        s = replica.status(vault)
        return {"replica": True, "replica_id": s.replica_id, "user": s.user,
                "governor": s.governor, "last_sync": s.last_sync, "days_since": s.days,
                "stale_after_days": s.stale_days, "read_only": s.read_only,
                "update_no": s.update_no, "pending_operations": s.pending,
                "packs_sent": s.pack_no, "governor_fingerprint": s.fingerprint}
    from console.sync import decisions
    return {"replica": False, "replicas": [r.__dict__ for r in home.replicas(vault)],
            "decisions": len(decisions.pending(vault))}
