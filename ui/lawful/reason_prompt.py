"""ReasonPrompt: the quick justification asked before a subject's full record
is opened, exported, printed or copied out (DPA 2018 s.62 logging).

It must not get in the way: the reason last used in this session is listed
first, already chosen, so a single Enter repeats it. Otherwise the short list
from ``console.records.journal.REASONS`` is offered, with free words for "Other".
``ReasonPrompt.ask(parent, last_reason)`` returns a ``console.records.journal.Reason``
or None when the user cancels (nothing is opened then). The reason itself is
journaled by the core; this dialog keeps nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.records.journal import DEFAULT_REASON, REASONS, Reason
from ui.errors import error_label

from .decision_dialogs import fit_width

REASON_ROLE = Qt.ItemDataRole.UserRole + 1


class ReasonPrompt(QDialog):
    """Pick why a record is being opened or sent out."""

    def __init__(self, last_reason: Reason | None = None, *, what: str = "",
                 default: str = DEFAULT_REASON, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason"))
        self.setAccessibleName(self.tr("Reason for access"))
        self.value: Reason | None = None
        intro = QLabel((f"Why are you {what}? " if what else self.tr("Why do you need this record? "))
                       + self.tr("Your answer is kept in the consultation journal."), self)
        intro.setWordWrap(True)
        self.reasons = QListWidget(self)
        self.reasons.setAccessibleName(self.tr("Reason"))
        self.reasons.setAccessibleDescription(self.tr("Press Enter to use the highlighted reason"))
        self.reasons.setUniformItemSizes(True)
        if last_reason is not None:
            self._add(f"{last_reason.label} (as last time)", last_reason)
        for key, label in REASONS.pairs:
            if last_reason is not None and key == last_reason.key and key != "other":
                continue                      # already first, as last time
            self._add(label + ("…" if key == "other" else ""), Reason(key))
        self.other_label = QLabel(self.tr("&Other reason:"), self)
        self.other_text = QLineEdit(self)
        self.other_text.setAccessibleName(self.tr("Other reason"))
        self.other_text.setPlaceholderText(self.tr("In a few words, without naming anyone"))
        self.other_text.setMaxLength(500)
        self.other_label.setBuddy(self.other_text)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Continue"))
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reasons.currentRowChanged.connect(self._row_changed)
        self.reasons.itemActivated.connect(lambda _item: self.accept())
        self.other_text.textEdited.connect(lambda _t: self.error_label.hide())
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.reasons)
        lay.addWidget(self.other_label)
        lay.addWidget(self.other_text)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        first = 0 if last_reason is not None else self._row_of(default)
        self.reasons.setCurrentRow(first)
        self._row_changed(first)
        rows = self.reasons.sizeHintForRow(0) * self.reasons.count()
        self.reasons.setFixedHeight(rows + 2 * self.reasons.frameWidth() + 6)
        self.reasons.setFocus()
        fit_width(self, 380)

    def _add(self, text: str, reason: Reason) -> None:
        item = QListWidgetItem(text, self.reasons)
        item.setData(REASON_ROLE, reason)

    def _row_of(self, key: str) -> int:
        for row in range(self.reasons.count()):
            if self.reasons.item(row).data(REASON_ROLE).key == key:
                return row
        return 0

    def chosen(self) -> Reason | None:
        item = self.reasons.currentItem()
        return item.data(REASON_ROLE) if item is not None else None

    def _needs_text(self) -> bool:
        r = self.chosen()
        return r is not None and r.key == "other" and not r.text

    def _row_changed(self, _row: int) -> None:
        needs = self._needs_text()
        self.other_text.setEnabled(needs)
        self.other_label.setEnabled(needs)
        self.error_label.hide()
        if needs:
            self.other_text.setFocus()

    def accept(self) -> None:
        reason = self.chosen()
        if reason is None:
            return
        if self._needs_text():
            text = self.other_text.text().strip()
            if not text:
                self.error_label.setText(self.tr("Say in a few words why, when the reason is "
                                         "'other'."))
                self.error_label.show()
                self.other_text.setFocus()
                return
            reason = Reason("other", text)
        self.value = reason
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, last_reason: Reason | None = None, *,
            what: str = "", default: str = DEFAULT_REASON) -> Reason | None:
        dialog = cls(last_reason, what=what, default=default, parent=parent)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
