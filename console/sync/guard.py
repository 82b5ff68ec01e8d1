"""What may be changed on a replica: only what travels back.

A replica sends the governor its log entries and its proposed changes to
measures (``ops.KINDS``); anything else made there (a new subject, a report,
a referral, a restriction) would be replaced by the next update and lost
without a word. So every write on a replica is checked just before it
commits (``Guard``, one of the vault's commit hooks): the chain entries it
appends must be of those kinds, or about the user's own account (their seal,
a passphrase or identity change) or the consultation journal; otherwise the
write is rolled back with one sentence saying where to make that change.
"""

from __future__ import annotations

from console.errors import PermissionDenied
from console.i18n import N_, _
from console.sync import ops

ALLOWED = frozenset(ops.KINDS) | {"user.sealed", "user.passphrase", "identity.replace"}
REFUSED = N_("On a replica you can add to measures' logs and change measures, which travel to "
           "the governor with your next change pack; anything else is done on the "
             "governor's vault. Nothing was changed.")


class Guard:
    def __init__(self, vault):
        self.vault = vault
        self.reset()

    def reset(self) -> None:
        """Start from the chain's head now (after opening, or an update)."""
        row = self.vault.conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()
        self.head = row[0]

    def before_commit(self) -> None:
        for (action,) in self.vault.conn.execute("SELECT action FROM audit WHERE seq > ?",
                                                 (self.head,)):
            if action not in ALLOWED and not action.startswith("journal."):
                raise PermissionDenied(_(REFUSED))

    def after_commit(self) -> None:
        self.reset()

    def rolled_back(self) -> None:
        pass


def install(vault) -> Guard:
    guard = Guard(vault)
    vault.commit_hooks.append(guard)
    vault.replica_guard = guard
    return guard
