"""A combo box over the catalogue that finds a procedure by code or by any part
of its name, typed with or without Vietnamese accents."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from counter_app.domain.procedure import ProcedureSpec
from counter_app.domain.text import fold

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 2


class FoldingCompleter(QCompleter):
    """Matches the folded text (no case, no accents, đ = d) anywhere in the entry."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class ProcedurePicker(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(40)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        completer = FoldingCompleter(self._model, self)
        completer.setCompletionRole(FOLDED_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type a procedure code or part of its name…"))
        self._specs: dict[str, ProcedureSpec] = {}
        # A long name would otherwise show only its tail after a choice.
        self.currentIndexChanged.connect(self._show_start)

    def _show_start(self) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)

    def set_procedures(self, specs: Sequence[ProcedureSpec]) -> None:
        self._model.clear()
        self._specs = {s.code: s for s in specs}
        for spec in specs:
            text = f"{spec.code} – {spec.name}"
            if spec.on_the_spot:
                text += "  ★ " + self.tr("4 on the spot")
            item = QStandardItem(text)
            item.setData(spec.code, CODE_ROLE)
            item.setData(fold(f"{spec.code} {spec.name}"), FOLDED_ROLE)
            item.setToolTip(spec.name)
            self._model.appendRow(item)
        self.setCurrentIndex(-1)

    def select_code(self, code: str) -> bool:
        index = self.findData(code, CODE_ROLE)
        self.setCurrentIndex(index)
        return index >= 0

    def current_spec(self) -> ProcedureSpec | None:
        """The chosen procedure; None when nothing is chosen or the text was edited since."""
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return None
        return self._specs.get(str(self.itemData(index, CODE_ROLE)))
