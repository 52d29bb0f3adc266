"""The services behind the administrator's desk dialogs: each one recorded in
the audit log, refused to other officials, and felt where the desk works."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.errors import NotFound
from counter_app.domain.messages import UserError
from counter_app.domain.workflow import Action
from counter_app.models import AuditEntry
from counter_app.paper import FormKind
from counter_app.services import backups, calendar_admin
from counter_app.services.dossier_steps import StepRequest
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.services.print_jobs import preview_step_form, set_print_settings
from tests.conftest import PROVINCE_FEE, login
from tests.ui.conftest import CITIZEN, MARITAL_STATUS


def _events(rt: Runtime, event: str) -> list[AuditEntry]:
    with rt.ctx.sessions() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.event == event)))


def test_a_province_day_is_listed_by_year_and_its_removal_is_audited(counter: Runtime) -> None:
    admin = login(counter, "quantri")
    calendar_admin.set_province_day(
        counter.ctx, admin, date(2026, 12, 31), working=False, name="Nghỉ cuối năm"
    )
    calendar_admin.set_province_day(
        counter.ctx, admin, date(2027, 1, 9), working=True, name="Làm bù"
    )
    assert [d.day for d in calendar_admin.province_days(counter.ctx, 2026)] == [date(2026, 12, 31)]
    (made_up,) = calendar_admin.province_days(counter.ctx, 2027)
    assert made_up.working and made_up.name == "Làm bù"
    calendar_admin.remove_province_day(counter.ctx, admin, date(2026, 12, 31))
    assert calendar_admin.province_days(counter.ctx, 2026) == []
    (removed,) = _events(counter, "calendar.remove")
    assert removed.username == "quantri" and removed.details["name"] == "Nghỉ cuối năm"
    with pytest.raises(NotFound):
        calendar_admin.remove_province_day(counter.ctx, admin, date(2026, 12, 31))


def test_a_step_form_prints_on_the_paper_chosen_for_its_kind(counter: Runtime) -> None:
    code = receive(
        counter.ctx,
        login(counter, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE),
    ).code
    step = StepRequest(Action.REQUEST_SUPPLEMENT, note="Thiếu", items=("Giấy xác nhận cư trú",))

    def width() -> float:
        pdf = preview_step_form(
            counter.ctx, login(counter, "tiepnhan"), code, step, FormKind.SUPPLEMENT
        )
        return round(float(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width), 2)

    assert width() == 595.28  # A4 until chosen otherwise
    set_print_settings(
        counter.ctx, login(counter, "quantri"), printer="", papers={FormKind.SUPPLEMENT: "A5"}
    )
    assert width() == 419.53
    (saved,) = _events(counter, "print.settings")
    assert saved.details["paper_supplement"] == "A5"


def test_the_second_place_is_audited_and_a_bad_file_leaves_the_desk_open(
    counter: Runtime, tmp_path: Path
) -> None:
    admin = login(counter, "quantri")
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_place(counter.ctx, admin, counter.data_dir, usb, keep=7)
    (placed,) = _events(counter, "backup.place")
    assert placed.details == {"place": str(usb.resolve()), "keep": 7}
    # A file that is no backup is refused before the database is let go of.
    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_bytes(b"not a database")
    with pytest.raises(UserError):
        backups.restore_while_open(counter.ctx, admin, counter.data_dir, bad)
    receive(
        counter.ctx,
        login(counter, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE),
    )
