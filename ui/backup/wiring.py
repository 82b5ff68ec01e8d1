"""The backup view in the main window, and the restore flow.

``open_backups(window)`` reads the backup list on the vault thread and shows
``BackupDialog``, whose actions run as operations on the window's runner.

A restore needs the vault closed (the core refuses while it is open), so
``restore(window, request)`` locks the console (which closes the vault on its
thread) and then runs ``console.lawful.restore.restore_backup`` as an
operation on the same thread, after the close, with the unlock page held
busy; then it shows the unlock page with one sentence saying what happened.
Nothing is replaced unless the backup checks out.

Deleting a backup is ``console.lawful.backups.delete_backup``: the governor's alone,
only for a file in the vault's own backups folder, audited.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pathlib import Path

from console.audit import roles
from console.lawful.restore import restore_backup

from ..errors import sentence
from ..operation import Operation
from .actions import BackupActions, RestoreRequest, backup_rows
from .backup_dialog import BackupDialog

__all__ = ["backup_rows", "open_backups", "restore"]


def open_backups(window) -> None:
    def ask(rows) -> None:
        role = window.user.role if window.user else "viewer"
        request = BackupDialog.ask(window.runner, BackupActions(), rows, role,
                                   window.user.name if role == roles.GOVERNOR else "", window)
        if request is not None and not window.locked:
            restore(window, request)
    window.runner.run(Operation(backup_rows, on_success=ask))


def restore(window, request: RestoreRequest, on_finished=None) -> None:
    """Lock, restore ``request`` on the vault thread, then show the unlock page."""
    folder = Path(window.vault_path)
    window.lock(QCoreApplication.translate("Wiring", "for the restore"))
    page = window.unlock_page
    page.reset(QCoreApplication.translate("Wiring", "Restoring the backup; the current vault is being kept aside…"))
    page.set_busy(True)

    def finish(message: str, error: bool) -> None:
        page.load(folder, request.user)
        page.reset(message if not error else QCoreApplication.translate("Wiring", "The backup was not restored; the vault is as it "
                   "was. Unlock to continue."))
        if error:
            page.show_message(message)
        window.presenter.status(message)
        if on_finished is not None:
            on_finished(not error)

    def done(result) -> None:
        made = result.backup_created_at[:16].replace("T", " ")
        aside = (f" The vault it replaced is kept at {result.kept_aside.name}."
                 if result.kept_aside else "")
        carried = " ".join(result.carried)
        finish(f"Restored the backup whose chain ends {made} UTC.{aside} "
               f"{carried + ' ' if carried else ''}Unlock with your passphrase of today.",
               False)

    # The lock has queued the close on the vault thread; this runs after it.
    window.runner.run(Operation(
        lambda _none, on_progress: restore_backup(
            folder, request.path, request.user or None, request.passphrase, on_progress,
            current_passphrase=request.current_passphrase or None),
        needs_vault=False, write=True, progress="Restoring the backup…", cancellable=False,
        parent=window, on_success=done, on_failure=lambda exc: finish(sentence(exc), True)))
