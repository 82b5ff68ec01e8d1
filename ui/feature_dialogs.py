"""Opening the feature dialogs (import, export, users, settings) from the
main window, and routing their work to the vault thread.

Those dialogs run their jobs on the thread pool; each job here hands its
service call to the vault thread with ``run_and_wait`` and waits there, so the
connection is still touched by one thread only and the window never blocks.
Every menu entry exists only when its package does.
"""

from __future__ import annotations

from console.audit import roles
from console.records import users
from console.storage import quick_unlock

from .runner import run_and_wait


def open_import(window) -> None:
    from console.records import importer

    from .import_csv import ImportDialog
    runner = window.runner

    def preview(path):
        return run_and_wait(runner, importer.preview, path)

    def commit(path, skip_bad, on_progress):
        return run_and_wait(runner, importer.import_csv, path, skip_bad, on_progress)

    count = ImportDialog.ask(preview, commit, parent=window)
    if count:
        n = getattr(count, "imported", count)
        window.ops.changed.emit("import", "")
        window.presenter.success(f"{n} subject(s) imported in one transaction.")


def open_export(window) -> None:
    from console.records import briefings
    from reports.briefing_service import make_briefing

    from .export import ExportDialog
    runner = window.runner

    def run(options, path, on_progress):
        return run_and_wait(runner, make_briefing, path, options, on_progress)

    def ask(last):
        result = ExportDialog.ask(
            run, parent=window, selected_refs=window.register.selected_refs(),
            last_briefing=(f"{last.reference} ({last.at[:10]})" if last else None),
            signer=window.user.display_name if window.user else "")
        if result is not None:
            window.ops.changed.emit("briefing", "")
            window.presenter.success(f"Signed briefing saved to {result.path}.")
    window.ops.call(briefings.last_briefing, on_done=ask)


def user_actions(runner):
    from .users import UserActions
    return UserActions(
        list_users=lambda: run_and_wait(runner, users.list_users),
        add_user=lambda name, passphrase, role, display_name, staff_number: run_and_wait(
            runner, users.add_user, name, passphrase, role, display_name=display_name,
            staff_number=staff_number),
        remove_user=lambda name: run_and_wait(runner, users.remove_user, name),
        reset_user=lambda name, passphrase: run_and_wait(runner, users.reset_user, name,
                                                         passphrase),
        change_passphrase=lambda old, new: run_and_wait(runner, users.change_passphrase, old,
                                                        new),
        certificate_pem=lambda: run_and_wait(runner, users.certificate_pem))


def open_users(window) -> None:
    from .users import UsersDialog

    def ask(listed):
        dialog = UsersDialog(user_actions(window.runner), listed, window.user.name, window)
        dialog.changed.connect(window.presenter.success)
        dialog.exec()
        dialog.deleteLater()
    window.ops.call(users.list_users, on_done=ask)


SETTING_KEYS = ("autolock_minutes", "unreferred_days", "unacknowledged_days")


def open_settings(window) -> None:
    from .users import SettingsDialog, SettingsValues
    runner = window.runner

    def read(vault):
        return SettingsValues(
            **{k: int(vault.setting(k)) for k in SETTING_KEYS},
            quick_unlock=vault.slots.has_quick(vault.user.name),
            clear_clipboard=window.clipboard.enabled,
            capture_excluded=window.capture_protected)

    def apply(changes: dict) -> None:
        for key in SETTING_KEYS:
            if key in changes:
                run_and_wait(runner, users.set_setting, key, changes[key])
        if "quick_unlock" in changes:
            run_and_wait(runner, quick_unlock.enable if changes["quick_unlock"]
                         else quick_unlock.disable)

    def ask(values):
        role = window.user.role if window.user else "viewer"
        new = SettingsDialog.ask(values, apply, parent=window,
                                 quick_unlock=quick_unlock.availability(),
                                 can_change=roles.allowed(role, "change_settings"))
        if new is None:
            return
        window.clipboard.enabled = bool(new.clear_clipboard)
        window.settings.set("desktop/clear_clipboard", window.clipboard.enabled)
        window.autolock.set_minutes(new.autolock_minutes)
        if window.autolock.armed:
            window.autolock.arm()
        window.ops.changed.emit("settings", "")
        window.presenter.success("Settings saved.")
    window.ops.call(read, on_done=ask)


def open_backups(window) -> None:
    from .backup.wiring import open_backups as show
    show(window)
