"""The window shows the notices owed to citizens: those still due, those that
went out (Decree 118 Articles 19(6), 22(5)), and records a phone call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.notices import Channel, NoticeState
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.services import notice_settings
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive, take_step
from counter_app.services.notice_settings import MailServer, Security
from counter_app.ui.main_notices import NoticeTableModel
from counter_app.ui.main_window import MainWindow
from tests.conftest import Clock, login, typed_fee
from tests.services.notice_servers import SmtpServer
from tests.ui.conftest import wait_signal

MARITAL_STATUS = "1.004873"
EMAIL = "khuyen.lang@example.vn"
PHONE = "0987654321"


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


def _states(model: NoticeTableModel) -> list[tuple[Channel, NoticeState]]:
    return [(r.channel, r.state) for r in model.rows()]


def test_article_19_6_the_window_lists_notices_due_and_sent_and_records_a_call(
    qtbot: QtBot,
    counter: Runtime,
    clock: Clock,
    smtp: SmtpServer,
    make_window: Callable[[str], MainWindow],
) -> None:
    # GIVEN a mail server and an extended dossier whose citizen has an address and a phone
    server = MailServer("127.0.0.1", smtp.port, Security.NONE, "", "motcua@xa.gov.vn")
    notice_settings.set_mail_server(
        counter.ctx, login(counter, "quantri"), counter.data_dir, server, ""
    )
    citizen = ApplicantInput(
        full_name="Lăng Thị Khuyên", id_number="020190001234", phone=PHONE, email=EMAIL
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
    # WHEN the window opens: its sender runs once at start
    window = make_window("tiepnhan")
    notices_ui = window.notices
    qtbot.waitUntil(lambda: (Channel.EMAIL, NoticeState.SENT) in _states(notices_ui.model))
    # THEN the tab lists the call still to make first, and the mail sent
    assert _states(notices_ui.model) == [
        (Channel.PHONE, NoticeState.DUE),
        (Channel.EMAIL, NoticeState.SENT),
    ]
    assert len(smtp.box.messages) == 1
    model = notices_ui.model
    assert model.index(0, 0).data() == code
    assert model.index(0, 3).data() == PHONE
    assert "09:00 ngày 03/12/2026" in model.index(1, 0).data(0x03)  # tooltip: the text
    assert window.tabs.tabText(notices_ui.index).endswith("(1)")
    assert notices_ui.status_label.isVisibleTo(window)
    assert notices_ui.status_label.text().endswith("1")
    # WHEN the official records the call
    notices_ui.view.selectRow(0)
    with wait_signal(qtbot, notices_ui.loaded):
        notices_ui.call_button.click()
    # THEN it is recorded with who made it, and nothing is left to do
    qtbot.waitUntil(lambda: (Channel.PHONE, NoticeState.RECORDED) in _states(notices_ui.model))
    called = next(r for r in notices_ui.model.rows() if r.channel is Channel.PHONE)
    assert called.done_by == "tiepnhan"
    assert window.tabs.tabText(notices_ui.index).endswith("(0)")
    assert not notices_ui.status_label.isVisibleTo(window)
