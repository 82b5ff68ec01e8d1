"""AccessPackDialog: answer one member of staff's subject access request.

The governor picks the subject, sees every item the pack will hold and what
is withheld by default (source-identifying fields, handling-code C reports,
referrals while an investigation is live) with the reason, may withhold or
release items (each change with a recorded reason), reads the pack as a PDF
(Preview: built off the UI thread, unsigned, shown from memory), and only
then signs and saves it, in the folder this user saved in last (asked the
first time), with Open folder afterwards.

The dialog never reads the vault: ``draft(vault, ref, decisions) ->
AccessPack`` and ``produce(vault, ref, path, decisions, received_on, notes)
-> result`` run as operations on ``runner`` (the shell gives calls into
``console.lawful.subject_access`` and ``reports.access_pack``); both are
journaled. ``notes`` maps each released item's key to the reason given for
releasing it, for the journal; ``expect`` is the previewed pack's digest
(``reports.access_pack.pack_content``), so what is signed is what was read. A withheld item arrives without its content,
so this dialog cannot show it either.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.text import shown
from ui.errors import error_label, sentence
from ui.operation import Changes, Operation

from ..save_location import SaveLocation, open_folder
from ..tables import fit_columns, readonly_rows
from ..widgets.pdf_pane import PdfPane
from .decision_dialogs import WithholdPrompt
from .models import ROW_ROLE, PackItemsModel

Draft = Callable[[Any, str, dict], Any]
Produce = Callable[..., Any]    # (vault, ref, path, decisions, received_on, notes, expect=)
JOURNALED = Changes(journal=True)


def file_name(ref: str) -> str:
    return f"access-pack-{ref or 'subject'}-{dt.date.today().isoformat()}.pdf"


def _preview_pdf(pack) -> bytes:
    from reports.access_pack import preview_access_pack
    return preview_access_pack(pack)


def _digest(pack) -> str:
    from reports.access_pack import pack_content
    return pack_content(pack)


class AccessPackDialog(QDialog):
    def __init__(self, subjects, runner, draft: Draft, produce: Produce, *, ref: str = "",
                 can_change: bool = True, places: SaveLocation | None = None,
                 requests=(), preview=_preview_pdf, digest=_digest,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Subject access request"))
        self.setAccessibleName(self.tr("Subject access request"))
        self.runner = runner
        self._draft, self._produce = draft, produce
        self._render, self._digest = preview, digest
        self.places = places or SaveLocation(None, "")
        self.previewed = None            # the pack the preview shows
        self._can_change = can_change
        # Requests already logged and still open (console.lawful.subject_access.AccessRequest).
        self._requests = {r.ref: r for r in requests}
        self.decisions: dict = {}
        self.release_notes: dict[str, str] = {}
        self.pack = None
        self.result_value = None
        self._running: list[Operation] = []

        self.subject = QComboBox(self)
        self.subject.setAccessibleName(self.tr("Member of staff"))
        for s_ref, label in subjects:
            self.subject.addItem(shown(f"{s_ref} · {label}" if label else s_ref, one_line=True),
                                 s_ref)
        self.received = QDateEdit(QDate.currentDate(), self)
        self.received.setAccessibleName(self.tr("Date the request was received"))
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setMaximumDate(QDate.currentDate())
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = PackItemsModel(parent=self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Items in the pack"))
        self.table.setModel(self.model)
        readonly_rows(self.table, row_padding=10)
        # The item's name keeps its start (what tells rows apart), cut at the end.
        fit_columns(self.table, stretch=(1, 3))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_item())
        self.content = QPlainTextEdit(self)
        self.content.setReadOnly(True)
        self.content.setAccessibleName(self.tr("What the item says"))
        self.withhold_button = QPushButton(self.tr("&Withhold…"), self)
        self.release_button = QPushButton(self.tr("Re&lease…"), self)
        self.withhold_button.clicked.connect(self.withhold_current)
        self.release_button.clicked.connect(self.release_current)
        self.pdf = PdfPane(self, self.tr("Preview of the access pack"))
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Save the pack to"))
        self.path_edit.setPlaceholderText(self.tr("You choose where when you sign"))
        self.browse_button = QPushButton(self.tr("B&rowse…"), self)
        self.browse_button.clicked.connect(self.browse)
        self.error_label = error_label(self)
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.preview_button = self.buttons.addButton(self.tr("&Preview"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.produce_button = self.buttons.addButton(
            self.tr("&Sign and save"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button = self.buttons.addButton(
            self.tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.preview_button.clicked.connect(self.show_preview)
        self.produce_button.clicked.connect(self.produce)
        self.open_folder_button.clicked.connect(
            lambda: self.result_value is not None and open_folder(self.result_value.path))
        self.close_button.clicked.connect(self.reject)
        if not can_change:
            for b in (self.withhold_button, self.release_button):
                b.setToolTip(self.tr("Only the governor can change what is withheld."))

        form = QFormLayout()
        for text, widget in ((self.tr("&Member of staff:"), self.subject),
                             (self.tr("Request &received:"), self.received)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        item_row = QHBoxLayout()
        item_row.addWidget(self.withhold_button)
        item_row.addWidget(self.release_button)
        item_row.addStretch(1)
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.content, 1)
        right_lay.addLayout(item_row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 300])
        split.setChildrenCollapsible(False)
        self.views = QTabWidget(self)
        self.views.addTab(split, self.tr("&Items"))
        self.views.addTab(self.pdf, self.tr("P&review"))
        path_row = QHBoxLayout()
        save_label = QLabel(self.tr("&Save to:"), self)
        save_label.setBuddy(self.path_edit)
        path_row.addWidget(save_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(self.views, 1)
        lay.addLayout(path_row)
        lay.addWidget(self.error_label)
        lay.addWidget(self.saved_label)
        lay.addWidget(self.buttons)
        for button in (self.withhold_button, self.release_button, self.browse_button,
                       self.preview_button, self.produce_button, self.open_folder_button,
                       self.close_button):
            button.setAutoDefault(False)    # nothing is produced by a stray Enter
        self.resize(1120, 600)
        # Tab as the page reads: the request, the items (tabs, list, text,
        # their buttons), where to save, then the dialog's buttons.
        order = (self.subject, self.received, self.views.tabBar(), self.table, self.content,
                 self.withhold_button, self.release_button, self.path_edit, self.browse_button,
                 self.preview_button, self.produce_button, self.open_folder_button,
                 self.close_button)
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)

        self.subject.currentIndexChanged.connect(self._subject_changed)
        if ref:
            self.subject.setCurrentIndex(max(self.subject.findData(ref), 0))
        self._subject_changed()

    # -- drafting ----------------------------------------------------------------------
    def current_ref(self) -> str:
        return self.subject.currentData() or ""

    def _subject_changed(self, *_args) -> None:
        self.decisions, self.release_notes = {}, {}
        logged = self._requests.get(self.current_ref())
        self.received.setEnabled(logged is None)
        if logged is not None:
            self.received.setDate(QDate(logged.received_on))
            self.received.setToolTip(f"Request {logged.id} was logged; the answer is due "
                                     f"by {logged.due_on.isoformat()}.")
        else:
            self.received.setToolTip(self.tr("The day the request arrived; the answer is due "
                                     "within one month."))
        suggested = self.places.suggested(file_name(self.current_ref()))
        self.path_edit.setText(str(suggested) if suggested is not None else "")
        self.saved_label.clear()
        self.redraft()

    def redraft(self) -> None:
        ref = self.current_ref()
        current = self.current_item()
        keep = current.key if current is not None else ""
        self.pack = None
        self._forget_preview()
        self.model.set_rows(())
        self._show_item()
        if not ref:
            self.summary.setText(self.tr("There is no record to answer a request about."))
            return
        self.summary.setText(self.tr("Reading the record…"))
        decisions, draft = dict(self.decisions), self._draft
        self._start(lambda vault: draft(vault, ref, decisions),
                    on_success=lambda pack: self._drafted(ref, pack, keep))

    def _drafted(self, ref: str, pack, keep: str = "") -> None:
        if ref != self.current_ref():
            return                      # the choice moved on meanwhile
        self.pack = pack
        self.model.set_rows(pack.items)
        self.summary.setText(
            self.tr("%n item(s) will be given in full", "", len(pack.released)) + "; "
            + self.tr("%n withheld, each with its reason.", "", len(pack.withheld))
            + " " + self.tr("Source-identifying details and handling-code C reports are "
                            "withheld by default."))
        row = next((n for n, i in enumerate(pack.items) if i.key == keep), 0)
        if pack.items:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_item()

    def current_item(self):
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def select_key(self, key: str) -> bool:
        for row, item in enumerate(self.model.rows()):
            if item.key == key:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def _show_item(self) -> None:
        item = self.current_item()
        if item is None:
            self.content.clear()
        elif item.withheld:
            self.content.setPlainText(f"Withheld: {item.reason_label}.\n\nThe pack names this "
                                      "item and the reason, without its content.")
        else:
            self.content.setPlainText(shown(item.text))
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.current_item()
        idle = not self.busy
        self.withhold_button.setEnabled(self._can_change and idle and item is not None
                                        and not item.withheld)
        self.release_button.setEnabled(self._can_change and idle and item is not None
                                       and item.withheld)
        self.preview_button.setEnabled(idle and self.pack is not None)
        ready = idle and self.pack is not None and self.previewed is self.pack
        self.produce_button.setEnabled(ready)
        self.produce_button.setToolTip("" if ready else self.tr(
            "Preview the pack first: only what you have read is signed."))
        self.subject.setEnabled(idle)

    # -- changing what is withheld -------------------------------------------------------
    def withhold_current(self) -> None:
        item = self.current_item()
        if item is None or item.withheld:
            return
        answer = WithholdPrompt.ask(self, item.detail or item.label)
        if answer is None:
            return
        self.decisions[item.key] = answer
        self.release_notes.pop(item.key, None)
        self.redraft()

    def release_current(self) -> None:
        item = self.current_item()
        if item is None or not item.withheld:
            return
        reason = self.ask_release_reason(item.detail or item.label)
        if not reason:
            return
        self.decisions[item.key] = None
        self.release_notes[item.key] = reason
        self.redraft()

    def ask_release_reason(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, "Release item", f"Why may “{label}” be given? The reason is kept in the "
            "journal.")
        return text.strip() if ok and text.strip() else None

    # -- producing ---------------------------------------------------------------------
    def browse(self) -> Path | None:
        chosen = self.places.ask(self, self.tr("Save the access pack as"),
                                 Path(self.path_edit.text().strip()).name
                                 or file_name(self.current_ref()),
                                 self.tr("PDF documents (*.pdf)"))
        if chosen is not None:
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(chosen.name + ".pdf")
            self.path_edit.setText(str(chosen))
        return chosen

    # -- previewing ----------------------------------------------------------------------
    def show_preview(self) -> None:
        """Lay the drafted pack out as a PDF, off the UI thread, and show it."""
        pack, render = self.pack, self._render
        if pack is None or self.busy:
            return
        op = Operation(lambda _none: render(pack), needs_vault=False, parent=self,
                       on_success=lambda pdf: self._previewed(pack, pdf),
                       on_failure=self._failed, on_finished=self._update_buttons)
        self._running = [o for o in self._running if o.running] + [self.runner.run(op)]
        self._update_buttons()

    def _previewed(self, pack, pdf: bytes) -> None:
        if pack is not self.pack:
            return                          # redrafted meanwhile: that preview is stale
        self.previewed = pack
        self.pdf.show_pdf(pdf)
        self.views.setCurrentWidget(self.pdf)
        self._update_buttons()
        self.produce_button.setFocus()

    def _forget_preview(self) -> None:
        self.previewed = None
        self.pdf.clear()
        if self.views.currentWidget() is self.pdf:
            self.views.setCurrentIndex(0)

    # -- producing ---------------------------------------------------------------------
    def produce(self) -> None:
        ref = self.current_ref()
        if self.pack is None or self.busy or self.previewed is not self.pack:
            return
        if not self.path_edit.text().strip() and self.browse() is None:
            return                          # asked where, and no place was chosen
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() != ".pdf":
            self._say(self.tr("Save the pack as a .pdf file."))
            self.path_edit.setFocus()
            return
        self.error_label.hide()
        received = self.received.date().toPython()
        decisions, notes = dict(self.decisions), dict(self.release_notes)
        produce, expect = self._produce, self._digest(self.pack)
        self._start(lambda vault: produce(vault, ref, path, decisions, received, notes,
                                          expect=expect),
                    message=lambda r: f"Signed access pack saved to {r.path}.",
                    on_success=self._produced)

    def _start(self, call, **options) -> None:
        """Run a journaled read or the pack's production on the vault thread."""
        op = Operation(call, write=True, changes=JOURNALED, parent=self,
                       on_failure=self._failed, on_finished=self._update_buttons, **options)
        self._running = [o for o in self._running if o.running] + [self.runner.run(op)]
        self._update_buttons()

    def _produced(self, result) -> None:
        self.result_value = result
        self.places.remember(result.path)
        self.open_folder_button.show()
        given = getattr(result, "released", "?")
        withheld = getattr(result, "withheld", "?")
        self.saved_label.setText(f"Signed access pack saved to {getattr(result, 'path', '')} "
                                 f"({given} items given, {withheld} withheld). The request "
                                 "and the decision are in the journal.")
        self.close_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._say(sentence(exc))

    def _say(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        if self.pack is None and self.current_ref():
            self.summary.setText(self.tr("The record could not be read for the pack."))

    @property
    def busy(self) -> bool:
        return any(op.running for op in self._running)

    @classmethod
    def ask(cls, subjects, runner, draft: Draft, produce: Produce, *, ref: str = "",
            can_change: bool = True, places=None, requests=(),
            parent: QWidget | None = None):
        """Run the dialog; returns the produce result, or None if no pack was made."""
        dialog = cls(subjects, runner, draft, produce, ref=ref, can_change=can_change,
                     places=places, requests=requests, parent=parent)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()
