"""BackupDialog: the backup view.

Lists the automatic backups kept beside the vault (date, why, size) and marks
those the retention rules flag for deletion, with a Delete action after a
confirmation. "Back up now…" writes an encrypted backup to a file the user
chooses (by default ``governors-console-backup-YYYY-MM-DD.gcbackup`` in
Documents) on the thread pool, with progress shown only when slow.
"Restore…" (the governor's alone) explains what will happen and asks for a
governor's passphrase from the backup; the dialog then closes with
``restore_request`` set, and the shell locks the console and restores, since
a vault is never replaced while open.

Every action runs a core call from ``BackupActions`` as an operation on
``runner``; the dialog never touches the vault. Errors are shown inline as
the core's one sentence; successes are shown and announced as the
operation's sentence, and the list reloads whenever an operation says the
backups changed. File choosers and confirmations are attributes so tests can
replace them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.audit import roles
from console.storage.snapshot import SUFFIX
from ui.errors import ERROR_STYLE, sentence
from ui.operation import Changes, Operation

from ..tables import readonly_rows
from .actions import BackupActions, BackupRow, RestoreRequest
from .backups_model import BackupsModel, Col, made_text
from .restore_prompt import RestorePrompt

OK_STYLE = "color: #1b5e20;"
NOTE_STYLE = "color: #4a4a4a;"
FILTER = f"Governor's Console backups (*{SUFFIX})"


def default_backup_path(today: dt.date | None = None) -> Path:
    """``governors-console-backup-YYYY-MM-DD.gcbackup`` in the user's Documents."""
    today = today or dt.date.today()
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    if not Path(folder).is_dir():
        folder = str(Path.home())    # a fresh profile may have no Documents folder yet
    return Path(folder) / f"governors-console-backup-{today.isoformat()}{SUFFIX}"


