"""The Administration menu (admin role only) and the officials an administrator
adds, disables, enables, re-passwords and re-roles from the window."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Role
from counter_app.services import auth
from counter_app.ui.admin.official_forms import AddOfficialDialog, PasswordDialog, RolesDialog
from counter_app.ui.admin.officials_dialog import OfficialsDialog
from counter_app.ui.admin.officials_model import OfficialsModel
from counter_app.ui.admin.service_form import ServiceForm
from counter_app.ui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.ui.conftest import gone, wait_signal, written
from tests.ui.desk_login import take_desk

NEW_PASSWORD = "mat-khau-moi-789"


def _officials(window: MainWindow) -> OfficialsDialog:
    assert window.admin_menu.visible
    window.admin_menu.officials_action.trigger()
    dialog = window.admin_menu.officials_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _save(qtbot: QtBot, form: ServiceForm) -> None:
    """OK pressed; the form closes once the service (off the UI thread) saved."""
    form.ok_button.click()
    qtbot.waitUntil(lambda: gone(form), timeout=10_000)


def _row(dialog: OfficialsDialog, username: str) -> list[str]:
    row = dialog.model.row_of(username)
    return [str(dialog.model.index(row, c).data()) for c in range(dialog.model.columnCount())]


def test_the_menu_is_there_only_for_an_administrator(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("tiepnhan")
    assert not window.admin_menu.visible
    assert not window.admin_menu.menu.menuAction().isEnabled()
    # WHEN an administrator takes the desk over THEN the menu appears
    take_desk(qtbot, window, "quantri")
    assert window.admin_menu.visible
    assert window.admin_menu.menu.title() == "&Quản trị"
    # AND it goes with them, closing what they had open
    dialog = _officials(window)
    take_desk(qtbot, window, "thamdinh")
    assert not window.admin_menu.visible
    assert gone(dialog)


def test_an_added_official_logs_in_with_the_roles_given(
    qtbot: QtBot,
    make_window: Callable[[str], MainWindow],
    counter: Runtime,
    qtmodeltester: ModelTester,
) -> None:
    window = make_window("quantri")
    dialog = _officials(window)
    qtmodeltester.check(dialog.model)
    form = dialog.add()
    assert isinstance(form, AddOfficialDialog)
    form.username.setText("lan.vt")
    form.full_name.setText("Vi Thị Lan")
    form.title_edit.setText("Công chức Văn phòng - Thống kê")
    form.roles.boxes[Role.RECEIVER].setChecked(True)
    form.password.setText(NEW_PASSWORD)
    # WHEN the second typing differs THEN the form says so under it and stays open
    form.confirm.setText(NEW_PASSWORD + "x")
    form.ok_button.click()
    label = form.errors.label("confirm")
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert "không giống nhau" in label.text()
    assert form.isVisible()
    form.confirm.setText(NEW_PASSWORD)
    _save(qtbot, form)
    # THEN the list shows the official, selected, active, with the role
    assert dialog.selected_username() == "lan.vt"
    assert _row(dialog, "lan.vt")[1:] == [
        "Vi Thị Lan",
        "Công chức Văn phòng - Thống kê",
        "Công chức tiếp nhận",
        "Đang hoạt động",
    ]
    # AND the new official logs in at the desk: receiving, no Administration menu
    dialog.close()
    take_desk(qtbot, window, "lan.vt", NEW_PASSWORD)
    assert window.user.roles == {Role.RECEIVER}
    assert window.new_button.isEnabled() and not window.admin_menu.visible


def test_a_disabled_official_cannot_log_in_until_enabled(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], counter: Runtime
) -> None:
    window = make_window("quantri")
    dialog = _officials(window)
    dialog.select("thamdinh")
    assert dialog.active_button.text() == "Vô hiệu hóa"
    dialog.active_button.click()
    written(qtbot, dialog)
    assert _row(dialog, "thamdinh")[OfficialsModel.STATUS] == "Đã vô hiệu hóa"
    assert dialog.active_button.text() == "Kích hoạt lại"
    with pytest.raises(UserError, match="disabled"):
        auth.login(counter.ctx, "thamdinh", PASSWORD)
    # The lock screen tells the official why, in Vietnamese
    lock = window.session.switch()
    lock.username.setText("thamdinh")
    lock.password.setText(PASSWORD)
    lock.ok.click()
    qtbot.waitUntil(lambda: lock.error.isVisible(), timeout=10_000)
    assert "đã bị vô hiệu hóa" in lock.error.text()
    lock.username.setText("quantri")
    lock.password.setText(PASSWORD)
    with wait_signal(qtbot, lock.accepted, timeout=10_000):
        lock.ok.click()
    # WHEN enabled again THEN they log in
    dialog = _officials(window)
    dialog.select("thamdinh")
    dialog.active_button.click()
    written(qtbot, dialog)
    assert _row(dialog, "thamdinh")[OfficialsModel.STATUS] == "Đang hoạt động"
    assert auth.login(counter.ctx, "thamdinh", PASSWORD).username == "thamdinh"


def test_the_administrator_cannot_disable_themselves(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("quantri")
    dialog = _officials(window)
    dialog.select("quantri")
    dialog.active_button.click()
    written(qtbot, dialog)
    (box,) = dialog.findChildren(QMessageBox)
    assert box.isVisible() and "tự vô hiệu hóa" in box.text()
    assert _row(dialog, "quantri")[OfficialsModel.STATUS] == "Đang hoạt động"


def test_reset_password_then_change_roles(
    qtbot: QtBot, make_window: Callable[[str], MainWindow], counter: Runtime
) -> None:
    window = make_window("quantri")
    dialog = _officials(window)
    dialog.select("tiepnhan")
    form = dialog.reset()
    assert isinstance(form, PasswordDialog)
    form.password.setText(NEW_PASSWORD)
    form.confirm.setText(NEW_PASSWORD)
    _save(qtbot, form)
    assert auth.login(counter.ctx, "tiepnhan", NEW_PASSWORD).username == "tiepnhan"
    # Roles: the receiving officer becomes an appraiser only
    roles = dialog.change_roles()
    assert isinstance(roles, RolesDialog)
    assert roles.roles.roles() == {Role.RECEIVER, Role.RETURNER}
    roles.roles.boxes[Role.RECEIVER].setChecked(False)
    roles.roles.boxes[Role.RETURNER].setChecked(False)
    roles.roles.boxes[Role.APPRAISER].setChecked(True)
    _save(qtbot, roles)
    assert _row(dialog, "tiepnhan")[OfficialsModel.ROLES] == "Người thẩm định"
    dialog.close()
    take_desk(qtbot, window, "tiepnhan", NEW_PASSWORD)
    assert not window.new_button.isEnabled()


def test_removing_the_last_admin_role_is_refused_in_the_form(
    qtbot: QtBot, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("quantri")
    dialog = _officials(window)
    dialog.select("quantri")
    roles = dialog.change_roles()
    assert isinstance(roles, RolesDialog)
    roles.roles.boxes[Role.ADMIN].setChecked(False)
    roles.roles.boxes[Role.RECEIVER].setChecked(True)
    roles.ok_button.click()
    label = roles.errors.label("roles")
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert "quản trị" in label.text().lower()
    assert roles.isVisible()
