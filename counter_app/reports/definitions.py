"""The definitions every figure, report and work list counts with: plain rules.

No Qt, no database. The counter's SQLite and the centre's PostgreSQL both turn
their rows into :class:`DossierFacts`; the same functions here classify them,
so the same dossiers give the same numbers on both sides. The work lists'
"due today" and "overdue" are declared once (:data:`DUE_TODAY`,
:data:`OVERDUE`), read here and turned into SQL by ``reports/sql_rules.py``.
The legal source of each definition is in docs/reports.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from counter_app.domain.calendar import Timeliness, classify
from counter_app.domain.reception import ONLINE_LEDGER_BOOK
from counter_app.domain.supplement import PauseOutcome
from counter_app.domain.workflow import CLOCK_STATES, State

ONLINE_SOURCE = "online"

# The result is not ready yet: the statutory clock can still run out. A
# supplement request pauses it (the pause, not the state, decides); after
# the decision (approved or refused) the result must still be made ready
# in time, so those states count too.
UNFINISHED_STATES = frozenset(
    CLOCK_STATES | {State.SUPPLEMENT_REQUESTED, State.APPROVED, State.REFUSED}
)


class Channel(StrEnum):
    """How the dossier reached the desk (kênh tiếp nhận)."""

    DESK = "desk"  # trực tiếp tại Bộ phận một cửa
    ONLINE = "online"  # dịch vụ công trực tuyến


class Standing(StrEnum):
    """A dossier not yet resolved at a moment (hồ sơ đang giải quyết)."""

    WITHIN_TIME = "within_time"  # chưa đến hạn
    OVERDUE = "overdue"  # quá hạn
    PAUSED = "paused"  # chờ bổ sung (đồng hồ dừng)


@dataclass(frozen=True, slots=True)
class Pause:
    """A supplement request (domain.supplement): asked at ``started_at``,
    answered or closed at ``ended_at``."""

    started_at: datetime
    ended_at: datetime | None
    outcome: str | None = None  # PauseOutcome; None: open, or ended under the old pause rule
    asked_late: bool = False


@dataclass(slots=True)
class ReturnFacts:
    """What the return step recorded (domain/returns.py)."""

    at: datetime
    channel: str  # desk | post
    collected_by: str  # applicant | authorised
    rating: str | None  # very_satisfied | satisfied | dissatisfied | None
    criteria: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LateSteps:
    """When a step the law times came late, None where it came in time or
    not at all: the extension asked on or after the deadline's day (Decree
    118/2025 Art. 19(6)), the hand-over of a paper dossier (Art. 18(2)), the
    answer to an online dossier (Art. 17(2))."""

    extension_at: datetime | None = None
    handover_at: datetime | None = None
    answer_at: datetime | None = None

    def within(self, start: datetime, end: datetime) -> tuple[bool, bool, bool]:
        """Which of the three came late inside [start, end)."""

        def inside(at: datetime | None) -> bool:
            return at is not None and start <= at < end

        return inside(self.extension_at), inside(self.handover_at), inside(self.answer_at)


@dataclass(slots=True)
class DossierFacts:
    """Everything the definitions look at, read alike from either database.
    (Not frozen: a year of them is built per report, and a frozen class's
    constructor costs three times as much. On the counter facts.Completion
    completes them with their steps and pauses before they are counted.)"""

    code: str
    agency_id: str
    counter_uuid: str
    procedure_code: str
    field: str
    level: str
    official: str  # the receiving official's username
    channel: Channel
    state: State
    on_the_spot: bool  # the procedure is on the "4 tại chỗ" list
    received_at: datetime
    appointment_at: datetime  # in force: after pauses and an apology's new date
    original_appointment_at: datetime  # the statutory time limit, as at reception
    finished_at: datetime | None
    apology_count: int = 0
    fee: int = 0
    delivery: str = "counter"
    pauses: tuple[Pause, ...] = ()
    refused: bool = False
    withdrawn_at: datetime | None = None
    returned: ReturnFacts | None = None
    late: LateSteps | None = None  # None: no timed step came late
    # Whether the 15:00 cut-off moved the clock's start (procedure.cutoff_applies).
    cutoff: bool = True

    @property
    def closed_at(self) -> datetime | None:
        """When the desk closed it for want of its supplement (Decree 118/2025
        Art. 19(5)): the end of the request it closed."""
        for p in self.pauses:
            if p.outcome == PauseOutcome.CLOSED:
                return p.ended_at
        return None

    @property
    def restarted_at(self) -> datetime | None:
        """When the time limit was last counted again from the start: the
        complete dossier received (Art. 19(5); Decree 61/2018 Art. 19(4))."""
        last = None
        for p in self.pauses:
            if p.outcome == PauseOutcome.RESTARTED and p.ended_at is not None:
                last = p.ended_at if last is None else max(last, p.ended_at)
        return last


def channel_of(source: str | None, ledger_book: str) -> Channel:
    """Online when the portal sent it (central ``source``) or it sits in the
    portal's ledger book (what the counter keeps of the same dossier)."""
    if source == ONLINE_SOURCE or ledger_book == ONLINE_LEDGER_BOOK:
        return Channel.ONLINE
    return Channel.DESK


