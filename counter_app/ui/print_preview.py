"""The print preview: a paper seen before it is printed or saved as PDF.

What it shows, and how printing it is done and recorded, comes from a
:class:`Printable`: a dossier's form (ui/printing.FormPrint) or the ledger of
a period (ui/ledger_print.LedgerPrint). The dialog only shows the PDF, asks
where it goes and runs the printing off the UI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.print_jobs import FormSigner, token_signer
from counter_app.services.print_jobs.jobs import Sink, file_sink
from counter_app.services.signatures import SigningSession
from counter_app.ui import notify
from counter_app.ui.print_output import (
    ChooseSink,
    Output,
    choose_sink,
    failure_text,
    load_pdf,
    render_to_printer,
)
from counter_app.ui.widgets import fit_to_screen
from counter_app.ui.window_signing import WindowSigning
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)


class Sent(Protocol):
    """What a printing reports back: where the paper went."""

    @property
    def target(self) -> str: ...


class Printable(Protocol):
    """A paper the preview can show and print.

    ``build`` and ``send`` run off the UI thread. ``send`` prints (or saves)
    the paper and records whatever its kind of paper must leave behind.
    ``notice`` says what is not saved until the paper is printed; such a
    paper prints once and the preview then closes.
    """

    @property
    def title(self) -> str: ...

    @property
    def file_name(self) -> str: ...

    @property
    def notice(self) -> str: ...

    def build(self) -> bytes: ...

    def send(self, sink: Sink) -> Sent: ...


@runtime_checkable
class SignablePrint(Printable, Protocol):
    """A paper the official may sign with their token as it prints (issue 21):
    ``send_signed`` runs on the window's token worker, with its signer."""

    @property
    def ctx(self) -> ServiceContext: ...

    @property
    def actor(self) -> Actor: ...

    def send_signed(self, sink: Sink, sign: FormSigner) -> Sent: ...


class PrintPreviewDialog(QDialog):
    """Shows ``pdf`` (``printable`` as built) with Print and Save buttons.

    With a ``notice`` (a step taken only with its paper), Print or Save sends
    the paper once (``printed(result)``, then the dialog accepts); a failed
    print leaves everything as it was and the dialog open; Cancel sends
    nothing. Otherwise the paper can be printed as often as wanted.
    """

    printed = Signal(object)

    def __init__(
        self,
        printable: Printable,
        pdf: bytes,
        parent: QWidget | None = None,
        *,
        choose_sink: ChooseSink = choose_sink,
    ) -> None:
        super().__init__(parent)
        self.printable: Printable | None = printable
        self._file_name = printable.file_name
        self._choose_sink = choose_sink
        self._runner = WorkerRunner(QThreadPool(self))
        self.printed_to: str | None = None
        self.setWindowTitle(printable.title)
        layout = QVBoxLayout(self)
        self.pending = QLabel(printable.notice, self)
        self.pending.setObjectName("pendingStep")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(
            "background:#fff4ce;color:#5c4400;border:1px solid #e0c060;padding:6px;"
        )
        self.once = bool(printable.notice)
        self.pending.setVisible(self.once)
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
        self.close_button = QPushButton(self.tr("Cancel") if self.once else self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        # Shown once the desk is known to have a token driver (asked off the UI thread).
        self.sign_box = QCheckBox(self.tr("Sign digitally"), self)
        self.sign_box.setObjectName("signForm")
        self.sign_box.setToolTip(
            self.tr(
                "Sign the form with your token as it prints; the signed copy is kept "
                "in the dossier."
            )
        )
        self.sign_box.setVisible(False)
        self._signing_now = False
        self.signing: WindowSigning | None = None
        if isinstance(printable, SignablePrint):
            self.signing = WindowSigning.of(self, printable.ctx, printable.actor)
            self.signing.configured(self._token_known, self._token_unknown)
        buttons.addWidget(self.sign_box)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.choose_printer)
        fit_to_screen(self, 760, 900)

    @property
    def busy(self) -> bool:
        return self._runner.busy or self._signing_now

    def _token_known(self, configured: object) -> None:
        self.sign_box.setVisible(bool(configured))

    def _token_unknown(self, error: object) -> None:
        log.warning("Token driver setting not read: %r", error)

    def choose_printer(self) -> None:
        self._choose(Output.PRINTER)

    def choose_file(self) -> None:
        self._choose(Output.PDF_FILE)

    def _choose(self, output: Output) -> None:
        if self._runner.busy or self.printable is None:
            return
        sink = self._choose_sink(self, output, self._file_name)
        if sink is not None:
            self._start(sink)

    def print_to(self, printer: QPrinter) -> None:
        self._start(lambda pdf: render_to_printer(pdf, printer))

    def save_to(self, path: Path) -> None:
        self._start(file_sink(path))

    def _start(self, sink: Sink) -> None:
        printable = self.printable
        if self.busy or printable is None:
            return
        self._set_busy(True)
        if self.signing is not None and not self.sign_box.isHidden() and self.sign_box.isChecked():
            assert isinstance(printable, SignablePrint)
            self._signing_now = True
            self.status.setText(self.tr("Signing and printing…"))

            def job(session: SigningSession) -> object:
                # On the token worker: the token signs the very form that prints.
                return printable.send_signed(sink, token_signer(session))

            self.signing.run(job, self, self._printed, self._failed)
            return
        self.status.setText(self.tr("Printing…"))
        self._runner.start(lambda: printable.send(sink), self._printed, self._failed)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.print_button, self.save_button, self.close_button, self.sign_box):
            button.setEnabled(not busy)

    def _printed(self, result: object) -> None:
        self._signing_now = False
        target = str(getattr(result, "target", ""))
        self.printed_to = target
        self._set_busy(False)
        self.status.setText(self.tr("Sent to {target}.").format(target=target))
        log.info("Printed %s to %s", self._file_name, target)
        if self.once:
            self.printable = None  # sent: pressing Print again must not send it twice
        self.printed.emit(result)
        if self.once:
            self.accept()

    def _failed(self, error: object) -> None:
        self._signing_now = False
        self._set_busy(False)
        self.status.setText("")
        if isinstance(error, UserError):
            notify.show_user_error(self, self.tr("Printing"), error)
        else:
            notify.inform(self, self.tr("Printing"), self.tr("Printing failed; see the log file."))

    def reject(self) -> None:
        # Closing while a step is being printed would hide whether it was taken.
        if not self.busy:
            super().reject()

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)


class PreviewLoader(QObject):
    """Builds ``printable`` off the UI thread, then opens its preview over ``parent``."""

    def __init__(
        self, parent: QWidget | None, printable: Printable, choose_sink: ChooseSink
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._printable = printable
        self._choose_sink = choose_sink
        self.dialog: PrintPreviewDialog | None = None
        self._runner = WorkerRunner(QThreadPool(self))
        self._runner.start(printable.build, self._built, self._failed)

    def _built(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        dialog = PrintPreviewDialog(
            self._printable, pdf, self._parent, choose_sink=self._choose_sink
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _failed(self, error: object) -> None:
        title = QCoreApplication.translate("PrintPreviewDialog", "Printing")
        notify.inform(self._parent, title, failure_text(error))


_loaders: list[PreviewLoader] = []


def open_preview(
    parent: QWidget | None, printable: Printable, *, choose_sink: ChooseSink = choose_sink
) -> PreviewLoader:
    """Build ``printable`` and open its preview (over ``parent`` when given)."""
    loader = PreviewLoader(parent, printable, choose_sink)
    if parent is None:
        _loaders.append(loader)  # nothing else would keep it alive
    return loader
