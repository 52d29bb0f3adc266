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

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from counter_app.app_setup import Runtime
from counter_app.domain.procedure import FeeKind, ProcedureSpec, TimeUnit
from counter_app.domain.procedure_rules import rules_for
from counter_app.domain.supplement import closable_from
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action, Role
from counter_app.paper import FormKind, form_set_for
from counter_app.services import auth, catalogue, dossiers, print_jobs, search, setup, users
from counter_app.services.views import DossierInfo

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


class ScriptedClock:
    """The demo's wall clock: moved forward by the script, not by real time."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def at(self, hour: int, minute: int) -> None:
        self.now = datetime.combine(self.now.date(), time(hour, minute))


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
# What the demo's official types for a fee the province sets, as from its table.
DEMO_PROVINCE_FEE = 15_000


def _typed_fee(spec: ProcedureSpec) -> int | None:
    return DEMO_PROVINCE_FEE if spec.fee.kind is FeeKind.SET_BY_PROVINCE else None


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


def _line(info: DossierInfo, extra: dict[str, object]) -> str:
    return json.dumps(
        {
            "code": info.code,
            "procedure": info.row.procedure_code,
            "procedure_name": info.row.procedure_name,
            "applicant": info.row.applicant_name,
            "state": info.state.value,
            "received": f"{info.row.received_at:%Y-%m-%d %H:%M}",
            "appointment": f"{info.row.appointment_at:%Y-%m-%d %H:%M}",
            "fee": info.fee,
            "on_the_spot": info.row.on_the_spot,
            **extra,
        },
        ensure_ascii=False,
    )


class _Printer:
    """Saves each form as <dossier code>-<form number>.pdf in the demo folder."""

    def __init__(self, rt: Runtime, out: Path, actor: auth.Actor) -> None:
        self.rt, self.out, self.actor = rt, out, actor
        # The demo's dossiers are all received on the scripted day: one set for all.
        self.form_set = form_set_for(rt.ctx.now().date())

    def path(self, code: str, kind: FormKind, suffix: str = "") -> Path:
        return self.out / f"{code}-{print_jobs.form_number(self.form_set, kind)}{suffix}.pdf"

    def print(self, code: str, kind: FormKind, suffix: str = "") -> str:
        return print_jobs.print_form(
            self.rt.ctx,
            self.actor,
            code,
            kind,
            print_jobs.file_sink(self.path(code, kind, suffix)),
        ).target

    def step(self, code: str, step: dossiers.StepRequest, kind: FormKind) -> str:
        return print_jobs.step_with_form(
            self.rt.ctx, self.actor, code, step, kind, print_jobs.file_sink(self.path(code, kind))
        ).target


def run_demo(rt: Runtime, out: Path) -> Iterator[str]:
    out.mkdir(parents=True, exist_ok=True)
    ensure_demo_counter(rt)
    clock = ScriptedClock(datetime.combine(_demo_day(rt), time(7, 45)))
    rt.ctx.clock = clock
    specs = catalogue.list_procedures(rt.ctx)
    receiver = auth.login(rt.ctx, DEMO_USERS[0].username, DEMO_PASSWORD)
    approver = auth.login(rt.ctx, DEMO_USERS[1].username, DEMO_PASSWORD)
    printer = _Printer(rt, out, receiver)

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
    info = dossiers.resolve_on_the_spot(
        rt.ctx, receiver, info.code, approver=approver, note="Giải quyết theo cơ chế 4 tại chỗ"
    )
    pdfs = [printer.print(info.code, FormKind.CONTROL_SLIP)]
    yield _line(info, {"receipt": False, "pdfs": pdfs})

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
            fee_amount=_typed_fee(multi),
        ),
    )
    yield _line(info, {"pdfs": [printer.print(info.code, FormKind.RECEIPT)]})

    # 3. An incomplete dossier: a written, complete, one-time supplement request.
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
            fee_amount=_typed_fee(multi),
        ),
    )
    pdfs = [printer.print(info.code, FormKind.RECEIPT)]
    clock.at(10, 25)
    missing = [d.name for d in multi.documents if d.mandatory][-1:] or [
        "Giấy tờ chứng minh nơi cư trú"
    ]
    # The state changes only once form 02 has been printed for the citizen.
    step = dossiers.StepRequest(
        Action.REQUEST_SUPPLEMENT, note="Hồ sơ chưa đủ thành phần", items=missing
    )
    pdfs.append(printer.step(info.code, step, FormKind.SUPPLEMENT))
    info = dossiers.get_dossier(rt.ctx, info.code)
    yield _line(info, {"supplement": info.supplement_items, "pdfs": pdfs})

    yield from _supplement_weeks_ago(rt, clock, printer, multi, missing)
    yield from _extension_due_tomorrow(rt, clock, printer, multi)


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


def _supplement_weeks_ago(
    rt: Runtime, clock: ScriptedClock, printer: _Printer, multi: ProcedureSpec, missing: list[str]
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
            dossiers.ReceiveRequest(multi.code, person, fee_amount=_typed_fee(multi)),
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
    yield _line(info, {"old_appointment": f"{old:%Y-%m-%d %H:%M}", "pdfs": [receipt]})

    clock.now = datetime.combine(today, time(11, 0))
    listed = [r.code for r in search.work_list(rt.ctx, search.WorkList.TO_CLOSE)]
    info = dossiers.take_step(
        rt.ctx,
        receiver,
        never,
        dossiers.StepRequest(Action.CLOSE, note="Quá thời hạn, công dân không bổ sung"),
    )
    yield _line(info, {"listed_to_close": never in listed, "pdfs": []})


def _extension_due_tomorrow(
    rt: Runtime, clock: ScriptedClock, printer: _Printer, multi: ProcedureSpec
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
        dossiers.ReceiveRequest(multi.code, person, fee_amount=_typed_fee(multi)),
    )
    clock.now = datetime.combine(today, time(15, 30))
    listed = [r.code for r in search.work_list(rt.ctx, search.WorkList.EXTENSION_DUE)]
    new_date = datetime.combine(cal.next_working_day(cal.next_working_day(due.date())), time(9))
    step = dossiers.StepRequest(
        Action.APOLOGISE, note="Cần xác minh thêm với cơ quan khác", new_appointment=new_date
    )
    pdf = printer.step(info.code, step, FormKind.APOLOGY)
    info = dossiers.get_dossier(rt.ctx, info.code)
    yield _line(info, {"listed_last_day": info.code in listed, "pdfs": [pdf]})
