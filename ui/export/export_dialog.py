"""ExportDialog: choose what goes in a signed briefing, export it on the
vault thread, then preview it and say where it was saved and who signed it.

The dialog never builds the PDF: it runs ``make(vault, path, options,
on_progress)`` given by the caller (``reports.briefing_service.make_briefing``)
as an operation on ``runner``, with progress shown only when slow and
Cancel. The result is any object with ``path``, ``sha256``, ``reference``,
``signer``, ``fingerprint``, ``subjects`` and ``pages``. Callers use
``ExportDialog.ask(...)``, which returns that result or None.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.errors import error_label, sentence
from ui.operation import Cancelled, Changes, Operation
from ui.pdf_preview import PdfDocument, PdfView

from .options import DEFAULT_DISTRIBUTION, SCOPES, build_options, default_path, options_class

MakeBriefing = Callable[[Any, Path, Any, Callable[[int, int], None]], Any]
# What a signed briefing changes: the "since the last briefing" flags and the journal.
BRIEFED = Changes(register=True, dashboard=True, journal=True)


class ExportDialog(QDialog):
    def __init__(self, runner, make: MakeBriefing, *, selected_refs=(),
                 last_briefing: str | None = None, folder: Path | str | None = None,
                 options_cls=None, signer: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export briefing")
        self.setAccessibleName("Export briefing")
        self._runner, self._make = runner, make
        self._refs = tuple(selected_refs)
        self._options_cls = options_cls or options_class()
        self.operation: Operation | None = None
        self._replace_ok: Path | None = None
        self.result_value = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._options_page(last_briefing, folder, signer))
        self.pages.addWidget(self._result_page())
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("&Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages)
        lay.addWidget(self.buttons)
        self.resize(560, 0)

    # -- pages -------------------------------------------------------------
    def _options_page(self, last_briefing, folder, signer) -> QWidget:
        page = QWidget(self)
        scope_box = QGroupBox("Subjects", page)
        scope_lay = QVBoxLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        for key, label in SCOPES:
            if key == "selected":
                label += f" ({len(self._refs)})"
            if key == "since_last" and last_briefing:
                label += f" ({last_briefing})"
            b = QRadioButton(label, scope_box)
            self.scope_buttons[key] = b
            self.scope_group.addButton(b)
            scope_lay.addWidget(b)
        self.scope_all = self.scope_buttons["all"]
        self.scope_selected = self.scope_buttons["selected"]
        self.scope_since = self.scope_buttons["since_last"]
        self.scope_all.setChecked(True)
        if not self._refs:
            self.scope_selected.setEnabled(False)
            self.scope_selected.setToolTip("Select subjects in the register first.")

        names_box = QGroupBox("Names", page)
        names_lay = QVBoxLayout(names_box)
        self.named = QRadioButton("Named: staff names as in the register", names_box)
        self.pseudonymised = QRadioButton(
            "Pseudonymised: references only, names and staff numbers left out", names_box)
        self.named.setChecked(True)
        names_lay.addWidget(self.named)
        names_lay.addWidget(self.pseudonymised)

        form = QFormLayout()
        self.password_box = QCheckBox("Protect the PDF with a password", page)
        self.password = QLineEdit(page)
        self.confirm = QLineEdit(page)
        for edit, name in ((self.password, "Password"), (self.confirm, "Confirm password")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        self.password_box.toggled.connect(self.password.setEnabled)
        self.password_box.toggled.connect(self.confirm.setEnabled)
        self.distribution = QLineEdit(DEFAULT_DISTRIBUTION, page)
        self.distribution.setAccessibleName("Distribution")
        self.path_edit = QLineEdit(str(default_path(folder)), page)
        self.path_edit.setAccessibleName("Save to")
        self.browse_button = QPushButton("B&rowse…", page)
        self.browse_button.setAccessibleName("Choose where to save")
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        form.addRow(self.password_box)
        form.addRow("&Password:", self.password)
        form.addRow("C&onfirm:", self.confirm)
        form.addRow("&Distribution:", self.distribution)
        save_label = QLabel("&Save to:", page)
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, path_row)
        note = QLabel("The briefing is marked OFFICIAL-SENSITIVE and signed with "
                      + (f"{signer}'s" if signer else "your") + " certificate.", page)
        note.setWordWrap(True)
        self.error_label = error_label(page)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scope_box)
        lay.addWidget(names_box)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(self.error_label)
        lay.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.document = PdfDocument(self)
        self.preview = PdfView(page)
        self.preview.setAccessibleName("Briefing preview")
        self.preview.setDocument(self.document)
        self.preview.setPageMode(PdfView.PageMode.MultiPage)
        self.preview.setZoomMode(PdfView.ZoomMode.FitToWidth)
        self.preview.setMinimumHeight(360)
        self.saved_label = QLabel(page)
        self.signed_label = QLabel(page)
        self.detail_label = QLabel(page)
        for label in (self.saved_label, self.signed_label, self.detail_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.open_folder_button = QPushButton("Open &folder", page)
        self.open_folder_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        row.addWidget(self.saved_label, 1)
        row.addWidget(self.open_folder_button)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.preview, 1)
        lay.addLayout(row)
        lay.addWidget(self.signed_label)
        lay.addWidget(self.detail_label)
        return page

    # -- choosing ----------------------------------------------------------
    def scope(self) -> str:
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def options(self):
        password = self.password.text() if self.password_box.isChecked() else None
        return build_options(
            self._options_cls, scope=self.scope(),
            refs=self._refs if self.scope() == "selected" else (),
            pseudonymise=self.pseudonymised.isChecked(), password=password,
            distribution=self.distribution.text().strip() or DEFAULT_DISTRIBUTION)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save briefing as", self.path_edit.text(),
                                              "PDF documents (*.pdf)")
        if path:
            self.path_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")
            self._replace_ok = Path(self.path_edit.text())  # the file dialog asked already

    def problem(self) -> str | None:
        """What stops the export, as one sentence, or None."""
        if self.password_box.isChecked():
            if len(self.password.text()) < 8:
                return "The password must be at least 8 characters long."
            if self.password.text() != self.confirm.text():
                return "The two passwords do not match."
        text = self.path_edit.text().strip()
        if not text:
            return "Choose where to save the briefing."
        path = Path(text).expanduser()
        if path.suffix.lower() != ".pdf":
            return "The briefing must be saved as a .pdf file."
        if not path.parent.is_dir():
            return "The folder to save in does not exist; choose another."
        if path.exists() and self._replace_ok != path:
            self._replace_ok = path
            return "A file of that name already exists; press Export again to replace it."
        return None

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # -- running -----------------------------------------------------------
    def start_export(self) -> None:
        problem = self.problem()
        if problem:
            self.show_error(problem)
            return
        self.show_error("")
        options, path = self.options(), Path(self.path_edit.text().strip()).expanduser()
        make = self._make
        self.export_button.setEnabled(False)
        self.operation = self._runner.run(Operation(
            lambda vault, on_progress: make(vault, path, options, on_progress), write=True,
            changes=BRIEFED, message=lambda r: f"Signed briefing saved to {r.path}.",
            progress="Preparing the briefing…", parent=self, on_success=self._succeeded,
            on_failure=self._failed, on_finished=lambda: self.export_button.setEnabled(True)))

    @property
    def busy(self) -> bool:
        return bool(self.operation and self.operation.running)

    def _failed(self, exc: BaseException) -> None:
        self.show_error("Export cancelled; nothing was saved." if isinstance(exc, Cancelled)
                        else sentence(exc))

    def _succeeded(self, result) -> None:
        self.result_value = result
        path = Path(result.path)
        if getattr(self.options(), "password", None):
            self.document.setPassword(self.password.text())
        self.document.load(str(path))
        self.saved_label.setText(f"Saved to <b>{escape(str(path))}</b>")
        self.signed_label.setText(
            f"<b>Signed</b> by {escape(str(result.signer))}.<br>Certificate fingerprint "
            f"(SHA-256): <tt>{escape(str(result.fingerprint))}</tt>")
        pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
        subjects = f"{result.subjects} subject{'s' if result.subjects != 1 else ''}"
        self.detail_label.setText(f"Reference {escape(str(result.reference))} · {subjects} · "
                                  f"{pages}<br>File SHA-256: <tt>{escape(result.sha256)}</tt>")
        self.pages.setCurrentIndex(1)
        self.export_button.hide()
        self.close_button.setText("Close")
        self.close_button.clicked.disconnect()
        self.close_button.clicked.connect(self.accept)
        self.resize(max(self.width(), 720), max(self.height(), 760))

    def open_folder(self) -> None:
        if self.result_value is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.result_value.path).parent)))

    def reject(self) -> None:
        if self.busy:  # closing while exporting means cancel; the work ends itself
            self.operation.cancel()
            return
        super().reject()

    def done(self, code: int) -> None:
        self.document.close()
        super().done(code)

    @classmethod
    def ask(cls, runner, make: MakeBriefing, parent: QWidget | None = None, **kwargs):
        """Show the dialog; return the export result, or None if nothing was saved."""
        dialog = cls(runner, make, parent=parent, **kwargs)
        dialog.exec()
        return dialog.result_value
