"""Errors of the HQ store, as ``ConsoleError`` subclasses so the command
line and the window report them as one sentence like the console's own."""

from console.errors import ConsoleError


class StoreNotFound(ConsoleError):
    pass


class StoreExists(ConsoleError):
    pass


class StoreDamaged(ConsoleError):
    pass


class StoreUnreachable(ConsoleError):
    pass


class StoreInUse(ConsoleError):
    pass
