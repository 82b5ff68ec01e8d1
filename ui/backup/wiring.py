"""The backup view in the main window, and the restore flow.

``open_backups(window)`` reads the backup list on the vault thread and shows
``BackupDialog``; its actions are blocking callables routed to the vault
thread with ``run_and_wait`` (the dialog runs them on the thread pool).

A restore needs the vault closed (the core refuses while it is open), so
``restore(window, request)`` locks the console, waits for the vault thread to
close the vault, runs ``console.restore_backup`` on the thread pool
with the unlock page held busy, then shows the unlock page with one sentence
saying what happened. Nothing is replaced unless the backup checks out.

Deleting a backup is ``console.delete_backup``: the governor's alone,
only for a file in the vault's own backups folder, audited.
"""

from __future__ import annotations

from pathlib import Path

from console.audit import roles
from console.lawful import retention
from console.lawful.backups import delete_backup, make_backup
from console.lawful.restore import restore_backup
from console.storage import snapshot as backup

from ..export.background import BackgroundJob, ProgressPresenter
from ..runner import run_and_wait
from .actions import BackupActions, BackupRow, RestoreRequest
from .backup_dialog import BackupDialog


def backup_rows(vault) -> list[BackupRow]:
    """The automatic backups with the retention flags (vault thread)."""
    flags = {f.path: f.reason for f in retention.backup_flags(vault)}
    return [BackupRow(b, flags.get(b.path, "")) for b in backup.list_backups(vault.folder)]


def backup_actions(runner) -> BackupActions:
    return BackupActions(
        list_backups=lambda: run_and_wait(runner, backup_rows),
        make_backup=lambda path, on_progress: run_and_wait(runner, make_backup, path,
                                                           on_progress),
        delete_backup=lambda path: run_and_wait(runner, delete_backup, path))


def open_backups(window) -> None:
    def ask(rows) -> None:
        role = window.user.role if window.user else "viewer"
        request = BackupDialog.ask(backup_actions(window.runner), rows, role,
                                   window.user.name if role == roles.GOVERNOR else "",
                                   window, on_changed=window.presenter.success)
        if request is not None and not window.locked:
            restore(window, request)
    window.ops.call(backup_rows, on_done=ask)


def restore(window, request: RestoreRequest, on_finished=None) -> None:
    """Lock, restore ``request`` on the thread pool, then show the unlock page."""
    folder = Path(window.vault_path)
    window.lock("for the restore")
    page = window.unlock_page
    page.reset("Restoring the backup; the current vault is being kept aside…")
    page.set_busy(True)
    state = {}

    def finish(message: str, error: bool) -> None:
        page.load(folder, request.user)
        page.reset(message if not error else "The backup was not restored; the vault is as it "
                   "was. Unlock to continue.")
        if error:
            page.show_message(message)
        window.presenter.status(message)
        if on_finished is not None:
            on_finished(not error)

    def done(result) -> None:
        made = result.backup_created_at[:16].replace("T", " ")
        aside = (f" The vault it replaced is kept at {result.kept_aside.name}."
                 if result.kept_aside else "")
        finish(f"Restored the backup made {made} UTC.{aside} Unlock with your passphrase "
               "as it was in the backup.", False)

    def start(_=None) -> None:
        job = BackgroundJob(lambda cb: restore_backup(
            folder, request.path, request.user or None, request.passphrase, cb), window)
        state["job"] = job
        job.succeeded.connect(done)
        job.failed.connect(lambda m: finish(m, True))
        job.cancelled.connect(lambda: finish("The restore was stopped; nothing was changed.",
                                             True))
        state["progress"] = ProgressPresenter(job, "Restoring the backup…", window,
                                              cancellable=False)
        job.start()
    # The lock has queued the close on the vault thread; this runs after it.
    window.runner.close_vault(on_done=start)