def is_paused(pauses: Sequence[Pause], at: datetime) -> bool:
    """The clock stands still at ``at``: a supplement was asked for and not yet given."""
    return any(p.started_at <= at and (p.ended_at is None or at < p.ended_at) for p in pauses)


def end_of_day(now: datetime) -> datetime:
    return datetime.combine(now.date(), time()) + timedelta(days=1)


@dataclass(frozen=True)
class DeadlineWindow:
    """A work list's rule, declared once: a dossier whose result is not ready
    (``UNFINISHED_STATES``), its clock running (not paused), and its
    appointment in force within ``[since(now), before(now))`` (None: no bound).
    :func:`in_window` reads it in Python; ``reports/sql_rules.py`` turns the
    same declaration into SQL for the counter's lists."""

    since: Callable[[datetime], datetime] | None
    before: Callable[[datetime], datetime]


def _now(now: datetime) -> datetime:
    return now


# Past the appointment in force with the clock running and no result ready.
OVERDUE = DeadlineWindow(since=None, before=_now)
# Not overdue yet, and the appointment falls before today ends.
DUE_TODAY = DeadlineWindow(since=_now, before=end_of_day)


def in_window(
    window: DeadlineWindow, state: State, paused: bool, appointment: datetime, now: datetime
) -> bool:
    if state not in UNFINISHED_STATES or paused:
        return False
    return (window.since is None or window.since(now) <= appointment) and appointment < (
        window.before(now)
    )


def is_overdue(state: State, paused: bool, appointment: datetime, now: datetime) -> bool:
    return in_window(OVERDUE, state, paused, appointment, now)


def is_due_today(state: State, paused: bool, appointment: datetime, now: datetime) -> bool:
    return in_window(DUE_TODAY, state, paused, appointment, now)


def timeliness(facts: DossierFacts) -> Timeliness | None:
    """Early, on time or late: the result's readiness against the appointment
    in force (calendar.classify). None while the result is not ready."""
    if facts.finished_at is None:
        return None
    return classify(facts.appointment_at, facts.finished_at)


def standing(facts: DossierFacts, at: datetime) -> Standing | None:
    """Where a dossier stood at ``at`` if it was being handled then, else None."""
    if facts.received_at >= at:
        return None
    if facts.finished_at is not None and facts.finished_at <= at:
        return None
    if facts.withdrawn_at is not None and facts.withdrawn_at <= at:
        return None
    if facts.pauses:
        closed = facts.closed_at
        if closed is not None and closed <= at:
            return None
    if is_paused(facts.pauses, at):
        return Standing.PAUSED
    return Standing.OVERDUE if at > facts.appointment_at else Standing.WITHIN_TIME


def completed_on_the_spot(facts: DossierFacts) -> bool:
    """ "4 tại chỗ" done: a listed procedure, received, resolved (not refused),
    no supplement asked, and the result handed over at the desk the same day."""
    r = facts.returned
    return (
        facts.on_the_spot
        and not facts.refused
        and not facts.pauses
        and r is not None
        and r.channel == "desk"
        and r.at.date() == facts.received_at.date()
    )


@dataclass(frozen=True)
class Period:
    """Calendar days ``first`` to ``last`` inclusive."""

    first: date
    last: date
    start: datetime = field(init=False, compare=False, repr=False)
    end: datetime = field(init=False, compare=False, repr=False)  # the first instant after

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"period ends ({self.last}) before it starts ({self.first})")
        # Counting compares every dossier with these: computed once.
        object.__setattr__(self, "start", datetime.combine(self.first, time()))
        object.__setattr__(self, "end", datetime.combine(self.last + timedelta(days=1), time()))

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end

    def months(self) -> list[Period]:
        """The period cut into calendar months (the first and last may be partial)."""
        out: list[Period] = []
        first = self.first
        while first <= self.last:
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            out.append(Period(first, min(self.last, nxt - timedelta(days=1))))
            first = nxt
        return out

    def label(self) -> str:
        return f"{self.first:%d/%m/%Y} – {self.last:%d/%m/%Y}"


def is_relevant(facts: DossierFacts, period: Period) -> bool:
    """The dossier counts somewhere in the period's figures: received before it
    ends, and not done with (returned, withdrawn or closed) before it starts.
    The queries may read more rows than this; none reads fewer."""
    if facts.received_at >= period.end:
        return False
    if facts.returned is not None:
        return facts.returned.at >= period.start
    closed = facts.withdrawn_at
    if closed is None and facts.pauses:
        closed = facts.closed_at
    return closed is None or closed >= period.start
