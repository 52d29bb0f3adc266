"""Receiving a dossier at the counter: procedure, applicant, checklist, fee, delivery.

Nothing is stored until every field is right; then one call to
services.dossiers.receive commits the dossier, and ``dossier_received(code)``
tells the main window to print the receipt. An incomplete dossier is received
first (that commit stands, ``received_incomplete(code)``) but gets no receipt:
the one-time supplement request listing exactly the documents not handed in,
with its reason, is previewed and recorded only once form 02 has been printed
or saved (``supplement_requested(code)``); the receipt and its appointment
come when the dossier is complete (Decree 118/2025 Art. 17(1)(c), 17(3)).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from counter_app.domain.messages import ValidationFailed
from counter_app.domain.procedure import Delivery, ProcedureSpec
from counter_app.domain.validation import ApplicantInput, validate_applicant
from counter_app.domain.workflow import Action
from counter_app.i18n import render
from counter_app.paper import FormKind
from counter_app.services import dossiers
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.dossiers import ReceiveRequest, StepRequest
from counter_app.services.views import DossierInfo
from counter_app.ui import notify
from counter_app.ui.document_checklist import DOC_ROLE
from counter_app.ui.form_print import ChooseSink, StepPrint, choose_sink, failure_text
from counter_app.ui.receive_form import ReceiveForm
from counter_app.ui.widgets import fit_to_screen
from counter_app.ui.workers import WriteRunner, refusal

__all__ = ["DOC_ROLE", "ReceiveDialog"]

log = logging.getLogger(__name__)


class ReceiveDialog(ReceiveForm):
    dossier_received = Signal(str)
    received_incomplete = Signal(str)
    supplement_requested = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        user: Actor,
        parent: QWidget | None = None,
        *,
        choose_sink: ChooseSink = choose_sink,
        data_dir: Path | None = None,
    ) -> None:
        self._user = user
        self._choose_sink = choose_sink
        self.received: DossierInfo | None = None
        # The documents to supplement once the dossier is received without them.
        self.supplement: list[str] = []
        self.supplement_print: StepPrint | None = None
        self._busy = False
        super().__init__(ctx, parent, data_dir)
        self._writes = WriteRunner(ctx.submit_write, self)
        self.setWindowTitle(self.tr("Receive a dossier"))
        fit_to_screen(self, 1080, 760)
        self.procedure.setFocus()

    # ----- submitting ------------------------------------------------------------------

    def applicant(self) -> ApplicantInput:
        return self.applicant_box.applicant()

    def request(self, spec: ProcedureSpec) -> ReceiveRequest:
        delivery = self.delivery.currentData() or Delivery.COUNTER.value
        return ReceiveRequest(
            procedure_code=spec.code,
            applicant=self.applicant(),
            documents=self.handed_in(),
            sets=self.sets.value(),
            pages=self.pages.value() if self._per_page else 1,
            copies=self.copies.value() if self._per_copy else 1,
            delivery=Delivery(delivery),
            delivery_address=self.delivery_address.text()
            if delivery == Delivery.POST.value
            else "",
            note=self.note.toPlainText(),
            signatures=self.fee_entry.signature_count(),
            fee_amount=self.fee_entry.entered(),
            reuse=self.reuse_panel.reuses(),
        )

    def submit(self) -> None:
        """Check, ask about duplicates and missing documents, then receive."""
        if self._busy:
            return
        if self.received is not None:
            # Received already: the button now only asks for the supplement form again.
            self.request_supplement()
            return
        self.errors.clear()
        self.general_error.setVisible(False)
        spec = self.procedure.current_spec()
        problems: list[tuple[str, str]] = []
        if spec is None:
            problems.append(("procedure", self.tr("Choose the procedure from the list.")))
        applicant: ApplicantInput | None = None
        try:
            applicant = validate_applicant(self.applicant())
        except ValidationFailed as failed:
            problems += [(f, render(m)) for f, m in failed.errors]
        if problems or spec is None or applicant is None:
            self._show_errors(problems)
            return
        request = self.request(spec)
        duplicates = dossiers.pending_duplicates(self._ctx, applicant, spec.code)
        if duplicates:
            notify.ask(
                self,
                self.tr("Pending dossier"),
                self.tr(
                    "This citizen already has a pending dossier for the same procedure: {codes}."
                ).format(codes=", ".join(duplicates))
                + "\n\n"
                + self.tr("Receive a new dossier anyway?"),
                lambda: self._confirm_missing(request),
            )
            return
        self._confirm_missing(request)

    def _confirm_missing(self, request: ReceiveRequest) -> None:
        missing = self.missing()
        if not missing:
            self._receive(request, [])
            return
        items = [d.name for d in missing]
        notify.ask(
            self,
            self.tr("Incomplete dossier"),
            "\n\n".join(
                [
                    self.tr("These required documents were not handed in:"),
                    "\n".join(f"• {i}" for i in items),
                    self.tr(
                        "Receive the dossier and give the citizen a one-time request to supplement exactly these?"
                    ),
                ]
            ),
            lambda: self._receive(request, items),
        )

    def _receive(self, request: ReceiveRequest, supplement: list[str]) -> None:
        """Queued on the one writer; the form is busy (no second reception) until it answers."""
        if self._busy:
            return
        ctx, user = self._ctx, self._user
        self._set_busy(True)
        self._writes.start(
            lambda: dossiers.receive(ctx, user, request),
            lambda info: self._received(info, supplement),
            self._receive_failed,
        )

    def _receive_failed(self, error: object) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            self._show_errors([(f, render(m)) for f, m in error.errors])
            return
        err = refusal(error)
        self._show_errors([(err.field or "", render(err.message))])

    def _received(self, info: object, supplement: list[str]) -> None:
        assert isinstance(info, DossierInfo)
        self._set_busy(False)
        self.received = info
        log.info("Received %s through the dialog", info.code)
        if not supplement:
            self.dossier_received.emit(info.code)
            self.accept()
            return
        self.supplement = supplement
        self.received_incomplete.emit(info.code)
        for widget in self.inputs:
            widget.setEnabled(False)
        self.ok_button.setText(self.tr("Print supplement request…"))
        self.cancel_button.setText(self.tr("Close"))
        self.request_supplement()

    def request_supplement(self) -> None:
        """Preview form 02 for the received dossier; it is recorded once printed or saved."""
        info = self.received
        if info is None or not self.supplement or self._busy:
            return
        flow = StepPrint(
            self,
            self._ctx,
            self._user,
            info.code,
            StepRequest(
                Action.REQUEST_SUPPLEMENT,
                note=self.supplement_reason.text(),
                items=self.supplement,
            ),
            FormKind.SUPPLEMENT,
            choose_sink=self._choose_sink,
        )
        flow.taken.connect(self._supplement_printed)
        flow.refused.connect(self._supplement_refused)
        flow.cancelled.connect(self._supplement_cancelled)
        self.supplement_print = flow
        self._set_busy(True)
        self.general_error.setVisible(False)
        self.received_label.setText(
            self.tr(
                "Dossier {code} is received. Print or save the supplement request (form 02) for the citizen: the request is recorded only then."
            ).format(code=info.code)
        )
        self.received_label.setVisible(True)
        flow.start()

    def _set_busy(self, busy: bool) -> None:
        focused = self.focusWidget()
        if busy and focused in (self.ok_button, self.cancel_button):
            # Else disabling it hands the focus to the next field, whose
            # "edited" signal would wipe the message the refusal puts there.
            focused.clearFocus()
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _supplement_printed(self, _result: object) -> None:
        assert self.received is not None
        code = self.received.code
        self.supplement_print = None
        self._set_busy(False)
        self.received = dossiers.get_dossier(self._ctx, code)
        log.info("Supplement requested for %s with form 02", code)
        self.supplement_requested.emit(code)
        self.accept()

    def _not_requested(self) -> None:
        self.supplement_print = None
        self._set_busy(False)
        assert self.received is not None
        self.received_label.setText(
            self.tr(
                "Dossier {code} is received, but the supplement request is not recorded yet: print it, or close and request it later from the dossier window."
            ).format(code=self.received.code)
        )

    def _supplement_cancelled(self) -> None:
        self._not_requested()

    def _supplement_refused(self, error: object) -> None:
        self._not_requested()
        self.general_error.setText(failure_text(error))
        self.general_error.setVisible(True)

    def reject(self) -> None:
        """Escape or Cancel: a form with something typed in asks before it is thrown away."""
        if self._busy:
            return
        if self.received is not None or not self.has_typing():
            super().reject()
            return
        notify.ask(
            self,
            self.tr("Close the reception form"),
            self.tr("What was typed for this citizen will be lost. Close the form anyway?"),
            super().reject,
        )

    def has_typing(self) -> bool:
        """Whether anything the official typed or ticked would be lost by closing."""
        texts = [w.text() for w in self._text_inputs()] + [self.note.toPlainText()]
        return bool(self.handed_in()) or any(t.strip() for t in texts)

    def _text_inputs(self) -> list[QLineEdit]:
        return [*self.applicant_box.text_inputs(), self.delivery_address]
