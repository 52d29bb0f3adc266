"""What the admin list dialogs share: a row of actions above the Close button
(their tables are widgets.read_only_table)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
)


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
