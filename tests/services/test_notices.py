"""Notices to the citizen (Decree 118 Articles 19(6), 22(5)): made with the
step, sent through a real SMTP server and a real HTTP gateway on loopback,
kept while the link is down and sent once when it returns."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.notices import Channel, NoticeKind, NoticeState
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import AuditEntry, Notice
from counter_app.services import notice_settings, notices
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive, take_step
from counter_app.services.notice_sending import STALE_CLAIM, send_due
from counter_app.services.notice_settings import MailServer, Security, SmsGateway
from tests.conftest import Clock, login, typed_fee
from tests.services.notice_servers import SmsGatewayServer, SmtpServer, free_port

MARITAL_STATUS = "1.004873"  # 3 working days: received Thu 26/11/2026 09:00, due Tue 01/12
CERTIFIED_COPY = "2.000815"  # 4 tại chỗ
EMAIL = "khuyen.lang@example.vn"
PHONE = "0987654321"
SENDER = "motcua@hoangvanthu.langson.gov.vn"
TOKEN = "gw-token-5f1c"
ROOT = Path(__file__).resolve().parents[2]


def _receive(
    rt: Runtime, *, email: str = EMAIL, phone: str = PHONE, code: str = MARITAL_STATUS
) -> str:
    citizen = ApplicantInput(
        full_name="Lăng Thị Khuyên", id_number="020190001234", phone=phone, email=email
    )
    request = ReceiveRequest(code, citizen, fee_amount=typed_fee(code))
    return receive(rt.ctx, login(rt, "tiepnhan"), request).code


def _extend(rt: Runtime, code: str, new: datetime = datetime(2026, 12, 3, 9, 0)) -> None:
    request = StepRequest(Action.APOLOGISE, note="Chờ xác minh của Công an xã", new_appointment=new)
    take_step(rt.ctx, login(rt, "tiepnhan"), code, request)


def _mail_server(rt: Runtime, port: int) -> None:
    server = MailServer("127.0.0.1", port, Security.NONE, "", SENDER)
    notice_settings.set_mail_server(rt.ctx, login(rt, "quantri"), rt.data_dir, server, "")


def _rows(rt: Runtime) -> list[Notice]:
    with rt.ctx.sessions() as session:
        return list(session.scalars(select(Notice).order_by(Notice.id)))


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def gateway() -> Iterator[SmsGatewayServer]:
    server = SmsGatewayServer().start()
    yield server
    server.stop()


def test_article_19_6_extension_makes_the_notices_naming_the_new_date(
    counter: Runtime, clock: Clock, smtp: SmtpServer
) -> None:
    # GIVEN a desk with a mail server and no SMS gateway; a dossier due Tue 01/12
    _mail_server(counter, smtp.port)
    code = _receive(counter)
    # WHEN it is extended on Fri 27/11 to Thu 03/12 09:00
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    # THEN a mail and a phone call are due, in Vietnamese, with the dates and the article
    rows = _rows(counter)
    assert [(n.kind, n.channel, n.recipient, n.state) for n in rows] == [
        ("extension", "email", EMAIL, "due"),
        ("extension", "phone", PHONE, "due"),
    ]
    mail = rows[0]
    assert mail.subject == f"Hồ sơ {code}: gia hạn thời gian giải quyết"
    assert "Thời hạn trả kết quả mới: 09:00 ngày 03/12/2026." in mail.text
    assert "hạn đã hẹn 09:00 ngày 01/12/2026" in mail.text
    assert "Chờ xác minh của Công an xã" in mail.text
    assert mail.basis == "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 6"
    assert "Điều 19 khoản 6" in rows[1].text
    assert (mail.created_by, mail.created_at) == ("tiepnhan", clock.now)
    # AND the province learns of them through the synced audit log
    with counter.ctx.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.event == "notice.due")).one()
    assert entry.details["channels"] == ["email", "phone"]


def test_article_19_6_sending_delivers_exactly_one_mail(
    counter: Runtime, clock: Clock, smtp: SmtpServer
) -> None:
    _mail_server(counter, smtp.port)
    code = _receive(counter, phone="")
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    # WHEN the sender runs twice
    first = send_due(counter.ctx, counter.data_dir)
    second = send_due(counter.ctx, counter.data_dir)
    # THEN the server took one mail, to the citizen, from the desk, as written
    assert (first.sent, second.sent) == (1, 0)
    assert len(smtp.box.messages) == 1
    message = smtp.box.messages[0]
    assert smtp.box.envelopes == [(SENDER, [EMAIL])]
    assert message["To"] == EMAIL
    assert message["Subject"] == f"Hồ sơ {code}: gia hạn thời gian giải quyết"
    assert "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ" in str(message["From"])
    body = message.get_content()
    assert "Thời hạn trả kết quả mới: 09:00 ngày 03/12/2026." in body
    assert "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 6" in body
    [row] = _rows(counter)
    assert message["Message-ID"].strip() == f"<notice-{row.uuid}@hoangvanthu.langson.gov.vn>"
    assert (row.state, row.done_at, row.attempts) == ("sent", clock.now, 1)


def test_article_19_6_offline_the_mail_waits_then_goes_out_once(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN the mail server is down
    port = free_port()
    _mail_server(counter, port)
    code = _receive(counter, phone="")
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    # WHEN the sender runs: the notice stays due, with why
    report = send_due(counter.ctx, counter.data_dir)
    assert (report.sent, report.waiting) == (0, 1)
    [row] = _rows(counter)
    assert row.state == "due" and "Connection" in row.last_error
    # AND once the link is back, it goes out once, and never again
    server = SmtpServer(port).start()
    try:
        clock.now += timedelta(minutes=5)
        assert send_due(counter.ctx, counter.data_dir).sent == 1
        assert send_due(counter.ctx, counter.data_dir).sent == 0
        assert len(server.box.messages) == 1
    finally:
        server.stop()
    [row] = _rows(counter)
    assert (row.state, row.attempts, row.last_error) == ("sent", 2, "")


def test_article_19_6_a_refused_address_fails_with_the_servers_reason(
    counter: Runtime, clock: Clock, smtp: SmtpServer
) -> None:
    _mail_server(counter, smtp.port)
    smtp.box.refuse = "550 5.1.1 Mailbox unavailable"
    code = _receive(counter, phone="")
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    assert send_due(counter.ctx, counter.data_dir).failed == 1
    [row] = _rows(counter)
    assert row.state == "failed" and "550 5.1.1 Mailbox unavailable" in row.last_error
    # Not hammered: tried again only after a while, then it goes out
    smtp.box.refuse = None
    assert send_due(counter.ctx, counter.data_dir).sent == 0
    clock.now += timedelta(hours=1)
    assert send_due(counter.ctx, counter.data_dir).sent == 1
    assert len(smtp.box.messages) == 1


def test_article_19_6_a_crash_after_the_send_repeats_it_only_under_the_same_message_id(
    counter: Runtime, clock: Clock, smtp: SmtpServer
) -> None:
    # GIVEN a mail due, and a sender in its own process
    _mail_server(counter, smtp.port)
    code = _receive(counter, phone="")
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.services.notice_sender_proc",
            str(counter.data_dir),
            clock.now.isoformat(),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # WHEN the process dies after the server has the mail, before it hears "250"
    smtp.box.on_data = lambda: os.kill(proc.pid, signal.SIGKILL)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err.decode()
    smtp.box.on_data = None
    assert len(smtp.box.messages) == 1
    [row] = _rows(counter)
    assert row.state == "sending"
    # THEN a sender right after does not send it again (the claim is fresh) ...
    assert send_due(counter.ctx, counter.data_dir).sent == 0
    # ... and once the claim is stale, it goes again under the same Message-ID
    clock.now += STALE_CLAIM + timedelta(seconds=1)
    assert send_due(counter.ctx, counter.data_dir).sent == 1
    assert send_due(counter.ctx, counter.data_dir).sent == 0
    ids = {m["Message-ID"].strip() for m in smtp.box.messages}
    assert len(smtp.box.messages) == 2 and ids == {
        f"<notice-{row.uuid}@hoangvanthu.langson.gov.vn>"
    }
    [row] = _rows(counter)
    assert (row.state, row.attempts) == ("sent", 2)


def test_article_19_6_a_message_to_the_phone_goes_through_the_gateway(
    counter: Runtime, clock: Clock, gateway: SmsGatewayServer
) -> None:
    # GIVEN an SMS gateway with its token (kept in a private file)
    admin = login(counter, "quantri")
    notice_settings.set_sms_gateway(
        counter.ctx, admin, counter.data_dir, SmsGateway(gateway.url), TOKEN
    )
    secret = counter.data_dir / notice_settings.SECRETS_FILENAME
    assert secret.stat().st_mode & 0o777 == 0o600
    code = _receive(counter, email="")
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    # WHEN sent twice
    assert send_due(counter.ctx, counter.data_dir).sent == 1
    assert send_due(counter.ctx, counter.data_dir).sent == 0
    # THEN the gateway got one message, to the phone, with the new date
    [got] = gateway.received
    [row] = _rows(counter)
    assert got.body["to"] == PHONE and got.body["reference"] == row.uuid
    assert "Hẹn mới: 09:00 ngày 03/12/2026" in got.body["text"]
    assert got.headers["Authorization"] == f"Bearer {TOKEN}"
    assert got.headers["Idempotency-Key"] == row.uuid
    assert (row.channel, row.state) == ("sms", "sent")


def test_article_19_6_gateway_down_the_message_waits(
    counter: Runtime, clock: Clock, gateway: SmsGatewayServer
) -> None:
    admin = login(counter, "quantri")
    notice_settings.set_sms_gateway(
        counter.ctx, admin, counter.data_dir, SmsGateway(gateway.url), TOKEN
    )
    gateway.status = 503
    code = _receive(counter, email="")
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    assert send_due(counter.ctx, counter.data_dir).waiting == 1
    assert _rows(counter)[0].state == "due"
    gateway.status = 200
    assert send_due(counter.ctx, counter.data_dir).sent == 1
    assert len(gateway.received) == 2


def test_article_19_6_a_phone_call_is_recorded_by_the_official(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN no gateway: the phone number gets a call to make
    code = _receive(counter, email="")
    clock.now = datetime(2026, 11, 27, 10, 0)
    _extend(counter, code)
    [due] = notices.list_notices(counter.ctx)
    assert (due.channel, due.state) == (Channel.PHONE, NoticeState.DUE)
    # The sender does not touch it
    assert send_due(counter.ctx, counter.data_dir).sent == 0
    # WHEN the official records the call
    clock.now = datetime(2026, 11, 27, 10, 20)
    done = notices.record_call(counter.ctx, login(counter, "tiepnhan"), due.uuid)
    assert (done.state, done.done_by, done.done_at) == (
        NoticeState.RECORDED,
        "tiepnhan",
        datetime(2026, 11, 27, 10, 20),
    )
    assert notices.open_count(counter.ctx) == 0
    # A second record is refused
    with pytest.raises(Exception, match="phone call still to make"):
        notices.record_call(counter.ctx, login(counter, "tiepnhan"), due.uuid)


def test_article_22_5_a_result_ready_before_its_appointment_is_announced(
    counter: Runtime, clock: Clock
) -> None:
    early, on_the_day = _receive(counter, email=""), _receive(counter, email="")
    for code in (early, on_the_day):
        for user, action in (
            ("thamdinh", Action.START_APPRAISAL),
            ("thamdinh", Action.APPRAISE),
            ("phochutich", Action.APPROVE),
        ):
            take_step(counter.ctx, login(counter, user), code, StepRequest(action))
    # Ready on Fri 27/11, appointment Tue 01/12: announced
    clock.now = datetime(2026, 11, 27, 15, 0)
    take_step(counter.ctx, login(counter, "tiepnhan"), early, StepRequest(Action.PREPARE_RESULT))
    # Ready on the appointment's own day: nothing to announce
    clock.now = datetime(2026, 12, 1, 8, 0)
    take_step(
        counter.ctx, login(counter, "tiepnhan"), on_the_day, StepRequest(Action.PREPARE_RESULT)
    )
    [notice] = notices.list_notices(counter.ctx)
    assert (notice.dossier_code, notice.kind) == (early, NoticeKind.EARLY_RESULT)
    assert notice.basis == "Nghị định 118/2025/NĐ-CP, Điều 22 khoản 5"
    assert (
        "đã có kết quả từ 15:00 ngày 27/11/2026, trước ngày hẹn 09:00 ngày 01/12/2026"
        in notice.text
    )


def test_article_22_5_results_given_on_the_spot_need_no_notice(counter: Runtime) -> None:
    from counter_app.services.dossiers import resolve_on_the_spot

    code = _receive(counter, code=CERTIFIED_COPY)
    resolve_on_the_spot(
        counter.ctx, login(counter, "motcua"), code, approver=login(counter, "phochutich")
    )
    assert notices.list_notices(counter.ctx) == []


def test_article_19_5_closing_a_dossier_tells_the_citizen(counter: Runtime, clock: Clock) -> None:
    # GIVEN a dossier whose supplement was asked on Thu 26/11/2026 and never brought
    code = _receive(counter)
    take_step(
        counter.ctx,
        login(counter, "thamdinh"),
        code,
        StepRequest(Action.REQUEST_SUPPLEMENT, items=("Bản sao giấy khai sinh",)),
    )
    # WHEN the desk closes it once its 15 days are over
    clock.now = datetime(2026, 12, 14, 9, 0)
    take_step(counter.ctx, login(counter, "tiepnhan"), code, StepRequest(Action.CLOSE))
    # THEN the closing is due to go out to the citizen, naming the article
    made = [n for n in notices.list_notices(counter.ctx, code) if n.kind == NoticeKind.CLOSING]
    assert [n.channel for n in made] == [Channel.EMAIL, Channel.PHONE]
    assert all("Nghị định 118/2025/NĐ-CP, Điều 19 khoản 5" in n.text for n in made)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://gateway.example/sms",
        "javascript:alert(1)",
        "https://",
        "https://sms.example/" + "a" * 400,
    ],
)
def test_a_hostile_gateway_address_is_refused_and_nothing_is_saved(
    counter: Runtime, url: str
) -> None:
    admin = login(counter, "quantri")
    with pytest.raises(UserError) as refused:
        notice_settings.set_sms_gateway(counter.ctx, admin, counter.data_dir, SmsGateway(url), "t")
    assert refused.value.field == "url"
    with counter.ctx.sessions() as session:
        assert notice_settings.sms_gateway(session) is None
    assert not (counter.data_dir / notice_settings.SECRETS_FILENAME).exists()


def test_only_an_administrator_sets_the_gateway(
    counter: Runtime, gateway: SmsGatewayServer
) -> None:
    clerk = login(counter, "tiepnhan")
    with pytest.raises(UserError):
        notice_settings.set_sms_gateway(
            counter.ctx, clerk, counter.data_dir, SmsGateway(gateway.url), "t"
        )
    with counter.ctx.sessions() as session:
        assert notice_settings.sms_gateway(session) is None
