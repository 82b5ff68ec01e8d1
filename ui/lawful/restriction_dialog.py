"""RestrictionDialog: who may see one subject's record (need-to-know), for the
governor.

Governors always may see every record, so they are listed ticked and fixed.
A record not yet restricted starts with its owner ticked (the core's
default). Saving runs ``apply(vault, ref, restricted, allowed_user_names,
reason)`` (by default ``apply_restriction``: ``console.records.access.restrict``
or ``unrestrict``) as an
operation on ``runner``, announcing that the subject changed; the core audits
the change. ``RestrictionDialog.ask(...)`` returns the new
``console.records.access.Restriction`` or None.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.audit.roles import ROLES
from console.records import access
from console.records.access import Restriction
from ui.errors import error_label, sentence
from ui.operation import Changes, Operation

from .decision_dialogs import fit_width

ApplyRestriction = Callable[[Any, str, bool, list, str], Any]
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def apply_restriction(vault, ref: str, restricted: bool, allowed: list,
                      reason: str) -> Restriction:
    """Restrict the record to ``allowed`` (and the governors), or lift the restriction."""
    if restricted:
        return access.restrict(vault, ref, reason, allowed)
    return access.unrestrict(vault, ref, reason)


class RestrictionDialog(QDialog):
    def __init__(self, restriction: Restriction, users, runner,
                 apply: ApplyRestriction = apply_restriction, *, owner: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Who may see {restriction.ref}")
        self.setAccessibleName(self.tr("Record restriction"))
        self.runner = runner
        self._apply = apply
        self._was = restriction
        self.value: Restriction | None = None
        self.operation: Operation | None = None

        intro = QLabel(self.tr("A restricted record shows other users only its reference and risk "
                       "band. Governors always see it. Every change is kept in the audit "
                       "chain."), self)
        intro.setWordWrap(True)
        self.restricted = QCheckBox(self.tr("&Restrict this record to the users ticked below"), self)
        self.restricted.setChecked(restriction.restricted)
        self.users = QListWidget(self)
        self.users.setAccessibleName(self.tr("Users who may see the record"))
        allowed = set(restriction.allowed) if restriction.restricted else \
            ({owner} if owner else set())
        for u in users:
            if not u.active:
                continue
            governor = u.role == "governor"
            text = f"{u.display_name or u.name} ({ROLES.label(u.role).lower()})"
            if governor:
                text += " · always"
            elif u.name == owner:
                text += " · owner"
            item = QListWidgetItem(text, self.users)
            item.setData(NAME_ROLE, u.name)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not governor:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if governor or u.name in allowed
                               else Qt.CheckState.Unchecked)
        shown = min(max(self.users.count(), 3), 8)
        self.users.setFixedHeight(self.users.sizeHintForRow(0) * shown
                                  + 2 * self.users.frameWidth() + 6)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason for the change"))
        self.reason.setMaxLength(2000)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.restricted.toggled.connect(self.users.setEnabled)
        self.users.setEnabled(self.restricted.isChecked())
        form = QFormLayout()
        label = QLabel(self.tr("Rea&son:"), self)
        label.setBuddy(self.reason)
        form.addRow(label, self.reason)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.restricted)
        lay.addWidget(self.users)
        lay.addLayout(form)
        lay.addWidget(self.error_label)
        lay.addWidget(self.buttons)
        fit_width(self, 440)

    def allowed(self) -> list[str]:
        """Ticked users other than governors (who need no naming)."""
        out = []
        for row in range(self.users.count()):
            item = self.users.item(row)
            if (item.flags() & Qt.ItemFlag.ItemIsUserCheckable
                    and item.checkState() == Qt.CheckState.Checked):
                out.append(item.data(NAME_ROLE))
        return out

    def set_allowed(self, name: str, on: bool) -> None:
        for row in range(self.users.count()):
            item = self.users.item(row)
            if item.data(NAME_ROLE) == name:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def save(self) -> None:
        restricted = self.restricted.isChecked()
        if not restricted and not self._was.restricted:
            self.reject()                          # nothing to change
            return
        reason = self.reason.text().strip()
        if not reason:
            self.error_label.setText(self.tr("Give the reason for the change; it is kept in the "
                                     "audit chain."))
            self.error_label.show()
            self.reason.setFocus()
            return
        self.error_label.hide()
        allowed, apply, ref = self.allowed(), self._apply, self._was.ref
        self.ok_button.setEnabled(False)
        self.operation = self.runner.run(Operation(
            lambda vault: apply(vault, ref, restricted, allowed, reason), write=True,
            changes=Changes.subject(ref), parent=self,
            message=lambda r: (f"{ref} is restricted to named users." if r.restricted
                               else f"{ref} is no longer restricted."),
            on_success=self._saved, on_failure=self._failed,
            on_finished=lambda: self.ok_button.setEnabled(True)))

    def _saved(self, restriction) -> None:
        self.value = restriction
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(sentence(exc))
        self.error_label.show()

    @property
    def busy(self) -> bool:
        return bool(self.operation and self.operation.running)

    @classmethod
    def ask(cls, restriction: Restriction, users, runner,
            apply: ApplyRestriction = apply_restriction, *, owner: str | None = None,
            parent: QWidget | None = None) -> Restriction | None:
        dialog = cls(restriction, users, runner, apply, owner=owner, parent=parent)
        try:
            return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
