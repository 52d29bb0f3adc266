"""The small form each workflow step needs: a note or reason, the supplement
list, the department, or the new appointment of an apology."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Action, action_label
from counter_app.i18n import render
from counter_app.services.dossiers import StepRequest
from counter_app.ui import notify
from counter_app.ui.widgets import ok_cancel

# Steps whose note is the reason and may not be empty.
_REASON_REQUIRED = frozenset({Action.REFUSE, Action.WITHDRAW, Action.APOLOGISE})


class StepDialog(QDialog):
    """Collects what ``action`` needs and hands a StepRequest to ``take``.

    ``take`` raises UserError to refuse: the message is shown and the form
    stays open so the official can correct it.
    """

    def __init__(
        self,
        action: Action,
        take: Callable[[StepRequest], None],
        parent: QWidget | None = None,
        *,
        code: str = "",
        appointment: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = action
        self._take = take
        title = render(action_label(action))
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("{step} — dossier {code}").format(step=title, code=code), self)
        heading.setStyleSheet("font-weight:bold;")
        layout.addWidget(heading)
        form = QFormLayout()
        layout.addLayout(form)

        self.items: QPlainTextEdit | None = None
        self.department: QLineEdit | None = None
        self.new_appointment: QDateTimeEdit | None = None
        if action is Action.REQUEST_SUPPLEMENT:
            self.items = QPlainTextEdit(self)
            self.items.setObjectName("items")
            self.items.setTabChangesFocus(True)
            self.items.setPlaceholderText(
                self.tr("One line for each document or detail to supplement")
            )
            hint = QLabel(
                self.tr("List everything at once: the request can be made only one time."), self
            )
            hint.setWordWrap(True)
            form.addRow(self.tr("To supplement:"), self.items)
            form.addRow("", hint)
        elif action is Action.TRANSFER:
            self.department = QLineEdit(self)
            self.department.setObjectName("department")
            form.addRow(self.tr("Department:"), self.department)
        elif action is Action.APOLOGISE:
            self.new_appointment = QDateTimeEdit(self)
            self.new_appointment.setObjectName("new_appointment")
            self.new_appointment.setDisplayFormat("dd/MM/yyyy HH:mm")
            self.new_appointment.setCalendarPopup(True)
            start = (appointment or datetime.now()) + timedelta(days=1)
            self.new_appointment.setDateTime(QDateTime(start.replace(second=0, microsecond=0)))
            form.addRow(self.tr("New appointment:"), self.new_appointment)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        note_label = (
            self.tr("Reason:") if action in _REASON_REQUIRED else self.tr("Note (optional):")
        )
        form.addRow(note_label, self.note)

        buttons, self.ok, _cancel = ok_cancel(self, title, self.submit)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        first = self.items or self.department or self.new_appointment or self.note
        first.setFocus()

    def request(self) -> StepRequest:
        items: tuple[str, ...] = ()
        if self.items is not None:
            items = tuple(
                line.strip() for line in self.items.toPlainText().splitlines() if line.strip()
            )
        appointment = None
        if self.new_appointment is not None:
            appointment = self.new_appointment.dateTime().toPython()
            assert isinstance(appointment, datetime)
        return StepRequest(
            self.action,
            note=self.note.toPlainText().strip(),
            items=items,
            new_appointment=appointment,
            department=self.department.text() if self.department is not None else "",
        )

    def submit(self) -> None:
        try:
            self._take(self.request())
        except UserError as err:
            notify.show_user_error(self, self.windowTitle(), err)
            return
        self.accept()
