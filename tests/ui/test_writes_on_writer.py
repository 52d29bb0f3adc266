"""Once the window's writer runs, it alone opens units of work: a write started
on a pool (an import, an official's form, the notice sender, a call recorded)
is queued on it, and a unit of work opened on any other thread is refused
before it writes anything (counter_app/writer.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.notices import Channel, NoticeState
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, Role
from counter_app.i18n import render
from counter_app.models import Setting
from counter_app.services import auth, backups, catalogue, notice_settings
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive, take_step
from counter_app.services.notice_settings import MailServer, Security
from counter_app.ui.admin.backups_dialog import BackupsDialog
from counter_app.ui.admin.official_forms import AddOfficialDialog
from counter_app.ui.admin.procedure_form import ProcedureForm
from counter_app.ui.main_notices import NoticeTableModel
from counter_app.ui.main_window import MainWindow
from counter_app.writer import WriteOffWriter
from tests.conftest import Clock, login, typed_fee
from tests.services.notice_servers import SmtpServer
from tests.ui.conftest import MARITAL_STATUS, Receive, gone, wait_signal, written
from tests.ui.test_admin_catalogue import CSV
from tests.ui.test_one_writer import write_threads

WRITER = "counter-writer"
NEW_PASSWORD = "mat-khau-moi-789"


@contextmanager
def window_writes(rt: Runtime) -> Iterator[list[str]]:
    """The UI thread as the window leaves it (forbidden to write, the writer
    running); yields the threads the write transactions begin on meanwhile."""
    rt.ctx.forbid_writes_on_this_thread()
    seen, stop = write_threads(rt)
    try:
        yield seen
    finally:
        stop()
        rt.ctx.sessions.writer.allow_this_thread()


def on_writer_only(seen: list[str]) -> bool:
    return bool(seen) and all(name.startswith(WRITER) for name in seen)


def on_a_plain_thread(job: Callable[[], object]) -> BaseException | None:
    """What ``job`` raised on a thread of its own (not the writer, not forbidden)."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            raised.append(exc)

    thread = threading.Thread(target=run, name="plain-pool-thread")
    thread.start()
    thread.join(timeout=30)
    return raised[0] if raised else None


def _setting(rt: Runtime, key: str) -> str | None:
    with rt.ctx.sessions() as s:
        row = s.get(Setting, key)
        return None if row is None else row.value


def test_a_unit_of_work_off_the_writer_is_refused_once_it_runs(counter: Runtime) -> None:
    ctx = counter.ctx

    def add(key: str) -> Callable[[], None]:
        def job() -> None:
            with ctx.sessions.begin() as s:
                s.add(Setting(key=key, value="x"))

        return job

    def trial() -> None:
        with ctx.sessions.trial() as s:
            s.add(Setting(key="tried", value="x"))

    # GIVEN no writer yet (the CLI, a script): a thread opens its own unit of work
    assert on_a_plain_thread(add("before")) is None
    assert _setting(counter, "before") == "x"
    # WHEN the writer runs, as in the window
    ctx.submit_write(lambda: None).result(timeout=30)
    # THEN a unit of work opened on another thread is a programming error, and writes nothing
    refused = on_a_plain_thread(add("bypass"))
    assert isinstance(refused, WriteOffWriter)
    assert "plain-pool-thread" in str(refused) and "sessions.write" in str(refused)
    assert isinstance(on_a_plain_thread(trial), WriteOffWriter)
    assert _setting(counter, "bypass") is None
    # AND the same write handed to the writer is queued there and done
    seen, stop = write_threads(counter)
    try:
        assert on_a_plain_thread(lambda: ctx.sessions.write(add_setting("written"))) is None
        assert on_a_plain_thread(lambda: ctx.submit_write(add("queued")).result()) is None
    finally:
        stop()
    assert _setting(counter, "written") == "x" and _setting(counter, "queued") == "x"
    assert on_writer_only(seen) and len(seen) == 2


def add_setting(key: str) -> Callable[[Session], None]:
    return lambda session: session.add(Setting(key=key, value="x"))


def test_a_catalogue_import_and_a_procedure_edit_are_written_on_the_writer(
    qtbot: QtBot, counter: Runtime, make_window: Callable[[str], MainWindow], tmp_path: Path
) -> None:
    # GIVEN a catalogue file and the administrator's window, writing as the window does
    path = tmp_path / "danh-muc.csv"
    path.write_text(CSV, encoding="utf-8")
    window = make_window("quantri")
    with window_writes(counter) as seen:
        window.admin_menu.catalogue_action.trigger()
        dialog = window.admin_menu.catalogue_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
        dialog._choose = lambda _parent: path
        # WHEN the administrator imports it (read on a pool, written in one transaction)
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.report_dialog is not None, timeout=20_000)
        qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
        # AND corrects one procedure through its form
        dialog.select(MARITAL_STATUS)
        form = dialog.edit()
        assert isinstance(form, ProcedureForm)
        form.fee_amount.setValue(15_000)
        form.ok_button.click()
        qtbot.waitUntil(lambda: gone(form), timeout=10_000)
    # THEN both were written, on the writer only
    assert on_writer_only(seen) and len(seen) == 2
    codes = {p.code: p for p in catalogue.list_procedures(counter.ctx)}
    assert "1.000001" in codes
    assert codes[MARITAL_STATUS].fee.amount == 15_000


