"""What every signed-in person can do for themselves, and what the console
explains: a deputy changes their own passphrase (with the meter, show/hide
and the weak-passphrase warning), disabled entries say why in every menu
and on the toolbar, and Help holds the guide, the shortcuts read from the
menus, and About."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from console.storage.vault import Vault
from tests.conftest import PASS
from tests.ui.conftest import DEPUTY_PASS, unlock
from tests.ui.test_feature_wiring import menu_action
from ui.users import user_forms
from ui.widgets import passphrase

NEW = "plum orchard lantern kettle willow"


def _answer_passphrase_dialog(qtbot, current: str, new: str, after=None):
    """Fill the real dialog once it opens, as a person would."""
    def fill():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, user_forms.PassphraseDialog) and w.isVisible())
        assert dialog.current is not None and dialog.meter is not None
        dialog.current.setText(current)
        dialog.passphrase.setText(new)
        dialog.confirm.setText(new)
        assert dialog.passphrase.toggle.isVisible() or dialog.passphrase.actions()
        if after:
            after(dialog)
        dialog.ok_button.click()
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, fill)


def test_a_deputy_changes_their_own_passphrase(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    act = menu_action(window, "passphrase")
    assert act.isEnabled()
    assert not menu_action(window, "users").isEnabled()      # Users… stays the governor's
    _answer_passphrase_dialog(qtbot, DEPUTY_PASS, NEW)
    act.trigger()
    qtbot.waitUntil(lambda: "passphrase was changed" in window.statusBar().currentMessage(),
                    timeout=20_000)
    window.lock()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    window.shutdown()
    with Vault.open(filled_vault, "dep", NEW) as v:
        assert v.user.role == "deputy"


def test_a_wrong_current_passphrase_changes_nothing(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    _answer_passphrase_dialog(qtbot, "not my passphrase", NEW)
    menu_action(window, "passphrase").trigger()
    qtbot.waitUntil(lambda: "passphrase" in window.statusBar().currentMessage().lower()
                    and "changed" not in window.statusBar().currentMessage(), timeout=20_000)
    window.lock()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    window.shutdown()
    with Vault.open(filled_vault, "dep", DEPUTY_PASS) as v:
        assert v.user.name == "dep"


def test_a_weak_new_passphrase_is_questioned_first(qtbot, make_window, filled_vault,
                                                   monkeypatch):
    from PySide6.QtCore import QTimer
    window = make_window(filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    warned = []
    monkeypatch.setattr(passphrase.WeakPassphraseWarning, "ask",
                        classmethod(lambda cls, parent: warned.append(1) or False))
    seen = {}

    def after(dialog):
        def look_then_close():         # "Choose another" left the dialog open
            seen.update(open=dialog.isVisible(), value=dialog.value,
                        verdict=dialog.meter.verdict.text())
            dialog.reject()
        QTimer.singleShot(0, look_then_close)
    _answer_passphrase_dialog(qtbot, DEPUTY_PASS, "password1", after)
    menu_action(window, "passphrase").trigger()     # returns once the dialog is closed
    assert warned == [1] and seen["open"] and seen["value"] is None
    assert seen["verdict"].startswith("Weak")
    assert "changed" not in window.statusBar().currentMessage()


def test_disabled_entries_say_why_in_every_menu_and_on_the_toolbar(qtbot, make_window,
                                                                    filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    export = menu_action(window, "export")
    assert not export.isEnabled()
    assert export.toolTip() == export.statusTip()
    assert "governor" in export.toolTip().lower() and "HQ" not in export.toolTip()
    for name in ("users", "delete", "status", "assess", "import"):
        act = menu_action(window, name)
        assert not act.isEnabled() and act.toolTip() and act.toolTip() == act.statusTip()
    for top in window.menuBar().actions():
        assert top.menu().toolTipsVisible(), top.text()
    window.lock()
    unlock(qtbot, window)                                     # the governor: own words back
    assert export.isEnabled() and export.toolTip() == "Produce a signed briefing PDF for HQ"
    assert menu_action(window, "edit").toolTip() == "Edit profile"


def test_help_shortcuts_are_read_from_the_menus(qtbot, make_window, filled_vault):
    from ui.help.shortcuts import ShortcutsDialog, menu_shortcuts
    window = make_window(filled_vault)
    rows = menu_shortcuts(window.menuBar())
    keys = {(command, key) for _menu, command, key in rows}
    native = QKeySequence("Ctrl+N").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("New subject", native) in keys
    # Change a shortcut: the list follows, so it cannot drift from the keys.
    menu_action(window, "new").setShortcut(QKeySequence("Ctrl+Alt+N"))
    moved = QKeySequence("Ctrl+Alt+N").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("New subject", moved) in {(c, k) for _m, c, k in menu_shortcuts(window.menuBar())}
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(dialog.rows) >= len(rows)
    assert not dialog.table.tabKeyNavigation()


def test_help_guide_and_about(qtbot, make_window, filled_vault):
    import console
    from ui.help.about import AboutDialog, components
    from ui.help.guide import GuideDialog
    window = make_window(filled_vault)
    for name in ("guide", "shortcuts", "about"):
        assert menu_action(window, name).isEnabled()         # even while locked
    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    for heading in ("Governors", "Deputies", "Change my passphrase", "Sign and save"):
        assert heading in text
    about = AboutDialog(window.vault_path, "/tmp/log", window)
    qtbot.addWidget(about)
    assert console.__version__ in about.findChild(type(about.places), "aboutTitle").text()
    assert str(window.vault_path) in about.places.text()
    licences = {c[0].casefold().replace("_", "-"): c[2] for c in components()}
    assert {"pyside6-essentials", "sqlcipher3", "pyhanko", "reportlab"} <= set(licences)
    assert "LGPL" in licences["pyside6-essentials"]
    assert about.table.rowCount() == len(components())
