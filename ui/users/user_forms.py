"""Small dialogs for managing users: add a user, set a passphrase (reset
another's or change one's own), and the confirmation before removing a user.

Each checks only what it can see (lengths, matching confirmation, a sign-in
name's shape) and says what is wrong under the fields; the services check
everything again. Every passphrase field can show what was typed, a new
passphrase has the strength meter under it, and a weak one is accepted
only after the warning (``ui.widgets.passphrase``). ``ask`` classmethods
return plain data or None so tests can replace them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

import re

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.audit.roles import ROLES
from console.records.users import MIN_PASSPHRASE
from console.storage.accounts import User
from ui.errors import error_label

from ..widgets.passphrase import StrengthMeter, accept_passphrase
from ..widgets.passphrase_edit import PassphraseEdit
from .actions import NewUser

NAME_SHAPE = re.compile(r"[\w.-]{1,64}")
HINT = (f"At least {MIN_PASSPHRASE} characters; a few unrelated words are easy to remember "
        "and hard to guess.")


def passphrase_problem(new: str, confirm: str) -> str | None:
    if len(new) < MIN_PASSPHRASE:
        return f"The passphrase must be at least {MIN_PASSPHRASE} characters long."
    if new != confirm:
        return "The two passphrases do not match."
    return None


def _secret(parent, name: str) -> PassphraseEdit:
    return PassphraseEdit(parent, accessible_name=name)


class _FormDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.value = None

    def problem(self) -> str | None:
        raise NotImplementedError

    def _try_accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        self.error_label.hide()
        new = getattr(self, "passphrase", None)
        if new is not None and not accept_passphrase(self, new.text()):
            new.setFocus()
            new.selectAll()
            return
        self.value = self.collect()
        self.accept()

    def collect(self):
        raise NotImplementedError


class AddUserDialog(_FormDialog):
    """A new deputy or viewer: sign-in name, display name, role, staff number
    and an initial passphrase they change at first sign-in."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Add user", parent)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Sign-in name"))
        self.name.setPlaceholderText(self.tr("e.g. jsmith"))
        self.display_name = QLineEdit(self)
        self.display_name.setAccessibleName(self.tr("Display name"))
        self.display_name.setPlaceholderText(self.tr("e.g. Jo Smith, Head of Security"))
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Role"))
        for key in ("deputy", "viewer"):
            self.role.addItem(ROLES.label(key), key)
        self.role.setToolTip(self.tr("Deputies record measures and logs; viewers can only read."))
        self.staff_number = QLineEdit(self)
        self.staff_number.setAccessibleName(self.tr("Staff number (optional)"))
        self.passphrase = _secret(self, "Initial passphrase")
        self.meter = StrengthMeter(self.passphrase, self)
        self.confirm = _secret(self, "Confirm passphrase")
        for label, w in (("Sign-in &name:", self.name), ("&Display name:", self.display_name),
                         ("&Role:", self.role), ("&Staff number:", self.staff_number),
                         ("Initial &passphrase:", self.passphrase), ("", self.meter),
                         ("&Confirm:", self.confirm)):
            self.form.addRow(label, w)
        hint = QLabel(HINT + self.tr(" Give it to them in person; they should change it when they "
                      "first sign in."), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def problem(self) -> str | None:
        if not NAME_SHAPE.fullmatch(self.name.text().strip()):
            return ("The sign-in name must be 1 to 64 letters, digits, dots, dashes or "
                    "underscores.")
        return passphrase_problem(self.passphrase.text(), self.confirm.text())

    def collect(self) -> NewUser:
        return NewUser(self.name.text().strip(), self.display_name.text().strip(),
                       self.role.currentData(), self.passphrase.text(),
                       self.staff_number.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> NewUser | None:
        dialog = cls(parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None


class PassphraseDialog(_FormDialog):
    """A new passphrase with confirmation; with ``needs_current`` the
    signed-in user's present passphrase too. ``value`` is (current, new)."""

    def __init__(self, title: str, intro: str, needs_current: bool,
                 parent: QWidget | None = None):
        super().__init__(title, parent)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        self.form.addRow(text)
        self.current = _secret(self, "Current passphrase") if needs_current else None
        if self.current is not None:
            self.form.addRow(self.tr("C&urrent passphrase:"), self.current)
        self.passphrase = _secret(self, "New passphrase")
        self.meter = StrengthMeter(self.passphrase, self)
        self.confirm = _secret(self, "Confirm new passphrase")
        self.form.addRow(self.tr("&New passphrase:"), self.passphrase)
        self.form.addRow("", self.meter)
        self.form.addRow(self.tr("&Confirm:"), self.confirm)
        hint = QLabel(HINT, self)
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def problem(self) -> str | None:
        if self.current is not None and not self.current.text():
            return "Enter your current passphrase."
        return passphrase_problem(self.passphrase.text(), self.confirm.text())

    def collect(self) -> tuple[str, str]:
        return (self.current.text() if self.current is not None else "", self.passphrase.text())

    @classmethod
    def ask(cls, title: str, intro: str, needs_current: bool,
            parent: QWidget | None = None) -> tuple[str, str] | None:
        dialog = cls(title, intro, needs_current, parent)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None


def removal_text(user: User) -> str:
    return (f"Remove {user.display_name or user.name} ({ROLES.label(user.role).lower()})?\n\n"
            "They will no longer be able to sign in. The vault's key is then changed "
            "(rotated) and every other user's key slot rewrapped, so any copy of the old key "
            "they kept is useless. Their past entries in the history stay and still verify.")


def confirm_remove(parent: QWidget | None, user: User) -> bool:
    """Ask before removing a user; the default button is Cancel."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("UserForms", "Remove user"), removal_text(user),
                      QMessageBox.StandardButton.Cancel, parent)
    remove = box.addButton(QCoreApplication.translate("UserForms", "Remove user"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is remove
