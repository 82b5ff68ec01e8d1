"""RestorePrompt: what a restore will do, and a governor's passphrases.

It explains, before anything happens, that the current vault is kept aside
(not deleted) and that the console locks for the restore; then asks for the
user name and passphrase of a governor *in the backup*, which may differ from
today's, and (only if it differs) their passphrase of today, which the vault
being replaced must accept. The prompt only collects; it never checks the passphrase itself (the
restore does, before it replaces anything). Callers use ``ask``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_label

from .actions import RestoreRequest


def explanation(path: Path) -> str:
    return (f"Restore the vault from <b>{path.name}</b>?<br><br>"
            "The backup is checked first (it must open with a governor's passphrase, read "
            "back intact and its audit chain must verify). Only then is the current vault "
            "replaced. <b>The current vault is not deleted</b>: it is kept aside beside "
            "the restored one, under a name ending in “.replaced-” and the time.<br><br>"
            "<b>The console locks for the restore.</b> Anything changed since the backup "
            "was made will not be in the restored register, except that records erased, "
            "users removed and passphrases changed since stay so. When it is done, unlock "
            "again with your passphrase of today.")


class RestorePrompt(QDialog):
    def __init__(self, path: Path, user: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setAccessibleName(self.tr("Restore from a backup"))
        self.path = Path(path)
        self.text = QLabel(explanation(self.path), self)
        self.text.setWordWrap(True)
        self.user = QLineEdit(user, self)
        self.user.setAccessibleName(self.tr("Governor's user name in the backup"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Governor's passphrase in the backup"))
        self.current = QLineEdit(self)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Your passphrase today, if different"))
        self.current.setPlaceholderText(self.tr("only if you changed it since the backup"))
        self.message = error_label(self, "Restore problem")
        form = QFormLayout()
        form.addRow(self.tr("Governor (user name in the backup):"), self.user)
        form.addRow(self.tr("Their &passphrase in the backup:"), self.passphrase)
        form.addRow(self.tr("Your passphrase &today:"), self.current)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            self.tr("Lock and &restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.passphrase.setFocus()

    def accept(self) -> None:
        if not self.user.text().strip():
            self._say("Type the user name of a governor in the backup.", self.user)
            return
        if not self.passphrase.text():
            self._say("Type that governor's passphrase as it was when the backup was made.",
                      self.passphrase)
            return
        super().accept()

    def _say(self, message: str, field: QLineEdit) -> None:
        self.message.setText(message)
        self.message.setVisible(True)
        field.setFocus()

    @property
    def request(self) -> RestoreRequest:
        return RestoreRequest(self.path, self.user.text().strip(), self.passphrase.text(),
                              self.current.text())

    @classmethod
    def ask(cls, path: Path, user: str = "", parent: QWidget | None = None
            ) -> RestoreRequest | None:
        dialog = cls(path, user, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.request
            return None
        finally:
            dialog.passphrase.clear()
            dialog.current.clear()
            dialog.deleteLater()
