"""Work lists and search results as a real Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from counter_app.domain.workflow import state_label
from counter_app.i18n import render
from counter_app.services.views import DossierRow
from counter_app.ui.formats import ID_NUMBER_NAMES, fmt_datetime, label
from counter_app.ui.list_table_model import ListTableModel, ModelIndex

# Data roles other code reads from any view over this model.
CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the dossier code of the row
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3  # True when the appointment has passed

_OVERDUE_BG = QColor("#fbd5d2")
_OVERDUE_FG = QColor("#8a1010")
_DUE_TODAY_BG = QColor("#fff1c2")
_PAUSED_FG = QColor("#5f6b7a")


class DossierTableModel(ListTableModel):
    CODE, APPLICANT, PROCEDURE, STATE, RECEIVED, APPOINTMENT = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = datetime.now()
        self._sorted_by = (self.APPOINTMENT, Qt.SortOrder.AscendingOrder)
        self._headers = (
            self.tr("Dossier code"),
            self.tr("Applicant"),
            self.tr("Procedure"),
            self.tr("State"),
            self.tr("Received"),
            self.tr("Appointment"),
        )

    def set_rows(self, rows: Sequence[DossierRow], now: datetime) -> None:
        """Replace the rows; ``now`` decides which are overdue (the services' clock)."""
        self.beginResetModel()
        self._items = list(rows)
        self._now = now
        self._sort_items()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, each row's key made once: through a sorting proxy,
        five hundred rows cost thousands of calls into Python at every
        refresh, long enough to stall the window while a sync round runs."""
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        items = [self._items[i.row()] for i in kept]
        self._sort_items()
        rows = {id(item): row for row, item in enumerate(self._items)}
        self.changePersistentIndexList(
            kept,
            [self.index(rows[id(item)], i.column()) for i, item in zip(kept, items, strict=True)],
        )
        self.layoutChanged.emit()

    def _sort_items(self) -> None:
        column, order = self._sorted_by
        self._items.sort(
            key=lambda row: self._sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def row_at(self, row: int) -> DossierRow:
        return self._items[row]

    def codes(self) -> list[str]:
        return [r.code for r in self._items]

    def _overdue(self, row: DossierRow) -> bool:
        # An online dossier's answer past its 8 working hours is flagged alike.
        return row.overdue(self._now) or self._answer_overdue(row)

    def _answer_overdue(self, row: DossierRow) -> bool:
        return row.answer_by is not None and self._now > row.answer_by

    def _due_today(self, row: DossierRow) -> bool:
        return row.due_today(self._now)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row: DossierRow | None = self.item(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == CODE_ROLE:
            return row.code
        if role == OVERDUE_ROLE:
            return self._overdue(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._overdue(row):
                return QBrush(_OVERDUE_BG)
            if self._due_today(row):
                return QBrush(_DUE_TODAY_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._overdue(row):
                return QBrush(_OVERDUE_FG)
            if row.paused:
                return QBrush(_PAUSED_FG)
            return None
        if role == Qt.ItemDataRole.FontRole and column == self.CODE:
            font = QFont()
            font.setBold(self._overdue(row))
            return font
        return None

    def _display(self, row: DossierRow, column: int) -> str:
        if column == self.CODE:
            return row.code
        if column == self.APPLICANT:
            return row.applicant_name
        if column == self.PROCEDURE:
            return f"{row.procedure_code} – {row.procedure_name}"
        if column == self.STATE:
            text = render(state_label(row.state))
            if row.answer_by is not None:
                return self._answer_text(row, text)
            if self._overdue(row):
                text = self.tr("{state} (overdue)").format(state=text)
            return text
        if column == self.RECEIVED:
            return fmt_datetime(row.received_at)
        return fmt_datetime(row.appointment_at)

    def _answer_text(self, row: DossierRow, state: str) -> str:
        """An online dossier not answered yet: the working time left to
        accept it or ask for changes, or that the time is up."""
        if self._answer_overdue(row) or row.answer_left is None or row.answer_left <= 0:
            return self.tr("{state} (answer overdue)").format(state=state)
        hours, minutes = divmod(row.answer_left, 60)
        return self.tr("{state} ({hours} h {minutes} min left to answer)").format(
            state=state, hours=hours, minutes=minutes
        )

    def _sort_key(self, row: DossierRow, column: int) -> Any:
        if column == self.RECEIVED:
            return row.received_at.isoformat()
        if column == self.APPOINTMENT:
            return row.appointment_at.isoformat()
        return self._display(row, column)

    def _tooltip(self, row: DossierRow, column: int) -> str | None:
        if column == self.APPLICANT:
            parts = [row.applicant_name]
            if row.applicant_id_number:
                parts.append(
                    self.tr("{document}: {number}").format(
                        document=label(ID_NUMBER_NAMES, row.applicant_id_kind),
                        number=row.applicant_id_number,
                    )
                )
            if row.applicant_phone:
                parts.append(self.tr("Phone: {number}").format(number=row.applicant_phone))
            return "\n".join(parts)
        if column == self.PROCEDURE:
            return row.procedure_name
        if column == self.STATE and row.answer_by is not None:
            return self.tr(
                "Accept the online dossier or ask for changes by {deadline} "
                "(within 8 working hours of its receipt)."
            ).format(deadline=fmt_datetime(row.answer_by))
        if column == self.APPOINTMENT and row.overdue(self._now):
            return self.tr("The appointment has passed: apologise and set a new appointment.")
        return None
