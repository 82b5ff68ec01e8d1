"""ExportDialog: choose what goes in a briefing, read it, then sign and save it.

1. Options, then Preview: ``preview(vault, options, on_progress)`` (the
   shell gives ``reports.briefing_service.preview_briefing``) lays the
   briefing out on the vault thread, unsigned and unnumbered; its PDF is
   shown from memory. Nothing is recorded, so Back and another preview cost
   nothing.
2. Sign and save: ``make(vault, path, options, on_progress, expect=digest)``
   (``make_briefing``) numbers, signs, saves and records it, and refuses if
   the register changed since the preview. The signed file replaces the
   preview on screen, with who signed it, its fingerprint and Open folder.

Where it is saved: the folder this user saved in last (``SaveLocation``),
asked for with the file dialog the first time; a synchronised folder is
named. Both calls run as operations on ``runner`` with progress when slow
and Cancel. The result is any object with ``path``, ``sha256``,
``reference``, ``signer``, ``fingerprint``, ``subjects`` and ``pages``;
``ExportDialog.ask(...)`` returns it, or None.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QStackedWidget, QVBoxLayout, QWidget

from ui.errors import sentence
from ui.operation import Cancelled, Changes, Operation

from ..save_location import SaveLocation, cloud_note, open_folder
from .options import DEFAULT_DISTRIBUTION, build_options, default_file_name, options_class
from .pages import BriefingPage, OptionsPage

MakeBriefing = Callable[..., Any]       # (vault, path, options, on_progress, expect=)
PreviewBriefing = Callable[[Any, Any, Callable[[int, int], None]], Any]
# What a signed briefing changes: the "since the last briefing" flags and the journal.
BRIEFED = Changes(register=True, dashboard=True, journal=True)


class ExportDialog(QDialog):
    def __init__(self, runner, make: MakeBriefing, preview: PreviewBriefing, *,
                 selected_refs=(), last_briefing: str | None = None,
                 places: SaveLocation | None = None, options_cls=None, signer: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export briefing"))
        self.setAccessibleName(self.tr("Export briefing"))
        self._runner, self._make, self._preview = runner, make, preview
        self._refs = tuple(selected_refs)
        self._options_cls = options_cls or options_class()
        self.places = places or SaveLocation(None, "")
        self.operation: Operation | None = None
        self.preview_value = None
        self.result_value = None
        self._previewed_options = None
        self._replace_ok: Path | None = None
        self.options_page = OptionsPage(self._refs, last_briefing, signer, self)
        self.briefing_page = BriefingPage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.options_page)
        self.pages.addWidget(self.briefing_page)
        o, b = self.options_page, self.briefing_page
        self.scope_buttons, self.named, self.pseudonymised = o.scope_buttons, o.named, \
            o.pseudonymised
        self.scope_all, self.scope_selected, self.scope_since = (
            o.scope_buttons[k] for k in ("all", "selected", "since_last"))
        self.password_box, self.password, self.confirm = o.password_box, o.password, o.confirm
        self.distribution, self.document, self.path_edit = o.distribution, b.document, \
            b.path_edit

        self.buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole
        self.back_button = self.buttons.addButton(self.tr("‹ &Back"), role.ResetRole)
        self.open_folder_button = self.buttons.addButton(self.tr("Open &folder"),
                                                         role.ActionRole)
        self.preview_button = self.buttons.addButton(self.tr("&Preview"), role.AcceptRole)
        self.sign_button = self.buttons.addButton(self.tr("&Sign and save"), role.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button.clicked.connect(self.start_preview)
        self.sign_button.clicked.connect(self.start_signing)
        self.back_button.clicked.connect(self.back)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        b.browse_button.clicked.connect(self.browse)
        b.path_edit.textChanged.connect(self._path_changed)
        lay = QVBoxLayout(self)
        lay.addWidget(self.pages)
        lay.addWidget(self.buttons)
        self._show_page(0)
        self.resize(600, 0)

    # -- pages ----------------------------------------------------------------------------
    def _show_page(self, n: int) -> None:
        self.pages.setCurrentIndex(n)
        done = self.result_value is not None
        self.preview_button.setVisible(n == 0)
        self.back_button.setVisible(n == 1 and not done)
        self.sign_button.setVisible(n == 1 and not done)
        self.open_folder_button.setVisible(done)
        (self.preview_button if n == 0 else self.sign_button).setDefault(True)
        if done:
            self.close_button.setText(self.tr("Close"))

    def back(self) -> None:
        if self.busy:
            return
        self.briefing_page.clear()
        self.preview_value = None
        self._show_page(0)

    # -- choosing ---------------------------------------------------------------------------
    def scope(self) -> str:
        return self.options_page.scope()

    def options(self):
        password = self.password.text() if self.password_box.isChecked() else None
        return build_options(
            self._options_cls, scope=self.scope(),
            refs=self._refs if self.scope() == "selected" else (),
            pseudonymise=self.pseudonymised.isChecked(), password=password,
            distribution=self.distribution.text().strip() or DEFAULT_DISTRIBUTION,
            language=self.options_page.language())

    def options_problem(self) -> str | None:
        if self.password_box.isChecked():
            if len(self.password.text()) < 8:
                return self.tr("The password must be at least 8 characters long.")
            if self.password.text() != self.confirm.text():
                return self.tr("The two passwords do not match.")
        return None

    def path_problem(self) -> str | None:
        """What stops saving at the path given, as one sentence, or None."""
        path = Path(self.path_edit.text().strip()).expanduser()
        if path.suffix.lower() != ".pdf":
            return self.tr("The briefing must be saved as a .pdf file.")
        if not path.parent.is_dir():
            return self.tr("The folder to save in does not exist; choose another.")
        if path.exists() and self._replace_ok != path:
            self._replace_ok = path
            return self.tr("A file of that name already exists; press Sign and save again "
                           "to replace it.")
        return None

    def browse(self) -> Path | None:
        chosen = self.places.ask(self, self.tr("Save briefing as"), self._file_name(),
                                 self.tr("PDF documents (*.pdf)"))
        if chosen is not None:
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(chosen.name + ".pdf")
            self.path_edit.setText(str(chosen))
            self._replace_ok = chosen         # the file dialog asked about replacing
        return chosen

    def _file_name(self) -> str:
        text = self.path_edit.text().strip()
        return Path(text).name if text else default_file_name()

    def _path_changed(self, text: str) -> None:
        note = cloud_note(text) if text.strip() else ""
        self.briefing_page.cloud_note.setText(note)
        self.briefing_page.cloud_note.setVisible(bool(note))

    # -- running ----------------------------------------------------------------------------
    def start_preview(self) -> None:
        problem = self.options_problem()
        page = self.options_page
        if problem:
            page.error_label.setText(problem)
            page.error_label.show()
            return
        page.error_label.hide()
        options, preview = self.options(), self._preview
        self._previewed_options = options
        self.operation = self._runner.run(Operation(
            lambda vault, on_progress: preview(vault, options, on_progress),
            progress=self.tr("Preparing the preview…"), parent=self,
            on_success=self._previewed, on_failure=lambda exc: self._failed(exc, page),
            on_finished=self._idle))
        self._idle()

    def _previewed(self, preview) -> None:
        self.preview_value = preview
        b = self.briefing_page
        b.show_pdf(preview.pdf)
        b.state.setText(self.tr("Preview, not signed: %1 and %2. Nothing has been numbered, "
                                "signed or recorded yet.").replace(
            "%1", self.tr("%n subject(s)", "", int(preview.subjects))).replace(
            "%2", self.tr("%n page(s)", "", int(preview.pages))))
        if not self.path_edit.text().strip():
            suggested = self.places.suggested(default_file_name())
            self.path_edit.setText(str(suggested) if suggested is not None else "")
        self._show_page(1)
        self.resize(max(self.width(), 760), max(self.height(), 780))
        self.sign_button.setFocus()

    def start_signing(self) -> None:
        if self.preview_value is None or self.busy:
            return
        b = self.briefing_page
        if not self.path_edit.text().strip() and self.browse() is None:
            return                         # asked where, and the user did not choose
        problem = self.path_problem()
        if problem:
            b.error_label.setText(problem)
            b.error_label.show()
            return
        b.error_label.hide()
        path = Path(self.path_edit.text().strip()).expanduser()
        options, make, expect = self._previewed_options, self._make, self.preview_value.content
        self.operation = self._runner.run(Operation(
            lambda vault, on_progress: make(vault, path, options, on_progress, expect=expect),
            write=True, changes=BRIEFED,
            message=lambda r: self.tr("Signed briefing saved to %1.").replace("%1",
                                                                             str(r.path)),
            progress=self.tr("Signing and saving the briefing…"), parent=self,
            on_success=self._signed, on_failure=lambda exc: self._failed(exc, b),
            on_finished=self._idle))
        self._idle()

    def _signed(self, result) -> None:
        self.result_value = result
        self.places.remember(result.path)
        password = getattr(self._previewed_options, "password", None) or ""
        self.briefing_page.show_file(str(result.path), password)
        self.briefing_page.state.setText(self.tr("Signed and saved."))
        self.briefing_page.show_done(result)
        self._show_page(1)
        self.close_button.setFocus()

    def _failed(self, exc: BaseException, page) -> None:
        page.error_label.setText(self.tr("Cancelled; nothing was signed or saved.")
                                 if isinstance(exc, Cancelled) else sentence(exc))
        page.error_label.show()

    def _idle(self) -> None:
        busy = self.busy
        for button in (self.preview_button, self.sign_button, self.back_button):
            button.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return bool(self.operation and self.operation.running)

    def open_folder(self) -> None:
        if self.result_value is not None:
            open_folder(self.result_value.path)

    def reject(self) -> None:
        if self.busy:  # closing while working means cancel; the work ends itself
            self.operation.cancel()
            return
        if self.result_value is not None:
            self.accept()
            return
        super().reject()

    def done(self, code: int) -> None:
        self.briefing_page.clear()
        self.preview_value = None
        super().done(code)

    @classmethod
    def ask(cls, runner, make: MakeBriefing, preview: PreviewBriefing,
            parent: QWidget | None = None, **kwargs):
        """Show the dialog; return the signed briefing's result, or None."""
        dialog = cls(runner, make, preview, parent=parent, **kwargs)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()
