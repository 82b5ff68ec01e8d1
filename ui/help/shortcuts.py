"""Help › Keyboard shortcuts: every shortcut the window's menus hold, read
from the actions themselves when the list is opened, so it can never say
other than what the keys do. A few keys that belong to lists and fields
rather than to a menu follow, under their own heading.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every action with a shortcut, in menu order."""
    out: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for act in menu.actions():
            if act.isSeparator():
                continue
            if act.menu() is not None:
                walk(act.menu(), f"{path} › {_plain(act.text())}")
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in act.shortcuts() if not k.isEmpty()]
            if keys:
                out.append((path, _plain(act.text()), translate("Shortcuts", " or ").join(keys)))
    for top in bar.actions():
        if isinstance(top, QAction) and top.menu() is not None:
            walk(top.menu(), _plain(top.text()))
    return out


def other_keys() -> list[tuple[str, str, str]]:
    """Keys of lists and fields (not in a menu)."""
    where = translate("Shortcuts", "Lists and fields")
    return [(where, translate("Shortcuts", "Move to the next control, out of a list"),
             translate("Shortcuts", "Tab")),
            (where, translate("Shortcuts", "From the search box to the matching subjects"),
             translate("Shortcuts", "Down or Enter")),
            (where, translate("Shortcuts", "Open the chosen subject's details"),
             translate("Shortcuts", "Enter")),
            (where, translate("Shortcuts", "Open a date's calendar"),
             translate("Shortcuts", "Alt+Down")),
            (where, translate("Shortcuts", "Choose, hide or reset a list's columns"),
             translate("Shortcuts", "Right-click a column heading"))]


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.rows = menu_shortcuts(bar) + other_keys()
        intro = QLabel(self.tr("Every command in the menus can also be reached with Alt and "
                               "the underlined letter."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.rows), 3, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Command"),
                                              self.tr("Keys")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        for row, cells in enumerate(self.rows):
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(620, 560)

    @classmethod
    def ask(cls, bar: QMenuBar, parent: QWidget | None = None) -> None:
        dialog = cls(bar, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
