"""Choosing a table's columns: the header's context menu shows or hides each
column, moves the one under the pointer left or right, and puts everything
back as it was shipped. Columns can also be dragged to a new place.

The layout is the header's own state (``QHeaderView.saveState``): which
columns show, their order and widths, and the sort. It holds no record data,
so the caller may keep it in the settings file, per user (see
``ui.settings.Settings.get_for``). At least one column always stays shown.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView


class ColumnChooser(QObject):
    """The header menu of one table view."""

    changed = Signal()  # the user showed, hid, moved or reset columns (widths: read state())

    def __init__(self, view: QTableView, parent: QObject | None = None):
        super().__init__(parent or view)
        self.view = view
        self.header: QHeaderView = view.horizontalHeader()
        self.header.setSectionsMovable(True)
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self._popup)
        self.header.sectionMoved.connect(lambda *_: self.changed.emit())
        self._defaults = QByteArray()
        self.last_menu: QMenu | None = None

    def capture_defaults(self) -> None:
        """Remember the layout as set up now, for "Reset columns" (call once
        the view has its model and its shipped widths and hidden columns)."""
        self._defaults = self.header.saveState()

    # -- state ------------------------------------------------------------------------------
    def state(self) -> QByteArray:
        return self.header.saveState()

    def restore(self, state: QByteArray | None) -> bool:
        """Apply a saved layout; the shipped one when there is none or it does
        not fit this table (a column added since, say)."""
        ok = (state is not None and not state.isEmpty() and self.header.restoreState(state)
              and self.header.count() == self.model_columns())
        if not ok and not self._defaults.isEmpty():
            self.header.restoreState(self._defaults)
        self._keep_one_visible()
        return ok

    def reset(self) -> None:
        self.restore(None)
        self.changed.emit()

    def model_columns(self) -> int:
        model = self.view.model()
        return model.columnCount() if model is not None else 0

    # -- the menu ------------------------------------------------------------------------
    def build_menu(self, logical: int = -1) -> QMenu:
        """The menu for a right-click on column ``logical`` (-1: not on one)."""
        menu = QMenu(self.view)
        model = self.view.model()
        visible = [c for c in range(self.header.count()) if not self.header.isSectionHidden(c)]
        # Listed in the order they appear, so the menu reads like the header.
        for logical_col in sorted(range(self.header.count()), key=self.header.visualIndex):
            title = str(model.headerData(logical_col, Qt.Orientation.Horizontal) or "")
            act = QAction(title, menu)
            act.setCheckable(True)
            act.setChecked(not self.header.isSectionHidden(logical_col))
            act.setEnabled(not (act.isChecked() and len(visible) == 1))
            act.setData(logical_col)
            act.toggled.connect(lambda on, c=logical_col: self.set_shown(c, on))
            menu.addAction(act)
        menu.addSeparator()
        if logical >= 0:
            visual = self.header.visualIndex(logical)
            left = menu.addAction(self.tr("Move column &left"),
                                  lambda: self.move(logical, -1))
            left.setEnabled(self._neighbour(visual, -1) is not None)
            right = menu.addAction(self.tr("Move column &right"),
                                   lambda: self.move(logical, 1))
            right.setEnabled(self._neighbour(visual, 1) is not None)
            menu.addSeparator()
        menu.addAction(self.tr("&Reset columns"), self.reset).setObjectName("resetColumns")
        self.last_menu = menu
        return menu

    def _popup(self, pos: QPoint) -> None:
        logical = self.header.logicalIndexAt(pos)
        menu = self.build_menu(logical)
        menu.popup(self.header.mapToGlobal(pos))

    # -- changes -----------------------------------------------------------------------------
    def set_shown(self, logical: int, on: bool) -> None:
        if not on and self.visible_count() <= 1:
            return                          # a table with no column cannot be used
        self.header.setSectionHidden(logical, not on)
        if on and self.header.sectionSize(logical) < 40:
            self.header.resizeSection(logical, self.header.defaultSectionSize())
        self.changed.emit()

    def move(self, logical: int, step: int) -> None:
        """Move a column past its nearest shown neighbour on the left (-1) or right (1)."""
        visual = self.header.visualIndex(logical)
        target = self._neighbour(visual, step)
        if target is not None:
            self.header.moveSection(visual, target)

    def _neighbour(self, visual: int, step: int) -> int | None:
        v = visual + step
        while 0 <= v < self.header.count():
            if not self.header.isSectionHidden(self.header.logicalIndex(v)):
                return v
            v += step
        return None

    def visible_count(self) -> int:
        return sum(not self.header.isSectionHidden(c) for c in range(self.header.count()))

    def _keep_one_visible(self) -> None:
        if self.header.count() and self.visible_count() == 0:
            self.header.setSectionHidden(self.header.logicalIndex(0), False)
