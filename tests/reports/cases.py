"""Dossiers whose figures for the first quarter of 2027 are counted by hand.

Every dossier is received and moved through the real services at a chosen
time. Working time is counted in minutes of the default hours
(07:30–11:30, 13:30–17:00: 450 a day). Tết 2027 is Thu 4 – Wed 10 Feb.

| case | procedure (limit) | received | appointment in force | result ready | class | used / allowed min |
|---|---|---|---|---|---|---|
| L carried over | 1.004884 (5 d) | Thu 31/12/2026 09:00 | Fri 08/01 09:00 | Tue 05/01 10:00 | early | 360+450+150=960 / 2250 |
| A Friday 15:30 | 2.001035 (2 d) | Fri 08/01 15:30 (no 15:00 cut-off for a 2-day procedure: the clock starts at once) | Tue 12/01 15:30 | Tue 12/01 10:00 | on time | 90+450+150=690 / 900 |
| C supplement | 1.001022 (3 d) | Mon 18/01 09:00, supplement asked Tue 19/01 09:00, complete Thu 21/01 09:00: the limit counted again from then | Tue 26/01 09:00 | Mon 25/01 08:00 | early | 360+450+30=840 / 1350 |
| B across Tết | 1.004884 (5 d), by post | Wed 03/02 09:00 | Wed 17/02 09:00 | Mon 15/02 10:00 | early | 360+450+450+150=1410 / 2250 |
| N closed | 1.001022 (3 d) | Tue 02/02 09:00; supplement asked Mon 15/02, after the 3 working days (Wed 03/02, Thu 11/02, Fri 12/02): flagged; never brought, closed Wed 03/03 (15 days: Tue 16/02 – Tue 02/03) | | | | |
| D apology | 2.001035 (2 d) | Mon 01/03 09:00; apology Wed 03/03 10:00 | Fri 05/03 16:00 | Fri 05/03 15:00 | on time | 360+3*450+330=2040 / 900 |
| E late | 2.001035 (2 d) | Tue 02/03 09:00 | Thu 04/03 09:00 | Thu 04/03 14:00 | late | 360+450+270=1080 / 900 |
| F refused | 1.001022 (3 d) | Mon 08/03 09:00 | Thu 11/03 09:00 | Tue 09/03 14:00 | early | 360+270=630 / 1350 |
| G withdrawn | 1.004884 (5 d) | Mon 15/03 09:00; withdrawn Tue 16/03 | | | | |
| H 4 tại chỗ | 2.000815 (same day), 3 pages | Wed 17/03 09:00 | Wed 17/03 17:00 | Wed 17/03 09:00 | on time | 0 / 360 |
| J overdue | 2.001035 (2 d) | Thu 25/03 09:00 | Mon 29/03 09:00 | (pending) | | |
| K paused | 1.001022 (3 d) | Fri 26/03 09:00; supplement asked Mon 29/03 | | (pending) | | |
| I within time | 1.004884 (5 d) | Tue 30/03 09:00 | Tue 06/04 09:00 | (pending) | | |
| M online | 1.004222 (7 d), from the portal | Wed 31/03 08:00 | | (pending) | | |

Returns: L Wed 06/01 satisfied; A Wed 13/01 satisfied; C Mon 25/01 very
satisfied (criteria 1 and 4 very satisfied, 3 satisfied); B Tue 16/02 by post;
D Fri 05/03 15:30 dissatisfied (criterion 4 dissatisfied); E Fri 05/03 15:20 by an
authorised person, no rating; F Wed 10/03 no rating; H at once, no rating.
Fees: 2.001035 50,000 đ (A, D, E, J); 2.000815 3 pages 2,000+2,000+1,000 (H);
1.004222 10,000 đ online (M; 20,000 đ at the desk); 1.001022 and 1.004884 are set by the province and
the official types 15,000 đ from its table (C, B, N, F, G, K, I in the quarter; L
was received in 2026): 200,000 + 5,000 + 7 × 15,000 = 310,000 đ at the desk.
Working minutes to the result: 960 + 690 + 840 + 1410 + 2040 + 1080 + 630 + 0 = 7650.
"""

from __future__ import annotations

from datetime import datetime

from counter_app.domain.procedure import Delivery
from counter_app.domain.returns import Channel, Collector, Rating, ReturnDetails, Satisfaction
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Action
from counter_app.reports.definitions import Period
from counter_app.services import dossiers
from counter_app.services.context import ServiceContext
from counter_app.services.dossiers import ReceiveRequest, StepRequest
from tests.conftest import Clock, login, typed_fee

QUARTER = Period(datetime(2027, 1, 1).date(), datetime(2027, 3, 31).date())
MADE_AT = datetime(2027, 4, 2, 9, 0)

