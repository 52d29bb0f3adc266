"""Reading a copy's text at the desk (optional): OCR makes the copy searchable
and proposes the Article 19(2) fields it can read (an identification number,
the dates, the document type); it fills only what the official left empty,
and the official checks before saving. Runs off the UI thread; a computer
without Tesseract says so on the button and the copy is saved as scanned."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services import paper_ocr
from counter_app.services.paper_ocr import OcrReading
from counter_app.ui.paper_fields import PaperFields
from counter_app.ui.paper_pages import PageStrip
from counter_app.ui.workers import WorkerRunner


class PaperOcr(QObject):
    def __init__(
        self, pages: PageStrip, fields: PaperFields, runner: WorkerRunner, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._pages = pages
        self._fields = fields
        self._runner = runner
        # What was read off the pages; dropped when the pages change (each
        # composition of the same pages is a new PDF, so bytes cannot tell).
        self._read: OcrReading | None = None
        self._generation = 0  # counts the pages' changes: a late reading of old pages is dropped
        self._busy = False
        self.button = QPushButton(self.tr("Read the text (OCR)"), parent)
        self.button.setObjectName("ocrButton")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.read)
        self.label = QLabel(parent)
        self.label.setObjectName("ocrLabel")
        self.label.setWordWrap(True)
        missing = paper_ocr.unavailable()
        self._missing = render(missing) if missing else ""
        self.button.setToolTip(
            self._missing or self.tr("Make the copy searchable and propose its data")
        )
        pages.changed.connect(self._pages_changed)
        self._pages_changed()

    def _pages_changed(self) -> None:
        self._generation += 1
        if self._read is not None:
            self._read = None
            self.label.setText(self.tr("The pages changed: read the text again if needed."))
        self.button.setEnabled(not self._missing and not self._busy and self._pages.count() > 0)

    def read(self) -> None:
        try:
            pdf = self._pages.pdf()
        except ValueError:
            return
        self._busy = True
        self.button.setEnabled(False)
        self.label.setText(self.tr("Reading the text…"))
        generation = self._generation
        self._runner.start(
            lambda: paper_ocr.read_copy(pdf), lambda r: self._done(generation, r), self._failed
        )

    def _done(self, generation: int, reading: object) -> None:
        assert isinstance(reading, OcrReading)
        self._busy = False
        if generation != self._generation:
            self.label.setText(self.tr("The pages changed: read the text again if needed."))
            self._pages_changed_button()
            return
        self._read = reading
        filled = self._propose(reading)
        self.label.setText(
            self.tr(
                "Text read: the copy will be searchable. Filled in: {fields}. Check them."
            ).format(fields=", ".join(filled) if filled else self.tr("nothing"))
        )
        self._pages_changed_button()

    def _failed(self, error: object) -> None:
        self._busy = False
        self.label.setText(render(error.message) if isinstance(error, UserError) else str(error))
        self._pages_changed_button()

    def _pages_changed_button(self) -> None:
        self.button.setEnabled(not self._missing and self._pages.count() > 0)

    def _propose(self, reading: OcrReading) -> list[str]:
        """Fill the empty fields; the names of those filled, as the form shows them."""
        proposal, fields = reading.proposal, self._fields
        filled: list[str] = []

        def put(widget: QLineEdit, value: str, name: str) -> None:
            if value and not widget.text().strip():
                widget.setText(value)
                filled.append(name)

        put(fields.holder_id_number, next(iter(proposal.id_numbers), ""), self.tr("number"))
        put(fields.id_issued_on, _day(proposal.issued_on), self.tr("issued on"))
        put(fields.valid_until, _day(proposal.valid_until), self.tr("valid until"))
        index = fields.doc_type.findData(proposal.doc_type_code)
        if proposal.doc_type_code and index >= 0 and index != fields.doc_type.currentIndex():
            fields.doc_type.setCurrentIndex(index)
            filled.append(self.tr("document type"))
        return filled

    def for_saving(self, pdf: bytes) -> tuple[bytes, str]:
        """The copy to store and its text: the searchable one when the pages
        were read as they are now, else ``pdf``, the pages as they are."""
        if self._read is not None:
            return self._read.pdf, self._read.text
        return pdf, ""


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""
