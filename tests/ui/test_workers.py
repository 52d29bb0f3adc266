"""Workers run off the UI thread and report back in it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from counter_app.domain.messages import Message, UserError
from counter_app.ui.workers import WorkerRunner


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.errors: list[object] = []
        self.threads: list[QThread] = []

    def done(self, result: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(result)

    def failed(self, error: object) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(error)


def test_result_and_refusal_arrive_in_the_ui_thread(qtbot: QtBot) -> None:
    receiver = Receiver()
    runner = WorkerRunner(QThreadPool(receiver))
    ran_in: list[int] = []

    def work() -> int:
        ran_in.append(threading.get_ident())
        return 42

    def refuse() -> None:
        raise UserError(Message("Test", "No."))

    runner.start(work, receiver.done, receiver.failed)
    runner.start(refuse, receiver.done, receiver.failed)
    qtbot.waitUntil(lambda: not runner.busy)
    assert receiver.results == [42]
    assert isinstance(receiver.errors[0], UserError)
    assert ran_in and ran_in[0] != threading.get_ident()
    assert all(t is QThread.currentThread() for t in receiver.threads)
