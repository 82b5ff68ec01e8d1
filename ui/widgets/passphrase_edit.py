"""The passphrase field: a hidden line edit with an eye at its end that
shows or hides the text (as KeePassXC's and KDE's password fields have).

Rules: showing the text is the user's choice, per field, and it is hidden
again whenever the field is cleared; Undo and Redo do nothing, so a cleared
passphrase cannot be brought back. The unlock page attaches ``RevealToggle``
to its field just after its first paint, so start-up does not wait for it;
the meter and the weak-passphrase warning are in ``passphrase``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QLineEdit, QWidget

translate = QCoreApplication.translate


def _eye(colour, crossed: bool, size: int = 32) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, size / 14)
    p.setPen(pen)
    outline = QPainterPath()
    outline.moveTo(size * 0.08, size * 0.5)
    outline.quadTo(size * 0.5, size * 0.05, size * 0.92, size * 0.5)
    outline.quadTo(size * 0.5, size * 0.95, size * 0.08, size * 0.5)
    p.drawPath(outline)
    p.setBrush(colour)
    p.drawEllipse(QRectF(size * 0.38, size * 0.38, size * 0.24, size * 0.24))
    if crossed:
        p.drawLine(QPointF(size * 0.15, size * 0.85), QPointF(size * 0.85, size * 0.15))
    p.end()
    return pm


class RevealToggle(QObject):
    """The eye on a passphrase line edit, and the field's rules: hidden
    unless shown, hidden again when cleared, no Undo or Redo. Attached to an
    existing ``QLineEdit`` (the unlock page adds it just after its first
    paint) or made by ``PassphraseEdit``."""

    def __init__(self, edit: QLineEdit):
        super().__init__(edit)
        self.edit = edit
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                                 | Qt.InputMethodHint.ImhSensitiveData
                                 | Qt.InputMethodHint.ImhNoPredictiveText)
        self.action = QAction(edit)
        self.action.setObjectName("showPassphrase")
        self.action.setCheckable(True)
        self.action.toggled.connect(self.set_revealed)
        edit.addAction(self.action, QLineEdit.ActionPosition.TrailingPosition)
        edit.textChanged.connect(lambda text: text or self.set_revealed(False))
        edit.installEventFilter(self)
        self._paint()

    @property
    def revealed(self) -> bool:
        return self.edit.echoMode() == QLineEdit.EchoMode.Normal

    def set_revealed(self, on: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if on
                              else QLineEdit.EchoMode.Password)
        if self.action.isChecked() != on:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)
        self._paint()

    def _paint(self) -> None:
        on = self.revealed
        colour = self.edit.palette().color(QPalette.ColorRole.Text)
        self.action.setIcon(QIcon(_eye(colour, crossed=on)))
        tip = (translate("Passphrase", "Hide the passphrase") if on
               else translate("Passphrase", "Show the passphrase"))
        self.action.setText(tip)
        self.action.setToolTip(tip)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.KeyPress and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)):
            # Undo would bring back what was typed before a clear; a
            # passphrase field keeps no history (as KDE's password fields do).
            return True
        if event.type() == QEvent.Type.PaletteChange:
            self._paint()             # follow a switch to a dark or light scheme
        return False


class PassphraseEdit(QLineEdit):
    """A hidden line edit with an eye at its end that shows or hides the text."""

    def __init__(self, parent: QWidget | None = None, accessible_name: str = ""):
        super().__init__(parent)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        self.reveal = RevealToggle(self)
        self.toggle = self.reveal.action

    @property
    def revealed(self) -> bool:
        return self.reveal.revealed

    def set_revealed(self, on: bool) -> None:
        self.reveal.set_revealed(on)
