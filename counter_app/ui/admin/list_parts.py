"""What the admin list dialogs share: a read-only table of one row per record,
and a row of actions above the Close button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
)


def record_table(dialog: QDialog, model: QAbstractItemModel, stretch: int) -> QTableView:
    """Columns as wide as their text but ``stretch``, which takes the rest."""
    view = QTableView(dialog)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def actions_and_close(
    dialog: QDialog, layout: QVBoxLayout, actions: Sequence[tuple[str, Callable[[], object]]]
) -> list[QPushButton]:
    """One button per (text, slot), then Close; the action buttons, in order."""
    row = QHBoxLayout()
    buttons = []
    for text, slot in actions:
        button = QPushButton(text, dialog)
        button.clicked.connect(slot)
        row.addWidget(button)
        buttons.append(button)
    row.addStretch(1)
    layout.addLayout(row)
    box = QDialogButtonBox(dialog)
    close = box.addButton(
        QCoreApplication.translate("AdminLists", "Close"), QDialogButtonBox.ButtonRole.RejectRole
    )
    close.clicked.connect(dialog.reject)
    layout.addWidget(box)
    return buttons
