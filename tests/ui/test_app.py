"""Start-up pieces: the error dialog, first-run setup, login — without run_gui's modal flow."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime, open_runtime
from counter_app.domain.workflow import Role
from counter_app.services import catalogue, setup
from counter_app.ui.app import ErrorReporter
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.setup_dialog import SetupDialog
from tests.conftest import login
from tests.ui.conftest import wait_signal
from tests.ui.keyboard import Keyboard

PASSWORD = "mat-khau-123"


def test_excepthook_logs_the_traceback_and_shows_a_plain_message(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    reporter = ErrorReporter(tmp_path)
    try:
        raise ValueError("secret internal detail")
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None and exc is not None
    with caplog.at_level(logging.CRITICAL):
        reporter(exc_type, exc, tb)
    box = reporter.last_box
    assert isinstance(box, QMessageBox)
    qtbot.addWidget(box)
    assert box.isVisible()
    shown = " ".join([box.windowTitle(), box.text(), box.informativeText(), box.detailedText()])
    assert "Traceback" not in shown
    assert "secret internal detail" not in shown
    assert "ValueError" not in shown
    assert box.text() == reporter.tr(
        "Something went wrong and the last action was not finished. Dossiers already saved are safe; try the action again."
    )
    assert str(tmp_path) in box.informativeText()
    # The traceback went to the log for the IT staff.
    assert "secret internal detail" in caplog.text
    assert "Traceback" in caplog.text
    box.close()


def test_first_run_setup_creates_counter_admin_and_catalogue(
    qtbot: QtBot, tmp_path: Path, hold: list[object]
) -> None:
    rt = open_runtime(tmp_path / "fresh")
    try:
        dialog = SetupDialog(rt.ctx)
        qtbot.addWidget(dialog)
        hold.append(dialog)
        dialog.agency_id.setText("000.00.37.h37")
        dialog.agency_name.setText("UBND xã Hoàng Văn Thụ")
        dialog.parent_name.setText("UBND TỈNH LẠNG SƠN")
        dialog.place.setText("Lạng Sơn")
        dialog.counter_name.setText("Quầy số 1")
        dialog.username.setText("quantri")
        dialog.full_name.setText("Lương Văn Hải")
        dialog.password.setText(PASSWORD)
        dialog.password2.setText(PASSWORD)
        # GIVEN no name for the one-stop unit: refused next to the field
        dialog.ok.click()
        assert dialog.errors.label("unit_name").isVisibleTo(dialog)
        assert setup.get_counter(rt.ctx) is None
        dialog.unit_name.setText("Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ")
        # GIVEN mistyped password confirmation: refused next to the field
        dialog.password2.setText("khac-mat-khau")
        dialog.ok.click()
        assert dialog.errors.label("password2").isVisibleTo(dialog)
        assert setup.get_counter(rt.ctx) is None
        # WHEN corrected
        dialog.password2.setText(PASSWORD)
        with wait_signal(qtbot, dialog.accepted):
            dialog.ok.click()
        counter = setup.get_counter(rt.ctx)
        assert counter is not None and counter.agency_id == "000.00.37.H37"
        # THEN the unit is the counter's data and new counters start on the current set
        assert counter.unit_name == "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ"
        assert counter.form_set == "tt03-2025"
        admin = login(rt.ctx, "quantri", PASSWORD)
        assert Role.ADMIN in admin.roles and Role.RECEIVER in admin.roles
        assert len(catalogue.list_procedures(rt.ctx)) > 20
    finally:
        rt.close()


def test_setup_refusal_is_shown_on_the_field(
    qtbot: QtBot, tmp_path: Path, hold: list[object]
) -> None:
    rt = open_runtime(tmp_path / "fresh")
    try:
        dialog = SetupDialog(rt.ctx)
        qtbot.addWidget(dialog)
        hold.append(dialog)
        dialog.agency_id.setText("not an id")
        dialog.agency_name.setText("UBND xã")
        dialog.counter_name.setText("Quầy 1")
        dialog.ok.click()
        assert dialog.errors.label("agency_id").text()
        assert dialog.result() == 0
        assert setup.get_counter(rt.ctx) is None
    finally:
        rt.close()


def _login_dialog(qtbot: QtBot, counter: Runtime, hold: list[object]) -> LoginDialog:
    """The start-up login, shown, with tiepnhan's name typed in."""
    dialog = LoginDialog(counter.ctx, counter_name="Quầy số 1")
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    dialog.username.setText("tiepnhan")
    return dialog


