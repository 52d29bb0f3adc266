"""The dossier ledger (Sổ theo dõi hồ sơ) of a period, printed from the window.

It goes through the same print preview as a dossier's forms. Like the CLI's
``report --format ledger``, printing it records no print job: a print job
belongs to one dossier, and the ledger changes none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QVBoxLayout, QWidget

from counter_app.services.context import ServiceContext
from counter_app.services.ledger_book import ledger_pdf
from counter_app.services.print_jobs.jobs import Sink
from counter_app.ui.print_output import ChooseSink, choose_sink
from counter_app.ui.print_preview import PreviewLoader, open_preview
from counter_app.ui.widgets import error_label, fit_to_screen, ok_cancel


@dataclass(frozen=True)
class LedgerSent:
    target: str


@dataclass(frozen=True)
class LedgerPrint:
    """The ledger of the dossiers received from ``start`` to ``end`` (inclusive)."""

    ctx: ServiceContext
    start: date
    end: date
    paper: str = "A4"

    @property
    def title(self) -> str:
        return QCoreApplication.translate(
            "LedgerPrint", "Dossier ledger {start} – {end}: print preview"
        ).format(start=f"{self.start:%d/%m/%Y}", end=f"{self.end:%d/%m/%Y}")

    @property
    def file_name(self) -> str:
        return f"so-theo-doi-{self.start:%Y%m%d}-{self.end:%Y%m%d}.pdf"

    @property
    def notice(self) -> str:
        return ""

    def build(self) -> bytes:
        return ledger_pdf(self.ctx, self.start, self.end, paper=self.paper)

    def send(self, sink: Sink) -> LedgerSent:
        # Built again: a dossier received since the preview is on the paper.
        return LedgerSent(sink(self.build()))


def preview_ledger(
    parent: QWidget | None,
    ctx: ServiceContext,
    start: date,
    end: date,
    *,
    choose_sink: ChooseSink = choose_sink,
) -> PreviewLoader:
    """Build the ledger of the period off the UI thread and open its print preview."""
    return open_preview(parent, LedgerPrint(ctx, start, end), choose_sink=choose_sink)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class LedgerPeriodDialog(QDialog):
    """Asks for the period of the ledger to print; this month so far by default."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print the dossier ledger"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date_from = QDateEdit(_qdate(today.replace(day=1)), self)
        self.date_to = QDateEdit(_qdate(today), self)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        form.addRow(self.tr("Received &from:"), self.date_from)
        form.addRow(self.tr("&To (inclusive):"), self.date_to)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        self.buttons, self.ok_button, self.cancel_button = ok_cancel(
            self, self.tr("Preview the ledger…"), self.submit
        )
        layout.addWidget(self.buttons)
        fit_to_screen(self, 380, 160)

    def period(self) -> tuple[date, date]:
        first, last = self.date_from.date(), self.date_to.date()
        return (
            date(first.year(), first.month(), first.day()),
            date(last.year(), last.month(), last.day()),
        )

    def submit(self) -> None:
        start, end = self.period()
        if end < start:
            self.error.setText(self.tr("The period ends before it starts: correct the dates."))
            self.error.setVisible(True)
            self.date_to.setFocus()
            return
        self.accept()
