"""Print preview of a dossier's forms: see it, print it, or save it as PDF.

The PDF is built by services.printing off the UI thread. Printing goes through
services.printing.print_form, which records the job (and marks a repeated
receipt as a reprint) only once the printer or the file took the pages.

A step whose paper must reach the citizen (supplement request, refusal,
apology) is previewed before anything is saved (:class:`StepPrint`); the step
is taken by services.printing.step_with_form, which commits it only once the
printer or the file took the form.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from counter_app.domain.workflow import action_label
from counter_app.i18n import render
from counter_app.paper import FormKind
from counter_app.services import print_jobs as print_service
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.dossiers import StepRequest
from counter_app.ui.notify import disconnect_all
from counter_app.ui.print_output import (
    ChooseSink,
    Output,
    choose_sink,
    failure_text,
    render_to_printer,
)
from counter_app.ui.print_preview import PreviewLoader, PrintPreviewDialog, open_preview
from counter_app.ui.workers import WorkerRunner

__all__ = [
    "ChooseSink",
    "FormPrint",
    "Output",
    "PrintPreviewDialog",
    "StepPrint",
    "choose_sink",
    "failure_text",
    "preview_form",
    "render_to_printer",
]

log = logging.getLogger(__name__)


# The saved PDF's name after the dossier's code: the form in the official's
# words, without accents so any disk and any mail client keeps it.
FILE_WORDS: dict[FormKind, str] = {
    FormKind.RECEIPT: "giay-tiep-nhan",
    FormKind.SUPPLEMENT: "yeu-cau-bo-sung",
    FormKind.REFUSAL: "tu-choi",
    FormKind.APOLOGY: "xin-loi-hen-lai",
    FormKind.STOP_NOTICE: "dung-giai-quyet",
    FormKind.CONTROL_SLIP: "phieu-kiem-soat",
    FormKind.LEDGER: "so-theo-doi",
}


@dataclass(frozen=True)
class FormPrint:
    """Form ``kind`` of dossier ``code``, as saved or, with ``step``, as that step will leave it.

    Every print is recorded as a print job; with a step, the step is taken
    only together with the paper.
    """

    ctx: ServiceContext
    actor: Actor
    code: str
    kind: FormKind
    step: StepRequest | None = None

    @property
    def title(self) -> str:
        return QCoreApplication.translate("PrintPreviewDialog", "Print preview — {code}").format(
            code=self.code
        )

    @property
    def file_name(self) -> str:
        return f"{self.code}-{FILE_WORDS[self.kind]}.pdf"

    @property
    def notice(self) -> str:
        if self.step is None:
            return ""
        return QCoreApplication.translate(
            "PrintPreviewDialog",
            "Not saved yet: the step “{step}” is recorded only once this form has been printed or saved as PDF.",
        ).format(step=render(action_label(self.step.action)))

    def build(self) -> bytes:
        if self.step is None:
            return print_service.form_pdf(self.ctx, self.code, self.kind)
        return print_service.preview_step_form(
            self.ctx, self.actor, self.code, self.step, self.kind
        )

    def send(self, sink: print_service.Sink) -> print_service.PrintResult:
        return self._send(sink, None)

    def send_signed(
        self, sink: print_service.Sink, sign: print_service.FormSigner
    ) -> print_service.PrintResult:
        """Signed with the official's token as it prints, and kept in the dossier."""
        return self._send(sink, sign)

    def _send(
        self, sink: print_service.Sink, sign: print_service.FormSigner | None
    ) -> print_service.PrintResult:
        if self.step is None:
            return print_service.print_form(
                self.ctx, self.actor, self.code, self.kind, sink, sign=sign
            )
        return print_service.step_with_form(
            self.ctx, self.actor, self.code, self.step, self.kind, sink, sign=sign
        )


def preview_form(
    parent: QWidget | None,
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    kind: str | FormKind,
    *,
    choose_sink: ChooseSink = choose_sink,
) -> PreviewLoader:
    """Open the print preview of form ``kind`` ("receipt", "supplement", …) of dossier ``code``."""
    return open_preview(
        parent, FormPrint(ctx, actor, code, FormKind(kind)), choose_sink=choose_sink
    )


class StepPrint(QObject):
    """Preview, then print and take a step whose form must reach the citizen.

    ``start()`` builds the form as it will be once ``step`` is taken, off the
    UI thread, saving nothing; a refused step ends here (``refused(error)``).
    Otherwise the preview opens over ``parent``: printing or saving from it
    takes the step (``taken(PrintResult)``); closing it takes none
    (``cancelled``). Either way the dossier changes only with the paper.
    """

    taken = Signal(object)
    refused = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        ctx: ServiceContext,
        actor: Actor,
        code: str,
        step: StepRequest,
        kind: FormKind,
        *,
        choose_sink: ChooseSink = choose_sink,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.code, self.step, self.kind = code, step, kind
        self.form = FormPrint(ctx, actor, code, kind, step)
        self._choose_sink = choose_sink
        self._runner = WorkerRunner(QThreadPool(self))
        self.preview: PrintPreviewDialog | None = None
        self.result: print_service.PrintResult | None = None
        self._connections: list[QMetaObject.Connection] = []

    @property
    def busy(self) -> bool:
        """Building the preview, or the preview is open."""
        return self._runner.busy or self.preview is not None

    def start(self) -> None:
        if self.busy:
            return
        self._runner.start(self.form.build, self._built, self._refused)

    def _built(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        dialog = PrintPreviewDialog(self.form, pdf, self._parent, choose_sink=self._choose_sink)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._connections = [
            dialog.printed.connect(self._taken),
            dialog.finished.connect(self._closed),
        ]
        self.preview = dialog
        dialog.open()

    def _taken(self, result: object) -> None:
        assert isinstance(result, print_service.PrintResult)
        self.result = result

    def _closed(self, _code: int) -> None:
        self.preview = None
        # The dialog deletes itself; keep no Python slot on it.
        disconnect_all(self._connections)
        if self.result is not None:
            log.info("Step %s on %s taken with its form", self.step.action, self.code)
            self.taken.emit(self.result)
        else:
            self.cancelled.emit()

    def _refused(self, error: object) -> None:
        self.refused.emit(error)

    def wait(self) -> None:
        self._runner.wait()
