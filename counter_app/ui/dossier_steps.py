"""Taking a step on the dossier window: the step's form (ui/step_dialog.py),
a colleague's login for a step the official may not take, the preview and
print of the written steps (forms 02, 03, 04: taken only with their form), and
the new appointment a supplement sets, told to the official."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from counter_app.domain.workflow import TRANSITIONS, Action, action_label
from counter_app.i18n import render
from counter_app.paper import FormKind
from counter_app.services import dossiers, print_jobs
from counter_app.services.auth import Actor
from counter_app.services.dossiers import StepRequest
from counter_app.services.views import DossierInfo
from counter_app.ui import notify
from counter_app.ui.form_print import ChooseSink, StepPrint, failure_text
from counter_app.ui.formats import fmt_datetime
from counter_app.ui.login_dialog import LoginDialog, role_names
from counter_app.ui.step_dialog import StepDialog
from counter_app.ui.workers import refusal

if TYPE_CHECKING:
    from counter_app.ui.dossier_dialog import DossierDialog

log = logging.getLogger(__name__)

# The citizen gets these steps in writing (forms 02, 03, 04): each is taken
# only together with its printed form.
FORM_OF_STEP = {
    Action.REQUEST_SUPPLEMENT: FormKind.SUPPLEMENT,
    Action.REFUSE: FormKind.REFUSAL,
    Action.APOLOGISE: FormKind.APOLOGY,
}


class DossierSteps(QObject):
    def __init__(self, dialog: DossierDialog, *, printing: bool, choose_sink: ChooseSink) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._printing = printing
        self._choose_sink = choose_sink
        self.step_dialog: StepDialog | None = None
        self.step_print: StepPrint | None = None
        self.colleague_login: LoginDialog | None = None
        self.appointment_notice: QMessageBox | None = None
        # Who takes the step being filled in: the official, or the colleague
        # who confirmed it with their login.
        self._step_actor = dialog.user

    def confirm_step(self, action: Action) -> LoginDialog:
        """A step the official may not take: the colleague who may logs in
        here, and the step's form then acts in their name."""
        roles = TRANSITIONS[action].roles
        dialog = LoginDialog(
            self._dialog.ctx,
            self._dialog,
            required_roles=roles,
            title=self.tr("Confirmation by another official"),
            intro=self.tr(
                "“{step}” is taken by an official who holds the role “{role}”. "
                "That official logs in here; the step is recorded in their name."
            ).format(step=render(action_label(action)), role=role_names(roles)),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._colleague_signed_in(action))
        self.colleague_login = dialog
        dialog.open()
        return dialog

    def _colleague_signed_in(self, action: Action) -> None:
        dialog = self.colleague_login
        if dialog is not None and dialog.user is not None:
            self.start_step(action, acting=dialog.user)

    def start_step(self, action: Action, *, acting: Actor | None = None) -> StepDialog:
        self._step_actor = acting or self._dialog.user
        dialog = StepDialog(
            action,
            self._take,
            self._dialog,
            code=self._dialog.code,
            # An apology's new appointment starts after now, even when overdue.
            appointment=max(self._dialog.info.row.appointment_at, self._dialog.ctx.now()),
            holder_id=self._dialog.info.row.applicant_id_number,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.step_dialog = dialog
        dialog.open()
        return dialog

    def _take(self, request: StepRequest) -> bool:
        """Queues the step on the one writer (False: the form stays busy until it
        answers); a refusal is handed back to the step form, a step taken
        refreshes the view. A step with a form first opens its preview.
        """
        kind = FORM_OF_STEP.get(request.action)
        if kind is not None:
            self._preview_step(request, kind)
            return False
        step_dialog = self.step_dialog
        assert step_dialog is not None
        step_dialog.set_busy(True)
        ctx, actor, code = self._dialog.ctx, self._step_actor, self._dialog.code
        before = self._dialog.info.row.appointment_at
        self._dialog.writes.start(
            lambda: dossiers.take_step(ctx, actor, code, request),
            lambda info: self._step_taken(info, request, actor, before),
            self._step_refused,
        )
        return False

    def _step_taken(
        self, info: object, request: StepRequest, actor: Actor, before: datetime
    ) -> None:
        assert isinstance(info, DossierInfo)
        log.info("Step %s on %s by %s", request.action, self._dialog.code, actor.username)
        self._dialog.show_info(info)
        if self.step_dialog is not None:
            self.step_dialog.set_busy(False)
            self.step_dialog.accept()
        if request.action is Action.SUPPLEMENT and info.row.appointment_at != before:
            self._announce_appointment(before)

    def _announce_appointment(self, before: datetime) -> None:
        """An appointment the citizen holds on paper never changes silently
        (the supplement counts the time limit again: Decree 118/2025 Art.
        19(5)): the official sees the new date and prints the new receipt."""
        new, basis = (
            fmt_datetime(self._dialog.info.row.appointment_at),
            self._dialog.info.rules.supplement_clock.basis,
        )
        if print_jobs.printed(self._dialog.ctx, self._dialog.code, FormKind.RECEIPT):
            text = self.tr(
                "The appointment is now {new} (it was {old}): the complete dossier sets the "
                "time limit again ({basis}). Print the new receipt for the citizen?"
            ).format(new=new, old=fmt_datetime(before), basis=basis)
        else:
            # Received incomplete, the citizen holds form 02 and no date yet.
            text = self.tr(
                "The dossier is complete: its time limit runs from now ({basis}) and the "
                "appointment is {new}. Print the receipt for the citizen?"
            ).format(new=new, basis=basis)
        title = self.tr("New appointment")
        if not self._printing:
            self.appointment_notice = notify.inform(self._dialog, title, text, warning=False)
        else:
            self.appointment_notice = notify.ask(
                self._dialog, title, text, lambda: self._dialog.print_form(FormKind.RECEIPT)
            )

    def _preview_step(self, request: StepRequest, kind: FormKind) -> None:
        step_dialog = self.step_dialog
        assert step_dialog is not None
        flow = StepPrint(
            step_dialog,
            self._dialog.ctx,
            self._step_actor,
            self._dialog.code,
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
        log.info("Step with form on %s by %s", self._dialog.code, self._step_actor.username)
        self._dialog.reload()
        self._dialog.dossier_changed.emit(self._dialog.code)
        self.step_print = None
        if self.step_dialog is not None:
            self.step_dialog.set_busy(False)
            self.step_dialog.accept()

    def _step_refused(self, error: object) -> None:
        self.step_print = None
        if self.step_dialog is not None:
            self.step_dialog.set_busy(False)
            self.step_dialog.refuse(failure_text(refusal(error)))

    def _step_cancelled(self) -> None:
        self.step_print = None
        if self.step_dialog is not None:
            self.step_dialog.set_busy(False)
