"""One dossier: its data, documents, history, and the steps the official may take now."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.domain.workflow import (
    TRANSITIONS,
    Action,
    Role,
    State,
    action_label,
    allowed_actions,
    state_label,
)
from counter_app.i18n import render
from counter_app.printing import FormKind
from counter_app.services import dossiers
from counter_app.services.context import ServiceContext
from counter_app.services.dossiers import StepRequest
from counter_app.services.users import UserInfo
from counter_app.services.views import DossierInfo, StepLine
from counter_app.ui import notify
from counter_app.ui.formats import DELIVERIES, DOCUMENT_FORMS, fmt_datetime, fmt_money, label
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.printing import ChooseSink, StepPrint, choose_sink, failure_text
from counter_app.ui.step_dialog import StepDialog

log = logging.getLogger(__name__)

PrintForm = Callable[[str, str], None]
# The citizen gets these steps in writing (forms 02, 03, 04): each is taken
# only together with its printed form.
FORM_OF_STEP = {
    Action.REQUEST_SUPPLEMENT: FormKind.SUPPLEMENT,
    Action.REFUSE: FormKind.REFUSAL,
    Action.APOLOGISE: FormKind.APOLOGY,
}


class DossierDialog(QDialog):
    """Shows ``code`` for ``user``; ``dossier_changed(code)`` after every step taken.

    ``print_form(code, kind)`` prints the receipt; ``choose_sink`` asks where
    the form of a step in FORM_OF_STEP goes. Raises UserError from the
    constructor when the code does not exist.
    """

    dossier_changed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        user: UserInfo,
        code: str,
        parent: QWidget | None = None,
        *,
        print_form: PrintForm | None = None,
        choose_sink: ChooseSink = choose_sink,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        self._print_form = print_form
        self._choose_sink = choose_sink
        self.info: DossierInfo = dossiers.get_dossier(ctx, code)
        self.step_dialog: StepDialog | None = None
        self.step_print: StepPrint | None = None
        self.approver_dialog: LoginDialog | None = None
        self.action_buttons: dict[Action, QPushButton] = {}
        self._all_buttons: dict[Action, QPushButton] = {}
        self._build()
        self._fill()
        self.resize(1000, 720)

    @property
    def code(self) -> str:
        return self.info.code

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.title = QLabel(self)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_badge = QLabel(self)
        self.state_badge.setObjectName("stateBadge")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.state_badge)
        head.addStretch(1)
        root.addLayout(head)

        details = QGroupBox(self.tr("Dossier"), self)
        self.grid = QGridLayout(details)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self.values: dict[str, QLabel] = {}
        fields = [
            ("procedure", self.tr("Procedure:")),
            ("applicant", self.tr("Applicant:")),
            ("id_number", self.tr("Citizen ID (CCCD):")),
            ("phone", self.tr("Phone:")),
            ("address", self.tr("Address:")),
            ("email", self.tr("Email:")),
            ("received", self.tr("Received:")),
            ("appointment", self.tr("Appointment:")),
            ("fee", self.tr("Fee:")),
            ("quantity", self.tr("Sets / pages / copies:")),
            ("delivery", self.tr("Result delivered:")),
            ("ledger", self.tr("Ledger entry:")),
        ]
        wide = {"procedure", "applicant", "address"}
        row = col = 0
        for key, caption in fields:
            value = QLabel(details)
            value.setObjectName(f"value_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            caption_label = QLabel(caption, details)
            caption_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if key in wide:
                if col:
                    row, col = row + 1, 0
                self.grid.addWidget(caption_label, row, 0)
                self.grid.addWidget(value, row, 1, 1, 3)
                row += 1
                continue
            self.grid.addWidget(caption_label, row, col)
            self.grid.addWidget(value, row, col + 1)
            col += 2
            if col == 4:
                row, col = row + 1, 0
        root.addWidget(details)

        self.supplement_box = QGroupBox(self.tr("Supplement requested"), self)
        supplement_layout = QVBoxLayout(self.supplement_box)
        self.supplement_items = QLabel(self.supplement_box)
        self.supplement_items.setWordWrap(True)
        supplement_layout.addWidget(self.supplement_items)
        root.addWidget(self.supplement_box)

        lists = QHBoxLayout()
        docs_box = QGroupBox(self.tr("Documents handed in"), self)
        docs_layout = QVBoxLayout(docs_box)
        self.documents = _table(docs_box, [self.tr("Document"), self.tr("Form"), self.tr("Qty")])
        docs_layout.addWidget(self.documents)
        lists.addWidget(docs_box, 2)
        steps_box = QGroupBox(self.tr("History"), self)
        steps_layout = QVBoxLayout(steps_box)
        self.steps = _table(
            steps_box,
            [
                self.tr("Time"),
                self.tr("Step"),
                self.tr("Official"),
                self.tr("Counter"),
                self.tr("Note"),
            ],
        )
        self.steps.setObjectName("steps")
        steps_layout.addWidget(self.steps)
        lists.addWidget(steps_box, 3)
        root.addLayout(lists, 1)

        self.actions_box = QGroupBox(self.tr("Next step"), self)
        self.actions_layout = QHBoxLayout(self.actions_box)
        self._build_actions()
        root.addWidget(self.actions_box)

        bottom = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print receipt"), self)
        self.print_button.setObjectName("printReceipt")
        self.print_button.clicked.connect(self._print_receipt)
        self.print_button.setVisible(self._print_form is not None)
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        bottom.addWidget(self.close_button)
        root.addLayout(bottom)

    # ----- content ------------------------------------------------------------------------

    def _fill(self) -> None:
        info, row = self.info, self.info.row
        now = self._ctx.now()
        overdue = row.overdue(now)
        self.setWindowTitle(self.tr("Dossier {code}").format(code=info.code))
        self.title.setText(info.code)
        state = render(state_label(row.state))
        if overdue:
            state = self.tr("{state} — overdue").format(state=state)
        self.state_badge.setText(state)
        colour = "#b3261e" if overdue else ("#5f6b7a" if row.paused else "#1a5fb4")
        self.state_badge.setStyleSheet(
            f"background:{colour};color:white;border-radius:4px;padding:3px 10px;font-weight:bold;"
        )
        procedure = f"{row.procedure_code} – {row.procedure_name}"
        if row.on_the_spot:
            procedure += "  ★ " + self.tr("4 on the spot")
        applicant = row.applicant_name
        if info.organisation:
            applicant += f" ({info.organisation})"
        appointment = fmt_datetime(row.appointment_at)
        if info.original_appointment_at != row.appointment_at:
            appointment += " " + self.tr("(first given: {date})").format(
                date=fmt_datetime(info.original_appointment_at)
            )
        if row.paused:
            appointment += " " + self.tr("(clock paused)")
        delivery = label(DELIVERIES, info.delivery)
        if info.delivery_address:
            delivery += f": {info.delivery_address}"
        values = {
            "procedure": procedure,
            "applicant": applicant,
            "id_number": row.applicant_id_number,
            "phone": row.applicant_phone,
            "address": info.applicant_address,
            "email": info.applicant_email,
            "received": self.tr("{time} by {user}").format(
                time=fmt_datetime(row.received_at), user=info.received_by
            ),
            "appointment": appointment,
            "fee": fmt_money(info.fee),
            "quantity": f"{info.sets} / {info.pages} / {info.copies}",
            "delivery": delivery,
            "ledger": self.tr("book {book}/{year}, no. {entry}").format(
                book=info.ledger_book, year=info.ledger_year, entry=info.ledger_entry
            ),
        }
        for key, text in values.items():
            self.values[key].setText(text or "—")
        self.values["appointment"].setStyleSheet(
            "color:#b3261e;font-weight:bold;" if overdue else ""
        )

        self.supplement_box.setVisible(bool(info.supplement_items))
        self.supplement_items.setText("\n".join(f"• {i}" for i in info.supplement_items))

        self.documents.setRowCount(len(info.documents))
        for r, doc in enumerate(info.documents):
            _set_row(
                self.documents, r, [doc.name, label(DOCUMENT_FORMS, doc.form), str(doc.quantity)]
            )
        self.steps.setRowCount(len(info.steps))
        for r, step in enumerate(info.steps):
            _set_row(
                self.steps,
                r,
                [
                    fmt_datetime(step.at),
                    _action_text(step.action),
                    f"{step.user_full_name} ({step.username})",
                    step.counter_name,
                    self._step_note(step),
                ],
            )
        self.steps.resizeRowsToContents()
        self._fill_actions(overdue)

    def _step_note(self, step: StepLine) -> str:
        parts = [step.note] if step.note else []
        data = step.data
        if step.action == Action.TRANSFER.value and data.get("department"):
            parts.append(self.tr("Department: {name}").format(name=data["department"]))
        if step.action == Action.REQUEST_SUPPLEMENT.value and data.get("items"):
            parts.append("; ".join(str(i) for i in data["items"]))
        if step.action == Action.APOLOGISE.value and data.get("appointment"):
            parts.append(
                self.tr("New appointment: {date}").format(
                    date=_iso_to_text(str(data["appointment"]))
                )
            )
        return "\n".join(parts)

    def available_actions(self, overdue: bool | None = None) -> list[Action]:
        """The steps this user may take now, in workflow order."""
        row = self.info.row
        if overdue is None:
            overdue = row.overdue(self._ctx.now())
        actions = allowed_actions(row.state, self._user.roles)
        if not overdue or self.info.apology_count:
            actions = [a for a in actions if a is not Action.APOLOGISE]
        return actions

    def _build_actions(self) -> None:
        # Built once and shown or hidden: deleting buttons whose slots close
        # over this dialog is what crashes PySide.
        button = QPushButton(self.tr("4 on the spot: appraise, approve and return now"), self)
        button.setObjectName("onTheSpot")
        button.setStyleSheet("background:#1b7f3b;color:white;font-weight:bold;padding:4px 10px;")
        button.clicked.connect(self.resolve_on_the_spot)
        self.actions_layout.addWidget(button)
        self.on_the_spot_button = button
        for action in TRANSITIONS:
            button = QPushButton(render(action_label(action)), self)
            button.setObjectName(f"action_{action.value}")
            button.setProperty("action", action.value)
            button.clicked.connect(self._action_clicked)
            self.actions_layout.addWidget(button)
            self._all_buttons[action] = button
        self.no_action = QLabel(self.tr("No step is open to you for this dossier now."), self)
        self.no_action.setStyleSheet("color:#5f6b7a;")
        self.actions_layout.addWidget(self.no_action)
        self.actions_layout.addStretch(1)

    def _fill_actions(self, overdue: bool) -> None:
        row = self.info.row
        on_the_spot = row.on_the_spot and row.state is State.RECEIVED
        self.on_the_spot_button.setVisible(on_the_spot)
        allowed = self.available_actions(overdue)
        self.action_buttons = {a: b for a, b in self._all_buttons.items() if a in allowed}
        for action, button in self._all_buttons.items():
            button.setVisible(action in allowed)
        self.no_action.setVisible(not allowed and not on_the_spot)

    def _action_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.start_step(Action(str(button.property("action"))))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # Keyboard first: focus the next step's button (it only opens its form),
        # never "4 tại chỗ", which acts at once.
        next(iter(self.action_buttons.values()), self.close_button).setFocus()

    def reload(self) -> None:
        self.info = dossiers.get_dossier(self._ctx, self.code)
        self._fill()

    # ----- steps ----------------------------------------------------------------------------

    def start_step(self, action: Action) -> StepDialog:
        dialog = StepDialog(
            action,
            self._take,
            self,
            code=self.code,
            # An apology's new appointment starts after now, even when overdue.
            appointment=max(self.info.row.appointment_at, self._ctx.now()),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.step_dialog = dialog
        dialog.open()
        return dialog

    def _take(self, request: StepRequest) -> bool:
        """Raises UserError (shown by the step form); on success the view is refreshed.

        A step with a form only opens its preview here (False: not taken yet).
        """
        kind = FORM_OF_STEP.get(request.action)
        if kind is not None:
            self._preview_step(request, kind)
            return False
        self.info = dossiers.take_step(self._ctx, self._user.username, self.code, request)
        log.info("Step %s on %s by %s", request.action, self.code, self._user.username)
        self._fill()
        self.dossier_changed.emit(self.code)
        return True

    def _preview_step(self, request: StepRequest, kind: FormKind) -> None:
        step_dialog = self.step_dialog
        assert step_dialog is not None
        flow = StepPrint(
            step_dialog,
            self._ctx,
            self._user.username,
            self.code,
            request,
            kind,
            choose_sink=self._choose_sink,
        )
        flow.taken.connect(self._step_printed)
        flow.refused.connect(self._step_refused)
        flow.cancelled.connect(self._step_cancelled)
        self.step_print = flow
        step_dialog.set_busy(True, self.tr("Preparing the form…"))
        flow.start()

    def _step_printed(self, _result: object) -> None:
        log.info("Step with form on %s by %s", self.code, self._user.username)
        self.reload()
        self.dossier_changed.emit(self.code)
        self.step_print = None
        if self.step_dialog is not None:
            self.step_dialog.set_busy(False)
            self.step_dialog.accept()

    def _step_refused(self, error: object) -> None:
        self.step_print = None
        if self.step_dialog is not None:
            self.step_dialog.refuse(failure_text(error))

    def _step_cancelled(self) -> None:
        self.step_print = None
        if self.step_dialog is not None:
            self.step_dialog.set_busy(False)

    def resolve_on_the_spot(self) -> None:
        if Role.APPROVER in self._user.roles:
            self._resolve(None)
            return
        dialog = LoginDialog(self._ctx, self, required_role=Role.APPROVER)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._approver_signed_in)
        self.approver_dialog = dialog
        dialog.open()

    def _approver_signed_in(self) -> None:
        dialog = self.approver_dialog
        if dialog is not None and dialog.user is not None:
            self._resolve(dialog.user.username)

    def _resolve(self, approver: str | None) -> None:
        try:
            self.info = dossiers.resolve_on_the_spot(
                self._ctx, self._user.username, self.code, approver=approver
            )
        except UserError as err:
            notify.show_user_error(self, self.tr("4 on the spot"), err)
            return
        log.info("Dossier %s resolved on the spot (approver %s)", self.code, approver)
        self._fill()
        self.dossier_changed.emit(self.code)

    def _print_receipt(self) -> None:
        if self._print_form is not None:
            self._print_form(self.code, "receipt")


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    if len(headers) == 3:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _set_row(table: QTableWidget, row: int, texts: list[str]) -> None:
    for column, text in enumerate(texts):
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        table.setItem(row, column, item)


def _action_text(value: str) -> str:
    try:
        return render(action_label(Action(value)))
    except ValueError:
        return value


def _iso_to_text(value: str) -> str:
    try:
        return fmt_datetime(datetime.fromisoformat(value))
    except ValueError:
        return value