def choose_save_path(parent: QWidget, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("BackupDialog", "Back up the vault to"), str(suggested),
                                          FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def choose_open_path(parent: QWidget, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("BackupDialog", "Restore from a backup"), str(start), FILTER)
    return Path(name) if name else None


def confirm_delete(parent: QWidget, row: BackupRow) -> bool:
    """Ask before deleting a backup; the default button is Cancel."""
    why = row.flag or "It is not flagged for deletion."
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("BackupDialog", "Delete backup"),
                      f"Delete the backup made {made_text(row.info.created_at)}? {why} "
                      "A deleted backup cannot be brought back.",
                      QMessageBox.StandardButton.Cancel, parent)
    delete = box.addButton(QCoreApplication.translate("BackupDialog", "Delete backup"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


class BackupDialog(QDialog):
    def __init__(self, runner, actions: BackupActions | None = None, rows=(),
                 role: str = "viewer", user: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.setAccessibleName(self.tr("Backups"))
        self.runner = runner
        self.actions = actions or BackupActions()
        self.role = role
        self.user = user
        self.restore_request: RestoreRequest | None = None
        # tests replace these four
        self.choose_save_path = choose_save_path
        self.choose_open_path = choose_open_path
        self.confirm_delete = confirm_delete
        self.ask_restore = RestorePrompt.ask
        self.operation: Operation | None = None
        self._loading: list[Operation] = []
        self._reason_shown = False

        intro = QLabel(self.tr("Automatic backups kept beside the vault (made before an upgrade or a "
                       "key change, and once a day on close). Each is encrypted with the "
                       "vault's key."), self)
        intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = BackupsModel(rows, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Automatic backups"))
        readonly_rows(self.view)
        header = self.view.horizontalHeader()
        for col in (Col.MADE, Col.REASON, Col.SIZE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Col.STATE, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.selectionModel().selectionChanged.connect(self._show_reason)

        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.backup_button = QPushButton(self.tr("&Back up now…"), self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.clicked.connect(self.restore)
        side = QVBoxLayout()
        for b in (self.backup_button, self.restore_button, self.delete_button):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(side)

        self.note = QLabel(self)            # why an action is off, for this role
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.message = QLabel(self)         # the last result: one sentence
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addLayout(row, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        self._apply_role()
        self._rows_loaded(rows)
        runner.changed.connect(self._on_changes)

    # -- state ----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return (self.operation is not None and self.operation.running) or any(
            op.running for op in self._loading)

    @property
    def pending(self) -> bool:
        return self.busy

    def selected_row(self) -> BackupRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _apply_role(self) -> None:
        reasons = []
        for button, action in ((self.backup_button, "backup"),
                               (self.restore_button, "restore")):
            ok = roles.allowed(self.role, action)
            button.setToolTip("" if ok else roles.why_not(self.role, action))
            if not ok:
                reasons.append(roles.why_not(self.role, action))
        if not roles.allowed(self.role, "delete_backup"):
            self.delete_button.setToolTip(roles.why_not(self.role, "delete_backup"))
        self.note.setText(" ".join(reasons))
        self.note.setVisible(bool(reasons))

    def _update_buttons(self, *args) -> None:
        idle = not self.busy
        self.backup_button.setEnabled(idle and roles.allowed(self.role, "backup"))
        self.restore_button.setEnabled(idle and roles.allowed(self.role, "restore"))
        self.delete_button.setEnabled(idle and roles.allowed(self.role, "delete_backup")
                                      and self.selected_row() is not None)

    def _rows_loaded(self, rows) -> None:
        self.model.set_rows(rows)
        n, flagged = self.model.rowCount(), self.model.flagged_count
        if not n:
            text = "There are no automatic backups beside this vault yet."
        elif flagged:
            text = (f"<b style='color:#b71c1c'>{flagged} of {n} backups should be deleted</b>"
                    " (marked in red): they are past the backup retention horizon or still "
                    "hold an erased record. Choose one to see why, then Delete.")
        else:
            text = f"{n} backup{'s' if n != 1 else ''}; none is due for deletion."
        self.summary.setText(text)
        self._update_buttons()

    def _show(self, message: str, error: bool = False) -> None:
        self._reason_shown = False
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setVisible(True)

    def _show_reason(self, *args) -> None:
        """Choosing a flagged backup says why it should go."""
        row = self.selected_row()
        if row is not None and row.flag:
            self._show(f"Made {made_text(row.info.created_at)}. {row.flag}", error=True)
            self._reason_shown = True
        elif self._reason_shown:
            self.message.clear()
            self.message.setVisible(False)
            self._reason_shown = False

    # -- actions --------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.backups:
            self.refresh()

    def refresh(self) -> None:
        self._loading = [op for op in self._loading if op.running] + [self.runner.run(Operation(
            self.actions.list_backups, needs_vault=self.actions.needs_vault, parent=self,
            on_success=self._rows_loaded,
            on_failure=lambda exc: self._show(sentence(exc), error=True),
            on_finished=self._update_buttons))]
        self._update_buttons()

    def _run(self, call, label: str, message) -> None:
        """Run a change to the backups; ``message(result)`` is its sentence."""
        self.operation = self.runner.run(Operation(
            call, write=True, needs_vault=self.actions.needs_vault,
            changes=Changes(backups=True), message=message, progress=label,
            cancellable=False, parent=self, on_success=lambda r: self._show(message(r)),
            on_failure=lambda exc: self._show(sentence(exc), error=True),
            on_finished=self._update_buttons))
        self._update_buttons()

    def back_up_now(self) -> None:
        path = self.choose_save_path(self, default_backup_path())
        if path is None:
            return
        make = self.actions.make_backup
        self._run(lambda vault, on_progress: make(vault, path, on_progress),
                  "Backing up the vault…",
                  lambda written: f"Backup saved to {written}. It is encrypted; keep it "
                                  "somewhere safe, away from this computer.")

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.confirm_delete(self, row):
            return
        when = made_text(row.info.created_at) if row.info.ok else row.info.path.name
        delete = self.actions.delete_backup
        self._run(lambda vault, _progress: delete(vault, row.info.path), "Deleting the backup…",
                  lambda _none: f"The backup made {when} was deleted.")

    def restore(self) -> None:
        if not roles.allowed(self.role, "restore"):
            self._show(roles.why_not(self.role, "restore"), error=True)
            return
        selected = self.selected_row()
        start = (selected.info.path.parent if selected is not None
                 else default_backup_path().parent)
        path = self.choose_open_path(self, start)
        if path is None:
            return
        request = self.ask_restore(path, self.user, self)
        if request is None:
            return
        self.restore_request = request
        self.accept()

    @classmethod
    def ask(cls, runner, actions: BackupActions | None = None, rows=(), role: str = "viewer",
            user: str = "", parent: QWidget | None = None) -> RestoreRequest | None:
        """Show the dialog; returns a restore request if the user asked for one."""
        dialog = cls(runner, actions, rows, role, user, parent)
        try:
            dialog.exec()
            return dialog.restore_request
        finally:
            dialog.deleteLater()
