"""First-run wizard, unlocking with right and wrong passphrases, auto-lock."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import PASS
from tests.ui.conftest import unlock
from ui.setup.setup_wizard import SetupWizard
from ui.widgets.passphrase import strength


def test_wizard_creates_a_vault(qtbot, make_window, vault_path, fast_kdf):
    wizard = SetupWizard(demo_available=False)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.choice.demo.isEnabled()
    wizard.next()
    d = wizard.details
    assert not d.isComplete()
    d.establishment.setText("HMP Northfield")
    qtbot.keyClicks(d.display_name, "Jane Smith")
    assert d.user.text() == "jane.smith"
    assert d.isComplete()
    wizard.next()
    s = wizard.secret
    s.passphrase.setText("short")
    assert not s.isComplete() and "Too short" in s.verdict.text()
    s.passphrase.setText("plum orchard lantern")
    assert "Weak" in s.verdict.text()
    s.passphrase.setText("plum orchard lantern seventy kettle")
    s.confirm.setText("plum orchard lantern")
    assert not s.isComplete() and "differ" in s.mismatch.text()
    s.confirm.setText("plum orchard lantern seventy kettle")
    assert s.isComplete() and s.verdict.text() in ("Good", "Strong")
    wizard.next()
    assert "HMP Northfield" in wizard.summary.text.text()
    answer = wizard.result_value
    assert answer.mode == "create" and answer.user == "jane.smith"

    window = make_window(vault_path)
    window.create_vault(answer)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert (vault_path / "register.db").exists()
    assert window.user.name == "jane.smith" and window.user.role == "governor"
    assert "HMP Northfield" in window.who.text()


def test_strength_rates_longer_passphrases_higher():
    assert strength("aaaaaaaa")[0] < strength("Tr0ub4dor&3x!")[0]
    assert strength("correct horse battery")[1].startswith("Weak")
    assert strength("correct horse battery staple")[0] < strength(
        "correct horse battery staple orbit moss")[0]
    assert strength("correct horse battery staple orbit moss")[1] == "Strong"


def test_wrong_then_right_passphrase(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    page = window.unlock_page
    assert window.locked and page.user.currentText() == "governor"
    page.passphrase.setText("not the passphrase")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.isVisible(), timeout=10_000)
    assert "passphrase" in page.message.text().lower()
    assert page.passphrase.text() == "" and page.passphrase.hasFocus()
    assert page.failures == 1 and page.waiting == 0
    assert window.locked
    unlock(qtbot, window)
    assert window.register.model.rowCount() == 2
    assert page.failures == 0


def test_repeated_failures_slow_down(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    page = window.unlock_page
    for n in range(3):
        page.passphrase.setText(f"wrong {n}")
        page.submit()
        qtbot.waitUntil(lambda: page.failures == n + 1, timeout=10_000)
    assert page.waiting > 0 and not page.unlock_button.isEnabled()
    assert "Wait" in page.message.text()
    page.passphrase.setText(PASS)
    page.submit()                       # refused while waiting: nothing is sent
    assert not window.runner.busy


def test_autolock_fires_and_drops_everything(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    window.autolock.override_ms = 800
    unlock(qtbot, window)
    window.register.select(window.register.model.row_at(0).subject.ref)
    qtbot.waitUntil(lambda: window.panel.record is not None, timeout=5000)
    window.clipboard.copy("CC-TEST")
    with qtbot.waitSignal(window.autolock.lock_requested, timeout=5000):
        pass
    assert window.locked
    assert window.register.model.rowCount() == 0
    assert window.panel.record is None
    assert not window.clipboard.holding
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    assert "Locked" in window.unlock_page.subtitle.text()
    unlock(qtbot, window)


def test_ctrl_l_locks_and_keeps_an_open_dialog(qtbot, make_window, filled_vault):
    window = make_window(filled_vault)
    unlock(qtbot, window)
    dialog = window.actions.new_subject()
    dialog.name.setText("Half typed")
    window.act_lock.trigger()
    assert window.locked and not dialog.isVisible()
    unlock(qtbot, window)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.name.text() == "Half typed"
    dialog.reject()


def test_a_draft_is_never_shown_to_another_user(qtbot, make_window, filled_vault):
    import shiboken6

    from tests.ui.conftest import DEPUTY_PASS
    window = make_window(filled_vault)
    unlock(qtbot, window)
    dialog = window.actions.new_subject()
    dialog.name.setText("Governor's draft")
    window.lock()
    unlock(qtbot, window, "dep", DEPUTY_PASS)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)


def test_wizard_demo_choice_finishes_at_once(qtbot):
    wizard = SetupWizard(demo_available=True)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.choice.demo.setChecked(True)
    assert wizard.choice.isFinalPage() or wizard.choice.nextId() == -1
    assert wizard.result_value.mode == "demo"


def test_the_unlock_passphrase_can_be_shown_once_the_page_has_painted(qtbot, make_window,
                                                                     filled_vault):
    from PySide6.QtWidgets import QLineEdit
    window = make_window(filled_vault)
    page = window.unlock_page
    qtbot.waitUntil(lambda: getattr(page, "reveal", None) is not None, timeout=5000)
    page.passphrase.setText("typed so far")
    page.reveal.action.trigger()
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    page.passphrase.clear()                 # a cleared field is hidden again
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password
