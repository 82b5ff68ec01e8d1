"""UsersModel: the vault's users as a read-only table (name, display name,
role, staff number), over ``console.storage.accounts.User`` snapshots."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.audit.roles import ROLES
from console.storage.accounts import User

from ..table_model import Column, TableModel

USER_ROLE = Qt.ItemDataRole.UserRole + 1


class UsersModel(TableModel):
    def __init__(self, users=(), current: str = "", parent=None):
        super().__init__(users, parent, (
            Column("Sign-in name", lambda u: u.name + (" (you)" if u.name == current else "")),
            Column("Display name", lambda u: u.display_name),
            Column("Role", lambda u: ROLES.label(u.role)),
            Column("Staff no.", lambda u: u.staff_number)))
        self._current = current

    def set_users(self, users) -> None:
        self.set_rows(users)

    def user_at(self, row: int) -> User | None:
        return self.row_at(row)

    def users(self) -> list[User]:
        return self.rows()

    def extra(self, u: User, column: int, role):
        if role == Qt.ItemDataRole.FontRole and u.name == self._current:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)
            return font
        if role == USER_ROLE:
            return u.name
        return None
