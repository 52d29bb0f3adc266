"""The demo's scenes of Decree 118/2025: a supplement brought weeks later and
one never brought (Article 19(5)), an extension on its last day (19(6)),
and a result returned with the citizen's evaluation (Article 33(1),
Circular 01/2018/TT-VPCP Articles 13-14)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from counter_app.app_setup import Runtime
from counter_app.devtools.demo_parts import Printer, ScriptedClock, line, typed_fee
from counter_app.domain.evaluation import CitizenAnswers, scores_of
from counter_app.domain.procedure import ProcedureSpec
from counter_app.domain.procedure_rules import rules_for
from counter_app.domain.returns import ReturnDetails
from counter_app.domain.supplement import closable_from
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.models import Dossier
from counter_app.paper import FormKind
from counter_app.services import dossiers, search
from counter_app.services.auth import Actor


def _weeks_ago(rt: Runtime, today: date) -> date:
    """A working day whose supplement request, never answered, may be closed
    by today (domain.supplement.closable_from), at least 16 days back."""
    with rt.ctx.sessions() as session:
        cal = rt.ctx.calendar(session)
    day = today - timedelta(days=16)
    while not (
        cal.is_working_day(day)
        and (first := closable_from(rules_for(day), cal, datetime.combine(day, time(10))))
        and first <= today
    ):
        day -= timedelta(days=1)
    return day


def supplement_weeks_ago(
    rt: Runtime, clock: ScriptedClock, printer: Printer, multi: ProcedureSpec, missing: list[str]
) -> Iterator[str]:
    """Decree 118/2025 Article 19(5): two dossiers asked for a supplement some
    weeks ago. One citizen brings it today: the time limit is counted again
    from now and the new receipt is printed. The other never came back: the
    dossier is on the "to close" list and the desk closes it."""
    today = clock.now.date()
    earlier = _weeks_ago(rt, today)
    receiver = printer.actor
    people = (
        ApplicantInput(full_name="Hoàng Văn Pắn", id_number="020087002345", phone="0915222333"),
        ApplicantInput(full_name="Vi Thị Mến", id_number="020192006789", phone="0978444555"),
    )
    codes = []
    for minute, person in zip((0, 15), people, strict=True):
        clock.now = datetime.combine(earlier, time(9, minute))
        info = dossiers.receive(
            rt.ctx,
            receiver,
            dossiers.ReceiveRequest(multi.code, person, fee_amount=typed_fee(multi)),
        )
        printer.print(info.code, FormKind.RECEIPT)
        clock.now = datetime.combine(earlier, time(10, minute))
        step = dossiers.StepRequest(
            Action.REQUEST_SUPPLEMENT, note="Hồ sơ chưa đủ thành phần", items=missing
        )
        printer.step(info.code, step, FormKind.SUPPLEMENT)
        codes.append(info.code)
    brought, never = codes

    clock.now = datetime.combine(today, time(10, 50))
    old = dossiers.get_dossier(rt.ctx, brought).row.appointment_at
    info = dossiers.take_step(
        rt.ctx, receiver, brought, dossiers.StepRequest(Action.SUPPLEMENT, note="Đã bổ sung đủ")
    )
    # The citizen's receipt had the old date: the new one is printed at once.
    receipt = printer.print(brought, FormKind.RECEIPT, "-moi")
    yield line(info, {"old_appointment": f"{old:%Y-%m-%d %H:%M}", "pdfs": [receipt]})

    clock.now = datetime.combine(today, time(11, 0))
    listed = [r.code for r in search.work_list(rt.ctx, search.WorkList.TO_CLOSE)]
    info = dossiers.take_step(
        rt.ctx,
        receiver,
        never,
        dossiers.StepRequest(Action.CLOSE, note="Quá thời hạn, công dân không bổ sung"),
    )
    yield line(info, {"listed_to_close": never in listed, "pdfs": []})


def extension_due_tomorrow(
    rt: Runtime, clock: ScriptedClock, printer: Printer, multi: ProcedureSpec
) -> Iterator[str]:
    """Decree 118/2025 Article 19(6): a dossier due on the next working day
    will be late; it is on the morning's "last day to extend" list, and the
    desk sends the apology with the extension request (form 04) today."""
    today = clock.now.date()
    with rt.ctx.sessions() as session:
        cal = rt.ctx.calendar(session)
    due_day = cal.next_working_day(today)
    received = today
    while True:
        received -= timedelta(days=1)
        if not cal.is_working_day(received):
            continue
        due = cal.due(datetime.combine(received, time(9)), multi.processing_time, [])
        if due.date() <= due_day:
            break
    clock.now = datetime.combine(received, time(9))
    person = ApplicantInput(full_name="Hà Thị Lan", id_number="020191003456", phone="0945111222")
    info = dossiers.receive(
        rt.ctx,
        printer.actor,
        dossiers.ReceiveRequest(multi.code, person, fee_amount=typed_fee(multi)),
    )
    clock.now = datetime.combine(today, time(15, 30))
    listed = [r.code for r in search.work_list(rt.ctx, search.WorkList.EXTENSION_DUE)]
    new_date = datetime.combine(cal.next_working_day(cal.next_working_day(due.date())), time(9))
    step = dossiers.StepRequest(
        Action.APOLOGISE, note="Cần xác minh thêm với cơ quan khác", new_appointment=new_date
    )
    pdf = printer.step(info.code, step, FormKind.APOLOGY)
    info = dossiers.get_dossier(rt.ctx, info.code)
    yield line(info, {"listed_last_day": info.code in listed, "pdfs": [pdf]})


def returned_with_evaluation(
    rt: Runtime, clock: ScriptedClock, printer: Printer, multi: ProcedureSpec, approver: Actor
) -> Iterator[str]:
    """Decree 118/2025 Article 33(1), Circular 01/2018 Articles 13-14: a result
    ready before its appointment is handed over today; the system scores the
    time against the appointment and the contacts it took, the citizen answers
    the questions asked of them."""
    today = clock.now.date()
    with rt.ctx.sessions() as session:
        cal = rt.ctx.calendar(session)
    received = today - timedelta(days=1)
    while not cal.is_working_day(received):
        received -= timedelta(days=1)
    clock.now = datetime.combine(received, time(14, 0))
    person = ApplicantInput(
        full_name="Triệu Văn Sinh", id_number="020186007654", phone="0913666777"
    )
    code = dossiers.receive(
        rt.ctx,
        printer.actor,
        dossiers.ReceiveRequest(multi.code, person, fee_amount=typed_fee(multi)),
    ).code
    printer.print(code, FormKind.RECEIPT)
    clock.now = datetime.combine(received, time(16, 0))
    for actor, action in (
        (printer.actor, Action.START_APPRAISAL),
        (printer.actor, Action.APPRAISE),
        (approver, Action.APPROVE),
        (printer.actor, Action.PREPARE_RESULT),
    ):
        dossiers.take_step(rt.ctx, actor, code, dossiers.StepRequest(action))
    clock.now = datetime.combine(today, time(16, 0))
    answers = CitizenAnswers({"4": 2, "7": 2, "d": 1}, comment="Cán bộ hướng dẫn tận tình")
    info = dossiers.take_step(
        rt.ctx,
        printer.actor,
        code,
        dossiers.StepRequest(Action.RETURN_RESULT, returned=ReturnDetails(answers=answers)),
    )
    with rt.ctx.sessions() as session:
        record = session.scalars(select(Dossier.evaluation).where(Dossier.code == code)).one()
    yield line(info, {"evaluation": scores_of(record), "pdfs": []})
