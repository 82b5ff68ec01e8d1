"""What the users and settings dialogs work with, as plain data.

``UserActions`` names the core calls the users dialog runs, each taking the
vault first (``console.records.users`` by default; tests give their own).
The dialog runs them as operations on the vault thread and never holds the
vault itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from console.records import users
from console.storage.accounts import User


@dataclass(frozen=True)
class UserActions:
    list_users: Callable[..., list[User]] = users.list_users                # (vault)
    # add_user(vault, name, passphrase, role, display_name=, staff_number=) -> User
    add_user: Callable[..., object] = users.add_user
    remove_user: Callable[..., None] = users.remove_user                    # (vault, name)
    reset_user: Callable[..., None] = users.reset_user     # (vault, name, new passphrase)
    # (vault, old, new) for the signed-in user
    change_passphrase: Callable[..., None] = users.change_passphrase
    certificate_pem: Callable[..., bytes] = users.certificate_pem           # (vault)
    set_role: Callable[..., User] = users.set_role                 # (vault, name, role)


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
    quick_unlock_hours: int = 24
    quick_unlock_shared: bool = False
    language: str = ""             # this computer: "", "en" or "cy" ("" is the system's)
    high_contrast: bool = False    # this computer
