"""Workflow steps through the services: who, when, where; refusals change nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.evaluation import CitizenAnswers
from counter_app.domain.messages import UserError
from counter_app.domain.procedure_rules import SpecialRules, SupplementClock
from counter_app.domain.returns import Channel, Collector, Rating, ReturnDetails, Satisfaction
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, State
from counter_app.models import OutboxEntry
from counter_app.services.catalogue import list_procedures, update_procedure
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    resolve_on_the_spot,
    take_step,
)
from counter_app.services.returns import current_criteria
from counter_app.services.search import WorkList, work_list
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


def test_article_19_5_the_supplement_restarts_the_time_limit(
    counter: Runtime, clock: Clock
) -> None:
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
    # The whole 3 working days again from the complete dossier, Mon 30/11
    # 09:00 (the old pause rule gave back one working day: Wed 02/12).
    assert info.row.appointment_at == datetime(2026, 12, 3, 9, 0)
    # The statutory limit the reports measure against is the restarted one.
    assert info.original_appointment_at == datetime(2026, 12, 3, 9, 0)
    assert info.steps[-1].data["old_appointment"] == "2026-12-01T09:00:00"
    assert info.steps[-1].data["basis"] == "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 5"
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


def _extend(rt: Runtime, code: str, new_appointment: datetime, note: str = "Chậm") -> State:
    return _step(rt, "tiepnhan", code, Action.APOLOGISE, note=note, new_appointment=new_appointment)


def test_article_19_6_extension_once_asked_the_day_before_or_flagged(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN two dossiers received on Thu 26/11/2026, each due Tue 01/12 09:00
    on_time, late = _receive(counter), _receive(counter)
    _step(counter, "thamdinh", on_time, Action.START_APPRAISAL)
    # WHEN one is extended on Monday 30/11, the day before its deadline
    clock.now = datetime(2026, 11, 30, 16, 0)
    with pytest.raises(UserError) as err:
        _extend(counter, on_time, datetime(2026, 11, 30, 17, 0))
    assert err.value.field == "new_appointment"  # the new date comes after the old one
    _extend(counter, on_time, datetime(2026, 12, 4, 9, 0), "Cần xác minh thêm")
    # AND the other only on the deadline's day
    clock.now = datetime(2026, 12, 1, 10, 0)
    _extend(counter, late, datetime(2026, 12, 7, 9, 0))
    # THEN both have the new appointment; only the second is flagged, with its article
    first, second = get_dossier(counter.ctx, on_time), get_dossier(counter.ctx, late)
    assert first.row.appointment_at == datetime(2026, 12, 4, 9, 0) and first.apology_count == 1
    assert second.row.appointment_at == datetime(2026, 12, 7, 9, 0)
    assert "asked_late" not in first.steps[-1].data
    assert second.steps[-1].data["asked_late"] is True
    assert second.steps[-1].data["basis"] == "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 6"
    # AND a second extension is refused, naming the article, and changes nothing
    clock.now = datetime(2026, 12, 3, 9, 0)
    with pytest.raises(UserError, match="only once") as again:
        _extend(counter, on_time, datetime(2026, 12, 9, 9, 0), "Lại chậm")
    assert "Điều 19 khoản 6" in again.value.message.render()
    assert get_dossier(counter.ctx, on_time).row.appointment_at == datetime(2026, 12, 4, 9, 0)


def test_a_dossier_received_under_decree_61_is_extended_only_once_overdue(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN a dossier received on Mon 16/6/2025, before Decree 118 took effect
    clock.now = datetime(2025, 6, 16, 9, 0)
    code = _receive(counter)
    due = get_dossier(counter.ctx, code).row.appointment_at
    # THEN before its deadline the apology is refused as Decree 61 had it
    with pytest.raises(UserError, match="only for an overdue"):
        _extend(counter, code, due.replace(day=due.day + 2))
    # AND once overdue it is taken, without a flag (that rule set no notice)
    clock.now = due.replace(hour=16)
    _extend(counter, code, due.replace(day=due.day + 2))
    assert "asked_late" not in get_dossier(counter.ctx, code).steps[-1].data


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
    # The result is ready at once; the citizen collects it through the return
    # step, where who collects and their evaluation are recorded
    assert info.state is State.RESULT_READY
    assert info.fee == 6_000
    clock.now = datetime(2026, 11, 26, 9, 9)
    info = take_step(
        counter.ctx,
        login(counter.ctx, "motcua"),
        code,
        StepRequest(
            Action.RETURN_RESULT,
            returned=ReturnDetails(answers=CitizenAnswers({"4": 2, "7": 2})),
        ),
    )
    assert info.state is State.RETURNED
    assert [(s.action, s.username) for s in info.steps] == [
        ("receive", "motcua"),
        ("start_appraisal", "motcua"),
        ("appraise", "motcua"),
        ("approve", "phochutich"),
        ("prepare_result", "motcua"),
        ("return_result", "motcua"),
    ]
    assert info.returned_at == datetime(2026, 11, 26, 9, 9)


def test_on_the_spot_the_leader_may_refuse_with_a_reason(counter: Runtime, clock: Clock) -> None:
    code = receive(
        counter.ctx, login(counter.ctx, "motcua"), ReceiveRequest(CERTIFIED_COPY, CITIZEN)
    ).code
    leader = login(counter.ctx, "phochutich")
    # A refusal without its reason is refused, and changes nothing
    with pytest.raises(UserError, match="reason"):
        resolve_on_the_spot(
            counter.ctx, login(counter.ctx, "motcua"), code, approver=leader, refuse=True
        )
    assert get_dossier(counter.ctx, code).state is State.RECEIVED
    info = resolve_on_the_spot(
        counter.ctx,
        login(counter.ctx, "motcua"),
        code,
        approver=leader,
        refuse=True,
        note="Bản chính không hợp lệ",
    )
    assert info.state is State.RESULT_READY
    assert [(s.action, s.username, s.note) for s in info.steps][2:4] == [
        ("appraise", "motcua", ""),
        ("refuse", "phochutich", "Bản chính không hợp lệ"),
    ]


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


def test_article_19_6_the_morning_list_shows_the_last_day_to_ask_an_extension(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN two dossiers received Thu 26/11/2026, due Tue 01/12 09:00
    waiting, extended = _receive(counter), _receive(counter)
    # THEN on Friday neither is on the list: the next working day is Monday
    clock.now = datetime(2026, 11, 27, 7, 30)
    assert work_list(counter.ctx, WorkList.EXTENSION_DUE) == []
    # AND on Monday morning, the last day to ask in time, both are
    clock.now = datetime(2026, 11, 30, 7, 30)
    listed = [r.code for r in work_list(counter.ctx, WorkList.EXTENSION_DUE)]
    assert listed == [waiting, extended]
    # AND once one is extended it leaves the list
    _extend(counter, extended, datetime(2026, 12, 4, 9, 0))
    assert [r.code for r in work_list(counter.ctx, WorkList.EXTENSION_DUE)] == [waiting]
    # AND on the deadline's own day it is too late for the list (the extension is flagged)
    clock.now = datetime(2026, 12, 1, 7, 30)
    assert work_list(counter.ctx, WorkList.EXTENSION_DUE) == []


def test_article_19_5_a_procedures_special_law_reaches_its_dossiers(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN the administrator records the marital-status procedure's own
    # supplement rules, with the article that sets them
    admin = login(counter, "quantri")
    spec = next(s for s in list_procedures(counter.ctx) if s.code == MARITAL_STATUS)
    special = SpecialRules("Luật Hộ tịch 2014, Điều 22", SupplementClock.PAUSE, closing_days=30)
    update_procedure(counter.ctx, admin, replace(spec, special_rules=special))
    # WHEN a dossier of it is received
    code = _receive(counter)
    # THEN it is handled under those rules, citing that law, and the decree's elsewhere
    rules = get_dossier(counter.ctx, code).rules
    assert rules.supplement_clock.value is SupplementClock.PAUSE
    assert rules.closing_days.value == 30
    assert rules.closing_days.basis == "Luật Hộ tịch 2014, Điều 22"
    assert rules.supplement_request_days.value == 3
    assert rules.extension_limit.basis == "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 6"


def test_article_18_2_a_late_hand_over_is_listed_then_flagged(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN two dossiers received on Friday 27/11/2026 after 15:00
    clock.now = datetime(2026, 11, 27, 15, 30)
    on_time, late = _receive(counter), _receive(counter)
    # THEN on Friday they are not due yet; on Monday morning both are
    assert work_list(counter.ctx, WorkList.HANDOVER_DUE) == []
    clock.now = datetime(2026, 11, 30, 8, 0)
    assert [r.code for r in work_list(counter.ctx, WorkList.HANDOVER_DUE)] == [on_time, late]
    # WHEN one is handed over that morning and the other after lunch
    _step(counter, "thamdinh", on_time, Action.START_APPRAISAL)
    clock.now = datetime(2026, 11, 30, 14, 0)
    _step(counter, "tiepnhan", late, Action.TRANSFER, department="Phòng Tư pháp")
    # THEN only the second is flagged, with its article, and the list is empty
    first = get_dossier(counter.ctx, on_time).steps[-1].data
    second = get_dossier(counter.ctx, late).steps[-1].data
    assert "handed_late" not in first
    assert second["handed_late"] is True
    assert second["basis"] == "Nghị định 118/2025/NĐ-CP, Điều 18 khoản 2"
    assert work_list(counter.ctx, WorkList.HANDOVER_DUE) == []
