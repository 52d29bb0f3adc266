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
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMetaObject,
    QObject,
    QRect,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.domain.workflow import action_label
from counter_app.i18n import render
from counter_app.printing import FormKind
from counter_app.services import printing as print_service
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.dossiers import StepRequest
from counter_app.ui import notify
from counter_app.ui.notify import disconnect_all
from counter_app.ui.widgets import fit_to_screen
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)


def _load(document: QPdfDocument, pdf: bytes) -> QBuffer:
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def render_to_printer(pdf: bytes, printer: QPrinter) -> str:
    """Send ``pdf`` to ``printer``; the printer's name (or file) is the target.

    "Print to file" from the print dialog gets the form's own vector PDF:
    painting its pages as pictures at the printer's 1200 dpi made an 11 MB
    file of a two-page receipt. A real printer gets each page rendered at
    its own resolution.
    """
    target_file = printer.outputFileName()
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and target_file:
        return print_service.file_sink(Path(target_file))(pdf)
    document = QPdfDocument()
    _load(document, pdf)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise RuntimeError("the form could not be read back for printing")
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer did not start")
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, size)
            target = painter.viewport()
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
    return printer.outputFileName() or printer.printerName() or "printer"


class Output(Enum):
    """Which button the official pressed: where the form should go."""

    PRINTER = "printer"
    PDF_FILE = "pdf"


# Asks the official for a printer or a file (``file_name`` is the suggested
# name) and returns the sink that sends the PDF there, or None if cancelled.
# Injected so tests choose without native dialogs.
ChooseSink = Callable[[QWidget, Output, str], print_service.Sink | None]


def choose_sink(
    parent: QWidget, output: Output, file_name: str, *, printer_name: str = ""
) -> print_service.Sink | None:
    """The native print or save dialog; the desk's configured printer comes preselected."""
    if output is Output.PRINTER:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if printer_name:
            printer.setPrinterName(printer_name)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return lambda pdf: render_to_printer(pdf, printer)
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("PrintPreviewDialog", "Save as PDF"),
        file_name,
        "PDF (*.pdf)",
    )
    if not name:
        return None
    path = Path(name)
    return print_service.file_sink(path)


class PrintPreviewDialog(QDialog):
    """Shows ``pdf`` (a form of ``code``) with Print and Save buttons.

    With a ``step``, the PDF is the form as it will be once the step is taken
    and nothing is saved yet: Print or Save takes the step together with the
    paper (``step_taken(PrintResult)``, then the dialog accepts); a failed
    print leaves the dossier as it was and the dialog open; Cancel takes no
    step. Without one, it prints the form of the dossier as saved.
    """

    printed = Signal(object)
    step_taken = Signal(object)

    def __init__(
        self,
        ctx: ServiceContext,
        actor: Actor,
        code: str,
        kind: FormKind,
        pdf: bytes,
        parent: QWidget | None = None,
        *,
        step: StepRequest | None = None,
        choose_sink: ChooseSink = choose_sink,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._actor = actor
        self.code = code
        self.kind = kind
        self.step = step
        self._choose_sink = choose_sink
        self._runner = WorkerRunner(QThreadPool(self))
        self.printed_to: str | None = None
        self.setWindowTitle(self.tr("Print preview — {code}").format(code=code))
        layout = QVBoxLayout(self)
        self.pending = QLabel(self)
        self.pending.setObjectName("pendingStep")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(
            "background:#fff4ce;color:#5c4400;border:1px solid #e0c060;padding:6px;"
        )
        if step is not None:
            self.pending.setText(
                self.tr(
                    "Not saved yet: the step “{step}” is recorded only once this form has been printed or saved as PDF."
                ).format(step=render(action_label(step.action)))
            )
        self.pending.setVisible(step is not None)
        layout.addWidget(self.pending)
        self.document = QPdfDocument(self)
        self._buffer = _load(self.document, pdf)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.status = QLabel(self)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print… (Ctrl+P)"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.clicked.connect(self.choose_file)
        self.close_button = QPushButton(
            self.tr("Cancel") if step is not None else self.tr("Close"), self
        )
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.choose_printer)
        fit_to_screen(self, 760, 900)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def choose_printer(self) -> None:
        self._choose(Output.PRINTER)

    def choose_file(self) -> None:
        self._choose(Output.PDF_FILE)

    def _choose(self, output: Output) -> None:
        if self._runner.busy:
            return
        sink = self._choose_sink(self, output, f"{self.code}-{self.kind.value}.pdf")
        if sink is not None:
            self._start(sink)

    def print_to(self, printer: QPrinter) -> None:
        self._start(lambda pdf: render_to_printer(pdf, printer))

    def save_to(self, path: Path) -> None:
        self._start(print_service.file_sink(path))

    def _start(self, sink: print_service.Sink) -> None:
        if self._runner.busy:
            return
        ctx, actor, code, kind, step = self._ctx, self._actor, self.code, self.kind, self.step
        self._set_busy(True)
        self.status.setText(self.tr("Printing…"))
        if step is None:
            self._runner.start(
                lambda: print_service.print_form(ctx, actor, code, kind, sink),
                self._printed,
                self._failed,
            )
        else:
            self._runner.start(
                lambda: print_service.step_with_form(ctx, actor, code, step, kind, sink),
                self._printed,
                self._failed,
            )

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.save_button, self.close_button):
            button.setEnabled(not busy)

    def _printed(self, result: object) -> None:
        assert isinstance(result, print_service.PrintResult)
        self.printed_to = result.target
        self._set_busy(False)
        self.status.setText(self.tr("Sent to {target}.").format(target=result.target))
        log.info("Printed %s of %s to %s", self.kind.value, self.code, result.target)
        self.printed.emit(result)
        if self.step is not None:
            self.step = None  # taken: pressing Print again must not take it twice
            self.step_taken.emit(result)
            self.accept()

    def _failed(self, error: object) -> None:
        self._set_busy(False)
        self.status.setText("")
        if isinstance(error, UserError):
            notify.show_user_error(self, self.tr("Printing"), error)
        else:
            notify.inform(self, self.tr("Printing"), self.tr("Printing failed; see the log file."))

    def reject(self) -> None:
        # Closing while the step is being printed would hide whether it was taken.
        if not self._runner.busy:
            super().reject()

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)


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


def failure_text(error: object) -> str:
    """What the official reads when a form could not be prepared or printed."""
    if isinstance(error, UserError):
        return render(error.message)
    return QCoreApplication.translate(
        "PrintPreviewDialog", "The form could not be prepared; see the log file."
    )
