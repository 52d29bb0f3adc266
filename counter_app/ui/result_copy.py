"""The result's electronic copy at the return (Decree 118/2025 Art. 22(1),
22(4)): the PDF the deciding authority issued, or the signed paper scanned,
with its result type; the document code (identification number + result
type) is made by the service. One row, so the return form still fits a
1366×768 screen at 125 %."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from counter_app.domain.papers import Origin, PaperData, ResultCopy
from counter_app.files.pdf_pages import NotAPdf, images_to_pdf, page_count
from counter_app.services.paper_records import document_types
from counter_app.ui import notify

_IMAGES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


class ResultCopyRow(QWidget):
    def __init__(self, holder_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._holder_id = holder_id
        self.pdf: bytes | None = None
        self.origin = Origin.AUTHORITY
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.choose_button = QPushButton(self.tr("Choose the file…"), self)
        self.choose_button.setObjectName("resultFile")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel(self.tr("none (the result is returned on paper only)"), self)
        self.file_label.setObjectName("resultFileLabel")
        self.kind = QComboBox(self)
        self.kind.setObjectName("resultKind")
        for kind in document_types().types:
            if kind.result:
                self.kind.addItem(f"{kind.name} ({kind.code})", kind.code)
        self.limited = QCheckBox(self.tr("valid until"), self)
        self.until = QDateEdit(self)
        self.until.setDisplayFormat("dd/MM/yyyy")
        self.until.setCalendarPopup(True)
        self.until.setDate(QDate.currentDate().addMonths(6))
        self.until.setEnabled(False)
        self.limited.toggled.connect(self.until.setEnabled)
        for widget in (self.kind, self.limited, self.until):
            widget.setVisible(False)
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.kind, 1)
        row.addWidget(self.limited)
        row.addWidget(self.until)

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The result's electronic copy"),
            "",
            self.tr("PDF or scanned image (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Take the file: a PDF as issued, an image as the scanned signed paper."""
        try:
            data = path.read_bytes()
            if path.suffix.lower() in _IMAGES:
                pdf, origin = images_to_pdf([data]), Origin.SCAN
            else:
                pdf, origin = data, Origin.AUTHORITY
            pages = page_count(pdf)
        except (OSError, NotAPdf):
            notify.inform(
                self,
                self.tr("The result's electronic copy"),
                self.tr(
                    "“{name}” cannot be read as a PDF or an image; choose the file the "
                    "authority issued, or scan the signed result again."
                ).format(name=path.name),
            )
            return
        self.pdf, self.origin = pdf, origin
        self.file_label.setText(
            self.tr("{name}, {pages} page(s)").format(name=path.name, pages=pages)
        )
        self.file_label.setToolTip(str(path))
        for widget in (self.kind, self.limited, self.until):
            widget.setVisible(True)

    def result_copy(self) -> ResultCopy | None:
        if self.pdf is None:
            return None
        code = str(self.kind.currentData())
        kind = document_types().get(code)
        until = self.until.date().toPython() if self.limited.isChecked() else None
        assert until is None or isinstance(until, date)
        data = PaperData(
            doc_type_code=code,
            document_name=kind.name if kind else code,
            holder_id_number=self._holder_id,
            valid_until=until,
        )
        return ResultCopy(self.pdf, data, self.origin)
