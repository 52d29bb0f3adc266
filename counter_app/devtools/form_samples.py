"""A scripted month at a commune desk, played through the services: the data
behind the sample pages in docs/forms/ (``tools/form_samples.py`` writes them).

The service clock moves from event to event over the month's working days
only; every appointment is the one the calendar gives at reception, every
result's timeliness the one the services compute. Nothing on a sample page is
typed in by hand: each is printed from a dossier this month produced.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from counter_app.app_setup import Runtime
from counter_app.devtools.demo import DEMO_PASSWORD, ensure_demo_counter
from counter_app.devtools.demo_parts import DEMO_PROVINCE_FEE, ScriptedClock
from counter_app.domain.calendar import classify
from counter_app.domain.procedure import FeeKind, ProcessingTime, TimeUnit
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.paper import FormKind, form_set_for, load_form_set
from counter_app.services import auth, catalogue, dossiers, ledger_book, print_jobs, setup
from counter_app.services.dossiers import ReceiveRequest, StepRequest

RECEIVER, APPROVER = "tiepnhan", "phochutich"
# The commune's one-stop unit by date: a "Bộ phận Tiếp nhận và Trả kết quả"
# under Decree 61/2018, a "Trung tâm Phục vụ hành chính công xã" from 1/7/2025
# (Decree 118/2025/NĐ-CP and the two-level local government).
UNIT_NAMES = (
    (date(2018, 1, 1), "Bộ phận Tiếp nhận và Trả kết quả"),
    (date(2025, 7, 1), "Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ"),
)
# The months played: one under each circular's form set.
MONTHS = ((2024, 5), (2026, 11))

_NAMES = (
    "Lý Hồng Thúy",
    "Nông Văn Đức",
    "Hoàng Thị Mai Anh",
    "Vi Văn Tùng",
    "Lăng Thị Khuyên",
    "Triệu Văn Sáng",
    "Đàm Thị Hương",
    "Hà Văn Bình",
)


@dataclass(frozen=True)
class Sample:
    """One sample page: which form, printed from which dossier, on what paper."""

    name: str  # file stem in docs/forms, e.g. "tt03-2025-01-receipt-a4"
    code: str  # dossier code, "" for the ledger
    pdf: bytes


@dataclass
class Month:
    set_id: str
    start: date
    end: date
    codes: list[str] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)


Event = tuple[datetime, int, Callable[[], None]]


class _Script:
    """Events in time order; an event may schedule later ones."""

    def __init__(self, rt: Runtime, clock: ScriptedClock, month: Month) -> None:
        self.rt, self.clock, self.month = rt, clock, month
        self.queue: list[Event] = []
        self.order = itertools.count()
        self.people = itertools.cycle(_NAMES)
        self.ids = itertools.count(1)
        self.actors: dict[str, auth.Actor] = {}
        with rt.ctx.sessions() as session:
            self.cal = rt.ctx.calendar(session)
        self.specs = {s.code: s for s in catalogue.list_procedures(rt.ctx)}

    def at(self, moment: datetime, action: Callable[[], None]) -> None:
        heapq.heappush(self.queue, (moment, next(self.order), action))

    def working_day_after(self, day: date, n: int = 1) -> date:
        for _ in range(n):
            day = self.cal.next_working_day(day)
        return day

    def on(self, day: date, hour: int, minute: int, action: Callable[[], None]) -> None:
        self.at(datetime.combine(day, time(hour, minute)), action)

    def run(self) -> None:
        while self.queue:
            moment, _n, action = heapq.heappop(self.queue)
            self.clock.now = moment
            action()

    # ----- what the desk does ----------------------------------------------------

    def actor(self, username: str) -> auth.Actor:
        """Each official of the script logs in once, as at the desk."""
        if username not in self.actors:
            self.actors[username] = auth.login(self.rt.ctx, username, DEMO_PASSWORD)
        return self.actors[username]

    def receive(self, code: str, **options: object) -> str:
        n = next(self.ids)
        fee = DEMO_PROVINCE_FEE if self.specs[code].fee.kind is FeeKind.SET_BY_PROVINCE else None
        info = dossiers.receive(
            self.rt.ctx,
            self.actor(RECEIVER),
            ReceiveRequest(
                code,
                ApplicantInput(
                    full_name=next(self.people),
                    id_number=f"0201900{n:05d}",
                    phone=f"09{n:08d}",
                    address="Thôn Nà Sla, xã Hoàng Văn Thụ, Lạng Sơn",
                ),
                fee_amount=fee,
                **options,  # type: ignore[arg-type]
            ),
        )
        self.month.codes.append(info.code)
        return info.code

    def step(self, code: str, action: Action, user: str = RECEIVER, **kw: object) -> None:
        dossiers.take_step(self.rt.ctx, self.actor(user), code, StepRequest(action, **kw))  # type: ignore[arg-type]

    def step_with_form(
        self, code: str, request: StepRequest, kind: FormKind, name: str, user: str = RECEIVER
    ) -> None:
        captured: list[bytes] = []

        def keep(pdf: bytes) -> str:
            captured.append(pdf)
            return name

        print_jobs.step_with_form(self.rt.ctx, self.actor(user), code, request, kind, keep)
        self.sample(name, code, captured[0])

    def print(self, code: str, kind: FormKind, name: str, paper: str | None = None) -> None:
        result = print_jobs.print_form(
            self.rt.ctx, self.actor(RECEIVER), code, kind, lambda pdf: name, paper=paper
        )
        self.sample(name, code, result.pdf)

    def sample(self, name: str, code: str, pdf: bytes) -> None:
        if not any(s.name == name for s in self.month.samples):
            self.month.samples.append(Sample(name, code, pdf))

    def appointment(self, code: str) -> datetime:
        return dossiers.get_dossier(self.rt.ctx, code).row.appointment_at

    def decide_and_return(self, code: str, day: date, *, refuse: bool = False) -> None:
        """Approve (or refuse) on ``day`` at 14:00; return on the appointment's day."""

        def decide() -> None:
            self.step(code, Action.REFUSE if refuse else Action.APPROVE, APPROVER)
            self.step(code, Action.PREPARE_RESULT)
            back = max(self.appointment(code).date(), self.clock.now.date())
            if back == self.clock.now.date():
                back = self.working_day_after(back)
            self.on(back, 8, 0, lambda: self.step(code, Action.RETURN_RESULT))

        self.on(day, 14, 0, decide)


