"""One dossier: its data, documents, history, and the steps the official may take now."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.extension import ExtensionStanding
from counter_app.domain.workflow import (
    TRANSITIONS,
    Action,
    State,
    action_label,
    can_resolve_on_the_spot,
    colleague_actions,
    offered_actions,
)
from counter_app.i18n import render
from counter_app.paper import FormKind
from counter_app.services import dossiers
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.views import DossierInfo
from counter_app.ui.dossier_papers import DossierPapers
from counter_app.ui.dossier_steps import DossierSteps
from counter_app.ui.dossier_view import DossierView
from counter_app.ui.form_print import ChooseSink, StepPrint, choose_sink
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.on_the_spot import OnTheSpot
from counter_app.ui.step_dialog import StepDialog
from counter_app.ui.widgets import fit_to_screen
from counter_app.ui.workers import WriteRunner

log = logging.getLogger(__name__)

PrintForm = Callable[[str, str], None]


class DossierDialog(QDialog):
    """Shows ``code`` for ``user``; ``dossier_changed(code)`` after every step taken.

    ``print_form(code, kind)`` prints the receipt; ``choose_sink`` asks where
    the form of a step in dossier_steps.FORM_OF_STEP goes. Raises UserError from the
    constructor when the code does not exist.
    """

    dossier_changed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        user: Actor,
        code: str,
        parent: QWidget | None = None,
        *,
        print_form: PrintForm | None = None,
        choose_sink: ChooseSink = choose_sink,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._user = user
        self._data_dir = data_dir
        self._print_form = print_form
        self._writes = WriteRunner(ctx.submit_write, self)
        self.info: DossierInfo = dossiers.get_dossier(ctx, code)
        self.action_buttons: dict[Action, QPushButton] = {}
        self._all_buttons: dict[Action, QPushButton] = {}
        self.colleague_buttons: dict[Action, QPushButton] = {}
        self._all_colleague_buttons: dict[Action, QPushButton] = {}
        self.stepping = DossierSteps(self, printing=print_form is not None, choose_sink=choose_sink)
        self._build()
        self._fill()
        fit_to_screen(self, 1000, 720)

    @property
    def code(self) -> str:
        return self.info.code

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.view = DossierView(self.tabs)
        self.tabs.addTab(self.view, self.tr("Dossier"))
        self.papers = DossierPapers(
            self._ctx, self._user, self._writes, self.tabs, data_dir=self._data_dir
        )
        self.papers.counted.connect(self._papers_counted)
        self.tabs.addTab(self.papers, self.tr("Electronic papers"))
        root.addWidget(self.tabs, 1)
        # The parts tests and callers reach through the dialog.
        self.state_badge = self.view.state_badge
        self.supplement_box = self.view.supplement_box
        self.notes_box = self.view.notes_box
        self.steps = self.view.steps
        self.documents = self.view.documents

        self.actions_box = QGroupBox(self.tr("Next step"), self)
        rows = QVBoxLayout(self.actions_box)
        # "4 tại chỗ" on a row of its own: beside the steps it no longer fits
        # a 1366 px screen at 125 %.
        self.on_the_spot_layout = QHBoxLayout()
        self.actions_layout = QHBoxLayout()
        rows.addLayout(self.on_the_spot_layout)
        rows.addLayout(self.actions_layout)
        self._build_actions()
        root.addWidget(self.actions_box)
        self.colleague_box = QGroupBox(
            self.tr("Steps another official confirms with their login"), self
        )
        colleague_layout = QHBoxLayout(self.colleague_box)
        for action in TRANSITIONS:
            button = QPushButton(render(action_label(action)) + "…", self)
            button.setObjectName(f"colleague_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.confirm_step(a))
            button.setAutoDefault(False)
            colleague_layout.addWidget(button)
            self._all_colleague_buttons[action] = button
        colleague_layout.addStretch(1)
        root.addWidget(self.colleague_box)

        bottom = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print receipt"), self)
        self.print_button.setObjectName("printReceipt")
        self.print_button.clicked.connect(lambda: self.print_form(FormKind.RECEIPT))
        self.print_button.setAutoDefault(False)
        self.print_button.setVisible(self._print_form is not None)
        bottom.addWidget(self.print_button)
        # Form 05, the slip that travels with the dossier between the desk and
        # the departments: printed again whenever it is needed.
        self.control_slip_button = QPushButton(self.tr("Print &control slip"), self)
        self.control_slip_button.setObjectName("printControlSlip")
        self.control_slip_button.clicked.connect(lambda: self.print_form(FormKind.CONTROL_SLIP))
        self.control_slip_button.setAutoDefault(False)
        self.control_slip_button.setVisible(self._print_form is not None)
        bottom.addWidget(self.control_slip_button)
        bottom.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self.close_button.setDefault(True)
        bottom.addWidget(self.close_button)
        root.addLayout(bottom)

    # ----- content ------------------------------------------------------------------------

    def _fill(self) -> None:
        info, row = self.info, self.info.row
        now = self._ctx.now()
        overdue = row.overdue(now)
        self.setWindowTitle(self.tr("Dossier {code}").format(code=info.code))
        self.view.fill(info, overdue)
        self.papers.show_dossier(info)
        self._fill_actions(overdue)

    def _papers_counted(self, missing: int) -> None:
        # The checklist papers still without an electronic copy (Art. 17(1)(c)).
        text = self.tr("Electronic papers")
        if missing:
            text = self.tr("Electronic papers ({n} not yet digitised)").format(n=missing)
        self.tabs.setTabText(self.tabs.indexOf(self.papers), text)

    def available_actions(self, overdue: bool | None = None) -> list[Action]:
        """The steps this user may take now, in workflow order."""
        row = self.info.row
        if overdue is None:
            overdue = row.overdue(self._ctx.now())
        return offered_actions(
            row.state,
            self._user.roles,
            extension_open=self._extension_open(overdue),
            supplement_requested=self._supplement_requested(),
            closing_open=self._closing_open(),
        )

    def _extension_open(self, overdue: bool) -> bool:
        return ExtensionStanding(self.info.rules, overdue, self.info.apology_count).open

    def _closing_open(self) -> bool:
        first = self.info.closable_from
        return first is not None and first <= self._ctx.now().date()

    def _supplement_requested(self) -> bool:
        return any(s.action == Action.REQUEST_SUPPLEMENT.value for s in self.info.steps)

    def _build_actions(self) -> None:
        # Built once and shown or hidden: deleting buttons whose slots close
        # over this dialog is what crashes PySide.
        self.on_the_spot = OnTheSpot(self)
        for button in self.on_the_spot.buttons:
            self.on_the_spot_layout.addWidget(button)
        self.on_the_spot_layout.addStretch(1)
        self.on_the_spot_button = self.on_the_spot.approve_button
        for action in TRANSITIONS:
            button = QPushButton(render(action_label(action)), self)
            button.setObjectName(f"action_{action.value}")
            button.setProperty("action", action.value)
            button.clicked.connect(self._action_clicked)
            # Enter never takes a step (refuse, withdraw…) by accident: Close is the default.
            button.setAutoDefault(False)
            self.actions_layout.addWidget(button)
            self._all_buttons[action] = button
        self.no_action = QLabel(self.tr("No step is open to you for this dossier now."), self)
        self.no_action.setStyleSheet("color:#5f6b7a;")
        self.actions_layout.addWidget(self.no_action)
        self.actions_layout.addStretch(1)

    def _fill_actions(self, overdue: bool) -> None:
        row = self.info.row
        on_the_spot = (
            row.on_the_spot
            and row.state is State.RECEIVED
            and can_resolve_on_the_spot(self._user.roles)
        )
        self.on_the_spot.show(on_the_spot)
        allowed = self.available_actions(overdue)
        self.action_buttons = {a: b for a, b in self._all_buttons.items() if a in allowed}
        for action, button in self._all_buttons.items():
            button.setVisible(action in allowed)
        self.no_action.setVisible(not allowed and not on_the_spot)
        colleague = colleague_actions(
            row.state,
            self._user.roles,
            extension_open=self._extension_open(overdue),
            supplement_requested=self._supplement_requested(),
            closing_open=self._closing_open(),
        )
        self.colleague_buttons = {
            a: b for a, b in self._all_colleague_buttons.items() if a in colleague
        }
        for action, button in self._all_colleague_buttons.items():
            button.setVisible(action in colleague)
        self.colleague_box.setVisible(bool(colleague))

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

    # ----- steps (ui/dossier_steps.py) ----------------------------------------------------

    def confirm_step(self, action: Action) -> LoginDialog:
        return self.stepping.confirm_step(action)

    def start_step(self, action: Action, *, acting: Actor | None = None) -> StepDialog:
        return self.stepping.start_step(action, acting=acting)

    # The step being taken, as tests and the window follow it.
    @property
    def step_dialog(self) -> StepDialog | None:
        return self.stepping.step_dialog

    @property
    def step_print(self) -> StepPrint | None:
        return self.stepping.step_print

    @property
    def colleague_login(self) -> LoginDialog | None:
        return self.stepping.colleague_login

    @property
    def appointment_notice(self) -> QMessageBox | None:
        return self.stepping.appointment_notice

    # What the "4 tại chỗ" part (ui/on_the_spot.py) works with.
    @property
    def ctx(self) -> ServiceContext:
        return self._ctx

    @property
    def user(self) -> Actor:
        return self._user

    @property
    def writes(self) -> WriteRunner:
        return self._writes

    @property
    def approver_dialog(self) -> LoginDialog | None:
        return self.on_the_spot.approver_dialog

    def show_info(self, info: DossierInfo) -> None:
        """The dossier as a write left it: shown, and told to the window."""
        self.info = info
        self._fill()
        self.dossier_changed.emit(self.code)

    def print_form(self, kind: FormKind) -> None:
        if self._print_form is not None:
            self._print_form(self.code, kind.value)

    def done(self, result: int) -> None:  # noqa: D102 - a closing dialog waits for its write
        self._writes.wait()
        self.papers.wait()
        super().done(result)
