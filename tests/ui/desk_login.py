"""An official takes the desk over through the window's own login (Switch official)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counter_app.ui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.ui.conftest import wait_signal


def take_desk(qtbot: QtBot, window: MainWindow, username: str, password: str = PASSWORD) -> None:
    lock = window.session.switch()
    lock.username.setText(username)
    lock.password.setText(password)
    with wait_signal(qtbot, lock.accepted, timeout=10_000):
        lock.ok.click()
