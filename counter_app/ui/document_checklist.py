"""The reception's checklist: the procedure's documents, each ticked when handed in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from counter_app.domain.procedure import RequiredDocument
from counter_app.ui.formats import DOCUMENT_FORMS, label

DOC_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentChecklist(QListWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("documents")
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def add(self, doc: RequiredDocument) -> None:
        # In the reception form's context, where these texts were translated.
        detail = QCoreApplication.translate("ReceiveForm", "{form}, {quantity} set(s)").format(
            form=label(DOCUMENT_FORMS, doc.form.value), quantity=doc.quantity
        )
        text = f"{doc.name} — {detail}"
        if not doc.mandatory:
            text += " " + QCoreApplication.translate("ReceiveForm", "(if any)")
        item = QListWidgetItem(text, self)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(DOC_ROLE, doc)
        if doc.mandatory:
            font = item.font()
            font.setBold(True)
            item.setFont(font)

    def tick_required(self) -> None:
        # Only what the procedure requires: a document marked "(if any)" is
        # ticked when it is really handed in, or the receipt lists a paper
        # the citizen never gave.
        for i in range(self.count()):
            item = self.item(i)
            if item.data(DOC_ROLE).mandatory:
                item.setCheckState(Qt.CheckState.Checked)

    def _items(self) -> list[tuple[RequiredDocument, bool]]:
        return [
            (self.item(i).data(DOC_ROLE), self.item(i).checkState() == Qt.CheckState.Checked)
            for i in range(self.count())
        ]

    def all_documents(self) -> list[RequiredDocument]:
        return [doc for doc, _checked in self._items()]

    def tick_named(self, names: set[str]) -> None:
        """Tick the documents of these names (a digitised paper taken for each)."""
        for i in range(self.count()):
            item = self.item(i)
            if item.data(DOC_ROLE).name in names:
                item.setCheckState(Qt.CheckState.Checked)

    def handed_in(self) -> list[RequiredDocument]:
        return [doc for doc, checked in self._items() if checked]

    def missing(self) -> list[RequiredDocument]:
        """Mandatory documents not ticked: the complete supplement list."""
        return [doc for doc, checked in self._items() if doc.mandatory and not checked]
