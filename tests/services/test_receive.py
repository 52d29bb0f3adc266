"""Receiving a dossier: code, fee, appointment, ledger, validation, roles, duplicates."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError, ValidationFailed
from counter_app.domain.procedure import Delivery
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import State
from counter_app.models import AuditEntry, Dossier, NumberSequence, WorkflowStep
from counter_app.services.dossiers import ReceiveRequest, pending_duplicates, receive
from tests.conftest import PROVINCE_FEE, login

CERTIFIED_COPY = "2.000815"
MARITAL_STATUS = "1.004873"  # 3 working days
CITIZEN = ApplicantInput(
    full_name="Nguyễn Thị Đoàn",
    id_number="020185000123",
    phone="0912 345 678",
    address="Phường Đông Kinh, Lạng Sơn",
)


def _counts(rt: Runtime) -> tuple[int, int, int, int]:
    with rt.ctx.sessions() as s:
        return (
            s.scalar(select(func.count(Dossier.id))) or 0,
            s.scalar(select(func.count(WorkflowStep.id))) or 0,
            s.scalar(select(func.count(AuditEntry.id))) or 0,
            s.scalar(select(func.count()).select_from(NumberSequence)) or 0,
        )


def test_receive_numbers_prices_and_schedules(counter: Runtime) -> None:
    info = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(CERTIFIED_COPY, CITIZEN, pages=3, copies=2),
    )
    assert info.code == "000.00.37.H37-261126-0001"
    assert info.state is State.RECEIVED
    # 2 pages × 2.000 đ + 1 page × 1.000 đ, for each of 2 copies.
    assert info.fee == 10_000
    # A same-day procedure received at 09:00 on a Thursday is due at closing.
    assert info.row.appointment_at == datetime(2026, 11, 26, 17, 0)
    assert (info.ledger_book, info.ledger_year, info.ledger_entry) == ("01", 2026, 1)
    assert info.row.applicant_phone == "0912345678"
    assert [s.action for s in info.steps] == ["receive"]
    assert info.steps[0].counter_name == "Quầy số 1"
    assert info.documents, "the mandatory checklist is recorded as handed in"

    second = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE),
    )
    assert second.code == "000.00.37.H37-261126-0002"
    assert second.ledger_entry == 2
    # Thu 26/11 09:00 + 3 working days = Tue 01/12 09:00 (weekend skipped).
    assert second.row.appointment_at == datetime(2026, 12, 1, 9, 0)


def test_invalid_applicant_is_refused_and_nothing_saved(counter: Runtime) -> None:
    before = _counts(counter)
    bad = ApplicantInput(full_name="", id_number="12345", phone="12")
    with pytest.raises(ValidationFailed) as err:
        receive(counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest(CERTIFIED_COPY, bad))
    fields = {f for f, _ in err.value.errors}
    assert {"full_name", "id_number", "phone"} <= fields
    assert _counts(counter) == before


def test_receiving_needs_the_receiver_role(counter: Runtime) -> None:
    before = _counts(counter)
    with pytest.raises(UserError, match="Receiving officer"):
        receive(
            counter.ctx, login(counter.ctx, "thamdinh"), ReceiveRequest(CERTIFIED_COPY, CITIZEN)
        )
    assert _counts(counter) == before


def test_unknown_procedure_and_wrong_delivery_refused(counter: Runtime) -> None:
    before = _counts(counter)
    with pytest.raises(UserError) as err:
        receive(counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest("9.999999", CITIZEN))
    assert err.value.field == "procedure"
    with pytest.raises(UserError) as err:
        receive(
            counter.ctx,
            login(counter.ctx, "tiepnhan"),
            ReceiveRequest(CERTIFIED_COPY, CITIZEN, delivery=Delivery.POST, delivery_address="x"),
        )
    assert err.value.field == "delivery"
    assert _counts(counter) == before


def test_result_by_post_needs_an_address(counter: Runtime) -> None:
    with pytest.raises(UserError) as err:
        receive(
            counter.ctx,
            login(counter.ctx, "tiepnhan"),
            ReceiveRequest(
                MARITAL_STATUS, CITIZEN, delivery=Delivery.POST, fee_amount=PROVINCE_FEE
            ),
        )
    assert err.value.field == "delivery_address"
    info = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(
            MARITAL_STATUS,
            CITIZEN,
            fee_amount=PROVINCE_FEE,
            delivery=Delivery.POST,
            delivery_address="Thôn Nà Pàn, Lạng Sơn",
        ),
    )
    assert info.delivery == "post"


def test_same_citizen_same_procedure_pending_is_warned(counter: Runtime) -> None:
    first = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE),
    )
    assert first.warnings == []
    assert pending_duplicates(counter.ctx, CITIZEN, MARITAL_STATUS) == [first.code]
    second = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE),
    )
    assert len(second.warnings) == 1
    assert first.code in second.warnings[0].render()


def test_text_is_stored_nfc(counter: Runtime) -> None:
    nfd = ApplicantInput(full_name="Tra\u0302\u0300n Thi\u0323 A\u0301nh", id_number="020185000123")
    info = receive(counter.ctx, login(counter.ctx, "tiepnhan"), ReceiveRequest(CERTIFIED_COPY, nfd))
    assert info.row.applicant_name == "Trần Thị Ánh"
