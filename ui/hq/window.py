"""HqWindow: unlock the HQ store, then the national table (filter, sort),
the selected establishment's history, the staff overlap list and the
national heat map, all from the stored data.

The window only assembles widgets; the HQ store is held by the window's own
``ui.runner.Runner`` (opened, used and closed on its thread), each query is
one ``hq`` call run there as an ``ui.operation.Operation``, and its answer
refreshes a snapshot model.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..dashboard.heat_map import HeatMap
from ..operation import Operation
from ..runner import Runner
from ..table_model import ROW_ROLE, SORT_ROLE
from .models import HistoryModel, NationalModel, StaffModel


class NationalFilter(QSortFilterProxyModel):
    """Text in the establishment's name; optionally only those needing action."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.needs_action = False
        self.setSortRole(SORT_ROLE)

    def set(self, text: str, needs_action: bool) -> None:
        self.beginFilterChange()
        self.text, self.needs_action = text.casefold().strip(), needs_action
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent):  # noqa: N802 (Qt name)
        e = self.sourceModel().row_at(row)
        if self.text and self.text not in e["establishment"].casefold():
            return False
        if self.needs_action:
            return bool(e["overdue"] or e["continuity"] == "broken"
                        or e["unreferred_past_deadline"] or e["unacknowledged_past_deadline"])
        return True


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class UnlockPane(QWidget):
    def __init__(self, where: str, parent=None):
        super().__init__(parent)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("HQ passphrase"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setDefault(True)
        title = QLabel(self.tr("Headquarters: national picture"))
        title.setObjectName("unlockTitle")
        title.setWordWrap(True)
        note = QLabel(f"HQ store: {where}")
        note.setWordWrap(True)
        card = QWidget()
        card.setObjectName("unlockCard")
        card.setMaximumWidth(480)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        for w in (title, note):
            inner.addWidget(w)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


class HqWindow(QMainWindow):
    def __init__(self, location: str, parent=None):
        super().__init__(parent)
        self.location = location
        self.setWindowTitle(self.tr("Governor's Console — Headquarters"))
        self.store = Runner(self, locked="The HQ store is locked; unlock it to continue.")
        self.stack = QStackedWidget()
        self.unlock = UnlockPane(location)
        self.unlock.button.clicked.connect(self._unlock)
        self.unlock.passphrase.returnPressed.connect(self._unlock)
        self.stack.addWidget(self.unlock)
        self.stack.addWidget(self._workspace())
        self.setCentralWidget(self.stack)
        self.resize(1200, 760)

    def _workspace(self) -> QWidget:
        self.national = NationalModel()
        self.proxy = NationalFilter(self)
        self.proxy.setSourceModel(self.national)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter establishments"))
        self.filter.setAccessibleName(self.tr("Filter establishments"))
        self.needs_action = QCheckBox(self.tr("Only those needing action"))
        for sig in (self.filter.textChanged, self.needs_action.toggled):
            sig.connect(lambda *_: self.proxy.set(self.filter.text(),
                                                  self.needs_action.isChecked()))
        self.table = _table(self.proxy)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.heat = HeatMap()
        self.history = HistoryModel()
        self.staff = StaffModel()
        self.tabs = QTabWidget()
        self.tabs.addTab(_table(self.history), self.tr("Establishment history"))
        self.tabs.addTab(_table(self.staff), self.tr("Staff in several establishments"))
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.needs_action)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.addLayout(top)
        lay.addWidget(self.table, 3)
        lay.addWidget(self.totals)
        lay.addWidget(self.tabs, 2)
        right = QWidget()
        right.setMaximumWidth(420)
        rl = QVBoxLayout(right)
        heading = QLabel(self.tr("Open cases nationally: likelihood × impact"))
        heading.setObjectName("subjectHeader")
        heading.setWordWrap(True)
        rl.addWidget(heading)
        rl.addWidget(self.heat, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        return split

    # -- unlocking -------------------------------------------------------------
    def _unlock(self) -> None:
        passphrase = self.unlock.passphrase.text()
        self.unlock.passphrase.clear()
        self.unlock.button.setEnabled(False)
        self.unlock.message.setText(self.tr("Unlocking…"))
        location = self.location

        def open_store():
            from hq.store.store import Store
            return Store.open(location, passphrase)
        self.store.hold(open_store, lambda store: store.location.label,
                        on_success=self._opened, on_failure=self._failed)

    def _failed(self, exc) -> None:
        self.unlock.button.setEnabled(True)
        from console.errors import ConsoleError
        self.unlock.message.setText(str(exc) if isinstance(exc, ConsoleError) else
                                    "The HQ store could not be opened "
                                    f"({type(exc).__name__}).")
        self.unlock.passphrase.setFocus()

    def _opened(self, label: str) -> None:
        self.unlock.message.clear()
        self.stack.setCurrentIndex(1)
        self.statusBar().showMessage(f"Unlocked {label}")
        self.refresh()

    # -- data --------------------------------------------------------------------
    def refresh(self) -> None:
        from hq.staff import overlaps
        from hq.status import national_heat, status
        for call, show in ((status, self._show_status), (national_heat, self.heat.set_heat),
                           (overlaps, self._show_staff)):
            self.store.run(Operation(call, on_success=show, on_failure=self._failed_query))

    def _failed_query(self, exc) -> None:
        from console.errors import ConsoleError
        self.statusBar().showMessage(str(exc) if isinstance(exc, ConsoleError) else
                                     f"The query failed ({type(exc).__name__}).")

    def _show_status(self, report: dict) -> None:
        self.national.set_rows(report["establishments"])
        n = report["national"]
        self.totals.setText(
            f"National: {n['establishments']} establishments, {n['overdue']} overdue, "
            f"{n['continuity_broken']} with continuity broken; {n['open_subjects']} open "
            f"subjects, {n['red_cases']} red; {n['unreferred_past_deadline']} reports "
            f"unreferred and {n['unacknowledged_past_deadline']} referrals unacknowledged "
            f"past deadline (as of {report['as_of'][:16].replace('T', ' ')} UTC).")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.resizeColumnsToContents()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _show_staff(self, rows: list) -> None:
        self.staff.set_rows([(r["staff_number"], e) for r in rows
                             for e in r["establishments"]])
        self.tabs.setTabText(1, f"Staff in several establishments ({len(rows)})")

    def _selected(self, current, _previous) -> None:
        if not current.isValid():
            return
        e = self.proxy.data(current, ROW_ROLE)
        from hq.status import history
        name = e["establishment"]
        self.store.run(Operation(lambda store: history(store, name),
                                 on_success=lambda h: self.history.set_rows(h["briefings"]),
                                 on_failure=self._failed_query))
        self.tabs.setTabText(0, f"History: {e['establishment']}")

    def closeEvent(self, event):  # noqa: N802
        self.store.shutdown()
        super().closeEvent(event)
