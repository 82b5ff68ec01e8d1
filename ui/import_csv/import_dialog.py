"""ImportDialog: choose a spreadsheet register (CSV), see every good row and
every bad line with its reason, then import in one transaction.

Nothing is written until Import is pressed. The dialog never reads the file
or the vault itself: it runs ``preview(vault, path) -> ImportPreview`` and
``commit(vault, path, skip_bad, on_progress) -> int | ImportResult`` (by
default ``console.records.importer``'s) as operations on ``runner``; the
import announces the new rows and its sentence of success. Callers use
``ImportDialog.ask(...)``, which returns how many subjects were imported, or
None.

Around the edges: the file is read as soon as its path is typed and the
field is left (Tab) or Enter is pressed, once per path; a line with a
problem is listed with its row's name, the column and the value at fault
and the reason (``preview_models.line_problems``), and the dialog opens on
that list; while lines with problems block the import, the reason stands
beside the Import button; after importing only the good rows the dialog
stays open to say which lines were left out.
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
from .preview_models import ProblemsModel, RowsModel, line_problems

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
        self.setWindowTitle(self.tr("Import register from CSV"))
        self.setAccessibleName(self.tr("Import register from CSV"))
        self._runner = runner
        self._preview_fn, self._commit_fn = preview, commit
        self._folder = str(folder or "")
        self.operation: Operation | None = None
        self.preview_value = None
        self.imported: int | None = None

        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("CSV file"))
        self.path_edit.setPlaceholderText(self.tr("Choose the CSV file saved from the spreadsheet"))
        # Enter reads the file typed (again, if it was edited meanwhile);
        # leaving the field (Tab) reads it if it is not the one read already.
        self.path_edit.returnPressed.connect(self.load_preview)
        self.path_edit.editingFinished.connect(self._left_field)
        self._loaded_path: Path | None = None
        self.choose_button = QPushButton(self.tr("&Choose file…"), self)
        self.choose_button.clicked.connect(self.choose)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        row = QHBoxLayout()
        row.addWidget(file_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        help_text = QLabel(
            self.tr("The first row must name the columns; only <i>name</i> is required. Recognised: ")
            + ", ".join(COLUMNS) + self.tr(". Several categories are separated by ';', dates are "
            "YYYY-MM-DD. Nothing is written until you press Import."), self)
        help_text.setWordWrap(True)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.rows_model = RowsModel(parent=self)
        self.problems_model = ProblemsModel(parent=self)
        self.rows_view = _table(self.rows_model, "Rows to import")
        self.problems_view = _table(self.problems_model, "Lines with problems")
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rows_view, self.tr("Rows to import"))
        self.tabs.addTab(self.problems_view, self.tr("Lines with problems"))
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        self.skip_bad = QCheckBox(self.tr("Import only the good rows and leave out the lines with "
                                  "problems"), self)
        self.skip_bad.setEnabled(False)
        self.skip_bad.toggled.connect(self._update_buttons)
        self.error_label = error_label(self)

        self.blocked = QLabel(self)        # why Import is unavailable, beside it
        self.blocked.setObjectName("importBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #9a5b00;")
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
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
        bottom = QHBoxLayout()
        bottom.addWidget(self.blocked, 1)
        bottom.addWidget(self.buttons)
        lay.addLayout(bottom)
        self.resize(860, 560)
        self._show_preview(None)
        if path:
            self.path_edit.setText(str(path))
            self.load_preview()

    # -- choosing and previewing -------------------------------------------
    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a register CSV"), self._folder,
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.path_edit.setText(path)
            self.load_preview()

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def _left_field(self) -> None:
        if self.path() != self._loaded_path:
            self.load_preview()

    def load_preview(self) -> None:
        path = self.path()
        if path is None or self.busy:
            return
        self._loaded_path = path
        self._show_preview(None)
        self.summary.setText(self.tr("Reading the file…"))
        preview = self._preview_fn
        self._run(lambda vault, _progress: preview(vault, path), "Reading the file…",
                  self._show_preview, cancellable=False)

    def _show_preview(self, preview) -> None:
        self.preview_value = preview
        rows = list(getattr(preview, "rows", []) or [])
        problems = sorted(getattr(preview, "problems", []) or [])
        warnings = list(getattr(preview, "warnings", []) or [])
        self.rows_model.set_rows(rows)
        self.problems_model.set_rows(line_problems(preview))
        self.rows_view.resizeColumnsToContents()
        self.problems_view.resizeColumnsToContents()
        self.tabs.setTabText(0, f"Rows to import ({len(rows)})")
        self.tabs.setTabText(1, f"Lines with problems ({len(problems)})")
        # Problems come first: they are what stands between the file and the import.
        self.tabs.setCurrentIndex(1 if problems else 0)
        bad_lines = len({line for line, _ in problems})
        if preview is None:
            self.summary.setText(self.tr("Choose a file to see what would be imported."))
        elif getattr(preview, "fatal", False):
            self.summary.setText(self.tr("This file cannot be imported as it is; see the problems "
                                 "below, fix the file and choose it again."))
        else:
            self.summary.setText(self.tr("%n row(s) ready to import; ", "", len(rows))
                                 + self.tr("%n line(s) with problems.", "", bad_lines))
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
        why = ""
        if self.imported is not None:
            why = ""
        elif p is not None and getattr(p, "fatal", False):
            why = self.tr("Import is unavailable: the file cannot be read as a register.")
        elif p is not None and rows and problems and not self.skip_bad.isChecked():
            bad = len({line for line, _ in p.problems})
            why = self.tr("Import is unavailable: %n line(s) [has|have] problems. Fix them "
                          "in the file, or tick 'Import only the good rows'.", "", bad)
        elif p is not None and not rows:
            why = self.tr("Import is unavailable: no row of the file is good.")
        self.import_button.setToolTip(why)
        self.blocked.setText(why)
        self.blocked.setVisible(bool(why))

    # -- importing ---------------------------------------------------------
    def start_import(self) -> None:
        path = self.path()
        if path is None or not self.import_button.isEnabled():
            return
        skip = self.skip_bad.isChecked()
        commit = self._commit_fn
        self._run(lambda vault, on_progress: commit(vault, path, skip, on_progress),
                  "Importing the register…", self._imported, write=True,
                  changes=Changes(register=True, dashboard=True), message=self._imported_text)

    def _left_out(self, result) -> list[int]:
        return sorted({line for line, _ in getattr(result, "problems", None) or ()})

    def _imported_text(self, result) -> str:
        text = self.tr("%n subject(s) imported in one transaction.", "", _count(result))
        left = self._left_out(result)
        if left:
            text += " " + self.tr("Left out: line(s) %1.", "", len(left)).replace(
                "%1", ", ".join(str(n) for n in left))
        return text

    def _imported(self, result) -> None:
        self.imported = _count(result)
        left = self._left_out(result)
        if not left:
            self.accept()
            return
        # Some lines were left out: say which, and keep them in view.
        self.summary.setText(self._imported_text(result) + " " + self.tr(
            "Correct the lines left out in the file and import those again; the reasons "
            "are listed under Lines with problems."))
        self.tabs.setCurrentIndex(1)
        self.import_button.hide()
        self.skip_bad.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Close"))

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
        self.choose_button.setEnabled(self.imported is None)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if self.preview_value is None:
            self.summary.setText(self.tr("Choose a file to see what would be imported."))
        self.error_label.setText(self.tr("Cancelled; nothing was imported.") if isinstance(exc, Cancelled)
                                 else sentence(exc))
        self.error_label.show()

    def reject(self) -> None:
        if self.busy:  # the transaction either completes or is rolled back; never cut
            self.operation.cancel()
            return
        if self.imported is not None:
            self.accept()                 # closing after an import: it happened
            return
        super().reject()

    @classmethod
    def ask(cls, runner, parent: QWidget | None = None, **kwargs):
        """Show the dialog; return the number of subjects imported, or None."""
        dialog = cls(runner, parent=parent, **kwargs)
        dialog.exec()
        return dialog.imported
