"""Message boxes answer through callbacks and leave nothing behind."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from counter_app.ui import notify


def answer(parent: QWidget, button: QMessageBox.StandardButton) -> None:
    box = next(b for b in parent.findChildren(QMessageBox) if b.isVisible())
    box.button(button).click()


def test_each_answer_reaches_its_callback_once(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[str] = []
    notify.ask(
        parent, "Hỏi", "Tiếp nhận?", lambda: answers.append("yes"), lambda: answers.append("no")
    )
    answer(parent, QMessageBox.StandardButton.Yes)
    notify.ask(
        parent, "Hỏi", "Tiếp nhận?", lambda: answers.append("yes"), lambda: answers.append("no")
    )
    answer(parent, QMessageBox.StandardButton.No)
    assert answers == ["yes", "no"]


def test_many_answered_questions_keep_the_interpreter_sound(qtbot: QtBot) -> None:
    # Dropping a box's slot with signal.disconnect(slot) releases a reference to
    # True that PySide6 6.12 never took: after enough questions the app would
    # crash on exit (bool_dealloc). The count of references must not fall.
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[str] = []

    def settle() -> int:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return sys.getrefcount(True)

    before = settle()
    for _ in range(200):
        notify.ask(parent, "Hỏi", "Tiếp nhận?", lambda: answers.append("yes"))
        answer(parent, QMessageBox.StandardButton.Yes)
    after = settle()
    assert len(answers) == 200
    assert after > before - 50, (before, after)