P2, P3, P5, SPOT = "2.001035", "1.001022", "1.004884", "2.000815"
ONLINE_CODE = "000.00.37.H37-270331-9001"

ONLINE_ENTRY = {
    "code": ONLINE_CODE,
    "agency_id": "000.00.37.H37",
    "procedure_code": "1.004222",
    "submitted_at": "2027-03-31T08:00:00",
    "applicant": {"full_name": "Vi Thị Hoa", "id_number": "020190001234"},
}

# The expected figures of QUARTER, counted by hand from the table above
# (counter side: without the online dossier M).
EXPECTED = {
    "received": 12,
    "received_online": 0,
    "received_desk": 12,
    "carried_over": 1,
    "handled": 13,
    "resolved": 8,
    "early": 4,
    "on_time": 3,
    "late": 1,
    "refused": 1,
    "apologised": 1,
    "extensions_late": 1,
    "handovers_late": 6,
    "online_answers_late": 0,
    "withdrawn": 1,
    "closed": 1,
    "pending": 3,
    "pending_within_time": 1,
    "pending_overdue": 1,
    "pending_paused": 1,
    "supplement_requests": 3,
    "supplement_requests_late": 1,
    "returned": 8,
    "returned_desk": 7,
    "returned_post": 1,
    "returned_to_authorised": 1,
    "delivery_post_requested": 1,
    "on_the_spot_received": 1,
    "on_the_spot_completed": 1,
    "rated": 4,
    "very_satisfied": 1,
    "satisfied": 2,
    "dissatisfied": 1,
    "not_rated": 4,
    "fees": 310_000,
    "working_minutes": 7650,
    "statutory_minutes": 10260,
}
EXPECTED_RATES = {
    "in_time_rate": 7 / 8,
    "satisfaction_rate": 3 / 4,
    "average_working_days": 7650 / 8 / 450,
    "average_statutory_days": 10260 / 8 / 450,
}
EXPECTED_CRITERIA = {
    ("1", "very_satisfied"): 1,
    ("3", "satisfied"): 1,
    ("4", "very_satisfied"): 1,
    ("4", "dissatisfied"): 1,
}
# (received, resolved) per month: January, February, March.
EXPECTED_MONTHS = [(2, 3), (2, 1), (8, 4)]


def with_online(expected: dict[str, int]) -> dict[str, int]:
    """The centre's figures: the portal's dossier M is one more, pending in time."""
    out = dict(expected)
    for key in ("received", "received_online", "handled", "pending", "pending_within_time"):
        out[key] += 1
    out["fees"] += 10_000  # the online rate of 1.004222 (20,000 đ at the desk)
    return out


class Desk:
    """Drives the services at chosen times."""

    def __init__(self, ctx: ServiceContext, clock: Clock) -> None:
        self.ctx, self.clock = ctx, clock
        self.people = 0

    def at(self, when: str) -> None:
        self.clock.now = datetime.fromisoformat(when)

    def receive(self, when: str, procedure: str, name: str, **extra: object) -> str:
        self.at(when)
        self.people += 1
        person = ApplicantInput(full_name=name, id_number=f"020090{self.people:06d}")
        # A fee the province sets is typed from its table, as at the desk.
        request = ReceiveRequest(procedure, person, fee_amount=typed_fee(procedure), **extra)  # type: ignore[arg-type]
        return dossiers.receive(self.ctx, login(self.ctx, "tiepnhan"), request).row.code

    def step(self, when: str, who: str, code: str, action: Action, **extra: object) -> None:
        self.at(when)
        dossiers.take_step(self.ctx, login(self.ctx, who), code, StepRequest(action, **extra))  # type: ignore[arg-type]

    def decide(self, when: str, code: str, *, refuse: bool = False) -> None:
        """Appraise, approve (or refuse) and make the result ready at ``when``."""
        self.step(when, "thamdinh", code, Action.START_APPRAISAL)
        self.step(when, "thamdinh", code, Action.APPRAISE)
        if refuse:
            self.step(when, "phochutich", code, Action.REFUSE, note="Không đủ điều kiện")
        else:
            self.step(when, "phochutich", code, Action.APPROVE)
        self.step(when, "tiepnhan", code, Action.PREPARE_RESULT)

    def hand_over(self, when: str, code: str, details: ReturnDetails | None = None) -> None:
        self.step(when, "tiepnhan", code, Action.RETURN_RESULT, returned=details or ReturnDetails())


def rated(level: Satisfaction, **criteria: Satisfaction) -> ReturnDetails:
    return ReturnDetails(rating=Rating(level, {k.lstrip("c"): v for k, v in criteria.items()}))


