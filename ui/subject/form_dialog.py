"""The base of every add/edit dialog.

Data comes in through the constructor and the answer goes out as a frozen
dataclass (``value()``). Two ways to use one:

- ``Dialog.ask(parent, ...)`` wraps ``exec()`` and returns the value or None
  (tests replace ``ask`` to answer for the user);
- ``open()`` with ``submitted`` connected: the caller runs the service and
  calls ``done()`` or ``fail(error)``; a failure is shown inline and the
  dialog stays open with everything the user typed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ..errors import ErrorPresenter, clear_inline


def fill_combo(combo: QComboBox, choice, current: str | None = None,
               keys: list[str] | None = None) -> QComboBox:
    for key in keys if keys is not None else choice.keys():
        combo.addItem(choice.label(key), key)
    if current is not None:
        i = combo.findData(current)
        if i >= 0:
            combo.setCurrentIndex(i)
    return combo


class FormDialog(QDialog):
    """A form with an inline error line and OK/Cancel."""

    submitted = Signal(object)      # the dialog's value dataclass

    ok_text = "Save"

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.error.setAccessibleName("Problem with this form")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.ok_text)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._presenter = ErrorPresenter(self)
        self._async = False

    def value(self):
        raise NotImplementedError

    def check(self) -> str:
        """A sentence if the form cannot be sent yet (the services check the rest)."""
        return ""

    def _ok(self) -> None:
        problem = self.check()
        if problem:
            self.fail_message(problem)
            return
        clear_inline(self.error)
        if self._async:
            self.ok_button.setEnabled(False)
            self.submitted.emit(self.value())
        else:
            self.accept()

    def open_async(self) -> None:
        """Show window-modal; OK emits ``submitted`` and waits for done/fail."""
        self._async = True
        self.open()

    def done_ok(self, *_):
        self.ok_button.setEnabled(True)
        self.accept()

    def fail(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self._presenter.modal = True
        self._presenter.show(exc, inline=self.error)

    def fail_message(self, message: str) -> None:
        self._presenter.inline(self.error, message)

    @classmethod
    def ask(cls, parent=None, *args, **kwargs):
        dialog = cls(*args, parent=parent, **kwargs)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.value()
        finally:
            dialog.deleteLater()
