"""JournalWidget: the consultation and disclosure journal (DPA 2018 s.62),
read-only, filtered as you type by user, action, reason, date range and text,
and exported as a signed PDF for an auditor.

Entries come in as a ``console.records.journal.JournalView``; filtering
happens in ``JournalFilter`` over the snapshot. The export runs
``export(vault, path, filters) -> result`` (the shell gives
``reports.journal_pdf.make_journal_pdf``) as an operation on ``runner``;
``filters`` holds the user, kind, reason and dates chosen here, so the PDF
lists what the screen shows (free text only narrows the screen). With
``reload`` (``journal_view(vault)``) the journal reads itself again on
Refresh and whenever an operation says the journal changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.records.journal import JournalView
from ui.errors import error_label, sentence
from ui.operation import Changes, Operation

from ..save_location import SaveLocation, open_folder
from ..tables import EXTENDED, readonly_rows
from .models import JournalFilter, JournalModel

ExportJournal = Callable[[Any, Path, dict], Any]
ANY_DATE = QDate(2000, 1, 1)


def file_name() -> str:
    return f"journal-{dt.date.today().isoformat()}.pdf"


class JournalWidget(QWidget):
    exported = Signal(object)       # the export's result

    def __init__(self, view: JournalView, runner=None, export: ExportJournal | None = None, *,
                 reload: Callable[[Any], JournalView] | None = None,
                 places: SaveLocation | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Consultation journal"))
        self.runner = runner
        self._export = export
        self._reload = reload
        self.places = places or SaveLocation(None, "")
        self.result_value = None
        self._running: list[Operation] = []
        if runner is not None:
            runner.changed.connect(self._on_changes)

        self.user = self._combo("User", "Any user")
        self.kind = self._combo("Action", "Any action")
        self.reason = self._combo("Reason", "Any reason")
        self.since = self._date("From date")
        self.until = self._date("To date")
        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Search the journal"))
        self.text.setPlaceholderText(self.tr("Reference, detail, recipient…"))
        self.text.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("C&lear filters"), self)
        self.clear_button.clicked.connect(self.clear_filters)

        self.model = JournalModel(parent=self)
        self.proxy = JournalFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Journal entries"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        readonly_rows(self.table, selection=EXTENDED, row_padding=10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.count_label = QLabel(self)
        self.error_label = error_label(self)
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.hide()
        self.export_button = QPushButton(self.tr("&Export signed PDF…"), self)
        self.export_button.setAccessibleName(self.tr("Export the journal as a signed PDF"))
        self.export_button.setEnabled(export is not None)
        self.export_button.clicked.connect(self.choose_and_export)
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self)
        self.refresh_button.setAccessibleName(self.tr("Reload the journal"))
        self.refresh_button.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_button.setVisible(reload is not None)
        self.refresh_button.clicked.connect(self.refresh)
        self.open_folder_button = QPushButton(self.tr("Open &folder"), self)
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(
            lambda: self.result_value is not None and open_folder(self.result_value.path))

        grid = QGridLayout()
        row = (("&User:", self.user), ("&Action:", self.kind), ("&Reason:", self.reason),
               ("&From:", self.since), ("&To:", self.until), ("&Search:", self.text))
        for col, (text, widget) in enumerate(row):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
        grid.addWidget(self.clear_button, 1, len(row))
        grid.setColumnStretch(5, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.open_folder_button)
        bottom.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        lay.addWidget(self.error_label)
        lay.addWidget(self.saved_label)

        for box in (self.user, self.kind, self.reason):
            box.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.apply_filters)
        self.text.textChanged.connect(self.apply_filters)
        for button in (self.clear_button, self.refresh_button, self.export_button,
                       self.open_folder_button):
            button.setAutoDefault(False)    # Enter in a filter must not press a button
        self.set_view(view)

    # -- controls ----------------------------------------------------------------------
    def _combo(self, name: str, any_text: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        box.addItem(any_text, "")
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText(self.tr("Any"))    # shown while the date is at its minimum
        edit.setDate(ANY_DATE)
        return edit

    @staticmethod
    def _fill(box: QComboBox, pairs) -> None:
        keep = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for key, label in pairs:
            box.addItem(label, key)
        box.setCurrentIndex(max(box.findData(keep), 0))
        box.blockSignals(False)

    def set_view(self, view: JournalView) -> None:
        self._fill(self.user, [(u, u) for u in view.users])
        self._fill(self.kind, view.kinds)
        self._fill(self.reason, view.reasons)
        self.model.set_rows(view.entries)
        self.apply_filters()

    # -- filtering ---------------------------------------------------------------------
    @staticmethod
    def _day(edit: QDateEdit) -> dt.date | None:
        return None if edit.date() == ANY_DATE else edit.date().toPython()

    def filters(self) -> dict:
        """The structured filters, as ``console.records.journal.entries`` takes them."""
        out = {"user": self.user.currentData(), "kind": self.kind.currentData(),
               "reason": self.reason.currentData(), "since": self._day(self.since),
               "until": self._day(self.until)}
        return {k: v for k, v in out.items() if v}

    def apply_filters(self) -> None:
        f = self.filters()
        self.proxy.set_filters(user=f.get("user", ""), kind=f.get("kind", ""),
                               reason=f.get("reason", ""), since=f.get("since"),
                               until=f.get("until"), text=self.text.text())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("%n [entry|entries]", "", total) if shown == total
                                 else self.tr("Showing %1 of %n [entry|entries]", "",
                                              total).replace("%1", str(shown)))

    def clear_filters(self) -> None:
        for box in (self.user, self.kind, self.reason):
            box.setCurrentIndex(0)
        self.since.setDate(ANY_DATE)
        self.until.setDate(ANY_DATE)
        self.text.clear()

    def refresh(self) -> None:
        """Read the journal again (new entries since it was opened)."""
        if self._reload is not None:
            self._start(self._reload, on_success=self.set_view)

    def _on_changes(self, changes: Changes) -> None:
        if changes.journal:
            self.refresh()

    def _start(self, call, **options) -> None:
        was_busy = self.busy
        op = Operation(call, parent=self, on_failure=self._failed,
                       on_finished=lambda: self._busy(self.busy), **options)
        self._running = [o for o in self._running if o.running] + [self.runner.run(op)]
        if not was_busy:
            self._busy(True)

    # -- export ------------------------------------------------------------------------
    def choose_and_export(self) -> None:
        """Ask where (opening in the folder this user saved in last), then export."""
        path = self.places.ask(self, self.tr("Save the journal as"), file_name(),
                               self.tr("PDF documents (*.pdf)"))
        if path is not None:
            self.export_to(path if path.suffix.lower() == ".pdf"
                           else path.with_name(path.name + ".pdf"))

    def export_to(self, path: Path) -> None:
        if self._export is None or self.busy:
            return
        self.error_label.hide()
        self.saved_label.hide()
        filters, export = self.filters(), self._export
        narrowed = bool(self.text.text().strip())
        # The export is itself journaled: the journal changes, and reloads.
        self._start(lambda vault: export(vault, Path(path), filters), write=True,
                    changes=Changes(journal=True),
                    message=lambda result: _saved_text(result, narrowed),
                    on_success=lambda result: self._exported(result, narrowed))

    def _exported(self, result, narrowed: bool) -> None:
        self.result_value = result
        self.places.remember(getattr(result, "path", ""))
        self.open_folder_button.show()
        self.saved_label.setText(_saved_text(result, narrowed))
        self.saved_label.show()
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(sentence(exc))
        self.error_label.show()

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(self._export is not None and not busy)
        self.refresh_button.setEnabled(not busy)
        self.export_button.setText(self.tr("Exporting…") if busy else self.tr("&Export signed PDF…"))

    @property
    def busy(self) -> bool:
        return any(op.running for op in self._running)


def _saved_text(result, narrowed: bool) -> str:
    n = getattr(result, "entries", None)
    text = (f"Signed journal saved to {getattr(result, 'path', '')}"
            + (f" ({n} entries)" if n is not None else "") + ".")
    if narrowed:
        text += (" The search text narrows the screen only; the PDF lists every entry "
                 "matching the other filters.")
    return text
