"""The procedures of the catalogue as a table, filtered as people type names:
with or without accents, any part of the code or the name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt

from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.domain.procedure import FeeKind, FeeRule, ProcedureSpec
from counter_app.domain.text import fold
from counter_app.ui.formats import fmt_money, fmt_processing
from counter_app.ui.list_table_model import ListTableModel, ModelIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 2

FEE_KINDS: dict[FeeKind, str] = {
    FeeKind.FREE: QT_TRANSLATE_NOOP("Catalogue", "Free by law"),
    FeeKind.FLAT: QT_TRANSLATE_NOOP("Catalogue", "One amount per dossier"),
    FeeKind.PER_COPY: QT_TRANSLATE_NOOP("Catalogue", "Per copy"),
    FeeKind.PER_DOCUMENT: QT_TRANSLATE_NOOP("Catalogue", "Per document"),
    FeeKind.PER_SIGNATURE: QT_TRANSLATE_NOOP("Catalogue", "Per signature"),
    FeeKind.PER_PAGE_TIERED: QT_TRANSLATE_NOOP("Catalogue", "Per page, by tiers"),
    FeeKind.SET_BY_PROVINCE: QT_TRANSLATE_NOOP("Catalogue", "Set by the province"),
}


def fee_kind_label(kind: FeeKind) -> str:
    return QCoreApplication.translate("Catalogue", FEE_KINDS[kind])


def fee_text(rule: FeeRule) -> str:
    label = fee_kind_label(rule.kind)
    if rule.kind is FeeKind.SET_BY_PROVINCE and rule.amount == 0:
        return QCoreApplication.translate("Catalogue", "Set by the province (typed at reception)")
    return f"{label}: {fmt_money(rule.amount)}" if rule.amount else label


class ProceduresModel(ListTableModel):
    CODE, NAME, FIELD, TIME, FEE, ON_THE_SPOT = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (
            self.tr("Code"),
            self.tr("Procedure"),
            self.tr("Field"),
            self.tr("Processing time"),
            self.tr("Fee"),
            self.tr("4 on the spot"),
        )

    def row_of(self, code: str) -> int:
        return next((i for i, p in enumerate(self._items) if p.code == code), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        spec: ProcedureSpec | None = self.item(index)
        if spec is None:
            return None
        if role == CODE_ROLE:
            return spec.code
        if role == FOLDED_ROLE:
            return fold(f"{spec.code} {spec.name} {spec.field}")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.NAME:
            return spec.name
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.CODE:
            return spec.code
        if column == self.NAME:
            return spec.name
        if column == self.FIELD:
            return spec.field
        if column == self.TIME:
            return fmt_processing(spec.processing_time)
        if column == self.FEE:
            return fee_text(spec.fee)
        return "★" if spec.on_the_spot else ""


class ProcedureFilter(QSortFilterProxyModel):
    """Keeps rows whose code, name or field contains every typed word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        folded = str(model.index(source_row, 0, source_parent).data(FOLDED_ROLE) or "")
        return all(word in folded for word in self._words)
