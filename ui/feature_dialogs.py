"""Opening the feature dialogs (import, export, users, conflict bars,
settings, backups)
from the main window.

Each opener reads what its dialog needs as an operation on the window's
runner and then shows the dialog, which runs its own work the same way; what
the work changed is announced by the runner, so nothing here refreshes a view.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.audit import quick as quick_unlock
from console.audit import roles
from console.records import users

from .operation import Operation


def open_import(window) -> None:
    from .import_csv import ImportDialog
    ImportDialog.ask(window.runner, parent=window)


def open_export(window) -> None:
    from console.records import briefings
    from reports.briefing_service import make_briefing, preview_briefing

    from .export import ExportDialog
    from .save_location import SaveLocation

    def ask(last):
        ExportDialog.ask(
            window.runner, make_briefing, preview_briefing, parent=window,
            selected_refs=window.register.selected_refs(),
            last_briefing=(f"{last.reference} ({last.at[:10]})" if last else None),
            places=SaveLocation(window.settings, window.user.name if window.user else ""),
            signer=window.user.display_name if window.user else "")
    window.runner.run(Operation(briefings.last_briefing, on_success=ask))


def open_users(window) -> None:
    from .users import UserActions, UsersDialog

    from .save_location import SaveLocation

    def ask(listed):
        UsersDialog.ask(window.runner, UserActions(), listed, window.user.name, window,
                        SaveLocation(window.settings, window.user.name))
    window.runner.run(Operation(users.list_users, on_success=ask))


def open_bars(window) -> None:
    from .conflicts import BarActions, ConflictBarsDialog

    actions = BarActions()

    def ask(view):
        ConflictBarsDialog.ask(window.runner, view, actions, window.user.role, window)
    window.runner.run(Operation(actions.read, on_success=ask))


SETTING_KEYS = ("autolock_minutes", "unreferred_days", "unacknowledged_days",
                "quick_unlock_hours", "quick_unlock_shared")


def apply_settings(vault, changes: dict) -> None:
    """Write the vault's changed settings and quick unlock (vault thread)."""
    for key in SETTING_KEYS:
        if key in changes:
            users.set_setting(vault, key, int(changes[key]))
    if "quick_unlock" in changes:
        (quick_unlock.enable if changes["quick_unlock"] else quick_unlock.disable)(vault)


def open_settings(window) -> None:
    from .users import SettingsDialog, SettingsValues

    def read(vault):
        values = {k: int(vault.setting(k)) for k in SETTING_KEYS}
        values["quick_unlock_shared"] = bool(values["quick_unlock_shared"])
        return SettingsValues(
            **values, quick_unlock=vault.slots.has_quick(vault.user.name),
            clear_clipboard=window.clipboard.enabled,
            language=window.settings.get("desktop/language"),
            high_contrast=window.settings.get("desktop/high_contrast"),
            capture_excluded=window.capture_protected), quick_unlock.availability(vault)

    def ask(read_back):
        values, quick = read_back
        role = window.user.role if window.user else "viewer"
        new = SettingsDialog.ask(values, window.runner, apply_settings, parent=window,
                                 quick_unlock=quick,
                                 can_change=roles.allowed(role, "change_settings"))
        if new is None:
            return
        window.clipboard.enabled = bool(new.clear_clipboard)
        window.settings.set("desktop/clear_clipboard", window.clipboard.enabled)
        language_changed = new.language != values.language
        window.settings.set("desktop/language", new.language)
        window.settings.set("desktop/high_contrast", bool(new.high_contrast))
        from .theme import apply_theme
        apply_theme(bool(new.high_contrast))
        window.autolock.set_minutes(new.autolock_minutes)
        if window.autolock.armed:
            window.autolock.arm()
        window.presenter.success(
            QCoreApplication.translate("MainWindow", "Settings saved; the language changes when "
                                       "the console next starts.")
            if language_changed else QCoreApplication.translate("MainWindow", "Settings saved."))
    window.runner.run(Operation(read, on_success=ask))


def open_backups(window) -> None:
    from .backup.wiring import open_backups as show
    show(window)
