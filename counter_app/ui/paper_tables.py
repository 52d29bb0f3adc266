"""How the dossier's papers read in the dossier window's two tables
(ui/dossier_papers.py): the checklist, each paper digitised or not with a
button to digitise it, and the dossier's copies, who made them and when,
removed ones greyed with their reason.

Its strings belong to the translation context "DossierPapers", where they were
first translated; hence ``QCoreApplication.translate`` rather than ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from counter_app.domain.papers import PaperRole
from counter_app.services.papers import PaperInfo
from counter_app.services.views import DocumentLine
from counter_app.ui.formats import fmt_datetime

_GREY = QBrush(QColor("#8a8f98"))
_MISSING = QBrush(QColor("#b3261e"))


def _origin_text(value: str) -> str:
    labels = {
        "scan": QCoreApplication.translate("DossierPapers", "scanned at the desk"),
        "folder": QCoreApplication.translate("DossierPapers", "scan folder"),
        "file": QCoreApplication.translate("DossierPapers", "file"),
        "reuse": QCoreApplication.translate("DossierPapers", "reused"),
        "authority": QCoreApplication.translate("DossierPapers", "from the authority"),
        "issued": QCoreApplication.translate("DossierPapers", "issued by the desk"),
    }
    return labels.get(value, value)


def table_look(table: QTableWidget, *stretch: int) -> None:
    """Whole rows selected, nothing edited in place; columns ``stretch`` share
    the width left."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Long names share the width left and end in "…" (whole in the tooltip).
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)


def fill_copies(table: QTableWidget, copies: Sequence[PaperInfo]) -> None:
    """One row per copy of the dossier, removed ones greyed with their reason."""
    table.setRowCount(len(copies))
    for row, copy in enumerate(copies):
        state = QCoreApplication.translate("DossierPapers", "in the dossier")
        if copy.removed:
            reason = copy.removal_reason
            state = (
                QCoreApplication.translate("DossierPapers", "removed: {reason}").format(
                    reason=reason
                )
                if reason
                else QCoreApplication.translate("DossierPapers", "removed")
            )
        # A form the desk issued and signed is no paper of the checklist: said so.
        signed_form = copy.role is PaperRole.FORM
        texts = [
            QCoreApplication.translate("DossierPapers", "Signed form")
            if signed_form
            else copy.component_name or "—",
            copy.data.document_name,
            copy.data.doc_type_code,
            str(copy.pages),
            _origin_text(copy.origin.value),
            f"{copy.created_by}, {fmt_datetime(copy.created_at)}",
            state,
            QCoreApplication.translate("DossierPapers", "{name}, {when}").format(
                name=copy.signer_name, when=fmt_datetime(copy.signed_at)
            )
            if copy.signed_at
            else QCoreApplication.translate("DossierPapers", "not signed"),
        ]
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if copy.removed:
                item.setForeground(_GREY)
            table.setItem(row, col, item)


def fill_checklist(
    table: QTableWidget,
    documents: Sequence[DocumentLine],
    copies: Sequence[PaperInfo],
    digitise: Callable[[int], object],
) -> None:
    """One row per paper of the checklist: its copies held, or "not yet
    digitised" in red; its button calls ``digitise(position)``."""
    table.setRowCount(len(documents))
    for row, doc in enumerate(documents):
        position = doc.position
        held = [c for c in copies if c.component == position and not c.removed]
        name = QTableWidgetItem(doc.name)
        name.setToolTip(doc.name)
        table.setItem(row, 0, name)
        if held:
            pages = sum(c.pages for c in held)
            status = QTableWidgetItem(
                QCoreApplication.translate(
                    "DossierPapers", "digitised: {copies} copies, {pages} pages"
                ).format(copies=len(held), pages=pages)
            )
        else:
            status = QTableWidgetItem(
                QCoreApplication.translate("DossierPapers", "not yet digitised")
            )
            status.setForeground(_MISSING)
        table.setItem(row, 1, status)
        button = QPushButton(QCoreApplication.translate("DossierPapers", "Digitise…"), table)
        button.setObjectName(f"digitise_{position}")
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False, p=position: digitise(p))
        table.setCellWidget(row, 2, button)
