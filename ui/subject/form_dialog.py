"""The base of every add/edit dialog.

Data comes in through the constructor and the answer goes out as a frozen
dataclass (``value()``). Two ways to use one:

- ``Dialog.ask(parent, ...)`` wraps ``exec()`` and returns the value or None
  (tests replace ``ask`` to answer for the user);
- ``open()`` with ``submitted`` connected: the caller runs the service and
  calls ``done()`` or ``fail(error)``; a failure is shown inline and the
  dialog stays open with everything the user typed.

Focus and errors, as a well-made dialog has them: the cursor starts in the
first field (never on a button, where a typed space would press it); a
refused value's sentence appears under the form and the cursor moves to the
field at fault (``inputs`` maps the core's field names to widgets, and
``check_at`` / ``ValidationError.field`` say which); the sentence goes away
as soon as what it complained of is put right, and the dialog grows to show
it whole.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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


def _edited_signal(widget: QWidget):
    """The signal a form input sends when the user changes it, if any."""
    for kind, name in ((QLineEdit, "textChanged"), (QPlainTextEdit, "textChanged"),
                       (QComboBox, "currentIndexChanged"), (QSpinBox, "valueChanged"),
                       (QDateEdit, "dateChanged"), (QListWidget, "itemChanged"),
                       (QAbstractButton, "toggled")):
        if isinstance(widget, kind):
            return getattr(widget, name)
    signal = getattr(widget, "changed", None)     # the console's own fields (DateField)
    return signal if isinstance(signal, SignalInstance) else None


class FormDialog(QDialog):
    """A form with an inline error line and OK/Cancel."""

    submitted = Signal(object)      # the dialog's value dataclass

    ok_text = QT_TRANSLATE_NOOP("FormDialog", "Save")

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.error.setAccessibleName(self.tr("Problem with this form"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(QCoreApplication.translate("FormDialog", self.ok_text))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._presenter = ErrorPresenter(self)
        self._async = False
        self.inputs: dict[str, QWidget] = {}    # core field name -> its widget
        self.first_input: QWidget | None = None  # where the cursor starts (else row 1)
        self._error_field = ""
        self._watched = False
        self._focused = False

    def value(self):
        raise NotImplementedError

    def check_at(self) -> tuple[str, str]:
        """(field at fault or "", sentence) if the form cannot be sent yet,
        else ("", ""); the services check the rest."""
        return "", ""

    def check(self) -> str:
        """A sentence if the form cannot be sent yet."""
        return self.check_at()[1]

    # -- focus ----------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._watch_inputs()
        if not self._focused:
            self._focused = True
            start = self.first_input or self._first_field()
            if start is not None:
                # After the window manager has given the dialog focus, so
                # the dialog's own default focus does not win.
                QTimer.singleShot(0, lambda: start.setFocus() if start.isVisible() else None)
                start.setFocus()

    def _first_field(self) -> QWidget | None:
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if (widget is not None and widget.isEnabled() and not isinstance(widget, QLabel)
                    and (widget.focusPolicy().value or widget.focusProxy() is not None)
                    and not (isinstance(widget, QLineEdit) and widget.isReadOnly())):
                return widget
        return None

    def focus_field(self, field: str) -> None:
        widget = self.inputs.get(field)
        if widget is None or not widget.isEnabled():
            return
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    # -- errors ---------------------------------------------------------------------------
    def _watch_inputs(self) -> None:
        if self._watched:
            return
        self._watched = True
        for widget in self.findChildren(QWidget):
            signal = _edited_signal(widget)
            if signal is not None and not isinstance(widget, QDialogButtonBox) \
                    and widget.parent() is not self.buttons:
                signal.connect(self._edited)

    def _edited(self, *_args) -> None:
        """An input changed: clear the sentence once its problem is gone."""
        if not self.error.isVisible():
            return
        shown = self.error.text()
        field, problem = self.check_at()
        if problem != shown or (self._error_field and field != self._error_field):
            clear_inline(self.error)
            self._error_field = ""

    def _ok(self) -> None:
        field, problem = self.check_at()
        if problem:
            self.fail_message(problem, field)
            return
        clear_inline(self.error)
        self._error_field = ""
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
        self._error_field = getattr(exc, "field", "") or ""
        self._fit()
        self.focus_field(self._error_field)

    def fail_message(self, message: str, field: str = "") -> None:
        self._presenter.inline(self.error, message)
        self._error_field = field
        self._fit()
        self.focus_field(field)

    def _fit(self) -> None:
        """Grow to show the whole sentence (a word-wrapped label needs the height)."""
        layout = self.layout()
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    @classmethod
    def ask(cls, parent=None, *args, **kwargs):
        dialog = cls(*args, parent=parent, **kwargs)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.value()
        finally:
            dialog.deleteLater()
