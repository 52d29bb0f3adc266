"""Printing to a file from the print dialog writes the form's own vector PDF:
small, with its text, not pages painted as pictures."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from counter_app.app_setup import Runtime
from counter_app.paper import FormKind
from counter_app.services.print_jobs import form_pdf
from counter_app.ui.form_print import render_to_printer
from tests.ui.conftest import Receive


def test_a_two_copy_receipt_printed_to_file_stays_vector_and_small(
    counter: Runtime, receive_dossier: Receive, tmp_path: Path
) -> None:
    code = receive_dossier().code
    pdf = form_pdf(counter.ctx, code, FormKind.RECEIPT)
    target = tmp_path / "receipt.pdf"
    # What the print dialog hands back when the official picks "Print to file".
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    assert render_to_printer(pdf, printer) == str(target)
    size = target.stat().st_size
    assert size < 1_000_000, f"{size:,} bytes"
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Two copies (Liên 1 and Liên 2), both with real text: nothing was rasterised.
    assert text.count(code) >= 2 and "Liên 1" in text and "Liên 2" in text
    fonts = subprocess.run(
        ["pdffonts", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert len(fonts.splitlines()) > 2  # a header, a rule, then the embedded fonts
