"""The console's look: the standard palette or a high-contrast one, and a
focus outline every control shows when it has the keyboard.

High contrast is a setting on this computer (``desktop/high_contrast``)
and follows the system's own high-contrast preference where Qt reports one.
It is black, white and yellow (contrast ratios of 21:1 and 19.6:1), with
a thick yellow outline on the control that has focus. Nothing is told
apart by colour alone anywhere in the console: risk bands, flags and the
heat map carry their words or numbers, so the theme changes only how things
look.

Rules: only palette roles and this module's stylesheet; no widget sets a
fixed colour for text it shows.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# The standard look is Fusion's, whose focus frame is drawn in the highlight
# colour on every control; high contrast draws a 3 px yellow one instead.
HIGH_CONTRAST_STYLE = """
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus, QAbstractItemView:focus, QTextBrowser:focus, QPushButton:focus,
QToolButton:focus, QCheckBox:focus, QRadioButton:focus, QTabBar::tab:focus {
    border: 3px solid #ffff00; }
QPushButton, QToolButton, QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit {
    border: 1px solid #ffffff; }
QTableView, QTreeView, QListView { gridline-color: #ffffff; }
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {
    width: 14px; height: 14px; border: 2px solid #ffffff; background: #000000; }
QRadioButton::indicator { border-radius: 9px; }
QAbstractItemView::indicator { width: 9px; height: 9px; border: 1px solid #ffffff;
    background: #000000; margin: 1px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked,
QGroupBox::indicator:checked, QAbstractItemView::indicator:checked { background: #ffff00; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #a6a6a6; }
"""

_base: list = []        # the stylesheet and palette before any theme was applied


def _high_contrast_palette() -> QPalette:
    black, white, yellow, cyan = (QColor("#000000"), QColor("#ffffff"), QColor("#ffff00"),
                                  QColor("#00ffff"))
    p = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in (
                (QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
                (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase,
                                                   QColor("#1a1a1a")),
                (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
                (QPalette.ColorRole.ButtonText, white), (QPalette.ColorRole.BrightText, yellow),
                (QPalette.ColorRole.Highlight, yellow),
                (QPalette.ColorRole.HighlightedText, black),
                (QPalette.ColorRole.ToolTipBase, black), (QPalette.ColorRole.ToolTipText, white),
                (QPalette.ColorRole.PlaceholderText, QColor("#d0d0d0")),
                (QPalette.ColorRole.Link, cyan), (QPalette.ColorRole.LinkVisited, cyan),
                (QPalette.ColorRole.Light, white), (QPalette.ColorRole.Midlight, white),
                (QPalette.ColorRole.Mid, QColor("#bfbfbf")), (QPalette.ColorRole.Dark, white),
                (QPalette.ColorRole.Shadow, white)):
            p.setColor(group, role, colour)
    grey = QColor("#a6a6a6")     # disabled text: 8.6:1 on black, still readable
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, grey)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        p.setColor(QPalette.ColorGroup.Disabled, role, black)
    return p


def attention_colour() -> QColor:
    """The colour of words that need attention (always words, never colour
    alone): red on the standard look, yellow on black in high contrast."""
    return QColor("#ffff00") if high_contrast_on() else QColor("#c62828")


def system_wants_high_contrast() -> bool:
    """The system's high-contrast preference, where Qt reports one."""
    hints = QGuiApplication.styleHints()
    preference = getattr(hints, "contrastPreference", None)
    if preference is None:
        return False
    try:
        from PySide6.QtCore import Qt
        return preference() == Qt.ContrastPreference.HighContrast
    except AttributeError:
        return False


def high_contrast_on() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("highContrast"))


def apply_theme(high_contrast: bool) -> None:
    """The standard look or the high-contrast one, applied at once."""
    app = QApplication.instance()
    if app is None:
        return
    on = bool(high_contrast or system_wants_high_contrast())
    if on == high_contrast_on():
        return      # as it is: the standard look costs nothing at start-up
    if not _base:
        _base.extend((app.styleSheet(), QPalette(app.palette())))
    app.setProperty("highContrast", on)
    app.setPalette(_high_contrast_palette() if on else _base[1])
    app.setStyleSheet(_base[0] + (HIGH_CONTRAST_STYLE if on else ""))
