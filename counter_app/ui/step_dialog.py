"""The small form each workflow step needs: a note or reason, the supplement
list, the department, the new appointment of an apology, or the return's
collector and rating."""

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
from counter_app.services.returns import current_evaluation
from counter_app.ui import notify
from counter_app.ui.result_copy import ResultCopyRow
from counter_app.ui.return_form import ReturnForm
from counter_app.ui.widgets import ok_cancel

# Steps whose note is the reason and may not be empty.
_REASON_REQUIRED = frozenset({Action.REFUSE, Action.WITHDRAW, Action.APOLOGISE})

# Takes the step: True when it is done (the form closes); False when it goes
# on elsewhere (a print preview), whose owner then calls accept(), or
# set_busy(False) to hand the form back. Raises UserError to refuse.
Take = Callable[[StepRequest], bool]


class StepDialog(QDialog):
    """Collects what ``action`` needs and hands a StepRequest to ``take``.

    ``take`` raises UserError to refuse (or calls :meth:`refuse` later): the
    message is shown and the form stays open so the official can correct it.
    """

    def __init__(
        self,
        action: Action,
        take: Take,
        parent: QWidget | None = None,
        *,
        code: str = "",
        appointment: datetime | None = None,
        holder_id: str = "",
    ) -> None:
        super().__init__(parent)
        self.action = action
        self._take = take
        self.busy = False
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
        self.return_form: ReturnForm | None = None
        self.result_copy: ResultCopyRow | None = None
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
        elif action is Action.RETURN_RESULT:
            self.return_form = ReturnForm(code, current_evaluation(), self)
            form.addRow(self.return_form)
            self.result_copy = ResultCopyRow(holder_id, self)
            form.addRow(self.tr("Electronic result:"), self.result_copy)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        if action in _REASON_REQUIRED:
            note_label = self.tr("Reason:")
        elif action is Action.REQUEST_SUPPLEMENT:
            # The note is form 02's "Lý do" (Decree 118/2025 Art. 17(1)(c)).
            note_label = self.tr("Reason (printed on form 02):")
            self.note.setPlaceholderText(
                self.tr("Why the dossier is incomplete; left off the form when empty")
            )
        else:
            note_label = self.tr("Note (optional):")
        form.addRow(note_label, self.note)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setVisible(False)
        layout.addWidget(self.status)
        buttons, self.ok, self.cancel = ok_cancel(self, title, self.submit)
        layout.addWidget(buttons)
        # Two questions of the evaluation a row, each read whole.
        self.setMinimumWidth(980 if self.return_form else 480)
        first = (
            self.items
            or self.department
            or self.new_appointment
            or (self.return_form.collector if self.return_form else None)
            or self.note
        )
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
            **({"returned": self.return_form.details()} if self.return_form else {}),
            result_copy=self.result_copy.result_copy() if self.result_copy else None,
        )

    def submit(self) -> None:
        if self.busy:
            return
        try:
            done = self._take(self.request())
        except UserError as err:
            self.refuse(render(err.message))
            return
        if done:
            self.accept()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """While the step goes on elsewhere the form can be neither sent again nor closed."""
        self.busy = busy
        self.ok.setEnabled(not busy)
        self.cancel.setEnabled(not busy)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def refuse(self, text: str) -> None:
        """Hand the form back with the reason it was not taken."""
        self.set_busy(False)
        notify.inform(self, self.windowTitle(), text)

    def reject(self) -> None:
        if not self.busy:
            super().reject()
