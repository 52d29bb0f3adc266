"""The forms an administrator fills in about one official: a new official,
a new password (typed twice), the roles."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from counter_app.domain.workflow import Role, role_label
from counter_app.i18n import render
from counter_app.services import users
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui.admin.service_form import ServiceForm


class RoleBoxes(QWidget):
    """One check box per role, in the workflow's order."""

    def __init__(self, checked: frozenset[Role] = frozenset(), parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(render(role_label(role)), self)
            box.setObjectName(f"role_{role.value}")
            box.setChecked(role in checked)
            self.boxes[role] = box
            row.addWidget(box)
        row.addStretch(1)

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(
        QCoreApplication.translate("OfficialForms", "at least {count} characters").format(
            count=users.MIN_PASSWORD
        )
    )
    return edit


def _who(official: users.UserInfo) -> str:
    return f"{official.full_name} ({official.username})"


class AddOfficialDialog(ServiceForm):
    def __init__(self, ctx: ServiceContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add an official"), parent)
        self.setObjectName("addOfficial")
        self._ctx, self._actor = ctx, actor
        self.username = self.field(self.tr("User name:"), "username", QLineEdit(self))
        self.username.setMaxLength(60)
        self.username.setPlaceholderText(self.tr("letters, digits, . and _ — e.g. nguyen.van.a"))
        self.full_name = self.field(self.tr("Full name:"), "full_name", QLineEdit(self))
        self.full_name.setMaxLength(120)
        self.title_edit = self.field(self.tr("Title:"), "title", QLineEdit(self))
        self.title_edit.setMaxLength(120)
        self.roles = self.field(self.tr("Roles:"), "roles", RoleBoxes(parent=self))
        self.password = self.field(self.tr("Password:"), "password", _password_edit(self))
        self.confirm = self.field(self.tr("Password again:"), "confirm", _password_edit(self))
        self.finish(self.tr("Add the official"), 760)

    def submit(self) -> Callable[[], object]:
        ctx, actor = self._ctx, self._actor
        username, full_name, title = (
            self.username.text(),
            self.full_name.text(),
            self.title_edit.text(),
        )
        roles, password, confirm = self.roles.roles(), self.password.text(), self.confirm.text()
        return lambda: users.create_user(
            ctx,
            actor,
            username=username,
            full_name=full_name,
            title=title,
            roles=roles,
            password=password,
            confirm=confirm,
        )


class PasswordDialog(ServiceForm):
    def __init__(
        self, ctx: ServiceContext, actor: Actor, official: users.UserInfo, parent: QWidget | None
    ) -> None:
        super().__init__(self.tr("New password for {name}").format(name=official.full_name), parent)
        self.setObjectName("resetPassword")
        self._ctx, self._actor, self._username = ctx, actor, official.username
        self.form.addRow(self.tr("Official:"), QLabel(_who(official), self))
        self.password = self.field(self.tr("New password:"), "password", _password_edit(self))
        self.confirm = self.field(self.tr("Password again:"), "confirm", _password_edit(self))
        self.finish(self.tr("Set the password"), 480)

    def submit(self) -> Callable[[], object]:
        ctx, actor, username = self._ctx, self._actor, self._username
        password, confirm = self.password.text(), self.confirm.text()
        return lambda: users.reset_password(ctx, actor, username, password, confirm)


class RolesDialog(ServiceForm):
    def __init__(
        self, ctx: ServiceContext, actor: Actor, official: users.UserInfo, parent: QWidget | None
    ) -> None:
        super().__init__(self.tr("Roles of {name}").format(name=official.full_name), parent)
        self.setObjectName("changeRoles")
        self._ctx, self._actor, self._username = ctx, actor, official.username
        self.form.addRow(self.tr("Official:"), QLabel(_who(official), self))
        self.roles = self.field(self.tr("Roles:"), "roles", RoleBoxes(official.roles, self))
        self.finish(self.tr("Save the roles"), 760)

    def submit(self) -> Callable[[], object]:
        ctx, actor, username, roles = self._ctx, self._actor, self._username, self.roles.roles()
        return lambda: users.set_roles(ctx, actor, username, roles)
