"""UsersDialog and SettingsDialog: listing, adding, removing with confirmation,
resetting, changing one's own passphrase, the certificate, and settings."""

from __future__ import annotations

import pytest

from console.errors import ValidationError
from console.storage.accounts import User
from console.storage.identity import cert_fingerprint, generate_identity
from tests.ui.conftest import run_on
from ui.operation import Changes
from ui.users import NewUser, SettingsDialog, SettingsValues, UserActions, UsersDialog
from ui.users.user_forms import AddUserDialog, PassphraseDialog, removal_text
from ui.users.users_model import UsersModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

PEM = generate_identity("Gwen Governor", "Governor", "HMP Testshire").cert_pem


class FakeUsers:
    def __init__(self):
        self.users = [User("governor", "Gwen Governor", "governor"),
                      User("jsmith", "Jo Smith", "deputy", staff_number="S1")]
        self.calls = []

    def actions(self) -> UserActions:
        return UserActions(
            list_users=lambda vault: list(self.users),
            add_user=self.add_user,
            remove_user=lambda vault, n: (self.calls.append(("remove", n)),
                                          self.users.__setitem__(slice(None), [
                                              u for u in self.users if u.name != n])),
            reset_user=lambda vault, n, p: self.calls.append(("reset", n, p)),
            change_passphrase=self.change,
            certificate_pem=lambda vault: PEM)

    def add_user(self, vault, name, passphrase, role, display_name, staff_number):
        self.calls.append(("add", name, passphrase, role, display_name, staff_number))
        u = User(name, display_name, role, staff_number=staff_number)
        self.users.append(u)
        return u

    def change(self, vault, old, new):
        if old != "old passphrase":
            raise ValidationError("The passphrase is not right.")
        self.calls.append(("change", old, new))


def dialog(qtbot, fake, runner):
    d = UsersDialog(runner, fake.actions(), fake.users, "governor")
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: not d.pending, timeout=5000)
    return d


def settle(qtbot, d):
    qtbot.waitUntil(lambda: not d.pending, timeout=5000)


def test_lists_users_and_shows_fingerprint(qtbot, vault_runner):
    d = dialog(qtbot, FakeUsers(), vault_runner)
    assert d.model.rowCount() == 2
    assert d.model.index(0, 0).data() == "governor (you)"
    assert d.model.index(1, 2).data() == "Deputy"
    assert cert_fingerprint(PEM) in d.fingerprint_label.text()
    # nothing selected, or yourself selected: no reset/remove
    assert not d.remove_button.isEnabled()
    d.select("governor")
    assert not d.remove_button.isEnabled() and not d.reset_button.isEnabled()
    d.select("jsmith")
    assert d.remove_button.isEnabled() and d.reset_button.isEnabled()


def test_add_user(qtbot, vault_runner, monkeypatch):
    fake = FakeUsers()
    d = dialog(qtbot, fake, vault_runner)
    monkeypatch.setattr(AddUserDialog, "ask", classmethod(lambda cls, parent=None: NewUser(
        "pviewer", "Pat Viewer", "viewer", "long passphrase", "S9")))
    with qtbot.waitSignal(d.runner.status, timeout=5000) as sig:
        d.add_button.click()
    settle(qtbot, d)
    assert fake.calls == [("add", "pviewer", "long passphrase", "viewer", "Pat Viewer", "S9")]
    assert "Pat Viewer" in sig.args[0]
    assert d.model.rowCount() == 3
    assert d.selected_user().name == "pviewer"


def test_remove_needs_confirmation(qtbot, vault_runner):
    fake = FakeUsers()
    d = dialog(qtbot, fake, vault_runner)
    d.select("jsmith")
    asked = []
    d.confirm_remove = lambda parent, user: asked.append(user.name) or False
    d.remove_button.click()
    assert asked == ["jsmith"] and fake.calls == []
    d.confirm_remove = lambda parent, user: True
    with qtbot.waitSignal(d.runner.status, timeout=5000) as sig:
        d.remove_button.click()
    settle(qtbot, d)
    assert fake.calls == [("remove", "jsmith")]
    assert "rotated" in sig.args[0]
    assert [u.name for u in d.model.users()] == ["governor"]
    assert "rotated" in removal_text(User("x", "X", "deputy"))


def test_reset_and_change_own(qtbot, vault_runner, monkeypatch):
    fake = FakeUsers()
    d = dialog(qtbot, fake, vault_runner)
    d.select("jsmith")
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(
        lambda cls, title, intro, needs, parent=None: ("", "new passphrase 1")))
    with qtbot.waitSignal(d.runner.status, timeout=5000):
        d.reset_button.click()
    settle(qtbot, d)
    assert ("reset", "jsmith", "new passphrase 1") in fake.calls
    # a wrong current passphrase is shown in the dialog, not as a modal
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(
        lambda cls, title, intro, needs, parent=None: ("wrong", "new passphrase 2")))
    d.change_button.click()
    settle(qtbot, d)
    assert "not right" in d.message.text()
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(
        lambda cls, title, intro, needs, parent=None: ("old passphrase", "new passphrase 2")))
    with qtbot.waitSignal(d.runner.status, timeout=5000):
        d.change_button.click()
    assert ("change", "old passphrase", "new passphrase 2") in fake.calls


