"""Message boxes that never block: tests and the event loop keep running.

Every box is opened with ``open()`` (window-modal) instead of ``exec()``; a
question calls back when answered. Each box is deleted when closed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.domain.messages import UserError
from counter_app.i18n import render

log = logging.getLogger(__name__)


def disconnect_all(connections: list[QMetaObject.Connection]) -> None:
    """Drop these connections.

    Through QObject.disconnect(connection), never ``signal.disconnect(slot)``:
    in PySide6 6.12 the latter releases a reference to ``True`` it does not
    own, and enough of them crash the interpreter when it exits.
    """
    for connection in connections:
        QObject.disconnect(connection)
    connections.clear()


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("notifyBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def inform(parent: QWidget | None, title: str, text: str, *, warning: bool = True) -> QMessageBox:
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = _box(parent, icon, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def show_user_error(parent: QWidget | None, title: str, error: UserError) -> QMessageBox:
    return inform(parent, title, render(error.message))


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
) -> QMessageBox:
    """A yes/no question whose answer arrives through ``on_yes`` / ``on_no``; No is the default."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)

    connections: list[QMetaObject.Connection] = []

    def answered(button: int) -> None:
        # Drop the Python slot before the box is deleted: PySide crashes when a
        # deferred-deleted box still holds a closure over its parent.
        disconnect_all(connections)
        if button == QMessageBox.StandardButton.Yes.value:
            on_yes()
        elif on_no is not None:
            on_no()

    connections.append(box.finished.connect(answered))
    box.open()
    return box