def _prefix(set_id: str, kind: FormKind) -> str:
    number = load_form_set(set_id).form(kind).number.split()[-1]
    return f"{set_id}-{number}"


def _plan_day(s: _Script, day: date, index: int, set_id: str) -> None:
    """What comes to the desk on the ``index``-th working day of the month."""
    nxt = s.working_day_after(day)
    # Every morning: a certified copy done "4 tại chỗ" in one visit.
    s.on(day, 8, 5, lambda: _on_the_spot(s, s.receive("2.000815", pages=3)))
    if index % 5 == 1:
        # After 15:00: a same-day procedure, due the next working day, done next morning.
        def late_arrival() -> None:
            code = s.receive("2.000908")
            s.on(nxt, 8, 30, lambda: _on_the_spot(s, code))

        s.on(day, 15, 40, late_arrival)
    if index % 3 == 0:
        s.on(day, 9, 30, lambda: _multi_day(s, s.receive("1.004873"), day))
    special = {
        1: _supplement,
        2: _refusal,
        3: _apology,
        4: _late,
        5: _transfer,
        6: _withdrawal,
    }.get(index)
    if special is not None:
        s.on(day, 10, 15, lambda: special(s, day, set_id))


def _on_the_spot(s: _Script, code: str) -> None:
    dossiers.resolve_on_the_spot(s.rt.ctx, s.actor(RECEIVER), code, approver=s.actor(APPROVER))
    s.step(code, Action.RETURN_RESULT)


