"""Decree 118/2025 Article 17(2) at the desk: an online dossier is listed with
the working time left to answer it; the desk's first step answers it (accepts
it, or asks for changes), recorded as late past 8 working hours, and the
citizen's notice of the answer is made with the step."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from counter_app.app_setup import Runtime
from counter_app.domain.notices import NoticeKind
from counter_app.domain.reception import ONLINE_LEDGER_BOOK
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import Dossier
from counter_app.services.dossiers import (
    ReceiveRequest,
    StepRequest,
    get_dossier,
    receive,
    take_step,
)
from counter_app.services.notices import list_notices
from counter_app.services.search import WorkList, work_list
from tests.conftest import Clock, login, typed_fee

CITIZEN = ApplicantInput(
    full_name="Lăng Thị Khuyên",
    id_number="020190001234",
    phone="0987654321",
    email="khuyen@example.vn",
)
MARITAL_STATUS = "1.004873"
D118_17_2 = "Nghị định 118/2025/NĐ-CP, Điều 17 khoản 2"


def _online(rt: Runtime) -> str:
    """A dossier filed in the portal's ledger book, as one pulled from the
    centre is (tests/reports/test_central_parity.py takes the real path)."""
    code = receive(
        rt.ctx,
        login(rt.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS)),
    ).code
    with rt.ctx.sessions.begin() as session:
        session.execute(
            update(Dossier).where(Dossier.code == code).values(ledger_book=ONLINE_LEDGER_BOOK)
        )
    return code


def _step(rt: Runtime, user: str, code: str, action: Action, **kw: object) -> None:
    take_step(rt.ctx, login(rt, user), code, StepRequest(action, **kw))  # type: ignore[arg-type]


def test_article_17_2_online_dossier_listed_with_time_left_then_answered_late(
    counter: Runtime, clock: Clock
) -> None:
    # GIVEN two online dossiers received on Friday 27/11/2026 at 16:30 and a
    # paper one received with them
    clock.now = datetime(2026, 11, 27, 16, 30)
    accepted, changes = _online(counter), _online(counter)
    paper = receive(
        counter.ctx,
        login(counter.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=typed_fee(MARITAL_STATUS)),
    ).code
    # THEN on Monday at 9:00 both online ones are listed, 6 hours left to
    # answer (the weekend does not count), due by Monday's close; not the paper one
    clock.now = datetime(2026, 11, 30, 9, 0)
    rows = work_list(counter.ctx, WorkList.ONLINE_ANSWER_DUE)
    assert [r.code for r in rows] == [accepted, changes]
    assert {(r.answer_by, r.answer_left) for r in rows} == {(datetime(2026, 11, 30, 17, 0), 360)}
    assert paper not in [r.code for r in work_list(counter.ctx, WorkList.ONLINE_ANSWER_DUE)]
    # WHEN one is accepted (appraisal started) that morning
    _step(counter, "thamdinh", accepted, Action.START_APPRAISAL)
    # THEN it leaves the list, not flagged, and the citizen's notice of it is due
    first = get_dossier(counter.ctx, accepted).steps[-1].data
    assert "answered_late" not in first
    kinds = {n.kind for n in list_notices(counter.ctx, accepted)}
    assert kinds == {NoticeKind.ONLINE_ACCEPTED}
    # AND on Tuesday the other is still listed, overdue
    clock.now = datetime(2026, 12, 1, 9, 0)
    (row,) = work_list(counter.ctx, WorkList.ONLINE_ANSWER_DUE)
    assert row.code == changes and row.answer_left == -90
    # WHEN the desk asks for changes then
    _step(counter, "tiepnhan", changes, Action.REQUEST_SUPPLEMENT, items=["Tờ khai có chữ ký"])
    # THEN the answer is flagged late with its article, the list is empty, and
    # the notice names the changes
    second = get_dossier(counter.ctx, changes).steps[-1].data
    assert second["answered_late"] is True
    assert second["answer_basis"] == D118_17_2
    assert work_list(counter.ctx, WorkList.ONLINE_ANSWER_DUE) == []
    (mail,) = [n for n in list_notices(counter.ctx, changes) if n.channel == "email"]
    assert mail.kind is NoticeKind.ONLINE_CHANGES and "Tờ khai có chữ ký" in mail.text
    # AND a later step is no second answer
    notices = len(list_notices(counter.ctx, changes))
    _step(counter, "tiepnhan", changes, Action.SUPPLEMENT)
    assert len(list_notices(counter.ctx, changes)) == notices
    assert "answered_late" not in get_dossier(counter.ctx, changes).steps[-1].data


def test_article_17_2_a_dossier_received_under_decree_61_is_not_listed(
    counter: Runtime, clock: Clock
) -> None:
    clock.now = datetime(2025, 6, 30, 9, 0)
    code = _online(counter)
    clock.now = datetime(2025, 7, 3, 9, 0)
    assert work_list(counter.ctx, WorkList.ONLINE_ANSWER_DUE) == []
    _step(counter, "thamdinh", code, Action.START_APPRAISAL)
    assert "answered_late" not in get_dossier(counter.ctx, code).steps[-1].data
    assert list_notices(counter.ctx, code) == []