def build(ctx: ServiceContext, clock: Clock) -> dict[str, str]:
    """Receive and handle the cases of the table; returns their codes by letter."""
    d = Desk(ctx, clock)
    s = Satisfaction
    codes: dict[str, str] = {}
    codes["L"] = d.receive("2026-12-31T09:00", P5, "Nông Văn Lâm")
    d.decide("2027-01-05T10:00", codes["L"])
    d.hand_over("2027-01-06T09:00", codes["L"], rated(s.SATISFIED))

    codes["A"] = d.receive("2027-01-08T15:30", P2, "Hoàng Văn An")
    d.decide("2027-01-12T10:00", codes["A"])
    d.hand_over("2027-01-13T09:00", codes["A"], rated(s.SATISFIED))

    codes["C"] = d.receive("2027-01-18T09:00", P3, "Lộc Thị Cúc")
    d.step(
        "2027-01-19T09:00",
        "thamdinh",
        codes["C"],
        Action.REQUEST_SUPPLEMENT,
        items=("Bản sao CCCD",),
    )
    d.step("2027-01-21T09:00", "tiepnhan", codes["C"], Action.SUPPLEMENT)
    d.step("2027-01-25T08:00", "thamdinh", codes["C"], Action.APPRAISE)
    d.step("2027-01-25T08:00", "phochutich", codes["C"], Action.APPROVE)
    d.step("2027-01-25T08:00", "tiepnhan", codes["C"], Action.PREPARE_RESULT)
    d.hand_over(
        "2027-01-25T09:00",
        codes["C"],
        rated(s.VERY_SATISFIED, c1=s.VERY_SATISFIED, c3=s.SATISFIED, c4=s.VERY_SATISFIED),
    )

    codes["B"] = d.receive(
        "2027-02-03T09:00",
        P5,
        "Triệu Thị Bình",
        delivery=Delivery.POST,
        delivery_address="Số 5 đường Bà Triệu, Lạng Sơn",
    )
    d.decide("2027-02-15T10:00", codes["B"])
    d.hand_over(
        "2027-02-16T09:00",
        codes["B"],
        ReturnDetails(channel=Channel.POST, tracking_number="EF123456789VN"),
    )

    codes["N"] = d.receive("2027-02-02T09:00", P3, "Nịnh Văn Nam")
    d.step(
        "2027-02-15T09:00", "thamdinh", codes["N"], Action.REQUEST_SUPPLEMENT, items=("Bản sao",)
    )
    d.step("2027-03-03T08:00", "tiepnhan", codes["N"], Action.CLOSE)

    codes["D"] = d.receive("2027-03-01T09:00", P2, "Lăng Văn Dũng")
    d.step(
        "2027-03-03T10:00",
        "tiepnhan",
        codes["D"],
        Action.APOLOGISE,
        new_appointment=datetime(2027, 3, 5, 16, 0),
        note="Cần xác minh thêm",
    )
    codes["E"] = d.receive("2027-03-02T09:00", P2, "Chu Thị Én")
    d.decide("2027-03-04T14:00", codes["E"])
    d.decide("2027-03-05T15:00", codes["D"])
    d.hand_over(
        "2027-03-05T15:20",
        codes["E"],
        ReturnDetails(
            collector=Collector.AUTHORISED,
            collector_name="Chu Văn Phúc",
            collector_id="020090001111",
        ),
    )
    d.hand_over("2027-03-05T15:30", codes["D"], rated(s.DISSATISFIED, c4=s.DISSATISFIED))

    codes["F"] = d.receive("2027-03-08T09:00", P3, "Hà Văn Phong")
    d.decide("2027-03-09T14:00", codes["F"], refuse=True)
    d.hand_over("2027-03-10T09:00", codes["F"])

    codes["G"] = d.receive("2027-03-15T09:00", P5, "Mã Thị Giang")
    d.step("2027-03-16T10:00", "tiepnhan", codes["G"], Action.WITHDRAW, note="Công dân rút hồ sơ")

    codes["H"] = d.receive("2027-03-17T09:00", SPOT, "Vy Văn Hải", pages=3)
    dossiers.resolve_on_the_spot(
        ctx, login(ctx, "motcua"), codes["H"], approver=login(ctx, "phochutich")
    )
    d.hand_over("2027-03-17T09:00", codes["H"])

    codes["J"] = d.receive("2027-03-25T09:00", P2, "Tô Văn Giáp")
    codes["K"] = d.receive("2027-03-26T09:00", P3, "Lương Thị Kim")
    d.step(
        "2027-03-29T09:00",
        "tiepnhan",
        codes["K"],
        Action.REQUEST_SUPPLEMENT,
        items=("Giấy xác nhận",),
    )
    codes["I"] = d.receive("2027-03-30T09:00", P5, "Đàm Văn Ích")
    d.at(MADE_AT.isoformat())
    return codes
