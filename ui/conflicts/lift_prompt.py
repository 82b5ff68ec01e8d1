"""Lifting a conflict-of-interest bar: the prompt for the reason (required,
kept in the signed chain) and the confirmation that names the user and the
record. Only the record's reference is ever shown, never its name: a bar
may be on a sealed record.

``LiftBarPrompt.ask`` returns the reason or None; ``confirm_lift`` returns
whether the governor confirmed, with Cancel as the default. Callers (and
tests) can replace either.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.records.conflicts import Bar
from console.records.fields import SHORT
from ui.errors import clear_inline, error_label

translate = QCoreApplication.translate
MAX_REASON = SHORT          # what the core keeps of a reason


def bar_who(bar: Bar, names: dict[str, str]) -> str:
    """The barred user as the list shows them: display name and sign-in name."""
    shown = names.get(bar.user, "")
    return f"{shown} ({bar.user})" if shown and shown != bar.user else bar.user


class LiftBarPrompt(QDialog):
    """Why the bar is lifted; ``value`` is the reason typed."""

    def __init__(self, bar: Bar, who: str, parent: QWidget | None = None, draft: str = ""):
        super().__init__(parent)
        title = self.tr("Lift bar on %1").replace("%1", bar.ref)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.value: str | None = None
        intro = QLabel(self.tr("%1 is barred from %2 because the record carries their staff "
                               "number. Lifting the bar lets them open it while that stays so. "
                               "Give the reason: it is kept in the signed audit chain.")
                       .replace("%1", who).replace("%2", bar.ref), self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for lifting the bar"))
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("e.g. Staff number entered in error; checked "
                                               "with HR."))
        self.reason.setFixedHeight(90)
        self.reason.setPlainText(draft)     # a reason typed before a refusal is kept
        self.reason.textChanged.connect(lambda: clear_inline(self.error_label))
        label = QLabel(self.tr("&Reason:"), self)
        label.setBuddy(self.reason)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Lift bar…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(label)
        lay.addWidget(self.reason)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.reason.setFocus()

    def accept(self) -> None:
        reason = self.reason.toPlainText().strip()
        problem = ""
        if not reason:
            problem = self.tr("Give the reason for lifting the bar; it is kept in the audit "
                              "chain.")
        elif len(reason) > MAX_REASON:
            problem = self.tr("The reason is too long; keep it under %1 characters.").replace(
                "%1", str(MAX_REASON))
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            self.reason.setFocus()
            return
        self.value = reason
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, bar: Bar, who: str, draft: str = "") -> str | None:
        dialog = cls(bar, who, parent, draft)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def lift_text(bar: Bar, who: str, reason: str) -> str:
    return (translate("LiftBar", "Lift the bar on %1 for %2?\n\nThey will be able to open %2 "
                      "while it carries their staff number. Your reason, signed into the "
                      "audit chain:\n\n%3")
            .replace("%1", who).replace("%2", bar.ref).replace("%3", reason))


def confirm_lift(parent: QWidget | None, bar: Bar, who: str, reason: str) -> bool:
    """Ask before lifting; the default button is Cancel."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("LiftBar", "Lift bar"),
                      lift_text(bar, who, reason), QMessageBox.StandardButton.Cancel, parent)
    box.setAccessibleName(translate("LiftBar", "Confirm lifting the bar"))
    lift = box.addButton(translate("LiftBar", "&Lift bar"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is lift