def _multi_day(s: _Script, code: str, day: date) -> None:
    s.step(code, Action.START_APPRAISAL)
    s.on(s.working_day_after(day), 9, 0, lambda: s.step(code, Action.APPRAISE))
    s.decide_and_return(code, s.working_day_after(day))


def _supplement(s: _Script, day: date, set_id: str) -> None:
    code = s.receive("1.004837")
    items = ("Giấy tờ chứng minh điều kiện của người giám hộ",)
    request = StepRequest(Action.REQUEST_SUPPLEMENT, note="Hồ sơ chưa đủ thành phần", items=items)
    s.step_with_form(
        code, request, FormKind.SUPPLEMENT, f"{_prefix(set_id, FormKind.SUPPLEMENT)}-supplement"
    )
    nxt = s.working_day_after(day)

    def supplemented() -> None:
        s.step(code, Action.SUPPLEMENT)
        s.step(code, Action.APPRAISE)

    s.on(nxt, 9, 0, supplemented)
    s.decide_and_return(code, s.working_day_after(nxt))


def _refusal(s: _Script, day: date, set_id: str) -> None:
    code = s.receive("1.004884")
    s.step(code, Action.START_APPRAISAL)
    s.on(s.working_day_after(day), 9, 0, lambda: s.step(code, Action.APPRAISE))

    def refuse() -> None:
        request = StepRequest(
            Action.REFUSE,
            note="Việc khai sinh đã được đăng ký tại Ủy ban nhân dân xã khác; không thuộc "
            "trường hợp đăng ký lại khai sinh.",
        )
        s.step_with_form(
            code,
            request,
            FormKind.REFUSAL,
            f"{_prefix(set_id, FormKind.REFUSAL)}-refusal",
            APPROVER,
        )
        s.step(code, Action.PREPARE_RESULT)
        s.on(
            s.working_day_after(s.clock.now.date()),
            8,
            0,
            lambda: s.step(code, Action.RETURN_RESULT),
        )

    s.on(s.working_day_after(day, 2), 9, 0, refuse)


def _apology(s: _Script, day: date, set_id: str) -> None:
    code = s.receive("1.004873")
    s.step(code, Action.START_APPRAISAL)
    due = s.appointment(code)
    after = s.working_day_after(due.date())

    def apologise() -> None:
        new = s.cal.due(s.clock.now, ProcessingTime(2, TimeUnit.WORKING_DAYS))
        request = StepRequest(
            Action.APOLOGISE, note="Cần xác minh thêm thông tin tại nơi cư trú", new_appointment=new
        )
        name = f"{_prefix(set_id, FormKind.APOLOGY)}-apology"
        s.step_with_form(code, request, FormKind.APOLOGY, name)
        s.on(s.working_day_after(after), 9, 0, lambda: s.step(code, Action.APPRAISE))
        s.decide_and_return(code, s.working_day_after(after))

    s.on(after, 8, 0, apologise)


def _late(s: _Script, day: date, set_id: str) -> None:
    """A dossier decided after its appointment: the ledger must say "Quá hạn"."""
    code = s.receive("1.004837")
    s.step(code, Action.START_APPRAISAL)
    after = s.working_day_after(s.appointment(code).date())
    s.on(after, 9, 0, lambda: s.step(code, Action.APPRAISE))
    s.decide_and_return(code, after)


def _transfer(s: _Script, day: date, set_id: str) -> None:
    code = s.receive("1.001022")
    s.step(code, Action.TRANSFER, department="Công chức Tư pháp - Hộ tịch")
    nxt = s.working_day_after(day)

    def back() -> None:
        s.step(code, Action.RETURN_FROM_DEPARTMENT)
        s.print(
            code, FormKind.CONTROL_SLIP, f"{_prefix(set_id, FormKind.CONTROL_SLIP)}-control-slip"
        )

    s.on(nxt, 15, 0, back)
    s.decide_and_return(code, s.working_day_after(nxt))


