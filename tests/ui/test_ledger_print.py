"""The dossier ledger of a period prints from the window, through the same
print preview as a dossier's forms, and lands on paper (here a PDF file)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.ui.main_window import MainWindow
from counter_app.ui.print_output import Output
from counter_app.ui.print_preview import PrintPreviewDialog
from tests.conftest import Clock
from tests.ui.conftest import CITIZEN, Chooser, Receive, print_jobs


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def open_ledger(qtbot: QtBot, window: MainWindow, first: QDate, last: QDate) -> PrintPreviewDialog:
    """Reports ▸ Print the dossier ledger…, the period typed in, then its preview."""
    reports = window.reports_menu
    reports.ledger_action.trigger()
    period = reports.ledger_dialog
    assert period is not None and period.isVisible()
    period.date_from.setDate(first)
    period.date_to.setDate(last)
    period.ok_button.click()
    qtbot.waitUntil(
        lambda: reports.ledger_loader is not None and reports.ledger_loader.dialog is not None,
        timeout=30_000,
    )
    assert reports.ledger_loader is not None and reports.ledger_loader.dialog is not None
    return reports.ledger_loader.dialog


def test_the_ledger_of_a_period_prints_from_the_reports_menu(
    qtbot: QtBot,
    counter: Runtime,
    clock: Clock,
    receive_dossier: Receive,
    make_window: Callable[..., MainWindow],
    chooser: Chooser,
) -> None:
    # GIVEN two dossiers received in November and one on 1 December
    november = [receive_dossier().code]
    clock.now += timedelta(hours=2)
    november.append(receive_dossier(applicant=CITIZEN).code)
    clock.now = clock.now.replace(month=12, day=1)
    december = receive_dossier().code
    window = make_window("tiepnhan")
    # WHEN the official asks for the ledger of 1–30 November and saves it from the preview
    preview = open_ledger(qtbot, window, QDate(2026, 11, 1), QDate(2026, 11, 30))
    assert preview.isVisible()
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert "01/11/2026" in preview.windowTitle()
    preview.save_button.click()
    saved = chooser.folder / "so-theo-doi-20261101-20261130.pdf"
    qtbot.waitUntil(lambda: preview.printed_to is not None, timeout=30_000)
    # THEN the file is the ledger of November: its dossiers, not December's
    assert chooser.asked == [(Output.PDF_FILE, saved.name)]
    assert preview.printed_to == str(saved)
    text = pdf_text(saved)
    assert "SỔ THEO DÕI HỒ SƠ" in text.upper()
    for code in november:
        assert code in text
    assert december not in text
    assert "01/11/2026" in text and "30/11/2026" in text
    # and, as with the CLI's ledger, no dossier's print record changes
    assert print_jobs(counter) == []
    preview.close()


def test_a_period_ending_before_it_starts_is_refused_in_the_dialog(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window("tiepnhan")
    period = window.reports_menu.ask_ledger_period()
    # The period defaults to this month so far.
    assert period.date_from.date() == QDate(2026, 11, 1)
    assert period.date_to.date() == QDate(2026, 11, 26)
    period.date_to.setDate(QDate(2026, 10, 31))
    period.ok_button.click()
    assert period.isVisible() and period.error.isVisible() and period.error.text()
    assert window.reports_menu.ledger_loader is None
    period.cancel_button.click()
