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

from PySide6.QtCore import (
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import (
    QWidget,
)

from counter_app.printing import FormKind
from counter_app.services import printing as print_service
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.dossiers import StepRequest
from counter_app.ui import notify
from counter_app.ui.notify import disconnect_all
from counter_app.ui.print_output import (
    ChooseSink,
    Output,
    choose_sink,
    failure_text,
    render_to_printer,
)
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.workers import WorkerRunner

__all__ = [
    "ChooseSink",
    "Output",
    "PrintPreviewDialog",
    "StepPrint",
    "choose_sink",
    "failure_text",
    "preview_form",
    "render_to_printer",
]

log = logging.getLogger(__name__)


class _PreviewLoader(QObject):
    """Builds the PDF off the UI thread, then opens the preview over ``parent``."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: ServiceContext,
        actor: Actor,
        code: str,
        kind: FormKind,
        choose_sink: ChooseSink,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._ctx, self._actor, self._code, self._kind = ctx, actor, code, kind
        self._choose_sink = choose_sink
        self.dialog: PrintPreviewDialog | None = None
        self._runner = WorkerRunner(QThreadPool(self))
        self._runner.start(
            lambda: print_service.form_pdf(ctx, code, kind), self._built, self._failed
        )

    def _built(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        dialog = PrintPreviewDialog(
            self._ctx,
            self._actor,
            self._code,
            self._kind,
            pdf,
            self._parent,
            choose_sink=self._choose_sink,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _failed(self, error: object) -> None:
        title = QCoreApplication.translate("PrintPreviewDialog", "Printing")
        notify.inform(self._parent, title, failure_text(error))


_loaders: list[_PreviewLoader] = []


def preview_form(
    parent: QWidget | None,
    ctx: ServiceContext,
    actor: Actor,
    code: str,
    kind: str | FormKind,
    *,
    choose_sink: ChooseSink = choose_sink,
) -> _PreviewLoader:
    """Open the print preview of form ``kind`` ("receipt", "supplement", …) of dossier ``code``."""
    loader = _PreviewLoader(parent, ctx, actor, code, FormKind(kind), choose_sink)
    if parent is None:
        _loaders.append(loader)  # nothing else would keep it alive
    return loader


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
        self._ctx, self._actor, self.code = ctx, actor, code
        self.step, self.kind = step, kind
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
        ctx, actor, code, step, kind = self._ctx, self._actor, self.code, self.step, self.kind
        self._runner.start(
            lambda: print_service.preview_step_form(ctx, actor, code, step, kind),
            self._built,
            self._refused,
        )

    def _built(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        dialog = PrintPreviewDialog(
            self._ctx,
            self._actor,
            self.code,
            self.kind,
            pdf,
            self._parent,
            step=self.step,
            choose_sink=self._choose_sink,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._connections = [
            dialog.step_taken.connect(self._taken),
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
