"""What the users and settings dialogs need from the caller, as plain data.

``UserActions`` is a bundle of callables, each one blocking until done; the
dialogs call them on the thread pool, never on the UI thread, and the shell
routes each to the vault's own thread (``console.users`` services). The
dialogs never see the vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from console.storage.accounts import User


@dataclass(frozen=True)
class UserActions:
    list_users: Callable[[], list[User]]
    # add_user(name, passphrase, role, display_name, staff_number) -> User
    add_user: Callable[[str, str, str, str, str], object]
    remove_user: Callable[[str], None]
    reset_user: Callable[[str, str], None]               # (name, new passphrase)
    change_passphrase: Callable[[str, str], None]        # (old, new) for the signed-in user
    certificate_pem: Callable[[], bytes]                 # the signed-in user's certificate


@dataclass(frozen=True)
class NewUser:
    name: str
    display_name: str
    role: str
    passphrase: str
    staff_number: str = ""


@dataclass(frozen=True)
class SettingsValues:
    """The settings page's values. ``capture_excluded`` is a fact reported by
    the window, not a choice."""
    autolock_minutes: int = 5
    unreferred_days: int = 7
    unacknowledged_days: int = 14
    quick_unlock: bool = False
    clear_clipboard: bool = True
    capture_excluded: bool = False
