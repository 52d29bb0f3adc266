"""Print preview of a receipt: built off the UI thread, printed or saved, recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.services import dossiers
from counter_app.services.views import DossierInfo
from counter_app.ui.form_print import PrintPreviewDialog, preview_form
from tests.conftest import login


def open_preview(
    qtbot: QtBot, counter: Runtime, code: str, hold: list[object]
) -> PrintPreviewDialog:
    loader = preview_form(None, counter.ctx, login(counter, "tiepnhan"), code, "receipt")
    hold.append(loader)
    qtbot.waitUntil(lambda: loader.dialog is not None, timeout=10_000)
    dialog = loader.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    hold.append(dialog)
    return dialog


def test_preview_shows_the_receipt_and_saving_records_the_print(
    qtbot: QtBot,
    counter: Runtime,
    receive_dossier: Callable[..., DossierInfo],
    tmp_path: Path,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    dialog = open_preview(qtbot, counter, code, hold)
    assert dialog.isVisible()
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() >= 1
    assert dossiers.get_dossier(counter.ctx, code).print_count == 0  # a preview is not a print
    target = tmp_path / "receipt.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(lambda: dialog.printed_to is not None, timeout=10_000)
    assert dialog.printed_to == str(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert dossiers.get_dossier(counter.ctx, code).print_count == 1


def test_printing_paints_every_page_on_the_printer(
    qtbot: QtBot,
    counter: Runtime,
    receive_dossier: Callable[..., DossierInfo],
    tmp_path: Path,
    hold: list[object],
) -> None:
    code = receive_dossier().code
    dialog = open_preview(qtbot, counter, code, hold)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.print_to(printer)
    qtbot.waitUntil(lambda: dialog.printed_to is not None, timeout=20_000)
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == dialog.document.pageCount()
    assert dossiers.get_dossier(counter.ctx, code).print_count == 1
