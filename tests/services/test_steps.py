"""Workflow steps through the services: who, when, where; refusals change nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.returns import Channel, Collector, Rating, ReturnDetails, Satisfaction
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, State
from counter_app.models import OutboxEntry
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    resolve_on_the_spot,
    take_step,
)
from counter_app.services.returns import current_criteria
from tests.conftest import Clock, login, typed_fee

CITIZEN = ApplicantInput(full_name="Lăng Thị Khuyên", id_number="020190001234", phone="0987654321")
MARITAL_STATUS = "1.004873"  # 3 working days, not on the spot
CERTIFIED_COPY = "2.000815"  # same day, 4 tại chỗ


def _receive(rt: Runtime, code: str = MARITAL_STATUS) -> str:
    return receive(
        rt.ctx, login(rt.ctx, "tiepnhan"), ReceiveRequest(code, CITIZEN, fee_amount=typed_fee(code))
    ).code


def _step(rt: Runtime, user: str, code: str, action: Action, **kw: object) -> State:
    return take_step(rt.ctx, login(rt, user), code, StepRequest(action, **kw)).state  # type: ignore[arg-type]


def test_full_path_records_each_step(counter: Runtime, clock: Clock) -> None:
    code = _receive(counter)
    clock.now = datetime(2026, 11, 26, 10, 0)
    assert _step(counter, "thamdinh", code, Action.START_APPRAISAL) is State.IN_APPRAISAL
    assert _step(counter, "thamdinh", code, Action.APPRAISE, note="Đủ điều kiện") is State.APPRAISED
    clock.now = datetime(2026, 11, 27, 8, 0)
    assert _step(counter, "phochutich", code, Action.APPROVE) is State.APPROVED
    assert _step(counter, "tiepnhan", code, Action.PREPARE_RESULT) is State.RESULT_READY
    clock.now = datetime(2026, 11, 30, 9, 0)
    assert _step(counter, "tiepnhan", code, Action.RETURN_RESULT) is State.RETURNED
    info = get_dossier(counter.ctx, code)
    assert [(s.action, s.username) for s in info.steps] == [
        ("receive", "tiepnhan"),
        ("start_appraisal", "thamdinh"),
        ("appraise", "thamdinh"),
        ("approve", "phochutich"),
        ("prepare_result", "tiepnhan"),
        ("return_result", "tiepnhan"),
    ]
    assert info.steps[2].note == "Đủ điều kiện"
    assert info.steps[3].at == datetime(2026, 11, 27, 8, 0)
    assert all(s.counter_name == "Quầy số 1" for s in info.steps)
    assert info.finished_at == datetime(2026, 11, 27, 8, 0)
    assert info.returned_at == datetime(2026, 11, 30, 9, 0)


def test_refused_step_changes_nothing_and_says_why(counter: Runtime) -> None:
    code = _receive(counter)
    before = get_dossier(counter.ctx, code)
    with pytest.raises(UserError, match="not allowed while the dossier is"):
        _step(counter, "phochutich", code, Action.APPROVE)
    with pytest.raises(UserError, match="Appraiser"):
        _step(counter, "tiepnhan", code, Action.START_APPRAISAL)
    assert get_dossier(counter.ctx, code) == before


def test_supplement_pauses_the_clock(counter: Runtime, clock: Clock) -> None:
    code = _receive(counter)  # Thu 26/11 09:00, due Tue 01/12 09:00
    _step(counter, "thamdinh", code, Action.START_APPRAISAL)
    clock.now = datetime(2026, 11, 27, 9, 0)
    with pytest.raises(UserError) as err:
        _step(counter, "thamdinh", code, Action.REQUEST_SUPPLEMENT)
    assert err.value.field == "items"
    state = _step(
        counter,
        "thamdinh",
        code,
        Action.REQUEST_SUPPLEMENT,
        items=("Giấy xác nhận cư trú", "Bản sao CCCD"),
    )
    assert state is State.SUPPLEMENT_REQUESTED
    clock.now = datetime(2026, 11, 30, 9, 0)
    assert _step(counter, "tiepnhan", code, Action.SUPPLEMENT) is State.IN_APPRAISAL
    info = get_dossier(counter.ctx, code)
    # Paused Fri 09:00 → Mon 09:00 = 2.5 h + 3.5 h + 1.5 h = one working day.
    assert info.row.appointment_at == datetime(2026, 12, 2, 9, 0)
    assert info.original_appointment_at == datetime(2026, 12, 1, 9, 0)
    assert info.supplement_items == ["Giấy xác nhận cư trú", "Bản sao CCCD"]
    # What the citizen brought joins the dossier's documents.
    assert [d.name for d in info.documents][-2:] == ["Giấy xác nhận cư trú", "Bản sao CCCD"]
    assert info.steps[-1].data["documents"] == ["Giấy xác nhận cư trú", "Bản sao CCCD"]
    with pytest.raises(UserError, match="only once"):
        _step(counter, "thamdinh", code, Action.REQUEST_SUPPLEMENT, items=("Thêm",))


def test_transfer_to_department_and_back(counter: Runtime) -> None:
    code = _receive(counter)
    with pytest.raises(UserError) as err:
        _step(counter, "tiepnhan", code, Action.TRANSFER)
    assert err.value.field == "department"
    assert (
        _step(counter, "tiepnhan", code, Action.TRANSFER, department="Phòng Văn hóa - Xã hội")
        is State.TRANSFERRED
    )
    assert _step(counter, "tiepnhan", code, Action.RETURN_FROM_DEPARTMENT) is State.APPRAISED
    steps = get_dossier(counter.ctx, code).steps
    assert steps[1].data["department"] == "Phòng Văn hóa - Xã hội"


def test_withdrawal_needs_a_reason(counter: Runtime) -> None:
    code = _receive(counter)
    with pytest.raises(UserError) as err:
        _step(counter, "tiepnhan", code, Action.WITHDRAW)
    assert err.value.field == "note"
    assert (
        _step(counter, "tiepnhan", code, Action.WITHDRAW, note="Công dân xin rút hồ sơ")
        is State.WITHDRAWN
    )


def test_overdue_apology_once_with_new_appointment(counter: Runtime, clock: Clock) -> None:
    code = _receive(counter)  # due Tue 01/12 09:00
    _step(counter, "thamdinh", code, Action.START_APPRAISAL)
    with pytest.raises(UserError, match="only for an overdue"):
        _step(
            counter,
            "tiepnhan",
            code,
            Action.APOLOGISE,
            note="Chậm",
            new_appointment=datetime(2026, 12, 4, 9, 0),
        )
    clock.now = datetime(2026, 12, 1, 10, 0)
    with pytest.raises(UserError) as err:
        _step(
            counter,
            "tiepnhan",
            code,
            Action.APOLOGISE,
            note="Chậm",
            new_appointment=datetime(2026, 12, 1, 9, 30),
        )
    assert err.value.field == "new_appointment"
    _step(
        counter,
        "tiepnhan",
        code,
        Action.APOLOGISE,
        note="Cần xác minh thêm",
        new_appointment=datetime(2026, 12, 4, 9, 0),
    )
    info = get_dossier(counter.ctx, code)
    assert info.row.appointment_at == datetime(2026, 12, 4, 9, 0)
    assert info.apology_count == 1
    clock.now = datetime(2026, 12, 7, 9, 0)
    with pytest.raises(UserError, match="only once"):
        _step(
            counter,
            "tiepnhan",
            code,
            Action.APOLOGISE,
            note="Lại chậm",
            new_appointment=datetime(2026, 12, 9, 9, 0),
        )


def test_on_the_spot_runs_four_steps_in_one_sitting(counter: Runtime, clock: Clock) -> None:
    code = receive(
        counter.ctx,
        login(counter.ctx, "motcua"),
        ReceiveRequest(CERTIFIED_COPY, CITIZEN, pages=1, copies=3),
    ).code
    clock.now = datetime(2026, 11, 26, 9, 7)
    info = resolve_on_the_spot(
        counter.ctx, login(counter.ctx, "motcua"), code, approver=login(counter.ctx, "phochutich")
    )
    assert info.state is State.RETURNED
    assert info.fee == 6_000
    assert [(s.action, s.username) for s in info.steps] == [
        ("receive", "motcua"),
        ("start_appraisal", "motcua"),
        ("appraise", "motcua"),
        ("approve", "phochutich"),
        ("prepare_result", "motcua"),
        ("return_result", "motcua"),
    ]
    assert info.returned_at == datetime(2026, 11, 26, 9, 7)


def test_on_the_spot_without_approver_role_changes_nothing(counter: Runtime) -> None:
    code = receive(
        counter.ctx, login(counter.ctx, "motcua"), ReceiveRequest(CERTIFIED_COPY, CITIZEN)
    ).code
    with pytest.raises(UserError, match="Approver"):
        resolve_on_the_spot(counter.ctx, login(counter.ctx, "motcua"), code)
    assert get_dossier(counter.ctx, code).state is State.RECEIVED
    assert len(get_dossier(counter.ctx, code).steps) == 1


def test_on_the_spot_only_for_listed_procedures(counter: Runtime) -> None:
    code = _receive(counter)
    with pytest.raises(UserError, match="4 tại chỗ"):
        resolve_on_the_spot(
            counter.ctx,
            login(counter.ctx, "motcua"),
            code,
            approver=login(counter.ctx, "phochutich"),
        )


def _ready(rt: Runtime) -> str:
    code = _receive(rt)
    for user, action in [
        ("thamdinh", Action.START_APPRAISAL),
        ("thamdinh", Action.APPRAISE),
        ("phochutich", Action.APPROVE),
        ("tiepnhan", Action.PREPARE_RESULT),
    ]:
        _step(rt, user, code, action)
    return code


def test_the_return_records_who_collected_the_result_and_the_rating(counter: Runtime) -> None:
    code = _ready(counter)
    details = ReturnDetails(
        Collector.AUTHORISED,
        collector_name="Hoàng Văn Nam",
        collector_id="020085000123",
        rating=Rating(Satisfaction.VERY_SATISFIED, {"4": Satisfaction.VERY_SATISFIED}),
    )
    assert _step(counter, "tiepnhan", code, Action.RETURN_RESULT, returned=details) is (
        State.RETURNED
    )
    step = get_dossier(counter.ctx, code).steps[-1]
    assert step.data["return"] == {
        "channel": "desk",
        "collected_by": "authorised",
        "collector_name": "Hoàng Văn Nam",
        "collector_id": "020085000123",
        "rating": "very_satisfied",
        "criteria": {"4": "very_satisfied"},
        "criteria_version": current_criteria().version,
    }
    # The rating travels to the centre like every other record: in the step's outbox entry.
    with counter.ctx.sessions() as s:
        payload = s.scalars(
            select(OutboxEntry.payload)
            .where(OutboxEntry.kind == "step")
            .order_by(OutboxEntry.seq.desc())
            .limit(1)
        ).one()
    assert payload["data"]["return"]["rating"] == "very_satisfied"


def test_a_refused_return_changes_nothing_and_names_the_field(counter: Runtime) -> None:
    code = _ready(counter)
    before = get_dossier(counter.ctx, code)
    with pytest.raises(UserError) as err:
        _step(
            counter,
            "tiepnhan",
            code,
            Action.RETURN_RESULT,
            returned=ReturnDetails(channel=Channel.POST, tracking_number=""),
        )
    assert err.value.field == "tracking_number"
    assert get_dossier(counter.ctx, code) == before
