"""Decree 118/2025 Art. 33(1), Circular 01/2018 Arts. 13-14 through the
services: the return scores the record's indicators and keeps the citizen's
answers on the dossier, which travels to the centre in its body."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.domain.evaluation import CitizenAnswers
from counter_app.domain.returns import ReturnDetails
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import Dossier, OutboxEntry
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    take_step,
)
from tests.conftest import Clock, login, typed_fee

CITIZEN = ApplicantInput(full_name="Lăng Thị Khuyên", id_number="020190001234", phone="0987654321")
MARITAL_STATUS = "1.004873"  # 3 working days


def _step(rt: Runtime, user: str, code: str, action: Action, **kw: object) -> None:
    take_step(rt.ctx, login(rt, user), code, StepRequest(action, **kw))  # type: ignore[arg-type]


def test_article_33_1_the_return_scores_time_and_contacts_and_keeps_each_answer(
    counter: Runtime, clock: Clock
) -> None:
    # Received Thu 26/11/2026 09:00; a supplement asked Fri 27/11, brought Mon
    # 30/11: the 3 working days count again from Monday (Art. 19(5)).
    code = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS)),
    ).code
    clock.now = datetime(2026, 11, 27, 9, 0)
    _step(counter, "thamdinh", code, Action.REQUEST_SUPPLEMENT, items=("Giấy xác nhận cư trú",))
    clock.now = datetime(2026, 11, 30, 9, 0)
    _step(counter, "tiepnhan", code, Action.SUPPLEMENT)
    due = get_dossier(counter.ctx, code).row.appointment_at
    assert due.date() == datetime(2026, 12, 3).date()
    _step(counter, "thamdinh", code, Action.APPRAISE)
    _step(counter, "phochutich", code, Action.APPROVE)
    # Ready on the appointment's own day, before its hour: equal to the limit.
    clock.now = due.replace(hour=7, minute=30)
    _step(counter, "tiepnhan", code, Action.PREPARE_RESULT)
    clock.now = datetime(2026, 12, 4, 10, 0)
    answers = CitizenAnswers({"4": 2, "7": 1, "e": 0}, "Cần thêm ghế chờ")
    _step(counter, "tiepnhan", code, Action.RETURN_RESULT, returned=ReturnDetails(answers=answers))

    with counter.ctx.sessions() as s:
        dossier = s.scalars(select(Dossier).where(Dossier.code == code)).one()
        evaluation = dossier.evaluation
        body = s.scalars(
            select(OutboxEntry.payload)
            .where(OutboxEntry.kind == "dossier", OutboxEntry.row_uuid == dossier.uuid)
            .order_by(OutboxEntry.seq.desc())
            .limit(1)
        ).one()
    assert evaluation == {
        "version": "2",
        "system": {"1": 1, "3": 1},
        "citizen": {"4": 2, "d": None, "7": 1, "e": 0, "g": None, "h": None},
        "answered": True,
        "comment": "Cần thêm ghế chờ",
    }
    # The overall level of list version 1 is no longer copied for a new rating.
    step = get_dossier(counter.ctx, code).steps[-1]
    assert step.data["return"]["rating"] is None
    assert step.data["evaluation"] == evaluation
    assert body["evaluation"] == evaluation
