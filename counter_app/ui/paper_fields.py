"""The data of a digitised paper (Decree 118/2025 Art. 19(2)) in the digitise
dialog: the document type from the versioned list, the holder's number (or,
without one, name, year of birth and the number's issue), the document's name,
a summary, its validity and scope. Pre-filled from the dossier and its
checklist line; read back as a PaperData with each wrong field named."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from counter_app.domain.papers import PaperData
from counter_app.domain.text import fold
from counter_app.services import papers
from counter_app.ui.widgets import FieldErrors


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    return datetime.strptime(text, "%d/%m/%Y").date()


def guess_type(component: str) -> str | None:
    """The document type a checklist line names first ("Tờ khai … Giấy xác nhận
    …" is a form, not the certificate it asks for); None when none is named."""
    folded = fold(component)
    found: list[tuple[int, str]] = []
    for t in papers.document_types().types:
        for alias in t.name.split("/"):
            at = folded.find(fold(alias.strip()))
            if alias.strip() and at >= 0 and not t.result:
                found.append((at, t.code))
    return min(found)[1] if found else None


class FormErrors(Exception):
    """Fields the form itself cannot read (a date, a year), as (field, sentence)."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = errors


class PaperFields(QGroupBox):
    def __init__(
        self, component: str, id_number: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The paper's data (Decree 118/2025, Art. 19(2))"))
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.doc_type = QComboBox(self)
        self.doc_type.setObjectName("doc_type_code")
        for t in papers.document_types().types:
            if not t.result:
                self.doc_type.addItem(f"{t.code} — {t.name}", t.code)
        self.doc_type.setCurrentIndex(self.doc_type.findData(guess_type(component)))
        # The box as wide as a short name, its list as wide as the longest:
        # sized to its longest item it pushed the dialog off a 1366 px screen at 125 %.
        self.doc_type.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.doc_type.setMinimumContentsLength(16)
        self.doc_type.view().setMinimumWidth(self.doc_type.view().sizeHintForColumn(0) + 24)
        form.addRow(self.tr("Document type:"), self.errors.add("doc_type_code", self.doc_type))
        self.document_name = QLineEdit(component, self)
        self.document_name.setCursorPosition(0)  # the name's start, not its end
        form.addRow(self.tr("Document name:"), self.errors.add("document_name", self.document_name))
        self.holder_id_number = QLineEdit(id_number, self)
        form.addRow(
            self.tr("Identification number:"),
            self.errors.add("holder_id_number", self.holder_id_number),
        )
        self.summary = QPlainTextEdit(self)
        self.summary.setFixedHeight(60)
        self.summary.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        form.addRow(self.tr("Summary:"), self.errors.add("summary", self.summary))
        self.valid_until = QLineEdit(self)
        self.valid_until.setPlaceholderText(self.tr("dd/mm/yyyy, empty: no limit"))
        form.addRow(self.tr("Valid until:"), self.errors.add("valid_until", self.valid_until))
        self.scope = QLineEdit(self)
        form.addRow(self.tr("Scope:"), self.errors.add("scope", self.scope))
        without = QLabel(self.tr("Without an identification number:"), self)
        without.setStyleSheet("font-weight:bold;")
        form.addRow(without)
        self.holder_name = QLineEdit(name, self)
        form.addRow(self.tr("Full name:"), self.errors.add("holder_name", self.holder_name))
        self.holder_birth_year = QLineEdit(self)
        form.addRow(
            self.tr("Year of birth:"),
            self.errors.add("holder_birth_year", self.holder_birth_year),
        )
        self.id_issued_on = QLineEdit(self)
        self.id_issued_on.setPlaceholderText(self.tr("dd/mm/yyyy"))
        form.addRow(self.tr("Issued on:"), self.errors.add("id_issued_on", self.id_issued_on))
        self.id_issued_by = QLineEdit(self)
        form.addRow(self.tr("Issued by:"), self.errors.add("id_issued_by", self.id_issued_by))

    def paper_data(self) -> PaperData:
        """The fields as typed; FormErrors names those that cannot be read."""
        errors: list[tuple[str, str]] = []

        def day(field: str, widget: QLineEdit) -> date | None:
            try:
                return _parse_date(widget.text())
            except ValueError:
                errors.append((field, self.tr("Write the date as dd/mm/yyyy.")))
                return None

        year_text = self.holder_birth_year.text().strip()
        year = int(year_text) if year_text.isdigit() else None
        if year_text and year is None:
            errors.append(("holder_birth_year", self.tr("Write the year with four digits.")))
        number = self.holder_id_number.text()
        data = PaperData(
            doc_type_code=str(self.doc_type.currentData() or ""),
            document_name=self.document_name.text(),
            holder_id_number=number,
            # The name, year and issue are asked only without a number.
            holder_name="" if number.strip() else self.holder_name.text(),
            holder_birth_year=year,
            id_issued_on=day("id_issued_on", self.id_issued_on),
            id_issued_by=self.id_issued_by.text(),
            summary=self.summary.toPlainText(),
            valid_until=day("valid_until", self.valid_until),
            scope=self.scope.text(),
        )
        if errors:
            raise FormErrors(errors)
        return data
