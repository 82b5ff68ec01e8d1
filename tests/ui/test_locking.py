"""Locking and signing in: quick unlock, locking on minimise, auto-lock waiting for a
write, what QSettings may hold, the crash hook and the first-run path."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QSettings

from tests.conftest import PASS
from tests.ui.conftest import unlock
from ui import app as app_module
from ui.errors import ErrorPresenter, log_file
from ui.operation import Operation
from ui.setup.setup_wizard import SetupResult


def test_quick_unlock_button(qtbot, make_window, filled_vault):
    from console.audit import quick, unlock as audit_unlock
    from console.records import users
    with audit_unlock.open_vault(filled_vault, "governor", PASS) as v:
        users.set_setting(v, "quick_unlock_shared", 1)   # the deputy signs in here too
        quick.enable(v)
    window = make_window(filled_vault)
    page = window.unlock_page
    assert page.quick_button.isVisibleTo(window)
    page.quick_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert window.user.name == "governor"
    page.user.setCurrentText("dep")
    assert not page.quick_button.isVisibleTo(window)


def test_minimising_locks(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert window.register.model.rowCount() == 0


def test_autolock_waits_for_a_running_write(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    gate = threading.Event()
    window.runner.run(Operation(lambda vault: gate.wait(10), write=True))
    window.autolock.request("after a period without use")
    assert not window.locked                   # postponed, not dropped
    gate.set()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)


def test_settings_hold_layout_but_no_record_data(qtbot, make_window, filled_vault,
                                                 temp_settings):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    window.register.select(window.register.model.row_at(0).subject.ref)
    qtbot.waitUntil(lambda: window.panel.record is not None, timeout=5000)
    from ui.register.register_model import Column
    window.register.table.horizontalHeader().resizeSection(Column.REF, 222)
    window.register.columns.set_shown(Column.OWNER, True)      # a column from the menu
    window.close()
    QSettings().sync()
    text = b"".join(p.read_bytes() for p in temp_settings.rglob("*") if p.is_file())
    assert b"columns" in text and b"geometry" in text
    for secret in (b"Alex", b"Smith", b"Chaplain", PASS.encode(), b"CC-"):
        assert secret not in text
    again = make_window(filled_vault)
    assert again.unlock_page.user.currentText() == "governor"
    unlock(qtbot, again)                          # the columns are this user's own
    header = again.register.table.horizontalHeader()
    assert header.sectionSize(Column.REF) == 222 and not header.isSectionHidden(Column.OWNER)


def test_each_user_keeps_their_own_columns(qtbot, make_window, filled_vault):
    from tests.ui.conftest import DEPUTY_PASS
    from ui.register.register_model import Column
    window = make_window(filled_vault)
    unlock(qtbot, window)
    header = window.register.table.horizontalHeader()
    assert header.isSectionHidden(Column.LOCATION)             # shipped hidden
    menu = window.register.columns.build_menu(Column.NAME)
    next(a for a in menu.actions() if a.text() == "Location").trigger()
    assert not header.isSectionHidden(Column.LOCATION)
    window.lock()
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    assert header.isSectionHidden(Column.LOCATION)             # the deputy's are untouched
    window.lock()
    unlock(qtbot, window)
    assert not header.isSectionHidden(Column.LOCATION)


def test_error_hook_logs_without_record_data(qtbot, monkeypatch):
    presenter = ErrorPresenter()
    presenter.modal = False
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_error_hook(presenter)
    try:
        raise KeyError("Alex Smith")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert "console.log" in presenter.apologies[0]
    logged = log_file().read_text()
    assert "KeyError" in logged and "Alex" not in logged


def test_first_run_creates_the_vault(qtbot, monkeypatch, vault_path, fast_kdf):
    from ui.main_window import MainWindow
    from ui.setup import setup_wizard
    answer = SetupResult("create", "HMP Firstrun", "Fay Governor", "fay",
                         "lantern meadow otter quill")
    monkeypatch.setattr(setup_wizard.SetupWizard, "ask",
                        classmethod(lambda cls, parent=None, demo_available=False: answer))
    window = app_module.first_run(MainWindow, vault_path)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
        assert (vault_path / "register.db").exists()
        assert window.user.display_name == "Fay Governor"
    finally:
        window.shutdown()


def test_first_run_cancelled(qtbot, monkeypatch, vault_path):
    from ui.main_window import MainWindow
    from ui.setup import setup_wizard
    monkeypatch.setattr(setup_wizard.SetupWizard, "ask",
                        classmethod(lambda cls, parent=None, demo_available=False: None))
    assert app_module.first_run(MainWindow, vault_path) is None
    assert not vault_path.exists()


def test_demo_vault_opens_as_its_governor(qtbot, make_window, tmp_path, fast_kdf):
    from console.demo import build as demo
    from ui.setup.demo_note import DemoNote
    window = make_window(tmp_path / "demo")
    window.open_demo(app_module.demo_builder())
    qtbot.waitUntil(lambda: not window.locked, timeout=60_000)
    qtbot.waitUntil(lambda: window.register.model.rowCount() > 0, timeout=10_000)
    assert window.establishment == demo.ESTABLISHMENT
    note = window.findChild(DemoNote)
    assert note is not None and demo.GOVERNOR in note.text.text()
    assert demo.DEMO_PASSPHRASE in note.text.text()
    # Each user is listed with their name and role, the way they sign in.
    for user, display, role, _title in demo.USERS:
        assert display in note.text.text() and user in note.text.text()
    assert {p[3] for p in note.people} == {"governor", "deputy", "viewer"}
    assert "Deputy" in note.text.text() and "Viewer" in note.text.text()
    note.accept()
    window.lock()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    from console.storage.vault import Vault
    with Vault.open(tmp_path / "demo", demo.GOVERNOR, demo.DEMO_PASSPHRASE) as v:
        assert v.user.role == "governor"
