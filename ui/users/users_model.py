"""UsersModel: the vault's users as a read-only table (name, display name,
role, staff number), over ``console.model.User`` snapshots."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from console.model import ROLES, User

USER_ROLE = Qt.ItemDataRole.UserRole + 1


class UsersModel(QAbstractTableModel):
    headers = ("Sign-in name", "Display name", "Role", "Staff no.")

    def __init__(self, users=(), current: str = "", parent=None):
        super().__init__(parent)
        self._users: list[User] = list(users)
        self._current = current

    def set_users(self, users) -> None:
        self.beginResetModel()
        self._users = list(users)
        self.endResetModel()

    def user_at(self, row: int) -> User | None:
        return self._users[row] if 0 <= row < len(self._users) else None

    def users(self) -> list[User]:
        return list(self._users)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        u = self._users[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = u.name + (" (you)" if u.name == self._current else "")
            return (name, u.display_name, ROLES.label(u.role), u.staff_number)[index.column()]
        if role == Qt.ItemDataRole.FontRole and u.name == self._current:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)
            return font
        if role == USER_ROLE:
            return u.name
        return None
