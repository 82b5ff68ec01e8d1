"""Small decision dialogs for lawful handling: confirming an erasure, giving
the reason for a legal hold, and changing what an access pack withholds.

Each takes its data through the constructor, keeps the controls a test
drives as attributes, and is used through an ``ask(...)`` classmethod that
returns plain data or None, so callers (and tests) can replace it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.lawful.subject_access import WITHHOLD_REASONS
from ui.errors import error_label


def fit_width(dialog: QWidget, width: int) -> None:
    """Size a dialog of wrapped labels: ``width`` wide, as tall as it needs."""
    dialog.setMinimumWidth(width)
    layout = dialog.layout()
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
    dialog.resize(width, max(height, layout.totalSizeHint().height()))


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.value = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error_label = error_label(self)

    def fit(self, width: int) -> None:
        """Open ``width`` wide and tall enough for the wrapped text."""
        fit_width(self, width)

    def fail(self, message: str, focus: QWidget) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        focus.setFocus()

    @classmethod
    def _run(cls, dialog: "_Dialog"):
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def erasure_text(ref: str) -> str:
    return (f"Erasing {ref} removes the subject, every report, referral, measure and log "
            "entry, and the details of its history from the vault, for good. Only a "
            "tombstone stays in the audit chain: the reference, the date, you, and the "
            "reason you give. It cannot be undone. Backups made before now still hold the "
            "record and will be flagged for deletion.")


class ConfirmErasure(_Dialog):
    """Names the consequence and asks for the reference to be typed back."""

    def __init__(self, ref: str, parent: QWidget | None = None):
        super().__init__(f"Erase {ref}", parent)
        self.ref = ref
        text = QLabel(erasure_text(ref), self)
        text.setWordWrap(True)
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(self.tr("Type the reference to confirm"))
        self.typed.setPlaceholderText(ref)
        self.ok_button.setText(self.tr("&Erase for good"))
        self.ok_button.setEnabled(False)
        self.typed.textChanged.connect(
            lambda t: self.ok_button.setEnabled(t.strip().upper() == ref.upper()))
        form = QFormLayout()
        label = QLabel(f"&Type {ref} to confirm:", self)
        label.setBuddy(self.typed)
        form.addRow(label, self.typed)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.typed.setFocus()
        self.fit(460)

    def accept(self) -> None:
        if self.typed.text().strip().upper() != self.ref.upper():
            return
        self.value = True
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ref: str) -> bool:
        return bool(cls._run(cls(ref, parent)))


class HoldPrompt(_Dialog):
    """The reason for placing or lifting a legal hold."""

    def __init__(self, ref: str, placing: bool, parent: QWidget | None = None):
        super().__init__(("Place legal hold on " if placing else "Lift legal hold on ") + ref,
                         parent)
        text = QLabel(self.tr("A legal hold blocks erasure while litigation, an inquiry or a "
                      "prosecution needs the record. ") if placing else
                      self.tr("Lifting the hold lets the record be erased at review. "), self)
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaxLength(2000)
        self.ok_button.setText(self.tr("&Place hold") if placing else self.tr("&Lift hold"))
        form = QFormLayout()
        label = QLabel(self.tr("&Reason:"), self)
        label.setBuddy(self.reason)
        form.addRow(label, self.reason)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addLayout(form)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.reason.setFocus()
        self.fit(440)

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.fail("Give the reason; it is kept in the audit chain.", self.reason)
            return
        self.value = self.reason.text().strip()
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ref: str, placing: bool) -> str | None:
        return cls._run(cls(ref, placing, parent))


class WithholdPrompt(_Dialog):
    """Withhold an access-pack item: the ground and a recorded explanation.
    ``value`` is (reason key, text)."""

    def __init__(self, label: str, current: str = "", parent: QWidget | None = None):
        super().__init__("Withhold item", parent)
        text = QLabel(f"Withhold “{label}” from the pack. The member of staff is told it "
                      "exists and why it is withheld.", self)
        text.setWordWrap(True)
        self.ground = QComboBox(self)
        self.ground.setAccessibleName(self.tr("Ground for withholding"))
        for key, name in WITHHOLD_REASONS.pairs:
            self.ground.addItem(name, key)
        if current:
            self.ground.setCurrentIndex(max(self.ground.findData(current), 0))
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Recorded reason"))
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Why, for the record (shown in the pack)"))
        self.ok_button.setText(self.tr("&Withhold"))
        form = QFormLayout()
        g = QLabel(self.tr("&Ground:"), self)
        g.setBuddy(self.ground)
        r = QLabel(self.tr("&Reason:"), self)
        r.setBuddy(self.reason)
        form.addRow(g, self.ground)
        form.addRow(r, self.reason)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addLayout(form)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.fit(480)

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.fail("Record why this item is withheld.", self.reason)
            return
        self.value = (self.ground.currentData(), self.reason.text().strip())
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, label: str, current: str = ""
            ) -> tuple[str, str] | None:
        return cls._run(cls(label, current, parent))
