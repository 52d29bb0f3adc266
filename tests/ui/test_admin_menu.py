"""The Administration menu as an administrator finds it: every admin screen is
one entry away, each acts as the official at the desk, and a restore made from
it closes the window (the restored database takes no writes until a restart)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.services import backups
from counter_app.ui.admin.backups_dialog import BackupsDialog
from counter_app.ui.main_window import MainWindow
from tests.ui.conftest import Receive, wait_signal

ENTRIES = [
    "&Cán bộ…",
    "&Danh mục thủ tục…",
    "&Lịch làm việc…",
    "&Máy in và khổ giấy…",
    "&Đơn vị và mẫu biểu…",
    "&Sao lưu…",
    "Kết nối &trung tâm…",
    "Chữ &ký số…",
]


def test_every_admin_screen_opens_from_the_menu_as_the_official_at_the_desk(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("quantri")
    menu = window.admin_menu
    texts = [a.text() for a in menu.menu.actions() if not a.isSeparator()]
    assert texts == ENTRIES
    for open_screen in (
        menu.open_calendar,
        menu.open_printer,
        menu.open_unit,
        menu.open_backups,
        menu.open_central,
        menu.open_signing,
    ):
        dialog = open_screen()
        qtbot.waitExposed(dialog)
        assert dialog.actor.username == "quantri"
        assert dialog.parent() is window
        dialog.close()


def test_a_restore_from_the_menu_closes_the_window(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    counter: Runtime,
    receive_dossier: Receive,
) -> None:
    receive_dossier()
    (copy,) = backups.back_up(counter.data_dir)
    window = make_window("quantri")
    window.show()
    dialog: BackupsDialog = window.admin_menu.open_backups()
    dialog.check_backup(copy)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=20_000)
    box = dialog.confirm_box
    assert box is not None
    box.checkBox().setChecked(True)
    restore = box.findChild(QPushButton, "confirmRestoreYes")
    with wait_signal(qtbot, dialog.restored, timeout=20_000):
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())
