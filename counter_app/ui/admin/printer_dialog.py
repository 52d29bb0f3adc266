"""Máy in và khổ giấy: the desk's printer and the paper each form goes on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QComboBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.paper import FormKind
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.print_jobs import get_print_settings, set_print_settings
from counter_app.services.print_jobs.settings import FORM_PAPERS
from counter_app.ui.admin.desk_common import AdminDialog, note, section
from counter_app.ui.widgets import fit_to_screen

FORM_LABELS = {
    FormKind.RECEIPT: QT_TRANSLATE_NOOP("PrinterDialog", "Receipt and appointment"),
    FormKind.SUPPLEMENT: QT_TRANSLATE_NOOP("PrinterDialog", "Request to supplement a dossier"),
    FormKind.REFUSAL: QT_TRANSLATE_NOOP("PrinterDialog", "Refusal to receive a dossier"),
    FormKind.APOLOGY: QT_TRANSLATE_NOOP("PrinterDialog", "Apology for a late result"),
    FormKind.STOP_NOTICE: QT_TRANSLATE_NOOP("PrinterDialog", "Notice to stop processing"),
    FormKind.CONTROL_SLIP: QT_TRANSLATE_NOOP("PrinterDialog", "Dossier control slip"),
    FormKind.LEDGER: QT_TRANSLATE_NOOP("PrinterDialog", "Ledger of dossiers"),
}
PAPER_LABELS = {
    "A4": QT_TRANSLATE_NOOP("PrinterDialog", "A4"),
    "A5": QT_TRANSLATE_NOOP("PrinterDialog", "A5"),
    "80mm": QT_TRANSLATE_NOOP("PrinterDialog", "80 mm slip (receipt printer)"),
}


class PrinterDialog(AdminDialog):
    def __init__(self, ctx: ServiceContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, parent, "adminPrinter")
        self.setWindowTitle(self.tr("Printers and paper"))
        current = get_print_settings(ctx)
        layout = QVBoxLayout(self)

        printer_box = section(layout, self, self.tr("The desk's printer"))
        self.printer = QComboBox(self)
        self.printer.setObjectName("printerName")
        # Editable: a network printer switched off now still has its name.
        self.printer.setEditable(True)
        self.printer.addItem(self.tr("(the system's default printer)"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if current.printer:
            found = self.printer.findData(current.printer)
            if found < 0:
                self.printer.addItem(current.printer, current.printer)
                found = self.printer.count() - 1
            self.printer.setCurrentIndex(found)
        printer_box.addWidget(self.printer)
        default = QPrinterInfo.defaultPrinterName()
        note(
            printer_box,
            self,
            self.tr("System's default printer: {name}").format(name=default)
            if default
            else self.tr("This computer reports no printer; the forms can still be saved as PDF."),
        )

        paper_box = section(layout, self, self.tr("Paper of each form"))
        form = QFormLayout()
        self.papers: dict[FormKind, QComboBox] = {}
        for kind, allowed in FORM_PAPERS.items():
            combo = QComboBox(self)
            combo.setObjectName(f"paper_{kind.value}")
            for paper in allowed:
                combo.addItem(self.tr(PAPER_LABELS[paper]), paper)
            combo.setCurrentIndex(max(combo.findData(current.paper(kind)), 0))
            combo.setEnabled(len(allowed) > 1)
            form.addRow(self.tr(FORM_LABELS[kind]), combo)
            self.papers[kind] = combo
        paper_box.addLayout(form)
        note(
            paper_box,
            self,
            self.tr(
                "The forms are laid out for A5 by the circular; A4 prints them larger with the same text. Only the receipt fits an 80 mm slip."
            ),
        )
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("savePrinting")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.finish(layout)
        fit_to_screen(self, 620, 560)

    def chosen_printer(self) -> str:
        text = self.printer.currentText()
        data = self.printer.currentData()
        # A typed name has no data; the default entry's text is a sentence, not a name.
        if data is not None and self.printer.itemText(self.printer.currentIndex()) == text:
            return str(data)
        return text.strip()

    def save(self) -> None:
        papers = {kind: str(combo.currentData()) for kind, combo in self.papers.items()}
        ctx, actor, printer = self.ctx, self.actor, self.chosen_printer()
        self.attempt(
            lambda: set_print_settings(ctx, actor, printer=printer, papers=papers),
            self.tr("Saved: the next forms print this way."),
        )
