"""The unlock page: choose the user, type the passphrase (or use quick
unlock where this computer has it set up).

The page only asks; the main window runs the unlock on the vault thread and
calls ``failed`` or ``reset`` with the result. A wrong passphrase shows one
sentence under the field with the focus back in it. After repeated failures
the page makes the user wait a little longer each time (in the console only:
the vault file itself is never locked out).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.storage import keyslots

from ..errors import ERROR_STYLE, clear_inline

FREE_ATTEMPTS = 3
MAX_DELAY_S = 30


def delay_after(failures: int) -> int:
    """Seconds to wait before the next attempt after ``failures`` wrong tries."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS + 1))


def vault_users(folder: Path) -> tuple[list[str], str, set[str]]:
    """(user names, default user, users with quick unlock) from the slot file,
    which holds no record data and can be read while the vault is locked."""
    try:
        slots = keyslots.SlotFile.load(Path(folder))
    except Exception:  # a damaged slot file is reported by the unlock itself
        return [], "", set()
    names = slots.names()
    default = next((n for n, s in slots.users.items() if s.get("default")),
                   names[0] if names else "")
    return names, default, {n for n in names if slots.has_quick(n)}


class UnlockPage(QWidget):
    """User chooser, passphrase field, quick unlock and an inline message."""

    unlock_requested = Signal(str, str)     # user, passphrase
    quick_unlock_requested = Signal(str)    # user
    backups_requested = Signal()            # the chain refused the unlock: restore?

    def __init__(self, parent=None):
        super().__init__(parent)
        self.failures = 0
        self._quick_users: set[str] = set()
        self._wait = 0

        self.title = QLabel(self.tr("Governor's Console"))
        self.title.setObjectName("unlockTitle")
        self.subtitle = QLabel(self.tr("The register is locked."))
        self.subtitle.setObjectName("unlockSubtitle")
        self.subtitle.setWordWrap(True)   # longer notes (the demo's passphrase) must not be cut
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setAccessibleName(self.tr("User name"))
        # A screen reader reads the editable part of the box: it is named too.
        self.user.lineEdit().setAccessibleName(self.tr("User name"))
        self.passphrase = QLineEdit()       # the show/hide eye: ``add_reveal_toggle``
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        self.message.setVisible(False)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.quick_button = QPushButton(self.tr("Quick unlock"))
        self.quick_button.setToolTip(self.tr("Unlock with the key kept in this computer's keychain."))
        self.quick_button.setVisible(False)
        self.backups_button = QPushButton(self.tr("Backups…"))
        self.backups_button.setToolTip(self.tr("Restore the vault from a backup."))
        self.backups_button.setVisible(False)
        self.vault_label = QLabel()
        self.vault_label.setObjectName("unlockVault")
        self.vault_label.setWordWrap(True)

        card = QFrame()
        card.setObjectName("unlockCard")
        card.setMaximumWidth(460)
        form = QFormLayout()
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quick_button)
        buttons.addWidget(self.backups_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        inner.addWidget(self.vault_label)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.passphrase.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self.quick_button.clicked.connect(
            lambda: self.quick_unlock_requested.emit(self.user.currentText().strip()))
        self.backups_button.clicked.connect(self.backups_requested.emit)
        self.user.currentTextChanged.connect(self._user_changed)
        self.setTabOrder(self.user, self.passphrase)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.quick_button)

    # -- set up ---------------------------------------------------------------------
    def load(self, folder: Path, last_user: str = "") -> None:
        names, default, quick = vault_users(folder)
        self._quick_users = quick
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItems(names)
        self.user.setCurrentText(last_user if last_user in names else default)
        self.user.blockSignals(False)
        self._user_changed(self.user.currentText())
        self.vault_label.setText(self.tr("Vault: %1").replace("%1", str(folder)))
        self.reset()

    def reset(self, message: str = "") -> None:
        """Ready for a new attempt (after locking or a failed unlock)."""
        self.passphrase.clear()
        self.set_busy(False)
        if message:
            self.subtitle.setText(message)
        clear_inline(self.message)
        self.passphrase.setFocus()

    def _user_changed(self, name: str) -> None:
        self.quick_button.setVisible(name.strip() in self._quick_users)

    # -- attempts ------------------------------------------------------------------
    def submit(self) -> None:
        if self._wait > 0 or not self.unlock_button.isEnabled():
            return
        user = self.user.currentText().strip()
        if not self.passphrase.text():
            self.show_message(self.tr("Type your passphrase, then press Enter."))
            return
        self.set_busy(True)
        self.unlock_requested.emit(user, self.passphrase.text())

    def add_reveal_toggle(self) -> None:
        """The eye that shows or hides the passphrase (after the first paint)."""
        if getattr(self, "reveal", None) is None:
            from ..widgets.passphrase_edit import RevealToggle
            self.reveal = RevealToggle(self.passphrase)

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy and self._wait == 0)
        self.quick_button.setEnabled(not busy and self._wait == 0)
        self.passphrase.setEnabled(not busy)
        self.user.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("Unlock"))

    def failed(self, message: str, wrong_passphrase: bool = True) -> None:
        """Show why the unlock failed, clear the field and put the focus back."""
        if wrong_passphrase:
            self.failures += 1
        self.passphrase.clear()
        self.set_busy(False)
        self._wait = delay_after(self.failures) if wrong_passphrase else 0
        if self._wait:
            message += f" Wait {self._wait} seconds before trying again."
            self.unlock_button.setEnabled(False)
            self.quick_button.setEnabled(False)
            self._countdown.start()
        self.show_message(message)
        self.passphrase.setFocus()

    def offer_backups(self, offered: bool = True) -> None:
        """Show the Backups… button (the chain refused the unlock)."""
        self.backups_button.setVisible(offered)

    def succeeded(self) -> None:
        self.backups_button.setVisible(False)
        self.failures = 0
        self._wait = 0
        self._countdown.stop()
        self.passphrase.clear()
        clear_inline(self.message)
        self.set_busy(False)

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setVisible(True)

    @property
    def waiting(self) -> int:
        return self._wait

    def _tick(self) -> None:
        self._wait = max(0, self._wait - 1)
        if self._wait == 0:
            self._countdown.stop()
            self.set_busy(False)
            self.unlock_button.setEnabled(True)
