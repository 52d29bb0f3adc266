"""F1 opens the Vietnamese user guide shipped with the package; Help > About
names the version and the data folder."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter_app import __version__
from counter_app.services.setup import get_counter
from counter_app.ui.main_window import MainWindow


def test_f1_opens_the_guide_in_vietnamese(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help.window is not None and window.help.window.isVisible())
    assert window.help.window is not None
    text = window.help.window.browser.toPlainText()
    assert text.startswith("Hướng dẫn sử dụng")
    # The guide speaks of what is on the screen: the lists, the keys, the forms.
    for words in ("Đến hạn hôm nay", "Tiếp nhận hồ sơ (F2)", "4 tại chỗ", "mẫu 05", "F9"):
        assert words in text, words
    # A second F1 brings the same window forward rather than opening another.
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(window.findChildren(type(window.help.window))) == 1


def test_about_names_the_version_and_the_data_folder(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Trợ giúp")
    about = next(a for a in help_menu.actions() if "Giới thiệu" in a.text())
    about.trigger()
    box = next(b for b in window.findChildren(QMessageBox) if b.objectName() == "aboutBox")
    assert __version__ in box.text()
    assert str(window.help._data_dir) in box.text()


def test_about_names_the_counters_identity(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    # The identity the province's IT staff register the counter under.
    window = make_window("tiepnhan")
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Trợ giúp")
    about = next(a for a in help_menu.actions() if "Giới thiệu" in a.text())
    about.trigger()
    box = next(b for b in window.findChildren(QMessageBox) if b.objectName() == "aboutBox")
    counter = get_counter(window._ctx)
    assert counter is not None
    assert f"Mã định danh của quầy: {counter.uuid}" in box.text()
