"""A scripted day at a commune desk, for training, trade fairs and smoke tests.

On an empty data dir it sets up a demo counter with the sample catalogue and
demo users, then plays the day: a "4 tại chỗ" certified copy done in one
visit, a multi-day procedure with its appointment, and an incomplete dossier
that gets a supplement request. Two dossiers received some weeks before show
Decree 118/2025 Article 19(5): one whose supplement arrives today (its time
limit counted again from now, a new receipt printed), one whose supplement
never came (closed by the desk). One JSON object per dossier per line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from counter_app.app_setup import Runtime
from counter_app.devtools.demo_law import (
    extension_due_tomorrow,
    returned_with_evaluation,
    supplement_weeks_ago,
)
from counter_app.devtools.demo_papers import electronic_dossier
from counter_app.devtools.demo_parts import Printer, ScriptedClock, line, typed_fee
from counter_app.domain.evaluation import CitizenAnswers
from counter_app.domain.procedure import FeeKind, ProcedureSpec, TimeUnit
from counter_app.domain.returns import ReturnDetails
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, Role
from counter_app.paper import FormKind
from counter_app.services import auth, catalogue, dossiers, setup, users

DEMO_PASSWORD = "demo-1234"
DEMO_AGENCY = "000.00.37.H37"


@dataclass(frozen=True)
class _DemoUser:
    username: str
    full_name: str
    title: str
    roles: tuple[Role, ...]


DEMO_USERS = (
    _DemoUser(
        "tiepnhan",
        "Hoàng Thị Mai",
        "Công chức Tư pháp - Hộ tịch",
        (Role.RECEIVER, Role.APPRAISER, Role.RETURNER),
    ),
    _DemoUser("phochutich", "Nông Văn Kính", "Phó Chủ tịch UBND xã", (Role.APPROVER,)),
    _DemoUser("quantri", "Lương Văn Hải", "Quản trị hệ thống", (Role.ADMIN,)),
)


def _demo_day(rt: Runtime) -> date:
    """Today if the desk is open today, else the next working day."""
    with rt.ctx.sessions() as session:
        cal = rt.ctx.calendar(session)
    day = date.today()
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day


def ensure_demo_counter(rt: Runtime) -> None:
    if setup.get_counter(rt.ctx) is not None:
        return
    setup.setup_counter(
        rt.ctx,
        agency_id=DEMO_AGENCY,
        agency_name="UBND xã Hoàng Văn Thụ",
        unit_name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
        parent_name="UBND TỈNH LẠNG SƠN",
        place="Lạng Sơn",
        counter_name="Quầy số 1",
    )
    first, *others = sorted(DEMO_USERS, key=lambda u: Role.ADMIN not in u.roles)
    users.create_first_admin(
        rt.ctx,
        username=first.username,
        full_name=first.full_name,
        title=first.title,
        password=DEMO_PASSWORD,
        roles=first.roles,
    )
    admin = auth.login(rt.ctx, first.username, DEMO_PASSWORD)
    catalogue.import_sample(rt.ctx, admin)
    for u in others:
        users.create_user(
            rt.ctx,
            admin,
            username=u.username,
            full_name=u.full_name,
            title=u.title,
            password=DEMO_PASSWORD,
            roles=u.roles,
        )


# Preferred when the catalogue has them: the desk's everyday examples, a
# certified copy and a marital status confirmation.
PREFERRED = ("2.000815", "1.004873")


def _pick(
    specs: list[ProcedureSpec], *, on_the_spot: bool, tiered_fee: bool = False, min_days: int = 0
) -> ProcedureSpec:
    for s in sorted(specs, key=lambda s: s.code not in PREFERRED):
        if s.on_the_spot != on_the_spot:
            continue
        if tiered_fee and s.fee.kind is not FeeKind.PER_PAGE_TIERED:
            continue
        if min_days and not (
            s.processing_time.unit is TimeUnit.WORKING_DAYS and s.processing_time.amount >= min_days
        ):
            continue
        return s
    raise LookupError("the sample catalogue lacks a procedure the demo needs")


def run_demo(rt: Runtime, out: Path) -> Iterator[str]:
    out.mkdir(parents=True, exist_ok=True)
    ensure_demo_counter(rt)
    clock = ScriptedClock(datetime.combine(_demo_day(rt), time(7, 45)))
    rt.ctx.clock = clock
    specs = catalogue.list_procedures(rt.ctx)
    receiver = auth.login(rt.ctx, DEMO_USERS[0].username, DEMO_PASSWORD)
    approver = auth.login(rt.ctx, DEMO_USERS[1].username, DEMO_PASSWORD)
    printer = Printer(rt, out, receiver)

    # 1. "4 tại chỗ": a certified copy, received, appraised, signed and returned in one visit.
    copy_proc = _pick(specs, on_the_spot=True, tiered_fee=True)
    clock.at(8, 5)
    info = dossiers.receive(
        rt.ctx,
        receiver,
        dossiers.ReceiveRequest(
            copy_proc.code,
            ApplicantInput(
                full_name="Lý Hồng Thúy",
                id_number="020185000123",
                phone="0912345678",
                address="Đường Nguyễn Du, phường Đông Kinh, Lạng Sơn",
            ),
            pages=3,
            copies=2,
        ),
    )
    # Decree 118/2025 Art. 17(4): the result is given at once and the citizen
    # did not ask for a receipt, so none is printed; the slip follows the dossier.
    clock.at(8, 12)
    dossiers.resolve_on_the_spot(
        rt.ctx, receiver, info.code, approver=approver, note="Giải quyết theo cơ chế 4 tại chỗ"
    )
    # The citizen collects the result at the desk and answers the questions.
    answers = CitizenAnswers({"4": 2, "7": 2})
    info = dossiers.take_step(
        rt.ctx,
        receiver,
        info.code,
        dossiers.StepRequest(Action.RETURN_RESULT, returned=ReturnDetails(answers=answers)),
    )
    pdfs = [printer.print(info.code, FormKind.CONTROL_SLIP)]
    yield line(info, {"receipt": False, "pdfs": pdfs})

    # 2. A multi-day procedure: received now, result at the appointment.
    multi = _pick(specs, on_the_spot=False, min_days=3)
    clock.at(9, 30)
    info = dossiers.receive(
        rt.ctx,
        receiver,
        dossiers.ReceiveRequest(
            multi.code,
            ApplicantInput(
                full_name="Lăng Thị Khuyên",
                id_number="020190001234",
                phone="0987654321",
                address="Thôn Làng Ngôn, xã Tân Thành, Lạng Sơn",
            ),
            fee_amount=typed_fee(multi),
        ),
    )
    yield line(info, {"pdfs": [printer.print(info.code, FormKind.RECEIPT)]})
    morning = info.code

    # 3. An incomplete dossier: a written, complete, one-time supplement request
    # (form 02) and no receipt: its appointment is set once it is complete
    # (Decree 118/2025 Art. 17(1)(c)).
    clock.at(10, 15)
    info = dossiers.receive(
        rt.ctx,
        receiver,
        dossiers.ReceiveRequest(
            multi.code,
            ApplicantInput(
                full_name="Nông Văn Đức",
                id_number="020088004567",
                phone="0368123456",
                address="Thôn Nà Pàn, xã Hoàng Văn Thụ, Lạng Sơn",
            ),
            fee_amount=typed_fee(multi),
        ),
    )
    clock.at(10, 25)
    missing = [d.name for d in multi.documents if d.mandatory][-1:] or [
        "Giấy tờ chứng minh nơi cư trú"
    ]
    # The state changes only once form 02 has been printed for the citizen.
    step = dossiers.StepRequest(
        Action.REQUEST_SUPPLEMENT, note="Hồ sơ chưa đủ thành phần", items=missing
    )
    pdfs = [printer.step(info.code, step, FormKind.SUPPLEMENT)]
    info = dossiers.get_dossier(rt.ctx, info.code)
    yield line(info, {"supplement": info.supplement_items, "pdfs": pdfs})

    yield from supplement_weeks_ago(rt, clock, printer, multi, missing)
    yield from extension_due_tomorrow(rt, clock, printer, multi)
    yield from returned_with_evaluation(rt, clock, printer, multi, approver)
    yield from electronic_dossier(rt, clock, printer, multi, morning)