def _withdrawal(s: _Script, day: date, set_id: str) -> None:
    code = s.receive("1.004873")
    spec = load_form_set(set_id).forms
    nxt = s.working_day_after(day)
    if FormKind.STOP_NOTICE not in spec:
        s.on(nxt, 10, 0, lambda: s.step(code, Action.WITHDRAW, note="Người nộp xin rút hồ sơ"))
        return
    request = StepRequest(Action.WITHDRAW, note="Người nộp hồ sơ có văn bản xin rút hồ sơ")
    name = f"{_prefix(set_id, FormKind.STOP_NOTICE)}-stop-notice"
    s.on(nxt, 10, 0, lambda: s.step_with_form(code, request, FormKind.STOP_NOTICE, name))


def working_days(rt: Runtime, year: int, month: int) -> Iterator[date]:
    with rt.ctx.sessions() as session:
        cal = rt.ctx.calendar(session)
    day = date(year, month, 1)
    while day.month == month:
        if cal.is_working_day(day):
            yield day
        day += timedelta(days=1)


def play_month(rt: Runtime, year: int, month: int) -> Month:
    """Play ``month`` on the counter of ``rt`` (set up as the demo's if new)."""
    days = list(working_days(rt, year, month))
    clock = ScriptedClock(datetime.combine(days[0], time(7, 30)))
    rt.ctx.clock = clock
    ensure_demo_counter(rt)
    unit = [name for since, name in UNIT_NAMES if since <= days[0]][-1]
    if setup.get_counter(rt.ctx).unit_name != unit:  # type: ignore[union-attr]
        setup.rename_unit(rt.ctx, auth.login(rt.ctx, "quantri", DEMO_PASSWORD), unit)
    set_id = form_set_for(days[0])
    result = Month(set_id, days[0], days[-1])
    script = _Script(rt, clock, result)
    for index, day in enumerate(days):
        _plan_day(script, day, index, set_id)
    script.run()
    _print_receipts(script, set_id)
    ledger = ledger_book.ledger_pdf(rt.ctx, result.start, result.end)
    script.sample(f"{_prefix(set_id, FormKind.LEDGER)}-ledger", "", ledger)
    return result


def _print_receipts(s: _Script, set_id: str) -> None:
    """The first multi-day dossier's receipt on A4, then its reprint on A5 (and the slip)."""
    multi = next(
        c
        for c in s.month.codes
        if dossiers.get_dossier(s.rt.ctx, c).row.procedure_code == "1.004873"
    )
    prefix = _prefix(set_id, FormKind.RECEIPT)
    s.print(multi, FormKind.RECEIPT, f"{prefix}-receipt-a4", "A4")
    s.print(multi, FormKind.RECEIPT, f"{prefix}-receipt-a5-reprint", "A5")
    s.print(multi, FormKind.RECEIPT, f"{set_id}-receipt-80mm", "80mm")


def _at_reception(info: dossiers.DossierInfo) -> str:
    given = datetime.fromisoformat(str(info.steps[0].data["appointment"]))
    return f"{given:%Y-%m-%d %H:%M}"


def month_rows(rt: Runtime, month: Month) -> list[dict[str, object]]:
    """The data behind the month's pages: one row per dossier, as the ledger reads it."""
    rows: list[dict[str, object]] = []
    for code in month.codes:
        info = dossiers.get_dossier(rt.ctx, code)
        finished = info.finished_at
        rows.append(
            {
                "code": code,
                "procedure": info.row.procedure_code,
                "received": f"{info.row.received_at:%Y-%m-%d %H:%M}",
                # As the receipt gave it (a supplement sets a new statutory limit since).
                "appointment_at_reception": _at_reception(info),
                "appointment": f"{info.row.appointment_at:%Y-%m-%d %H:%M}",
                "finished": None if finished is None else f"{finished:%Y-%m-%d %H:%M}",
                "returned": None
                if info.returned_at is None
                else f"{info.returned_at:%Y-%m-%d %H:%M}",
                "state": info.state.value,
                "timeliness": None
                if finished is None
                else classify(info.row.appointment_at, finished).value,
                "fee": info.fee,
            }
        )
    return rows
