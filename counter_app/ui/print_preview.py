"""The print preview: a form seen before it is printed or saved as PDF."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
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
from counter_app.ui.print_output import ChooseSink, Output, choose_sink, load_pdf, render_to_printer
from counter_app.ui.widgets import fit_to_screen
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)


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
        self._buffer = load_pdf(self.document, pdf)
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
