"""UsersDialog: the governor manages who may open the vault.

Lists users with their roles; adds a deputy or viewer; removes a user after a
confirmation that explains the key rotation; resets another user's
passphrase; changes a user's role after a confirmation naming the old and
new role (``role_dialog``); changes the governor's own passphrase; exports
the governor's certificate (PEM) for HQ and shows its SHA-256 fingerprint.

The actions that manage users are disabled, with the core's reason, for a
role that may not manage users; the core refuses them all the same.

Every action runs a core call from ``UserActions`` as an operation on
``runner`` (key derivation and key rotation take a moment, so progress shows
when slow, without Cancel: a key rotation must finish). Results are shown in
the dialog and announced as the operation's sentence; the list reloads
whenever an operation says the users changed. The dialog never touches the
vault.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.audit import roles
from console.storage.identity import cert_fingerprint
from ui.errors import ERROR_STYLE, sentence
from ui.operation import Changes, Operation

from ..save_location import SaveLocation
from ..tables import readonly_rows
from . import user_forms
from .actions import UserActions
from .role_dialog import ChangeRoleDialog, confirm_role_change, role_name
from .user_forms import AddUserDialog, PassphraseDialog
from .users_model import UsersModel


class UsersDialog(QDialog):
    def __init__(self, runner, actions: UserActions | None = None, users=(),
                 current_user: str = "", parent: QWidget | None = None,
                 places: SaveLocation | None = None, role: str | None = None):
        super().__init__(parent)
        self.places = places or SaveLocation(None, current_user)
        self.setWindowTitle(self.tr("Users"))
        self.setAccessibleName(self.tr("Users"))
        self.runner = runner
        self.actions = actions or UserActions()
        self.current_user = current_user
        self.confirm_remove = user_forms.confirm_remove  # tests replace this
        self.ask_role = ChangeRoleDialog.ask               # and these
        self.confirm_role = confirm_role_change
        # The signed-in role, to grey out what it may not do (the core decides).
        self.role = role or next((u.role for u in users if u.name == current_user), None)
        self.operation: Operation | None = None        # the action in hand
        self._reads: list[Operation] = []               # the list and the certificate
        self._select_after: str | None = None
        self._pem: bytes | None = None
        runner.changed.connect(self._on_changes)

        self.model = UsersModel(users, current_user, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Users of this vault"))
        readonly_rows(self.view)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.reset_button = QPushButton(self.tr("&Reset passphrase…"), self)
        self.remove_button = QPushButton(self.tr("Re&move…"), self)
        self.role_button = QPushButton(self.tr("Change r&ole…"), self)
        self.role_button.setToolTip(self.tr("Give a user another role; the change is signed "
                                            "into the audit chain"))
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_user)
        self.remove_button.clicked.connect(self.remove_user)
        self.role_button.clicked.connect(self.change_role)
        side = QVBoxLayout()
        for b in (self.add_button, self.reset_button, self.remove_button, self.role_button):
            side.addWidget(b)
        side.addStretch(1)
        table_row = QHBoxLayout()
        table_row.addWidget(self.view, 1)
        table_row.addLayout(side)

        own = QGroupBox(self.tr("You"), self)
        self.change_button = QPushButton(self.tr("&Change my passphrase…"), own)
        self.export_button = QPushButton(self.tr("&Export my certificate…"), own)
        self.change_button.clicked.connect(self.change_own)
        self.export_button.clicked.connect(self.export_certificate)
        self.fingerprint_label = QLabel(self.tr("Certificate fingerprint (SHA-256): reading…"), own)
        self.fingerprint_label.setWordWrap(True)
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.fingerprint_label.setAccessibleName(self.tr("Your certificate fingerprint"))
        grid = QGridLayout(own)
        grid.addWidget(self.change_button, 0, 0)
        grid.addWidget(self.export_button, 0, 1)
        grid.addWidget(self.fingerprint_label, 1, 0, 1, 3)
        grid.setColumnStretch(2, 1)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        lay = QVBoxLayout(self)
        lay.addLayout(table_row, 1)
        lay.addWidget(own)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(640, 420)
        self._update_buttons()
        self._load_certificate()

    # -- selection -----------------------------------------------------------
    def selected_user(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def select(self, name: str) -> None:
        for row, u in enumerate(self.model.users()):
            if u.name == name:
                self.view.selectRow(row)
                return

    def _update_buttons(self, *args) -> None:
        u = self.selected_user()
        other = u is not None and u.name != self.current_user
        idle = not self.busy
        may = self.role is None or roles.allowed(self.role, "manage_users")
        why = "" if may else roles.why_not(self.role, "manage_users")
        self.add_button.setEnabled(idle and may)
        self.role_button.setEnabled(idle and may)
        self.change_button.setEnabled(idle)
        for b in (self.reset_button, self.remove_button):
            b.setEnabled(idle and other and may)
            b.setToolTip(why or ("" if other or u is None else
                                 self.tr("Use 'Change my passphrase' for yourself; another governor "
                                 "would have to remove you.")))
        if not may:
            for b in (self.add_button, self.role_button):
                b.setToolTip(why)
                b.setStatusTip(why)

    # -- actions -------------------------------------------------------------
    def add_user(self) -> None:
        new = AddUserDialog.ask(self)
        if new is None:
            return
        add = self.actions.add_user
        self._run(lambda v: add(v, new.name, new.passphrase, new.role,
                                display_name=new.display_name, staff_number=new.staff_number),
                  f"Added {new.display_name or new.name} as a {new.role}.", "Adding the user…",
                  select=new.name)

    def reset_user(self) -> None:
        u = self.selected_user()
        if u is None or u.name == self.current_user:
            return
        got = PassphraseDialog.ask(
            f"Reset passphrase for {u.display_name or u.name}",
            "They get a new key slot and a new signing certificate; their old certificate "
            "is kept so their past entries still verify. Give them the new passphrase in "
            "person.", False, self)
        if got is None:
            return
        reset = self.actions.reset_user
        self._run(lambda v: reset(v, u.name, got[1]),
                  f"Reset the passphrase for {u.display_name or u.name}.",
                  "Resetting the passphrase…", select=u.name)

    def remove_user(self) -> None:
        u = self.selected_user()
        if u is None or u.name == self.current_user or not self.confirm_remove(self, u):
            return
        remove = self.actions.remove_user
        self._run(lambda v: remove(v, u.name),
                  f"Removed {u.display_name or u.name}; the vault key was rotated.",
                  "Removing the user and rotating the vault key…")

    def change_role(self) -> None:
        """Choose a user and a new role, confirm, then ask the core (which
        refuses a role the signed-in user may not give, and their own)."""
        u = self.selected_user()
        change = self.ask_role(self.model.users(), self.current_user, u.name if u else "",
                               self)
        if change is None or not self.confirm_role(self, change):
            return
        set_role = self.actions.set_role
        done = (self.tr("%1 is now a %2.").replace("%1", change.who)
                .replace("%2", role_name(change.new_role)))
        self._run(lambda v: set_role(v, change.name, change.new_role), done,
                  self.tr("Changing the role…"), select=change.name)

    def change_own(self) -> None:
        got = PassphraseDialog.ask("Change my passphrase",
                                   "Your key slot is rewrapped with the new passphrase; "
                                   "nothing else changes.", True, self)
        if got is None:
            return
        change = self.actions.change_passphrase
        self._run(lambda v: change(v, *got), "Your passphrase was changed.",
                  "Changing your passphrase…", changes=Changes())

    def export_certificate(self) -> None:
        if self._pem is None:
            return
        path = self.places.ask(self, self.tr("Export certificate"),
                               f"{self.current_user or 'governor'}-certificate.pem",
                               self.tr("PEM certificates (*.pem *.crt)"))
        if path is not None:
            self.save_certificate(path)

    def save_certificate(self, path: Path) -> None:
        from console.storage.fileio import atomic_write_bytes
        pem = self._pem

        def failed(exc: BaseException) -> None:
            self._show("The certificate could not be saved there; choose another folder."
                       if isinstance(exc, OSError) else sentence(exc), error=True)
        message = f"Certificate saved to {path}."

        def saved(_result) -> None:
            self.places.remember(path)
            self._show(message)
        self._read(Operation(lambda _none: atomic_write_bytes(path, pem), needs_vault=False,
                             message=message, on_success=saved, on_failure=failed))

    # -- running -------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self.operation and self.operation.running)

    def _run(self, call, success: str, label: str, select: str | None = None,
             changes: Changes = Changes(users=True)) -> None:
        self._select_after = select
        self.operation = self.runner.run(Operation(
            lambda vault, _progress: call(vault), write=True, changes=changes,
            message=success, progress=label, cancellable=False, parent=self,
            on_success=lambda _r: self._show(success),
            on_failure=lambda exc: self._show(sentence(exc), error=True),
            on_finished=self._update_buttons))
        self._update_buttons()

    def _read(self, op: Operation) -> None:
        self._reads = [r for r in self._reads if r.running] + [self.runner.run(op)]

    def _on_changes(self, changes: Changes) -> None:
        if changes.users:
            self.refresh(self._select_after)

    def refresh(self, select: str | None = None) -> None:
        self._read(Operation(self.actions.list_users, parent=self,
                             on_success=lambda users: self._users_loaded(users, select),
                             on_failure=lambda exc: self._show(sentence(exc), error=True)))

    def _users_loaded(self, users, select: str | None) -> None:
        self.model.set_users(users)
        if select:
            self.select(select)
        self._update_buttons()

    def _load_certificate(self) -> None:
        self._read(Operation(self.actions.certificate_pem, parent=self,
                             on_success=self._certificate_loaded,
                             on_failure=lambda exc: self.fingerprint_label.setText(
                                 sentence(exc))))

    def _certificate_loaded(self, pem: bytes) -> None:
        self._pem = bytes(pem)
        self.fingerprint = cert_fingerprint(self._pem)
        self.fingerprint_label.setText(
            "Certificate fingerprint (SHA-256), for HQ to check by telephone:<br>"
            f"<tt>{self.fingerprint}</tt>")

    def _show(self, message: str, error: bool = False) -> None:
        self.message.setText(message)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.show()

    @property
    def pending(self) -> bool:
        """Whether any work (an action, a reload, the certificate) is still running."""
        return self.busy or any(op.running for op in self._reads)

    def reject(self) -> None:
        if self.busy:  # a key rotation must finish; the dialog stays until it has
            return
        super().reject()

    @classmethod
    def ask(cls, runner, actions: UserActions | None = None, users=(), current_user: str = "",
            parent: QWidget | None = None, places: SaveLocation | None = None,
            role: str | None = None) -> None:
        dialog = cls(runner, actions, users, current_user, parent, places, role)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
