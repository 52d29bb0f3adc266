"""What a catalogue import did: how many procedures came in new or updated,
and each rejected row with the column to fix and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalogue.row_reader import RowError
from counter_app.domain.procedure import ProcedureSpec
from counter_app.i18n import render
from counter_app.services.catalogue import ImportReport
from counter_app.ui.list_table_model import ListTableModel, ModelIndex
from counter_app.ui.widgets import fit_to_screen, read_only_table


class RejectedRowsModel(ListTableModel):
    ROW, COLUMN, REASON = range(3)

    def __init__(self, errors: Sequence[RowError], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Row"), self.tr("Column"), self.tr("Why it was rejected"))
        self._items = list(errors)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        error: RowError | None = self.item(index)
        if error is None or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        column = index.column()
        if column == self.ROW:
            return error.row
        if column == self.COLUMN:
            return error.field
        return render(error.message)


class ImportedModel(ListTableModel):
    CODE, NAME, OUTCOME = range(3)

    def __init__(self, report: ImportReport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Code"), self.tr("Procedure"), self.tr("Result"))
        self._items = list(report.imported)
        self._new = report.new_codes

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        spec: ProcedureSpec | None = self.item(index)
        if spec is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.CODE:
            return spec.code
        if column == self.NAME:
            return spec.name
        return self.tr("New") if spec.code in self._new else self.tr("Updated")


class ImportReportDialog(QDialog):
    def __init__(self, report: ImportReport, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Catalogue import: {name}").format(name=file_name))
        self.report = report
        layout = QVBoxLayout(self)
        rejected = len({error.row for error in report.errors})
        self.summary = QLabel(
            self.tr(
                "{created} new procedures, {updated} updated, {rejected} rows rejected."
            ).format(
                created=report.created,
                updated=report.updated,
                rejected=rejected,
            ),
            self,
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.model = RejectedRowsModel(report.errors, self)
        self.view = read_only_table(self, self.model, RejectedRowsModel.REASON, single=True)
        self.view.setWordWrap(True)
        # Row heights follow the reason column's width as the dialog is sized.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(self.view, self.tr("Rejected rows ({count})").format(count=rejected))
        self.imported_model = ImportedModel(report, self)
        self.imported_view = read_only_table(
            self, self.imported_model, ImportedModel.NAME, single=True
        )
        self.tabs.addTab(
            self.imported_view,
            self.tr("Imported ({count})").format(count=self.imported_model.rowCount()),
        )
        # What needs the administrator's attention first.
        self.tabs.setCurrentIndex(0 if report.errors else 1)
        layout.addWidget(self.tabs, 1)
        if report.errors:
            fix = self.tr("Correct these rows in the file and import it again.")
            if report.created or report.updated:
                fix = self.tr(
                    "The other rows were imported. Correct these rows in the file and import "
                    "it again: rows already imported are updated, not doubled."
                )
            hint = QLabel(fix, self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 440)
