"""ChangeRoleDialog: the governor gives a user of the vault another role, and
the confirmation that follows it.

The dialog offers every active user (yourself included: the core refuses
changing your own role, and so demoting the last governor, in one sentence
the users dialog shows) and the three roles, with one line saying what the
chosen role may do. It checks only what it can see (a role other than the
user's present one); ``console.records.users.set_role`` decides. ``ask``
returns a ``RoleChange`` or None, and ``confirm_role_change`` names the
user and the old and new role before anything is written, with Cancel as
the default.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.audit.roles import DEPUTY, GOVERNOR, ROLES, VIEWER
from console.storage.accounts import User
from ui.errors import clear_inline, error_label

translate = QCoreApplication.translate


def role_summary(role: str) -> str:
    """What ``role`` may do, in one line (the core's table of rights decides)."""
    if role == GOVERNOR:
        return translate("ChangeRoleDialog", "Everything: manages users and settings, signs "
                         "briefings, records referrals, decides status, erasure and conflict "
                         "bars.")
    if role == DEPUTY:
        return translate("ChangeRoleDialog", "Adds subjects, reports, measures and log "
                         "entries and reads reports' full text; cannot sign briefings or "
                         "manage users.")
    if role == VIEWER:
        return translate("ChangeRoleDialog", "Reads the register only; changes nothing and "
                         "never sees reports' full text.")
    return ""


def role_name(role: str) -> str:
    return ROLES.label(role).lower() if role in ROLES.keys() else role


@dataclass(frozen=True)
class RoleChange:
    name: str
    display_name: str
    old_role: str
    new_role: str

    @property
    def who(self) -> str:
        if self.display_name and self.display_name != self.name:
            return f"{self.display_name} ({self.name})"
        return self.name


class ChangeRoleDialog(QDialog):
    """Choose a user and their new role; ``value`` is a ``RoleChange``."""

    def __init__(self, users, current_user: str = "", selected: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        title = self.tr("Change role")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.value: RoleChange | None = None
        self._users = {u.name: u for u in users}
        self.user = QComboBox(self)
        self.user.setAccessibleName(self.tr("User"))
        for u in users:
            text = RoleChange(u.name, u.display_name, u.role, u.role).who
            if u.name == current_user:
                text = self.tr("%1 (you)").replace("%1", text)
            self.user.addItem(f"{text}: {ROLES.label(u.role)}", u.name)
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("New role"))
        for key in (GOVERNOR, DEPUTY, VIEWER):
            self.role.addItem(ROLES.label(key), key)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What the role may do"))
        form = QFormLayout()
        for text, field in ((self.tr("&User:"), self.user), (self.tr("&New role:"), self.role)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.summary)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("C&hange role…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.user.currentIndexChanged.connect(self._user_chosen)
        self.role.currentIndexChanged.connect(self._role_chosen)
        if selected and self.user.findData(selected) >= 0:
            self.user.setCurrentIndex(self.user.findData(selected))
        self._user_chosen()
        self.setMinimumWidth(480)
        self.user.setFocus()

    def chosen(self) -> User | None:
        return self._users.get(self.user.currentData())

    def _user_chosen(self, *_args) -> None:
        u = self.chosen()
        if u is not None:
            # Start from another role than the present one: that is the question.
            others = [k for k in (VIEWER, DEPUTY, GOVERNOR) if k != u.role]
            self.role.setCurrentIndex(self.role.findData(others[0]))
        self._role_chosen()

    def _role_chosen(self, *_args) -> None:
        self.summary.setText(role_summary(self.role.currentData()))
        clear_inline(self.error_label)

    def problem(self) -> str | None:
        u = self.chosen()
        if u is None:
            return self.tr("Choose a user.")
        if u.role == self.role.currentData():
            return (self.tr("%1 is already a %2; choose another role.")
                    .replace("%1", RoleChange(u.name, u.display_name, u.role, u.role).who)
                    .replace("%2", role_name(u.role)))
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            self.role.setFocus()
            return
        u = self.chosen()
        self.value = RoleChange(u.name, u.display_name, u.role, self.role.currentData())
        super().accept()

    @classmethod
    def ask(cls, users, current_user: str = "", selected: str = "",
            parent: QWidget | None = None) -> RoleChange | None:
        dialog = cls(users, current_user, selected, parent)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def role_change_text(change: RoleChange) -> str:
    return (translate("ChangeRoleDialog", "Change %1 from %2 to %3?\n\nAs a %3: %4\n\nWhat "
                      "they may see and do follows the new role from now on, and the change "
                      "is signed into the audit chain.")
            .replace("%1", change.who).replace("%2", role_name(change.old_role))
            .replace("%3", role_name(change.new_role))
            .replace("%4", role_summary(change.new_role)))


def confirm_role_change(parent: QWidget | None, change: RoleChange) -> bool:
    """Ask before changing a role; the default button is Cancel."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("ChangeRoleDialog", "Change role"),
                      role_change_text(change), QMessageBox.StandardButton.Cancel, parent)
    box.setAccessibleName(translate("ChangeRoleDialog", "Confirm the change of role"))
    yes = box.addButton(translate("ChangeRoleDialog", "&Change role"),
                        QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes
