"""``counter-app notices``: the mail server set, the notices due sent, listed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.services.dossiers import ReceiveRequest, StepRequest, receive, take_step
from tests.cli.test_cli import run
from tests.conftest import PROVINCE_FEE, login, make_counter
from tests.services.notice_servers import SmtpServer

EMAIL = "hoa.vi@example.vn"


def test_article_19_6_the_cli_sets_the_mail_server_and_sends_once(tmp_path: Path) -> None:
    data = tmp_path / "d"
    rt = make_counter(data)
    try:
        citizen = ApplicantInput("Vi Thị Hoa", id_number="020185000123", email=EMAIL)
        info = receive(
            rt.ctx,
            login(rt, "tiepnhan"),
            ReceiveRequest("1.004873", citizen, fee_amount=PROVINCE_FEE),
        )
        new = info.row.appointment_at + timedelta(days=7)
        step = StepRequest(Action.APOLOGISE, note="Chờ xác minh", new_appointment=new)
        take_step(rt.ctx, login(rt, "tiepnhan"), info.code, step)
    finally:
        rt.close()
    smtp = SmtpServer().start()
    try:
        args = ("--host", "127.0.0.1", "--port", str(smtp.port), "--security", "none")
        mail = run(
            "notices",
            "mail-server",
            *args,
            "--sender",
            "motcua@xa.gov.vn",
            "--by",
            "quantri",
            data_dir=data,
        )
        assert mail.returncode == 0, mail.stderr
        first = run("notices", "send", data_dir=data)
        second = run("notices", "send", data_dir=data)
        assert first.returncode == 0, first.stderr
        assert len(smtp.box.messages) == 1
        assert smtp.box.envelopes[0][1] == [EMAIL]
        assert "1" in first.stdout and first.stdout != second.stdout
        listed = run("notices", "list", "--by", "tiepnhan", data_dir=data)
        assert listed.returncode == 0, listed.stderr
        [line] = listed.stdout.splitlines()
        assert f"\t{info.code}\textension\temail\t{EMAIL}\tsent\t" in line
    finally:
        smtp.stop()
    # A mail server set by someone who is not an administrator is refused
    refused = run("notices", "mail-server", "--remove", "--by", "tiepnhan", data_dir=data)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
