"""The menus reach the features, and the features reach the core on the vault
thread: every action the menus promise is in a menu, an export through the
real briefing service produces a signed PDF, the users dialog's calls reach
``console.records.users``, an import lands in the register, and settings
change the auto-lock. A missing action fails here; it is never skipped."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from tests.ui.conftest import run_on, unlock
from ui import menus


def menu_action(window, name: str) -> QAction:
    """The action ``name`` as the user reaches it: in one of the menu bar's menus."""
    found = []

    def walk(menu):
        for act in menu.actions():
            if act.menu() is not None:
                walk(act.menu())
            elif act.objectName() == name:
                found.append(act)
    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu())
    assert found, f"no menu holds the {name!r} action"
    assert len(found) == 1, f"the {name!r} action is in {len(found)} menus"
    return found[0]


def test_every_action_the_roles_govern_is_in_a_menu(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    for name in [n for n, _ in menus.NEEDS] + list(menus.ALWAYS):
        menu_action(window, name)
    for name in ("backups", "lock", "undo", "find", "copy", "refresh", "reason", "settings",
                 "review_queue", "journal", "access_request", "restrict"):
        menu_action(window, name)


def test_a_missing_action_fails_rather_than_passing(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    menu_action(window, "export").setObjectName("renamed")
    with pytest.raises(AssertionError, match="no menu holds the 'export' action"):
        menu_action(window, "export")


def test_export_menu_produces_a_signed_file(qtbot, make_window, filled_vault, tmp_path,
                                            monkeypatch):
    from reports.briefing_service import make_briefing, preview_briefing
    from ui import export
    window = make_window(filled_vault)
    unlock(qtbot, window)
    act = menu_action(window, "export")
    assert act.isEnabled()
    seen = {}

    def fake_ask(runner, make, preview, parent=None, **kwargs):
        seen.update(runner=runner, make=make, preview=preview, kwargs=kwargs)
        dialog = export.ExportDialog(runner, make, preview, parent=parent, **kwargs)
        qtbot.addWidget(dialog)
        dialog.preview_button.click()
        seen["dialog"] = dialog
    monkeypatch.setattr(export.ExportDialog, "ask", staticmethod(fake_ask))
    act.trigger()
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=10_000)
    assert seen["runner"] is window.runner and seen["make"] is make_briefing
    assert seen["preview"] is preview_briefing
    assert seen["kwargs"]["signer"] == "Gwen Governor"
    assert seen["kwargs"]["places"].user == "governor"
    dialog = seen["dialog"]
    qtbot.waitUntil(lambda: dialog.preview_value is not None, timeout=60_000)
    dialog.path_edit.setText(str(tmp_path / "b.pdf"))
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=60_000)
    data = (tmp_path / "b.pdf").read_bytes()
    assert data.startswith(b"%PDF") and b"/ByteRange" in data
    assert "Signed briefing saved" in window.statusBar().currentMessage()


def test_users_menu_reaches_the_core(qtbot, make_window, filled_vault, monkeypatch):
    from ui import users
    window = make_window(filled_vault)
    unlock(qtbot, window)
    seen = {}

    def fake_ask(runner, actions, listed, current_user, parent=None, places=None):
        seen.update(runner=runner, actions=actions, listed=listed, current=current_user,
                    places=places)
    monkeypatch.setattr(users.UsersDialog, "ask", staticmethod(fake_ask))
    menu_action(window, "users").trigger()
    qtbot.waitUntil(lambda: "actions" in seen, timeout=10_000)
    assert [u.name for u in seen["listed"]] == ["governor", "dep"]
    assert seen["current"] == "governor" and seen["places"].user == "governor"
    actions = seen["actions"]
    names = [u.name for u in run_on(qtbot, seen["runner"], actions.list_users)]
    assert names == ["governor", "dep"]
    assert run_on(qtbot, seen["runner"], actions.certificate_pem).startswith(
        b"-----BEGIN CERTIFICATE")


def test_deputy_sees_no_user_management(qtbot, make_window, filled_vault):
    from tests.ui.conftest import DEPUTY_PASS
    window = make_window(filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    for name in ("users", "export", "import"):
        act = menu_action(window, name)
        assert not act.isEnabled() and "Only the governor" in act.toolTip()


def test_import_menu_previews_then_writes_once(qtbot, make_window, filled_vault, tmp_path,
                                               monkeypatch):
    from console.records import importer
    from ui import import_csv
    csv_path = tmp_path / "register.csv"
    importer.write_csv([("name", "staff_number", "role"), ("Pat Ward", "900001", "Cook"),
                        ("Lee Fox", "900002", "Tutor")], csv_path)
    window = make_window(filled_vault)
    unlock(qtbot, window)
    seen = {}

    def fake_ask(runner, parent=None, **kwargs):
        seen["dialog"] = import_csv.ImportDialog(runner, parent=parent, path=csv_path)
        qtbot.addWidget(seen["dialog"])
    monkeypatch.setattr(import_csv.ImportDialog, "ask", staticmethod(fake_ask))
    menu_action(window, "import").trigger()
    d = seen["dialog"]
    qtbot.waitUntil(lambda: d.preview_value is not None and not d.busy, timeout=10_000)
    assert len(d.preview_value.rows) == 2 and not d.preview_value.problems
    assert window.register.model.rowCount() == 2          # nothing written yet
    d.import_button.click()
    qtbot.waitUntil(lambda: window.register.model.rowCount() == 4, timeout=10_000)
    assert d.imported == 2
    assert "imported" in window.statusBar().currentMessage()


def test_settings_change_the_autolock(qtbot, make_window, filled_vault, monkeypatch):
    from ui import users
    window = make_window(filled_vault)
    unlock(qtbot, window)
    seen = {}

    def fake_ask(values, runner, apply, parent=None, **kwargs):
        seen["before"], seen["kwargs"] = values, kwargs
        dialog = users.SettingsDialog(values, runner, apply, parent=parent, **kwargs)
        qtbot.addWidget(dialog)
        dialog.autolock.setValue(2)
        dialog.unreferred.setValue(3)
        dialog.clear_clipboard.setChecked(False)
        dialog.save()
        qtbot.waitUntil(lambda: dialog.value is not None, timeout=10_000)
        return dialog.value
    monkeypatch.setattr(users.SettingsDialog, "ask", staticmethod(fake_ask))
    menu_action(window, "settings").trigger()
    qtbot.waitUntil(lambda: window.autolock.timeout_ms == 120_000, timeout=10_000)
    assert seen["before"].autolock_minutes == 5 and seen["kwargs"]["can_change"]
    assert not window.clipboard.enabled
    assert run_on(qtbot, window.runner, lambda v: v.setting("unreferred_days")) == 3
