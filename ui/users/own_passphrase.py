"""Tools › Change my passphrase…: every signed-in user, whatever their role,
changes their own passphrase here (the governor can also reach it from the
users dialog).

The dialog is ``user_forms.PassphraseDialog`` (current passphrase, the new
one twice with the strength meter and show/hide, the weak-passphrase
warning); the change is ``console.records.users.change_passphrase``, which
checks the current passphrase against the user's own key slot, gives the
user new keys, turns their quick unlock off and rotates the vault's data key.
It runs as an operation on the vault thread with progress when slow and no
Cancel (the core finishes or settles a change cut short at the next
unlock). A wrong current passphrase is said in the status bar in one
sentence; nothing else changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.records import users

from ..operation import Changes, Operation
from .user_forms import PassphraseDialog

translate = QCoreApplication.translate


def change_my_passphrase(window, ask=None) -> Operation | None:
    """Ask for the current and new passphrase, then change it; returns the
    operation started, or None if the user cancelled."""
    if window.locked or window.user is None:
        return None
    ask = ask or PassphraseDialog.ask
    got = ask(translate("OwnPassphrase", "Change my passphrase"),
              translate("OwnPassphrase", "Type your current passphrase, then the new one "
                        "twice. Your keys are renewed and quick unlock on this computer is "
                        "turned off; the records, your certificate and everyone else's "
                        "passphrases stay as they are."),
              True, window)
    if got is None:
        return None
    old, new = got
    return window.runner.run(Operation(
        lambda vault, _progress: users.change_passphrase(vault, old, new), write=True,
        changes=Changes(), progress=translate("OwnPassphrase", "Changing your passphrase…"),
        cancellable=False, parent=window,
        message=translate("OwnPassphrase", "Your passphrase was changed; use the new one "
                          "from the next unlock.")))
