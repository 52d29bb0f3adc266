"""Logging in on the counter (offline, against the local hashes), and the approver's sign-in."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Role, role_label
from counter_app.i18n import render
from counter_app.ui.widgets import error_label, ok_cancel
from counter_app.ui.workers import WorkerRunner

# The services (SQLAlchemy, argon2) load with the counter's database, once
# the start's login window is painted (counter_app/ui/app.py).
if TYPE_CHECKING:
    from counter_app.services.auth import Actor
    from counter_app.services.context import ServiceContext


def role_names(roles: Collection[Role]) -> str:
    """The roles' names, in the workflow's order: "Người phê duyệt / …"."""
    return " / ".join(render(role_label(r)) for r in Role if r in roles)


class LoginDialog(QDialog):
    """Asks for a user name and password; ``user`` is set when accepted.

    With ``required_roles`` it is a colleague's sign-in at the desk (the
    approver for "4 tại chỗ", or whoever may take a step the official at the
    desk may not): the person must hold one of those roles. ``title`` and
    ``intro`` then say what the login confirms.

    Without ``ctx`` (the start, while the counter's database is still being
    opened and checked) the login cannot be submitted until ``ready(ctx)``.
    """

    def __init__(
        self,
        ctx: ServiceContext | None,
        parent: QWidget | None = None,
        *,
        required_roles: Collection[Role] = (),
        title: str = "",
        counter_name: str = "",
        intro: str = "",
        username: str = "",
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._required_roles = frozenset(required_roles)
        self._cancellable = cancellable
        self._runner = WorkerRunner(QThreadPool(self))
        self.user: Actor | None = None

        layout = QVBoxLayout(self)
        label = QLabel(self)
        label.setWordWrap(True)
        if not required_roles:
            self.setWindowTitle(self.tr("Log in"))
            label.setText(
                self.tr("Log in to {counter}. This works without internet.").format(
                    counter=counter_name or self.tr("the counter")
                )
            )
        else:
            self.setWindowTitle(self.tr("Approver's signature"))
            label.setText(
                self.tr(
                    "The approver present at the desk logs in to approve this dossier on the spot."
                )
            )
        if intro:
            label.setText(intro)
        if title:
            self.setWindowTitle(title)
        layout.addWidget(label)

        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        layout.addLayout(form)
        self.error = error_label(self)
        self.error.setObjectName("loginError")
        layout.addWidget(self.error)

        self.buttons, self.ok, cancel = ok_cancel(self, self.tr("Log in"), self.submit)
        cancel.setVisible(cancellable)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.username.setText(username)
        (self.password if username else self.username).setFocus()
        self.ok.setEnabled(ctx is not None)

    def ready(self, ctx: ServiceContext) -> None:
        """The counter is open and its start checks are done: logins are accepted."""
        self._ctx = ctx
        self.ok.setEnabled(True)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def submit(self) -> None:
        ctx = self._ctx
        if self._runner.busy or ctx is None:
            return
        username, password = self.username.text(), self.password.text()
        if not username.strip() or not password:
            self._fail(self.tr("Enter the user name and the password."))
            return
        self.ok.setEnabled(False)
        self.error.setVisible(False)
        # argon2 takes a noticeable moment on a commune PC; keep the window painting.
        from counter_app.services import auth

        self._runner.start(lambda: auth.login(ctx, username, password), self._done, self._failed)

    def _done(self, result: object) -> None:
        from counter_app.services.auth import Actor

        assert isinstance(result, Actor)
        self.ok.setEnabled(True)
        required = self._required_roles
        if required and not required & result.roles:
            self._fail(
                self.tr("{name} does not hold the role “{role}”.").format(
                    name=result.full_name, role=role_names(required)
                )
            )
            return
        self.user = result
        self.accept()

    def _failed(self, error: object) -> None:
        self.ok.setEnabled(True)
        if isinstance(error, UserError):
            self._fail(render(error.message))
        else:
            self._fail(self.tr("The login could not be checked; see the log file."))

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        self.password.setFocus()
        self.password.selectAll()

    def reject(self) -> None:
        # A locked desk opens only to a login: Escape does not dismiss it.
        if self._cancellable:
            super().reject()

    def done(self, result: int) -> None:  # noqa: D102 - a closing dialog waits for its check
        self._runner.wait()
        super().done(result)