def test_login_checks_the_password_offline(
    qtbot: QtBot, counter: Runtime, hold: list[object]
) -> None:
    dialog = _login_dialog(qtbot, counter, hold)
    dialog.password.setText("sai-mat-khau")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.user is None
    dialog.password.setText(PASSWORD)
    with wait_signal(qtbot, dialog.accepted, timeout=10_000):
        dialog.ok.click()
    assert dialog.user is not None and dialog.user.full_name == "Hoàng Thị Mai"


def test_the_start_login_is_refused_until_the_counter_is_open_and_checked(
    qtbot: QtBot, counter: Runtime, hold: list[object]
) -> None:
    # GIVEN the start's login window, painted while the counter is still being opened
    dialog = LoginDialog(None, counter_name="Quầy số 1")
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    dialog.username.setText("tiepnhan")
    dialog.password.setText(PASSWORD)
    # WHEN the official submits before the start checks are done
    assert not dialog.ok.isEnabled()
    dialog.submit()  # Enter in a field
    # THEN nothing is checked and nobody is logged in
    assert not dialog.busy and dialog.user is None and not dialog.error.isVisible()
    # WHEN the counter is open and checked, the same login is accepted
    dialog.ready(counter.ctx)
    assert dialog.ok.isEnabled()
    with wait_signal(qtbot, dialog.accepted, timeout=10_000):
        dialog.ok.click()
    assert dialog.user is not None and dialog.user.full_name == "Hoàng Thị Mai"


def test_the_login_window_says_when_the_account_is_locked(
    qtbot: QtBot, counter: Runtime, hold: list[object]
) -> None:
    dialog = _login_dialog(qtbot, counter, hold)
    # GIVEN five wrong passwords typed in the window
    for attempt in range(5):
        dialog.password.setText(f"sai-mat-khau-{attempt}")
        dialog.error.setVisible(False)
        dialog.ok.click()
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    # WHEN the right one follows: refused, and the window says until when
    dialog.password.setText(PASSWORD)
    dialog.error.setVisible(False)
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "tài khoản bị khóa đến 09:15 26/11/2026" in dialog.error.text()
    assert dialog.user is None and dialog.result() == 0


def test_setup_saves_nothing_while_the_administrators_part_is_refused(
    qtbot: QtBot, tmp_path: Path, hold: list[object]
) -> None:
    rt = open_runtime(tmp_path / "fresh")
    try:
        dialog = SetupDialog(rt.ctx)
        qtbot.addWidget(dialog)
        hold.append(dialog)
        dialog.agency_id.setText("000.00.37.H37")
        dialog.agency_name.setText("UBND xã Hoàng Văn Thụ")
        dialog.unit_name.setText("Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ")
        dialog.counter_name.setText("Quầy số 1")
        dialog.username.setText("quantri")
        dialog.full_name.setText("Lương Văn Hải")
        dialog.password.setText("ngan")
        dialog.password2.setText("ngan")
        # WHEN the administrator's password is too short
        dialog.ok.click()
        # THEN it is refused next to the field, and the agency part is not saved
        # either: it stays editable, to be corrected with the rest
        assert dialog.errors.label("password").isVisibleTo(dialog)
        assert setup.get_counter(rt.ctx) is None
        assert dialog.agency_id.isEnabled()
        dialog.agency_id.setText("000.00.37.H38")
        dialog.password.setText(PASSWORD)
        dialog.password2.setText(PASSWORD)
        with wait_signal(qtbot, dialog.accepted):
            dialog.ok.click()
        counter = setup.get_counter(rt.ctx)
        assert counter is not None and counter.agency_id == "000.00.37.H38"
        assert Role.ADMIN in login(rt.ctx, "quantri", PASSWORD).roles
    finally:
        rt.close()


def test_the_first_start_form_starts_at_the_agency_and_tabs_down_the_page(
    qtbot: QtBot, tmp_path: Path, hold: list[object]
) -> None:
    rt = open_runtime(tmp_path / "fresh")
    try:
        dialog = SetupDialog(rt.ctx)
        qtbot.addWidget(dialog)
        hold.append(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
        # The cursor waits in the first field, the agency identifier
        assert dialog.focusWidget() is dialog.agency_id
        # AND Tab goes down the form as it reads, into the administrator's part
        keyboard, seen = Keyboard(), []
        for _ in range(8):
            focused = dialog.focusWidget()
            assert focused is not None
            keyboard.press(focused, Qt.Key.Key_Tab, text="\t")
            seen.append(dialog.focusWidget())
        assert seen == [
            dialog.agency_name,
            dialog.unit_name,
            dialog.parent_name,
            dialog.place,
            dialog.counter_name,
            dialog.code_slot,
            dialog.username,
            dialog.full_name,
        ]
    finally:
        rt.close()
