"""What the desk's administration dialogs share: one line that says what
happened (or why it was refused), work off the UI thread that closing waits
for, and a Close button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.ui.widgets import ERROR_STYLE
from counter_app.ui.workers import WorkerRunner, WriteRunner, refusal

_DONE_STYLE = "color: #1b7f3b;"


class AdminDialog(QDialog):
    """A settings dialog acting as ``actor``: every change goes through a service
    that checks the administrator's role again."""

    def __init__(
        self,
        ctx: ServiceContext,
        actor: Actor,
        parent: QWidget | None,
        object_name: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.ctx = ctx
        self.actor = actor
        self.runner = WorkerRunner(QThreadPool(self))
        self.writes = WriteRunner(ctx.submit_write, self)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("adminOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setVisible(False)

    def finish(self, layout: QVBoxLayout, *, stretch: bool = True) -> None:
        """The outcome line and Close under the dialog's own sections (which
        keep their height unless one of them was given the room: ``stretch``)."""
        if stretch:
            layout.addStretch(1)
        layout.addWidget(self.outcome)
        buttons = QDialogButtonBox(self)
        # Named here, not by self.tr: the context stays this class's in every subclass.
        self.close_button = buttons.addButton(
            QCoreApplication.translate("AdminDialog", "Close"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def attempt(
        self, action: Callable[[], object], done: str = "", then: Callable[[], None] | None = None
    ) -> None:
        """Queue a service call that writes on the window's one writer; a refusal
        is shown, not raised. Once it worked, ``done`` says so and ``then`` follows.

        ``action`` runs on the writer thread: it closes over plain values, never
        over a widget (one released there would be deleted off its thread)."""

        def finished(_result: object) -> None:
            if done:
                self.show_done(done)
            if then is not None:
                then()

        self.writes.start(action, finished, lambda error: self.show_failure(refusal(error)))

    def show_done(self, text: str) -> None:
        self._say(text, _DONE_STYLE)

    def show_failure(self, error: object) -> None:
        text = render(error.message) if isinstance(error, UserError) else str(error)
        self._say(text, ERROR_STYLE)

    def _say(self, text: str, style: str) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(style)
        self.outcome.setVisible(True)

    def done(self, code: int) -> None:
        # A backup or a round trip still running must not outlive the dialog.
        self.runner.wait()
        self.writes.wait()
        super().done(code)


def section(layout: QVBoxLayout, parent: QWidget, title: str, stretch: int = 0) -> QVBoxLayout:
    """A titled group added to ``layout``; its own layout is returned to fill."""
    group = QGroupBox(title, parent)
    inner = QVBoxLayout(group)
    layout.addWidget(group, stretch)
    return inner


def note(layout: QLayout, parent: QWidget, text: str) -> QLabel:
    """A wrapped line of explanation added to ``layout``."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    layout.addWidget(label)
    return label
