"""First run: create a new vault, or open the demo vault.

The wizard only gathers answers; its result is a ``SetupResult`` and the
caller creates the vault on the vault thread (``Vault.create`` also generates
the governor's signing identity). Nothing typed here is stored anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from console.records.users import MIN_PASSPHRASE
from console.storage import quick_unlock

from ..widgets.passphrase import StrengthMeter, accept_passphrase
from ..widgets.passphrase_edit import PassphraseEdit


@dataclass(frozen=True)
class SetupResult:
    mode: str                 # "create" or "demo"
    establishment: str = ""
    display_name: str = ""
    user: str = ""
    passphrase: str = ""
    quick_unlock: bool = False


def user_name_for(display_name: str) -> str:
    parts = re.sub(r"[^a-z0-9 ]", "", display_name.lower()).split()
    return ".".join(parts)[:64] or "governor"


class ChoicePage(QWizardPage):
    def __init__(self, demo_available: bool):
        super().__init__()
        self.setTitle(self.tr("Welcome to Governor's Console"))
        self.setSubTitle(self.tr("The register is kept in an encrypted vault on this computer."))
        self.create = QRadioButton(self.tr("&Create a new vault for my establishment"))
        self.create.setChecked(True)
        self.demo = QRadioButton(self.tr("Open the &demo vault (fictional data, to look around)"))
        self.demo.setEnabled(demo_available)
        if not demo_available:
            self.demo.setToolTip(self.tr("The demo vault is not part of this installation."))
        # The demo ends the wizard here, so the buttons must follow the choice.
        self.demo.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create)
        layout.addWidget(self.demo)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 (Qt name)
        return -1 if self.demo.isChecked() else 1


class DetailsPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Your establishment"))
        self.setSubTitle(self.tr("These appear on briefings and in your signing certificate."))
        self.establishment = QLineEdit(placeholderText="e.g. HMP Northfield")
        self.establishment.setAccessibleName(self.tr("Establishment"))
        self.display_name = QLineEdit(placeholderText="e.g. Jane Smith")
        self.display_name.setAccessibleName(self.tr("Governor's name"))
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.user.setToolTip(self.tr("Letters, digits, dots, dashes or underscores; used to sign in."))
        self._user_edited = False
        form = QFormLayout(self)
        form.addRow(self.tr("&Establishment"), self.establishment)
        form.addRow(self.tr("&Governor's name"), self.display_name)
        form.addRow(self.tr("&User name"), self.user)
        self.display_name.textChanged.connect(self._suggest)
        self.user.textEdited.connect(lambda _t: setattr(self, "_user_edited", True))
        for w in (self.establishment, self.display_name, self.user):
            w.textChanged.connect(self.completeChanged)

    def _suggest(self, text: str) -> None:
        if not self._user_edited:
            self.user.setText(user_name_for(text))

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.establishment.text().strip() and self.display_name.text().strip()
                    and re.fullmatch(r"[A-Za-z0-9._-]{1,64}", self.user.text().strip()))


class PassphrasePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Your passphrase"))
        self.setSubTitle(self.tr("It unlocks the vault. There is no way to recover it if it is lost, "
                         "so choose a few words you will remember."))
        self.passphrase = PassphraseEdit(accessible_name="Passphrase")
        self.confirm = PassphraseEdit(accessible_name="Confirm passphrase")
        self.strength = StrengthMeter(self.passphrase)
        self.meter, self.verdict = self.strength.bar, self.strength.verdict
        self.mismatch = QLabel()
        self.mismatch.setStyleSheet("color: #d32f2f;")
        ok, why = quick_unlock.availability()
        self.quick = QCheckBox(self.tr("Use &quick unlock on this computer"))
        self.quick.setEnabled(ok)
        self.quick_reason = QLabel(why if not ok else
                                   self.tr("Keeps an unlock key in this computer's keychain; the "
                                   "passphrase still works everywhere."))
        self.quick_reason.setWordWrap(True)
        self.quick_reason.setObjectName("hint")
        form = QFormLayout(self)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow(self.tr("&Confirm"), self.confirm)
        form.addRow("", self.mismatch)
        form.addRow("", self.quick)
        form.addRow("", self.quick_reason)
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()

    def _update(self, *_):
        self.mismatch.setText(self.tr("The two passphrases differ.") if self.confirm.text() and
                              self.confirm.text() != self.passphrase.text() else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        p = self.passphrase.text()
        return len(p) >= MIN_PASSPHRASE and p == self.confirm.text()

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        """A weak passphrase goes on only after the warning."""
        if accept_passphrase(self, self.passphrase.text()):
            return True
        self.passphrase.setFocus()
        self.passphrase.selectAll()
        return False


class SummaryPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Ready to create the vault"))
        self.setSubTitle(self.tr("Finish creates the encrypted vault and a signing identity "
                                 "for you. HQ can pin your certificate later (Tools › Users… › "
                                 "Export my certificate)."))
        self.text = QLabel()
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    def initializePage(self) -> None:  # noqa: N802
        w = self.wizard()
        self.text.setText(f"Establishment: {w.details.establishment.text().strip()}\n"
                          f"Governor: {w.details.display_name.text().strip()} "
                          f"(signs in as {w.details.user.text().strip()})\n"
                          f"Quick unlock: {'on' if w.secret.quick.isChecked() else 'off'}")


class SetupWizard(QWizard):
    """Answers for a new vault, or the choice of the demo."""

    def __init__(self, parent=None, demo_available: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up Governor's Console"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.choice = ChoicePage(demo_available)
        self.details = DetailsPage()
        self.secret = PassphrasePage()
        self.summary = SummaryPage()
        for n, page in enumerate((self.choice, self.details, self.secret, self.summary)):
            self.setPage(n, page)
        self.setMinimumSize(560, 420)

    @property
    def result_value(self) -> SetupResult:
        if self.choice.demo.isChecked():
            return SetupResult("demo")
        return SetupResult(
            "create", self.details.establishment.text().strip(),
            self.details.display_name.text().strip(), self.details.user.text().strip(),
            self.secret.passphrase.text(), self.secret.quick.isChecked())

    @classmethod
    def ask(cls, parent=None, demo_available: bool = False) -> SetupResult | None:
        wizard = cls(parent, demo_available)
        try:
            if wizard.exec() != QWizard.DialogCode.Accepted:
                return None
            return wizard.result_value
        finally:
            wizard.deleteLater()
