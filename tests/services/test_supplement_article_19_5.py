"""Decree 118/2025 Article 19(5) through the services, with worked dates: the
supplement is asked within 3 working days of reception (later: taken, flagged),
the time limit is counted again from the complete dossier, and a dossier whose
supplement never comes is closed by the desk from the day the rule allows."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.messages import UserError
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, State
from counter_app.models import OutboxEntry
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    take_step,
)
from counter_app.services.search import WorkList, work_list
from tests.conftest import Clock, login, typed_fee

CITIZEN = ApplicantInput(full_name="Lăng Thị Khuyên", id_number="020190001234", phone="0987654321")
MARITAL_STATUS = "1.004873"  # 3 working days
ITEMS = ("Giấy xác nhận cư trú",)
ARTICLE = "Nghị định 118/2025/NĐ-CP, Điều 19 khoản 5"


def _receive(rt: Runtime, clock: Clock, at: datetime) -> str:
    clock.now = at
    return receive(
        rt.ctx,
        login(rt.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS)),
    ).code


def _step(rt: Runtime, clock: Clock, at: datetime, user: str, code: str, action: Action) -> State:
    clock.now = at
    items = ITEMS if action is Action.REQUEST_SUPPLEMENT else ()
    return take_step(rt.ctx, login(rt, user), code, StepRequest(action, items=items)).state


def test_article_19_5_a_supplement_asked_after_3_working_days_is_taken_but_flagged(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN two dossiers received Thu 26/11/2026: the 3 working days end on
    # Tue 01/12 (Fri 27, Mon 30, Tue 1)
    on_time = _receive(counter, clock, datetime(2026, 11, 26, 9, 0))
    late = _receive(counter, clock, datetime(2026, 11, 26, 9, 5))
    # WHEN one supplement is asked on the last day and the other the day after
    _step(
        counter, clock, datetime(2026, 12, 1, 16, 0), "thamdinh", on_time, Action.REQUEST_SUPPLEMENT
    )
    _step(counter, clock, datetime(2026, 12, 2, 8, 0), "thamdinh", late, Action.REQUEST_SUPPLEMENT)
    # THEN both wait for the supplement; only the second is flagged, with the article
    first, second = get_dossier(counter.ctx, on_time), get_dossier(counter.ctx, late)
    assert first.state is second.state is State.SUPPLEMENT_REQUESTED
    assert "asked_late" not in first.steps[-1].data
    assert second.steps[-1].data["asked_late"] is True
    assert second.steps[-1].data["basis"] == ARTICLE


def test_article_19_5_a_supplement_across_tet_2027_restarts_the_whole_time_limit(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN a 3-working-day dossier received Mon 25/01/2027 09:00 (due Thu 28/01)
    # and a supplement asked on Tue 26/01
    code = _receive(counter, clock, datetime(2027, 1, 25, 9, 0))
    _step(counter, clock, datetime(2027, 1, 26, 9, 0), "thamdinh", code, Action.REQUEST_SUPPLEMENT)
    # WHEN the complete dossier is brought on Wed 03/02/2027 10:00, the day
    # before Tết (off from Thu 04/02 to Wed 10/02)
    _step(counter, clock, datetime(2027, 2, 3, 10, 0), "tiepnhan", code, Action.SUPPLEMENT)
    info = get_dossier(counter.ctx, code)
    # THEN the 3 working days run again from then, over Tết: Thu 11/02,
    # Fri 12/02, Mon 15/02 10:00
    assert info.row.appointment_at == datetime(2027, 2, 15, 10, 0)
    assert info.original_appointment_at == datetime(2027, 2, 15, 10, 0)
    assert info.steps[-1].data["old_appointment"] == "2027-01-28T09:00:00"
    assert info.steps[-1].data["appointment"] == "2027-02-15T10:00:00"


def test_article_19_5_the_desk_closes_on_a_make_up_saturday_not_before(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN a supplement asked on Thu 06/08/2026: the 15 days run from Fri
    # 07/08 to Fri 21/08; the next working day is Sat 22/08/2026, the day
    # worked in exchange for Mon 31/08
    code = _receive(counter, clock, datetime(2026, 8, 6, 8, 0))
    _step(counter, clock, datetime(2026, 8, 6, 14, 0), "thamdinh", code, Action.REQUEST_SUPPLEMENT)
    assert get_dossier(counter.ctx, code).closable_from == date(2026, 8, 22)
    # WHEN the desk tries on Fri 21/08
    clock.now = datetime(2026, 8, 21, 16, 0)
    assert work_list(counter.ctx, WorkList.TO_CLOSE) == []
    before = get_dossier(counter.ctx, code)
    with pytest.raises(UserError) as refused:
        _step(counter, clock, clock.now, "tiepnhan", code, Action.CLOSE)
    # THEN it is refused, naming the first day and the article, and nothing changed
    assert "22/08/2026" in refused.value.message.render()
    assert ARTICLE in refused.value.message.render()
    assert get_dossier(counter.ctx, code) == before
    # AND on the make-up Saturday morning the dossier is on the "to close" list
    clock.now = datetime(2026, 8, 22, 7, 30)
    assert [r.code for r in work_list(counter.ctx, WorkList.TO_CLOSE)] == [code]
    # AND one step closes it: a final state, off the lists, never overdue
    assert _step(counter, clock, clock.now, "tiepnhan", code, Action.CLOSE) is State.CLOSED
    info = get_dossier(counter.ctx, code)
    assert info.steps[-1].data["basis"] == ARTICLE
    assert not info.row.paused
    for which in (WorkList.TO_CLOSE, WorkList.PENDING, WorkList.OVERDUE):
        assert work_list(counter.ctx, which) == []
    clock.now = datetime(2026, 12, 1, 9, 0)
    assert work_list(counter.ctx, WorkList.OVERDUE) == []
    # AND the closing goes to the centre: the step, the dossier's state, the pause's end
    with counter.ctx.sessions() as s:
        entries = s.execute(
            select(OutboxEntry.kind, OutboxEntry.payload).order_by(OutboxEntry.seq.desc()).limit(10)
        ).all()
    # The newest entry of each kind (the closing's notices are audited too).
    by_kind: dict[str, dict[str, object]] = {}
    for kind, payload in entries:
        by_kind.setdefault(kind, payload)
    assert by_kind["dossier"]["state"] == "closed"
    assert by_kind["step"]["action"] == "close"
    assert by_kind["pause"]["outcome"] == "closed"


def test_a_dossier_received_under_decree_61_is_never_closed(counter: Runtime, clock: Clock) -> None:
    # GIVEN a dossier received Mon 16/06/2025, before Decree 118, waiting for
    # its supplement for months
    code = _receive(counter, clock, datetime(2025, 6, 16, 9, 0))
    _step(counter, clock, datetime(2025, 6, 17, 9, 0), "thamdinh", code, Action.REQUEST_SUPPLEMENT)
    # THEN it is not flagged (Decree 61 set no window), not on the list, and
    # closing it is refused, naming the decree
    assert "asked_late" not in get_dossier(counter.ctx, code).steps[-1].data
    clock.now = datetime(2025, 12, 1, 9, 0)
    assert work_list(counter.ctx, WorkList.TO_CLOSE) == []
    with pytest.raises(UserError, match="61/2018"):
        _step(counter, clock, clock.now, "tiepnhan", code, Action.CLOSE)
    # AND its supplement still restarts the time limit (Decree 61 Art. 19(4))
    _step(counter, clock, datetime(2025, 12, 1, 9, 0), "tiepnhan", code, Action.SUPPLEMENT)
    info = get_dossier(counter.ctx, code)
    assert info.row.appointment_at == datetime(2025, 12, 4, 9, 0)
    assert info.steps[-1].data["basis"] == "Nghị định 61/2018/NĐ-CP, Điều 19 khoản 4"


def test_an_extension_given_before_the_supplement_is_not_taken_back(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN a dossier received Thu 26/11/2026 (due Tue 01/12 09:00), its
    # supplement asked on Fri 27/11 after an extension to Fri 11/12
    code = _receive(counter, clock, datetime(2026, 11, 26, 9, 0))
    clock.now = datetime(2026, 11, 27, 8, 0)
    take_step(
        counter.ctx,
        login(counter, "tiepnhan"),
        code,
        StepRequest(
            Action.APOLOGISE, note="Cần xác minh", new_appointment=datetime(2026, 12, 11, 9, 0)
        ),
    )
    _step(counter, clock, datetime(2026, 11, 27, 9, 0), "thamdinh", code, Action.REQUEST_SUPPLEMENT)
    # WHEN the supplement comes Mon 30/11 09:00 (restarted limit Thu 03/12)
    _step(counter, clock, datetime(2026, 11, 30, 9, 0), "tiepnhan", code, Action.SUPPLEMENT)
    info = get_dossier(counter.ctx, code)
    # THEN the promised later date stands; the statutory limit is the restarted one
    assert info.row.appointment_at == datetime(2026, 12, 11, 9, 0)
    assert info.original_appointment_at == datetime(2026, 12, 3, 9, 0)
