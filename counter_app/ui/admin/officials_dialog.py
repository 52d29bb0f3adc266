"""Officials (Cán bộ): the list, and what an administrator does to one of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counter_app.services import users
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui import notify
from counter_app.ui.admin.list_parts import actions_and_close
from counter_app.ui.admin.official_forms import AddOfficialDialog, PasswordDialog, RolesDialog
from counter_app.ui.admin.officials_model import OfficialsModel
from counter_app.ui.admin.service_form import ServiceForm
from counter_app.ui.widgets import fit_to_screen, read_only_table
from counter_app.ui.workers import WriteRunner, refusal


class OfficialsDialog(QDialog):
    def __init__(self, ctx: ServiceContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.writes = WriteRunner(ctx.submit_write, self)
        self.setObjectName("officials")
        self.setWindowTitle(self.tr("Officials"))
        self._ctx, self._actor = ctx, actor
        self.form: ServiceForm | None = None
        self.model = OfficialsModel(self)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A disabled official can no longer log in; their dossiers and history stay. "
                "Officials sent by the centre may be changed there again."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.view = read_only_table(self, self.model, OfficialsModel.ROLES, single=True)
        layout.addWidget(self.view, 1)
        (
            self.add_button,
            self.active_button,
            self.password_button,
            self.roles_button,
        ) = actions_and_close(
            self,
            layout,
            [
                (self.tr("Add an official…"), self.add),
                (self.tr("Disable"), self.toggle_active),
                (self.tr("Reset password…"), self.reset),
                (self.tr("Change roles…"), self.change_roles),
            ],
        )
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()
        fit_to_screen(self, 900, 480)

    def reload(self, select: str | None = None) -> None:
        select = select or self.selected_username()
        self.model.set_items(users.list_users(self._ctx))
        row = self.model.row_of(select) if select else -1
        if row >= 0:
            self.view.selectRow(row)
        self._selection_changed()

    def selected(self) -> users.UserInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.item(rows[0]) if rows else None

    def selected_username(self) -> str | None:
        official = self.selected()
        return official.username if official else None

    def select(self, username: str) -> None:
        self.view.selectRow(self.model.row_of(username))

    def _selection_changed(self, *_args: object) -> None:
        official = self.selected()
        for button in (self.active_button, self.password_button, self.roles_button):
            button.setEnabled(official is not None)
        enable = official is not None and not official.active
        self.active_button.setText(self.tr("Enable") if enable else self.tr("Disable"))

    # ----- actions -------------------------------------------------------------------

    def add(self) -> ServiceForm:
        return self._open(AddOfficialDialog(self._ctx, self._actor, self))

    def reset(self) -> ServiceForm | None:
        official = self.selected()
        if official is None:
            return None
        return self._open(PasswordDialog(self._ctx, self._actor, official, self))

    def change_roles(self) -> ServiceForm | None:
        official = self.selected()
        if official is None:
            return None
        return self._open(RolesDialog(self._ctx, self._actor, official, self))

    def toggle_active(self) -> None:
        """A quick write (no password hash), queued on the window's one writer."""
        official = self.selected()
        if official is None or self.writes.busy:
            return
        ctx, actor, username, active = self._ctx, self._actor, official.username, official.active
        self.writes.start(
            lambda: users.set_active(ctx, actor, username, not active),
            lambda info: self.reload(info.username),  # type: ignore[attr-defined]
            lambda error: notify.show_user_error(self, self.tr("Officials"), refusal(error)),
        )

    def _open(self, form: ServiceForm) -> ServiceForm:
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.accepted.connect(lambda: self._saved(form.result_value))
        self.form = form
        form.open()
        return form

    def _saved(self, result: object) -> None:
        assert isinstance(result, users.UserInfo)
        self.reload(result.username)
