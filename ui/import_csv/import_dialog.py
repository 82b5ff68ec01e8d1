"""ImportDialog: choose a spreadsheet register (CSV), see every good row and
every bad line with its reason, then import in one transaction.

Nothing is written until Import is pressed. The dialog never reads the file
or the vault itself: it runs ``preview(vault, path) -> ImportPreview`` and
``commit(vault, path, skip_bad, on_progress) -> int | ImportResult`` (by
default ``console.records.importer``'s) as operations on ``runner``; the
import announces the new rows and its sentence of success. Callers use
``ImportDialog.ask(...)``, which returns how many subjects were imported, or
None.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.records import importer
from console.records.importer import COLUMNS
from ui.errors import error_label, sentence
from ui.operation import Cancelled, Changes, Operation

from ..tables import EXTENDED, readonly_rows
from .preview_models import ProblemsModel, RowsModel

Preview = Callable[[Any, Path], Any]
Commit = Callable[[Any, Path, bool, Callable[[int, int], None]], Any]


def _count(result) -> int:
    return int(getattr(result, "imported", result))


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    readonly_rows(view, selection=EXTENDED, row_padding=8)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ImportDialog(QDialog):
    def __init__(self, runner, preview: Preview = importer.preview,
                 commit: Commit = importer.import_csv, *, path: Path | str | None = None,
                 folder: Path | str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import register from CSV")
        self.setAccessibleName("Import register from CSV")
        self._runner = runner
        self._preview_fn, self._commit_fn = preview, commit
        self._folder = str(folder or "")
        self.operation: Operation | None = None
        self.preview_value = None
        self.imported: int | None = None

        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName("CSV file")
        self.path_edit.setPlaceholderText("Choose the CSV file saved from the spreadsheet")
        self.path_edit.returnPressed.connect(self.load_preview)
        self.choose_button = QPushButton("&Choose file…", self)
        self.choose_button.clicked.connect(self.choose)
        file_label = QLabel("&File:", self)
        file_label.setBuddy(self.path_edit)
        row = QHBoxLayout()
        row.addWidget(file_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        help_text = QLabel(
            "The first row must name the columns; only <i>name</i> is required. Recognised: "
            + ", ".join(COLUMNS) + ". Several categories are separated by ';', dates are "
            "YYYY-MM-DD. Nothing is written until you press Import.", self)
        help_text.setWordWrap(True)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.rows_model = RowsModel(parent=self)
        self.problems_model = ProblemsModel(parent=self)
        self.rows_view = _table(self.rows_model, "Rows to import")
        self.problems_view = _table(self.problems_model, "Lines with problems")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rows_view, "Rows to import")
        self.tabs.addTab(self.problems_view, "Lines with problems")
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        self.skip_bad = QCheckBox("Import only the good rows and leave out the lines with "
                                  "problems", self)
        self.skip_bad.setEnabled(False)
        self.skip_bad.toggled.connect(self._update_buttons)
        self.error_label = error_label(self)

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("&Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for b in (self.import_button, self.cancel_button, self.choose_button):
            b.setAutoDefault(False)  # Enter in the file field previews; it never imports
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(help_text)
        lay.addWidget(self.summary)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.warnings)
        lay.addWidget(self.skip_bad)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        self.resize(860, 560)
        self._show_preview(None)
        if path:
            self.path_edit.setText(str(path))
            self.load_preview()

    # -- choosing and previewing -------------------------------------------
    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose a register CSV", self._folder,
                                              "CSV files (*.csv *.txt);;All files (*)")
        if path:
            self.path_edit.setText(path)
            self.load_preview()

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def load_preview(self) -> None:
        path = self.path()
        if path is None or self.busy:
            return
        self._show_preview(None)
        self.summary.setText("Reading the file…")
        preview = self._preview_fn
        self._run(lambda vault, _progress: preview(vault, path), "Reading the file…",
                  self._show_preview, cancellable=False)

    def _show_preview(self, preview) -> None:
        self.preview_value = preview
        rows = list(getattr(preview, "rows", []) or [])
        problems = sorted(getattr(preview, "problems", []) or [])
        warnings = list(getattr(preview, "warnings", []) or [])
        self.rows_model.set_rows(rows)
        self.problems_model.set_rows(problems)
        self.rows_view.resizeColumnsToContents()
        self.problems_view.resizeColumnToContents(0)
        self.tabs.setTabText(0, f"Rows to import ({len(rows)})")
        self.tabs.setTabText(1, f"Lines with problems ({len(problems)})")
        if problems and (not rows or getattr(preview, "fatal", False)):
            self.tabs.setCurrentIndex(1)
        bad_lines = len({line for line, _ in problems})
        if preview is None:
            self.summary.setText("Choose a file to see what would be imported.")
        elif getattr(preview, "fatal", False):
            self.summary.setText("This file cannot be imported as it is; see the problems "
                                 "below, fix the file and choose it again.")
        else:
            self.summary.setText(
                f"{len(rows)} row{'s' if len(rows) != 1 else ''} ready to import; "
                f"{bad_lines} line{'s' if bad_lines != 1 else ''} with problems.")
        self.warnings.setText("\n".join(f"Note: {w}." for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self.skip_bad.setChecked(False)
        self.skip_bad.setEnabled(bool(rows and problems))
        self._update_buttons()

    def _update_buttons(self) -> None:
        p = self.preview_value
        rows = bool(getattr(p, "rows", None))
        problems = bool(getattr(p, "problems", None))
        ok = (p is not None and rows and not getattr(p, "fatal", False)
              and (not problems or self.skip_bad.isChecked()) and not self.busy)
        self.import_button.setEnabled(bool(ok))
        if p is not None and rows and problems and not self.skip_bad.isChecked():
            self.import_button.setToolTip("Fix the lines with problems, or tick 'Import only "
                                          "the good rows'.")
        else:
            self.import_button.setToolTip("")

    # -- importing ---------------------------------------------------------
    def start_import(self) -> None:
        path = self.path()
        if path is None or not self.import_button.isEnabled():
            return
        skip = self.skip_bad.isChecked()
        commit = self._commit_fn
        self._run(lambda vault, on_progress: commit(vault, path, skip, on_progress),
                  "Importing the register…", self._imported, write=True,
                  changes=Changes(register=True, dashboard=True),
                  message=lambda r: f"{_count(r)} subject(s) imported in one transaction.")

    def _imported(self, result) -> None:
        self.imported = _count(result)
        self.accept()

    @property
    def busy(self) -> bool:
        return bool(self.operation and self.operation.running)

    def _run(self, call, label: str, on_success, **options) -> None:
        self.error_label.hide()
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.operation = self._runner.run(Operation(
            call, progress=label, parent=self, on_success=on_success, on_failure=self._failed,
            on_finished=self._finished, **options))

    def _finished(self) -> None:
        self.choose_button.setEnabled(True)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if self.preview_value is None:
            self.summary.setText("Choose a file to see what would be imported.")
        self.error_label.setText("Cancelled; nothing was imported." if isinstance(exc, Cancelled)
                                 else sentence(exc))
        self.error_label.show()

    def reject(self) -> None:
        if self.busy:  # the transaction either completes or is rolled back; never cut
            self.operation.cancel()
            return
        super().reject()

    @classmethod
    def ask(cls, runner, parent: QWidget | None = None, **kwargs):
        """Show the dialog; return the number of subjects imported, or None."""
        dialog = cls(runner, parent=parent, **kwargs)
        dialog.exec()
        return dialog.imported