def test_export_certificate(qtbot, vault_runner, tmp_path):
    d = dialog(qtbot, FakeUsers(), vault_runner)
    with qtbot.waitSignal(d.runner.status):
        d.save_certificate(tmp_path / "me.pem")
    assert (tmp_path / "me.pem").read_bytes() == PEM


def test_add_user_form_checks_its_fields(qtbot):
    f = AddUserDialog()
    qtbot.addWidget(f)
    f.name.setText("bad name!")
    f.ok_button.click()
    assert "sign-in name" in f.error_label.text() and f.value is None
    f.name.setText("jdoe")
    f.passphrase.setText("long enough words here")
    f.confirm.setText("long enough words hera")
    f.ok_button.click()
    assert "do not match" in f.error_label.text()
    f.confirm.setText("long enough words here")
    f.role.setCurrentIndex(1)
    f.ok_button.click()
    assert f.value == NewUser("jdoe", "", "viewer", "long enough words here", "")


def test_passphrase_form(qtbot):
    f = PassphraseDialog("Change", "intro", True)
    qtbot.addWidget(f)
    f.passphrase.setText("long enough words here")
    f.confirm.setText("long enough words here")
    f.ok_button.click()
    assert "current passphrase" in f.error_label.text()
    f.current.setText("old one")
    f.ok_button.click()
    assert f.value == ("old one", "long enough words here")


def test_users_model(qtmodeltester):
    qtmodeltester.check(UsersModel(FakeUsers().users, "governor"))


def test_settings_dialog_applies_only_changes(qtbot, vault_runner):
    applied, changed = [], []
    vault_runner.changed.connect(changed.append)
    d = SettingsDialog(SettingsValues(capture_excluded=True), vault_runner,
                       lambda vault, changes: applied.append(changes),
                       quick_unlock=(True, "Quick unlock can use this computer's keychain."))
    qtbot.addWidget(d)
    assert "hidden from screen capture" in d.capture_label.text()
    d.autolock.setValue(10)
    d.quick_unlock.setChecked(True)
    with qtbot.waitSignal(d.accepted, timeout=5000):
        d.ok_button.click()
    assert applied == [{"autolock_minutes": 10, "quick_unlock": True}]
    assert d.value.autolock_minutes == 10
    assert changed == [Changes(settings=True, register=True, dashboard=True)]


def test_settings_quick_unlock_unavailable_and_errors(qtbot, vault_runner):
    def refuse(vault, changes):
        raise ValidationError("That setting must be between 1 and 365.")

    d = SettingsDialog(SettingsValues(), vault_runner, refuse,
                       quick_unlock=(False, "Quick unlock is off: no keychain."))
    qtbot.addWidget(d)
    assert not d.quick_unlock.isEnabled() and "no keychain" in d.quick_reason.text()
    assert "does not let" in d.capture_label.text()
    d.unreferred.setValue(30)
    d.ok_button.click()
    qtbot.waitUntil(lambda: "between 1 and 365" in d.error_label.text(), timeout=5000)
    assert d.value is None and d.ok_button.isEnabled()


def test_with_a_real_vault(vault_runner, qtbot, monkeypatch):
    from console.records import users
    d = UsersDialog(vault_runner, UserActions(), run_on(qtbot, vault_runner, users.list_users),
                    "governor")
    qtbot.addWidget(d)
    settle(qtbot, d)
    assert d.fingerprint == run_on(qtbot, vault_runner, lambda v: v.identity().fingerprint)
    monkeypatch.setattr(AddUserDialog, "ask", classmethod(lambda cls, parent=None: NewUser(
        "jsmith", "Jo Smith", "deputy", "deputy passphrase", "S1")))
    with qtbot.waitSignal(d.runner.status, timeout=10000):
        d.add_button.click()
    settle(qtbot, d)
    names = run_on(qtbot, vault_runner, lambda v: [u.name for u in users.list_users(v)])
    assert names == ["governor", "jsmith"]
    d.select("jsmith")
    d.confirm_remove = lambda parent, user: True
    with qtbot.waitSignal(d.runner.status, timeout=10000):
        d.remove_button.click()
    settle(qtbot, d)
    names = run_on(qtbot, vault_runner, lambda v: [u.name for u in users.list_users(v)])
    assert names == ["governor"]
    assert d.model.rowCount() == 1
