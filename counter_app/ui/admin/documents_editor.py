"""The documents of a procedure's dossier, edited in the procedure form: each
row's name, form (original, certified copy, photocopy), quantity and whether
the citizen must bring it. The service checks them as an import checks a
"documents" cell."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalogue.limits import MAX_DOCUMENTS, MAX_QUANTITY
from counter_app.domain.procedure import DocumentForm, RequiredDocument
from counter_app.ui.formats import DOCUMENT_FORMS, label


class DocumentsEditor(QWidget):
    NAME, FORM, QUANTITY, MANDATORY = range(4)

    def __init__(self, documents: tuple[RequiredDocument, ...], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("procedureDocuments")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Form"), self.tr("Copies"), self.tr("Required")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.FORM, self.QUANTITY, self.MANDATORY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(160)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a document"), self)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton(self.tr("Remove the document"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for document in documents:
            self.add(document)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def add(self, document: RequiredDocument | None = None) -> int:
        """A row for ``document`` (an empty original, required, when None); its index."""
        document = document or RequiredDocument("", DocumentForm.ORIGINAL, 1, True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, self.NAME, QTableWidgetItem(document.name))
        form = QComboBox(self.table)
        for value in DocumentForm:
            form.addItem(label(DOCUMENT_FORMS, value.value), value)
        form.setCurrentIndex(form.findData(document.form))
        self.table.setCellWidget(row, self.FORM, form)
        quantity = QSpinBox(self.table)
        quantity.setRange(1, MAX_QUANTITY)
        quantity.setValue(document.quantity)
        self.table.setCellWidget(row, self.QUANTITY, quantity)
        mandatory = QCheckBox(self.table)
        mandatory.setChecked(document.mandatory)
        self.table.setCellWidget(row, self.MANDATORY, mandatory)
        self._update_buttons()
        return row

    def _add_clicked(self) -> None:
        row = self.add()
        self.table.setCurrentCell(row, self.NAME)
        self.table.editItem(self.table.item(row, self.NAME))

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.removeRow(rows[0].row())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.table.rowCount() < MAX_DOCUMENTS)
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def set_name(self, row: int, name: str) -> None:
        self.table.item(row, self.NAME).setText(name)

    def documents(self) -> tuple[RequiredDocument, ...]:
        """The rows in order; a row left without a name is dropped (an empty
        line is no document); the service refuses a name longer than allowed."""
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.NAME)
            name = item.text().strip() if item is not None else ""
            if not name:
                continue
            form = self.table.cellWidget(row, self.FORM)
            quantity = self.table.cellWidget(row, self.QUANTITY)
            mandatory = self.table.cellWidget(row, self.MANDATORY)
            assert isinstance(form, QComboBox) and isinstance(quantity, QSpinBox)
            assert isinstance(mandatory, QCheckBox)
            found.append(
                RequiredDocument(
                    name,
                    DocumentForm(form.currentData()),
                    quantity.value(),
                    mandatory.isChecked(),
                )
            )
        return tuple(found)
