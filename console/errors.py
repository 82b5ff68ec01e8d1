"""Typed errors raised by the core.

Every error a user can cause is a ``ConsoleError`` whose ``str()`` is one plain
sentence saying what happened and what to do. Messages never contain record
data (names, notes, report text): they may end up in logs or on a screen
someone else can see.
"""


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


class VaultInUse(ConsoleError):
    pass


class VaultClosed(ConsoleError):
    pass


class PermissionDenied(ConsoleError):
    pass


class ValidationError(ConsoleError):
    pass


class NotFound(ConsoleError):
    pass


class StorageFull(ConsoleError):
    pass


class QuickUnlockUnavailable(ConsoleError):
    pass


class ImportRejected(ConsoleError):
    """A CSV import found bad rows; ``problems`` lists (line, reason)."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)
