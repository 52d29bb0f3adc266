"""Where a printed form goes: a printer (pages rendered at its resolution) or a PDF file.

:func:`choose_sink` asks the official with the native print or save dialog;
tests inject their own ChooseSink to choose without native dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QWidget,
)

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services import print_jobs as print_service


def load_pdf(document: QPdfDocument, pdf: bytes) -> QBuffer:
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
    load_pdf(document, pdf)
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


def failure_text(error: object) -> str:
    """What the official reads when a form could not be prepared or printed."""
    if isinstance(error, UserError):
        return render(error.message)
    return QCoreApplication.translate(
        "PrintPreviewDialog", "The form could not be prepared; see the log file."
    )
