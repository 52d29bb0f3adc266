"""Print preview of a dossier's forms: see it, print it, or save it as PDF.

The PDF is built by services.printing off the UI thread. Printing goes through
services.printing.print_form, which records the job (and marks a repeated
receipt as a reprint) only once the printer or the file took the pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRect,
    QSize,
    Qt,
    QThreadPool,
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
from counter_app.i18n import render
from counter_app.printing import FormKind
from counter_app.services import printing as print_service
from counter_app.services.context import ServiceContext
from counter_app.ui import notify
from counter_app.ui.workers import WorkerRunner

log = logging.getLogger(__name__)


def _load(document: QPdfDocument, pdf: bytes) -> QBuffer:
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def render_to_printer(pdf: bytes, printer: QPrinter) -> str:
    """Paint every page of ``pdf`` on ``printer``; the printer's name (or file) is the target."""
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


def save_pdf(pdf: bytes, path: Path) -> str:
    path.write_bytes(pdf)
    return str(path)


class PrintPreviewDialog(QDialog):
    """Shows ``pdf`` (a form of ``code``) with Print and Save buttons."""

    def __init__(
        self,
        ctx: ServiceContext,
        username: str,
        code: str,
        kind: FormKind,
        pdf: bytes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._username = username
        self.code = code
        self.kind = kind
        self._runner = WorkerRunner(QThreadPool(self))
        self.printed_to: str | None = None
        self.setWindowTitle(self.tr("Print preview — {code}").format(code=code))
        layout = QVBoxLayout(self)
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
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.choose_printer)
        self.resize(760, 900)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), f"{self.code}-{self.kind.value}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_to(Path(name))

    def print_to(self, printer: QPrinter) -> None:
        self._start(lambda pdf: render_to_printer(pdf, printer))

    def save_to(self, path: Path) -> None:
        self._start(lambda pdf: save_pdf(pdf, path))

    def _start(self, sink: print_service.Sink) -> None:
        if self._runner.busy:
            return
        ctx, username, code, kind = self._ctx, self._username, self.code, self.kind
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Printing…"))
        self._runner.start(
            lambda: print_service.print_form(ctx, username, code, kind, sink),
            self._printed,
            self._failed,
        )

    def _printed(self, result: object) -> None:
        assert isinstance(result, print_service.PrintResult)
        self.printed_to = result.target
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Sent to {target}.").format(target=result.target))
        log.info("Printed %s of %s to %s", self.kind.value, self.code, result.target)

    def _failed(self, error: object) -> None:
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.setText("")
        if isinstance(error, UserError):
            notify.show_user_error(self, self.tr("Printing"), error)
        else:
            notify.inform(self, self.tr("Printing"), self.tr("Printing failed; see the log file."))

    def done(self, result: int) -> None:
        self._runner.wait()
        super().done(result)


class _PreviewLoader(QObject):
    """Builds the PDF off the UI thread, then opens the preview over ``parent``."""

    def __init__(
        self, parent: QWidget | None, ctx: ServiceContext, username: str, code: str, kind: FormKind
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._ctx, self._username, self._code, self._kind = ctx, username, code, kind
        self.dialog: PrintPreviewDialog | None = None
        self._runner = WorkerRunner(QThreadPool(self))
        self._runner.start(
            lambda: print_service.form_pdf(ctx, code, kind), self._built, self._failed
        )

    def _built(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        dialog = PrintPreviewDialog(
            self._ctx, self._username, self._code, self._kind, pdf, self._parent
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _failed(self, error: object) -> None:
        title = QCoreApplication.translate("PrintPreviewDialog", "Printing")
        if isinstance(error, UserError):
            notify.inform(self._parent, title, render(error.message))
        else:
            notify.inform(
                self._parent,
                title,
                QCoreApplication.translate(
                    "PrintPreviewDialog", "The form could not be prepared; see the log file."
                ),
            )


_loaders: list[_PreviewLoader] = []


def preview_form(
    parent: QWidget | None, ctx: ServiceContext, username: str, code: str, kind: str | FormKind
) -> _PreviewLoader:
    """Open the print preview of form ``kind`` ("receipt", "supplement", …) of dossier ``code``."""
    loader = _PreviewLoader(parent, ctx, username, code, FormKind(kind))
    if parent is None:
        _loaders.append(loader)  # nothing else would keep it alive
    return loader
