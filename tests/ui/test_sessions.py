"""Sessions at a shared desk: Ctrl+L and an idle desk lock the window, the
same official finds their work again, another official takes the desk over,
and what prints afterwards is in the new official's name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.paper import FormKind
from counter_app.services import desk_settings
from counter_app.services.views import DossierInfo
from counter_app.ui.app import build_main_window
from counter_app.ui.form_print import FormPrint, PrintPreviewDialog
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import MainWindow
from tests.conftest import PASSWORD, login
from tests.ui.conftest import gone, wait_signal
from tests.ui.keyboard import Keyboard

Receive = Callable[..., DossierInfo]


def _active(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()


def _log_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str = PASSWORD) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.ok.click()


def test_ctrl_l_locks_and_the_same_official_finds_the_typing_again(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    _active(qtbot, window)
    receive = window.new_dossier()
    assert receive is not None
    receive.full_name.setText("Lương Văn Bình")
    # WHEN the official steps away and presses Ctrl+L
    window.session.lock_action.trigger()
    # THEN the lists and the reception form are hidden; only a login opens the desk
    lock = window.session.login
    assert lock is not None and lock.isVisible()
    assert lock.username.text() == "tiepnhan"
    assert not receive.isVisible() and not window.centralWidget().isVisible()
    lock.reject()  # Escape
    assert lock.isVisible() and window.session.locked
    _log_in(qtbot, lock, "tiepnhan", "sai-mat-khau")
    qtbot.waitUntil(lambda: lock.error.isVisible(), timeout=10_000)
    assert window.session.locked
    # WHEN the same official types the password, THEN everything is as it was
    with wait_signal(qtbot, lock.accepted, timeout=10_000):
        _log_in(qtbot, lock, "tiepnhan")
    assert not window.session.locked
    assert receive.isVisible() and receive.full_name.text() == "Lương Văn Bình"
    assert window.centralWidget().isVisible()
    assert window.user.username == "tiepnhan"


def test_another_official_takes_the_desk_over(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], receive_dossier: Receive
) -> None:
    code = receive_dossier().code
    window = make_window("tiepnhan")
    _active(qtbot, window)
    dossier = window.open_dossier(code)
    assert dossier is not None and dossier.isVisible()
    assert window.new_button.isEnabled()
    lock = window.session.switch()
    assert lock.username.text() == ""
    with wait_signal(qtbot, lock.accepted, timeout=10_000):
        _log_in(qtbot, lock, "thamdinh")
    # THEN the window follows the appraiser's roles; the clerk's dossier is closed
    assert window.user.username == "thamdinh"
    assert not window.new_button.isEnabled()
    assert "thamdinh" in window.user_label.text()
    assert gone(dossier)
    assert window.centralWidget().isVisible()


def test_log_out_closes_what_was_open_at_once(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    _active(qtbot, window)
    receive = window.new_dossier()
    assert receive is not None
    receive.full_name.setText("Lương Văn Bình")
    lock = window.session.log_out()
    qtbot.waitUntil(lambda: gone(receive))
    # The status bar names nobody while the desk waits for the next official
    assert window.user_label.text() == "Chưa có cán bộ đăng nhập"
    with wait_signal(qtbot, lock.accepted, timeout=10_000):
        _log_in(qtbot, lock, "motcua")
    # Nothing of the previous official comes back.
    assert window.user.username == "motcua"
    assert "motcua" in window.user_label.text()
    assert gone(receive)


def test_the_same_official_logging_back_in_is_named_again(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    _active(qtbot, window)
    lock = window.session.log_out()
    assert "tiepnhan" not in window.user_label.text()
    with wait_signal(qtbot, lock.accepted, timeout=10_000):
        _log_in(qtbot, lock, "tiepnhan")
    assert "tiepnhan" in window.user_label.text()


def test_an_idle_desk_locks_itself_and_input_keeps_it_open(
    qtbot: QtBot, counter: Runtime, make_window: Callable[[str], MainWindow]
) -> None:
    assert desk_settings.lock_after_minutes(counter.ctx) == desk_settings.DEFAULT_LOCK_AFTER
    desk_settings.set_lock_after_minutes(counter.ctx, login(counter, "quantri"), 5)
    window = make_window("tiepnhan")
    assert window.session.idle.interval() == 5 * 60_000
    _active(qtbot, window)
    window.session.set_idle_ms(1_500)
    # Input before the time is up starts the count again.
    qtbot.wait(900)
    qtbot.mouseMove(window.centralWidget(), QPoint(20, 20))
    qtbot.mouseMove(window.centralWidget(), QPoint(40, 40))
    assert window.session.idle.remainingTime() > 1_000
    assert not window.session.locked
    # Left alone, it locks.
    qtbot.waitUntil(lambda: window.session.locked, timeout=5_000)
    assert not window.centralWidget().isVisible()


def test_what_prints_after_a_switch_is_in_the_new_officials_name(
    qtbot: QtBot, counter: Runtime, receive_dossier: Receive, hold: list[object]
) -> None:
    code = receive_dossier().code
    window = build_main_window(counter.ctx, login(counter, "tiepnhan"), counter.data_dir)
    qtbot.addWidget(window)
    hold.append(window)
    window.set_user(login(counter, "motcua"))
    window.open_dossier(code)
    assert window.dossier_dialog is not None
    window.dossier_dialog.control_slip_button.click()

    def preview() -> PrintPreviewDialog | None:
        found = [w for w in window.findChildren(QWidget) if isinstance(w, PrintPreviewDialog)]
        return found[0] if found else None

    qtbot.waitUntil(lambda: preview() is not None, timeout=30_000)
    shown = preview()
    assert shown is not None and isinstance(shown.printable, FormPrint)
    assert shown.printable.kind is FormKind.CONTROL_SLIP
    assert shown.printable.actor.username == "motcua"
    shown.reject()


def test_ctrl_l_locks_the_desk_while_a_reception_is_open(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    _active(qtbot, window)
    receive = window.new_dossier()
    assert receive is not None
    receive.full_name.setText("Lương Văn Bình")
    qtbot.waitUntil(receive.isActiveWindow)
    # WHEN the official presses Ctrl+L in the reception form
    Keyboard().press(receive.full_name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    # THEN the desk is locked, the form hidden with its typing kept
    assert window.session.locked
    assert not receive.isVisible() and receive.full_name.text() == "Lương Văn Bình"


def test_alt_f4_asks_before_the_desk_closes_and_the_menu_has_exit(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    _active(qtbot, window)
    handle = window.windowHandle()
    assert handle is not None
    # WHEN the window system asks the window to close (Alt+F4, the title bar's X): it
    # sends the close to the window, which hands it on to the widget as spontaneous
    QApplication.sendEvent(handle, QCloseEvent())
    # THEN the desk asks first, and staying keeps it open
    box = window.session.exit_box
    assert box is not None and box.isVisible() and window.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert window.isVisible()
    # AND "Thoát" in the session menu asks the same; answering it closes the window
    assert window.session.exit_action.text().replace("&", "") == "Thoát"
    window.session.exit_action.trigger()
    box = window.session.exit_box
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())
