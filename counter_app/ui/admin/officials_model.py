"""The officials of this counter as a table: who, their roles, active or disabled."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from counter_app.domain.workflow import Role, role_label
from counter_app.i18n import render
from counter_app.services.users import UserInfo
from counter_app.ui.list_table_model import ListTableModel, ModelIndex

USERNAME_ROLE = Qt.ItemDataRole.UserRole + 1
_DISABLED_GREY = QColor("#777777")


def roles_text(roles: frozenset[Role]) -> str:
    return ", ".join(render(role_label(role)) for role in Role if role in roles)


class OfficialsModel(ListTableModel):
    USERNAME, FULL_NAME, TITLE, ROLES, STATUS = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Title"),
            self.tr("Roles"),
            self.tr("Status"),
        )

    def row_of(self, username: str) -> int:
        return next((i for i, u in enumerate(self._items) if u.username == username), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        user: UserInfo | None = self.item(index)
        if user is None:
            return None
        if role == USERNAME_ROLE:
            return user.username
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return _DISABLED_GREY
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.USERNAME:
            return user.username
        if column == self.FULL_NAME:
            return user.full_name
        if column == self.TITLE:
            return user.title
        if column == self.ROLES:
            return roles_text(user.roles)
        return self.tr("Active") if user.active else self.tr("Disabled")