def test_an_official_added_from_the_window_is_written_on_the_writer(
    qtbot: QtBot, counter: Runtime, make_window: Callable[[str], MainWindow]
) -> None:
    window = make_window("quantri")
    with window_writes(counter) as seen:
        window.admin_menu.officials_action.trigger()
        dialog = window.admin_menu.officials_dialog
        assert dialog is not None
        form = dialog.add()
        assert isinstance(form, AddOfficialDialog)
        form.username.setText("lan.vt")
        form.full_name.setText("Vi Thị Lan")
        form.roles.boxes[Role.RECEIVER].setChecked(True)
        form.password.setText(NEW_PASSWORD)
        form.confirm.setText(NEW_PASSWORD)
        # WHEN the administrator saves the form (its password hashed off the UI thread)
        form.ok_button.click()
        qtbot.waitUntil(lambda: gone(form), timeout=20_000)
    # THEN the official was written on the writer, and logs in
    assert on_writer_only(seen) and len(seen) == 1
    assert auth.login(counter.ctx, "lan.vt", NEW_PASSWORD).roles == {Role.RECEIVER}


def _states(model: NoticeTableModel) -> list[tuple[Channel, NoticeState]]:
    return [(r.channel, r.state) for r in model.rows()]


def test_a_notice_sent_and_a_call_recorded_by_the_window_are_written_on_the_writer(
    qtbot: QtBot,
    counter: Runtime,
    clock: Clock,
    make_window: Callable[[str], MainWindow],
) -> None:
    # GIVEN a real mail server and an extended dossier whose citizen has an address and a phone
    smtp = SmtpServer().start()
    try:
        server = MailServer("127.0.0.1", smtp.port, Security.NONE, "", "motcua@xa.gov.vn")
        notice_settings.set_mail_server(
            counter.ctx, login(counter, "quantri"), counter.data_dir, server, ""
        )
        citizen = ApplicantInput(
            full_name="Lăng Thị Khuyên",
            id_number="020190001234",
            phone="0987654321",
            email="khuyen.lang@example.vn",
        )
        code = receive(
            counter.ctx,
            login(counter, "tiepnhan"),
            ReceiveRequest(MARITAL_STATUS, citizen, fee_amount=typed_fee(MARITAL_STATUS)),
        ).code
        clock.now = datetime(2026, 11, 27, 10, 0)
        request = StepRequest(
            Action.APOLOGISE, note="Chờ xác minh", new_appointment=datetime(2026, 12, 3, 9, 0)
        )
        take_step(counter.ctx, login(counter, "tiepnhan"), code, request)
        with window_writes(counter) as seen:
            # WHEN the window opens (its sender runs on its pool) and the official records the call
            window = make_window("tiepnhan")
            model = window.notices.model
            qtbot.waitUntil(lambda: (Channel.EMAIL, NoticeState.SENT) in _states(model))
            window.notices.view.selectRow(0)
            with wait_signal(qtbot, window.notices.loaded):
                window.notices.call_button.click()
            qtbot.waitUntil(lambda: (Channel.PHONE, NoticeState.RECORDED) in _states(model))
        # THEN the mail went out once, and its claim, its record and the call were
        # written on the writer only
        assert len(smtp.box.messages) == 1
        assert on_writer_only(seen) and len(seen) >= 3
    finally:
        smtp.stop()


def test_a_backup_and_a_restore_from_the_window_leave_the_writer_the_only_one_writing(
    qtbot: QtBot,
    counter: Runtime,
    official: Callable[[str], object],
    receive_dossier: Receive,
    hold: list[object],
    tmp_path: Path,
) -> None:
    # GIVEN a dossier, and the backups dialog with the window's writer running
    receive_dossier()
    dialog = BackupsDialog(counter.ctx, official("quantri"), counter.data_dir)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    hold.append(dialog)
    dialog.show()
    usb = tmp_path / "usb"
    usb.mkdir()
    with window_writes(counter) as seen:
        # WHEN the administrator sets a second place and backs up now
        dialog.place.setText(str(usb))
        qtbot.mouseClick(dialog.save_place_button, Qt.MouseButton.LeftButton)
        written(qtbot, dialog)
        qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.back_up_button.isEnabled, timeout=20_000)
        last = backups.last_good(counter.data_dir)
        assert last is not None
        # AND restores that backup
        dialog.check_backup(last.path)
        qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=20_000)
        box = dialog.confirm_box
        assert box is not None
        box.checkBox().setChecked(True)
        restore = box.findChild(type(dialog.restore_button), "confirmRestoreYes")
        with wait_signal(qtbot, dialog.restored, timeout=20_000):
            qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    # THEN the place was written on the writer, the backup and the restore wrote nothing
    assert seen and all(name.startswith(WRITER) for name in seen)
    assert backups.settings(counter.data_dir).place == str(usb.resolve())
    # AND after the restore a write from the window is refused with the sentence, not a fault
    future = counter.ctx.submit_write(lambda: receive_dossier())
    with pytest.raises(UserError) as refused:
        future.result(timeout=30)
    assert "mở lại" in render(refused.value.message)
    # (from a pool's thread too)
    refused_there = on_a_plain_thread(lambda: counter.ctx.sessions.write(add_setting("late")))
    assert isinstance(refused_there, UserError)


def test_no_service_opens_its_own_unit_of_work() -> None:
    """A service writes through sessions.write (joined, or queued on the
    writer), never a ``sessions.begin()`` of its own that a pool would open
    off the writer: the window would refuse it only when that path runs."""
    services = Path(__file__).resolve().parents[2] / "counter_app" / "services"
    opened = [
        f"{path.relative_to(services)}:{number}"
        for path in sorted(services.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "sessions.begin()" in line or "sessions.trial()" in line
    ]
    assert opened == []
