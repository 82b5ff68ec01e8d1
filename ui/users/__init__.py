"""Users and settings for the governor: who may open the vault, and how the
console behaves on this computer."""

from .actions import NewUser, SettingsValues, UserActions
from .settings_dialog import SettingsDialog
from .users_dialog import UsersDialog

__all__ = ["NewUser", "SettingsDialog", "SettingsValues", "UserActions", "UsersDialog"]
