"""The register page: search box, quick filters and the table.

Filters as you type; quick filters for status, category, risk band and
"needs attention", in a bar that wraps onto a second row in a narrow
window. Emits the chosen subject's reference; it never loads anything
itself (the main window feeds it snapshots).

The chosen subject is the current row only while it is selected: focus
arriving in the table (after unlocking, say) or a click on the blank space
below the rows chooses nothing, so no record is opened, and journaled,
that the user did not ask for. Tab leaves the table. The columns fit the
width (Flags take what is left), and the header's menu
(``widgets.columns``) shows, hides, moves and resets them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.records.model import CATEGORIES, CATEGORY_SHORT, RAG, STATUSES, RegisterRow

from ..tables import EXTENDED, readonly_rows
from ..widgets.columns import ColumnChooser
from ..widgets.flow_layout import FlowLayout
from .register_filter import RegisterFilter, RegisterProxy
from .register_model import Column, RegisterModel

# Shown until the user chooses otherwise (right-click a heading).
HIDDEN_BY_DEFAULT = (Column.ROLE, Column.LOCATION, Column.CATEGORIES, Column.OWNER,
                     Column.NEXT_REVIEW)


class RegisterView(QWidget):
    """Search, quick filters and the sortable register table."""

    current_changed = Signal(str)     # subject reference, "" when none
    activated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RegisterModel(self)
        self.proxy = RegisterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText=self.tr("Search reference, name, role, location…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setMinimumWidth(220)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.status_filter = self._combo(self.tr("Status"), [(k, STATUSES.label(k))
                                                    for k in STATUSES.keys()])
        self.category_filter = self._combo(self.tr("Category"), [(k, CATEGORY_SHORT[k])
                                                        for k in CATEGORIES.keys()])
        self.rag_filter = self._combo(self.tr("Risk"), [(k, RAG.label(k)) for k in RAG.keys()])
        self.attention = QCheckBox(self.tr("Needs attention"))
        self.attention.setAccessibleName(self.tr("Show only subjects that need attention"))
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of subjects shown"))

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Register of subjects"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.REF, Qt.SortOrder.AscendingOrder)
        readonly_rows(self.table, selection=EXTENDED, row_padding=10)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(60)
        for col, width in ((Column.REF, 100), (Column.NAME, 165), (Column.RISK, 112),
                           (Column.STATUS, 148), (Column.FLAGS, 170), (Column.ROLE, 150),
                           (Column.LOCATION, 110), (Column.CATEGORIES, 180),
                           (Column.OWNER, 150), (Column.NEXT_REVIEW, 96)):
            header.resizeSection(col, width)
        # Flags take what is left: they are what needs the room, and what the
        # register is read for.
        header.setSectionResizeMode(Column.FLAGS, QHeaderView.ResizeMode.Stretch)
        for col in HIDDEN_BY_DEFAULT:
            header.setSectionHidden(col, True)
        self.columns = ColumnChooser(self.table, self)
        self.columns.capture_defaults()

        bar_host = QWidget(self)
        bar = FlowLayout(bar_host)
        for w in (self.search, self.status_filter, self.category_filter, self.rag_filter,
                  self.attention, self.count):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(bar_host)
        layout.addWidget(self.table)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.category_filter)
        self.setTabOrder(self.category_filter, self.rag_filter)
        self.setTabOrder(self.rag_filter, self.attention)
        self.setTabOrder(self.attention, self.table)

        self.search.textChanged.connect(self._filter_changed)
        self.search.returnPressed.connect(self._to_results)
        self.search.installEventFilter(self)
        for combo in (self.status_filter, self.category_filter, self.rag_filter):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.attention.toggled.connect(self._filter_changed)
        self._chosen = ""
        self._quiet = False
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._chosen_maybe_changed)
        selection.selectionChanged.connect(self._chosen_maybe_changed)
        # A reset or a refilter drops the selection without a word from it.
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsRemoved):
            signal.connect(self._chosen_maybe_changed)
        self.table.activated.connect(self._activated)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self._update_count()

    def eventFilter(self, watched, event):  # noqa: N802 (Qt name)
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down):
            self._to_results()
            return True
        return super().eventFilter(watched, event)

    def _to_results(self) -> None:
        """Down or Enter in the search box moves to the matches, choosing the
        first one, so search, choose and act all work from the keyboard."""
        if self.proxy.rowCount() == 0:
            return
        if not self.current_ref():
            self.select(self.proxy.ref_at(0) or "")
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _combo(self, what: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Filter by %1").replace("%1", what.lower()))
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        combo.addItem(self.tr("Any %1").replace("%1", what.lower()), None)
        for key, label in items:
            combo.addItem(label, key)
        return combo

    # -- data ----------------------------------------------------------------------
    def set_rows(self, rows) -> None:
        """Show ``rows``: the snapshots, or a ``register_model.Prepared``."""
        keep = self.current_ref()
        # New rows for the same register: the subject in hand stays chosen
        # through the reset (no "nothing chosen" in between), or is dropped
        # once if it has gone.
        self._quiet = True
        try:
            self.model.set_rows(rows)
            self._update_count()      # the proxy refilters after its own reset signal
            if keep:
                self.select(keep)
        finally:
            self._quiet = False
        self._chosen_maybe_changed()

    def clear(self) -> None:
        """Drop the rows and what was typed to filter them (it may hold a name),
        so nothing of one session is left for the next user to see."""
        self.model.clear()
        for box in (self.status_filter, self.category_filter, self.rag_filter):
            box.setCurrentIndex(0)
        self.attention.setChecked(False)
        self.search.clear()

    def current_ref(self) -> str:
        """The chosen subject: the current row, if it is selected."""
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.table.selectionModel().isRowSelected(idx.row()):
            return ""
        return self.proxy.ref_at(idx.row()) or ""

    def selected_refs(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.proxy.ref_at(n) for n in rows) if r]

    def select(self, ref: str) -> bool:
        row = self.proxy.proxy_row_of(ref)
        if row < 0:
            return False
        idx = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(idx)
        return True

    def current_row(self) -> RegisterRow | None:
        idx = self.table.currentIndex()
        if not idx.isValid() or not self.current_ref():
            return None
        return self.model.row_at(self.proxy.mapToSource(idx).row())

    # -- filtering -------------------------------------------------------------------
    def _filter_changed(self, *_):
        self.proxy.set_filter(RegisterFilter(
            text=self.search.text(), status=self.status_filter.currentData(),
            category=self.category_filter.currentData(), rag=self.rag_filter.currentData(),
            needs_attention=self.attention.isChecked()))
        self._update_count()

    def _update_count(self, *_):
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%n subject(s)", "", total) if shown == total else
                           self.tr("%1 of %n subject(s)", "", total).replace("%1", str(shown)))

    def _chosen_maybe_changed(self, *_args) -> None:
        if self._quiet:
            return
        ref = self.current_ref()
        if ref != self._chosen:
            self._chosen = ref
            self.current_changed.emit(ref)

    def _activated(self, index) -> None:
        """Enter or a double-click on a row: it is chosen, then acted on."""
        if not self.table.selectionModel().isRowSelected(index.row()):
            self.select(self.proxy.ref_at(index.row()) or "")
        self.activated.emit(self.proxy.ref_at(index.row()) or "")
