"""Typed errors raised by the core.

Every error a user can cause is a ``ConsoleError`` whose ``str()`` is one plain
sentence saying what happened and what to do. Messages never contain record
data (names, notes, report text): they may end up in logs or on a screen
someone else can see. They are in the language the process speaks
(``console.i18n``): marked ``_()`` where they are made.
"""

from console.i18n import N_, _


class ConsoleError(Exception):
    """Base class: the message is safe to show to the user and to log."""


class VaultNotFound(ConsoleError):
    pass


class VaultExists(ConsoleError):
    pass


class WrongPassphrase(ConsoleError):
    pass


class UnknownUser(ConsoleError):
    pass


class VaultDamaged(ConsoleError):
    pass


class VaultTooNew(ConsoleError):
    pass


class UpgradeFailed(ConsoleError):
    """A migration to this version's schema failed; the vault is as it was."""


class VaultInUse(ConsoleError):
    pass


class VaultClosed(ConsoleError):
    pass


class PermissionDenied(ConsoleError):
    pass


class ValidationError(ConsoleError):
    """A value was refused. ``field`` names the command field at fault when
    there is one (the desktop moves the cursor there); it is a name from the
    code, never a value."""

    field: str = ""


class NotFound(ConsoleError):
    pass


class StorageFull(ConsoleError):
    pass


class QuickUnlockUnavailable(ConsoleError):
    pass


class ChainBroken(ConsoleError):
    """The signed audit chain no longer verifies; the message names the entry."""


class ChainRewound(ConsoleError):
    """Entries this user had verified are no longer in the chain, and no
    restore from a backup explains it."""


class ReadOnly(ConsoleError):
    """The vault may be read but not changed now (a replica not refreshed in
    time); the message says why and what to do."""


class PackRefused(ConsoleError):
    """A replica or change pack was refused; nothing of it was applied."""


class ImportRejected(ConsoleError):
    """A CSV import found bad rows; ``problems`` lists (line, reason)."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


# -- translating driver and OS errors -------------------------------------------------
# The one boundary where sqlcipher3's own exception classes and OSErrors
# become a ConsoleError; nothing above the storage room ever sees either.

_FULL_MESSAGE = N_("The disk is full, so nothing was saved; free some space and try again. "
                    "Everything saved before is intact.")
DAMAGED_MESSAGE = N_("The vault's database is damaged or is not a vault; restore it from a "
                     "backup (File › Backups… › Restore, or the 'restore' command).")


def storage_error(exc: OSError) -> StorageFull | None:
    """``StorageFull`` for a disk-full or file-too-large error, else None."""
    import errno
    if exc.errno in {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}:
        return StorageFull(_(_FULL_MESSAGE))
    return None


def storage_full() -> StorageFull:
    return StorageFull(_(_FULL_MESSAGE))


def translate(exc: BaseException) -> ConsoleError:
    """Map a driver or OS error to a user-facing ConsoleError."""
    if isinstance(exc, ConsoleError):
        return exc
    if isinstance(exc, OSError):
        full = storage_error(exc)
        if full:
            return full
        return ConsoleError(_("The vault could not be read or written (the operating system "
                              "refused); check the folder is reachable and try again."))
    text = str(exc).lower()
    if "full" in text or "too big" in text or "disk i/o" in text:
        return storage_full()
    if "locked" in text or "busy" in text:
        return VaultInUse(_("The vault is busy in another program; close it there and try again."))
    return VaultDamaged(_(DAMAGED_MESSAGE))
