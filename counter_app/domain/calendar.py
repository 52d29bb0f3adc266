"""Working-day calendar and statutory deadlines (thời hạn giải quyết).

All datetimes are naive local Vietnam time (UTC+7, no daylight saving). An
aware datetime passed in is converted to Vietnam time first.

Processing time is counted in working time: the working periods (by default
07:30-11:30 and 13:30-17:00) of working days. Working days are Monday to
Friday minus public holidays (with their yearly swaps), plus the government's
make-up Saturdays; a province adds its own days off and make-up days on top.
Where the cut-off rule applies (by default to same-day procedures, the
procedure's catalogue field ``cutoff`` otherwise), a dossier received after the
cutoff (15:00) counts from the next working day ("Trường hợp tiếp nhận hồ sơ
sau 15 giờ ... trả kết quả trong ngày làm việc tiếp theo").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from enum import StrEnum

from counter_app.domain.national_days import MAKEUP_DAY_NAME, national_year
from counter_app.domain.procedure import ProcessingTime, TimeUnit, default_cutoff
from counter_app.domain.working_hours import WorkingHours

VN_TZ = timezone(timedelta(hours=7), "ICT")

_ONE_DAY = timedelta(days=1)
# More consecutive days off than this means a misconfigured calendar, not a holiday.
_MAX_DAYS_OFF_IN_A_ROW = 366


@dataclass
class _Year:
    """Resolved calendar of one year: the exceptions to "Mon-Fri works"."""

    days_off: dict[date, str] = field(default_factory=dict)  # Mon-Fri not worked
    workdays: dict[date, str] = field(default_factory=dict)  # Sat/Sun worked


def _join_names(*names: str) -> str:
    unique: list[str] = []
    for name in names:
        if name and name not in unique:
            unique.append(name)
    return "; ".join(unique)


class Timeliness(StrEnum):
    """How a dossier finished against its appointment."""

    EARLY = "early"  # trước hạn
    ON_TIME = "on_time"  # đúng hạn
    LATE = "late"  # quá hạn


def classify(due: datetime, finished: datetime) -> Timeliness:
    """Classify a finished dossier: LATE if ``finished`` is after ``due``,
    EARLY if it finished on an earlier calendar date than ``due``, else ON_TIME.
    """
    due, finished = _local(due), _local(finished)
    if finished > due:
        return Timeliness.LATE
    if finished.date() < due.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(VN_TZ).replace(tzinfo=None)


class WorkCalendar:
    """Working days and deadlines for one province.

    National holidays, their swaps and the government's make-up working
    Saturdays come from the ``holidays`` package (country VN, Vietnamese names).
    ``extra_workdays`` (province make-up days) override weekends and national
    holidays; ``extra_days_off`` (province days off) override everything else.
    Each year is resolved once and cached, so the queries are cheap in loops.
    """

    def __init__(
        self,
        hours: WorkingHours | None = None,
        extra_days_off: Mapping[date, str] | None = None,
        extra_workdays: Mapping[date, str] | None = None,
    ) -> None:
        self.hours = hours if hours is not None else WorkingHours()
        self._extra_days_off = dict(extra_days_off or {})
        self._extra_workdays = dict(extra_workdays or {})
        self._years: dict[int, _Year] = {}
        self._day_length = self.hours.day_length

    # -- days -----------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        resolved = self._years.get(year)
        if resolved is None:
            resolved = self._resolve_year(year)
            self._years[year] = resolved
        return resolved

    def _resolve_year(self, year: int) -> _Year:
        national = national_year(year)
        resolved = _Year(
            days_off={d: n for d, n in national.holidays.items() if d.weekday() < 5},
            workdays={d: n for d, n in national.makeup_days.items() if d.weekday() >= 5},
        )
        for d, name in self._extra_workdays.items():
            if d.year != year:
                continue
            resolved.days_off.pop(d, None)
            if d.weekday() >= 5:
                resolved.workdays[d] = name or MAKEUP_DAY_NAME
        for d, name in self._extra_days_off.items():
            if d.year != year:
                continue
            resolved.workdays.pop(d, None)
            if d.weekday() < 5:
                resolved.days_off[d] = _join_names(national.holidays.get(d, ""), name)
        return resolved

    def is_working_day(self, d: date) -> bool:
        """True if ``d`` is a working day in this province."""
        if isinstance(d, datetime):
            d = d.date()
        year = self._year(d.year)
        if d.weekday() < 5:
            return d not in year.days_off
        return d in year.workdays

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        for _ in range(_MAX_DAYS_OFF_IN_A_ROW):
            d += _ONE_DAY
            if self.is_working_day(d):
                return d
        raise ValueError(f"no working day within {_MAX_DAYS_OFF_IN_A_ROW} days after {d}")

    def non_working_weekdays(self, year: int) -> list[tuple[date, str]]:
        """Monday-to-Friday days of ``year`` that are not worked, with their
        Vietnamese names (several names joined with "; "), in date order."""
        return sorted(self._year(year).days_off.items())

    def makeup_workdays(self, year: int) -> list[tuple[date, str]]:
        """Saturdays and Sundays of ``year`` that are worked, with a Vietnamese
        name such as "Ngày làm bù (cho ngày nghỉ 02/05/2025)", in date order."""
        return sorted(self._year(year).workdays.items())

    # -- working time ---------------------------------------------------------

    def _periods_of(self, d: date) -> Iterable[tuple[datetime, datetime]]:
        for start, end in self.hours.periods:
            yield datetime.combine(d, start), datetime.combine(d, end)

    def counting_start(self, received: datetime, *, cutoff: bool = True) -> datetime:
        """When the processing clock starts for a dossier received at ``received``.

        Inside a working period on a working day, at or before the cutoff (or at
        any time of the day when ``cutoff`` is False): at ``received``. In a
        break: at the next period's start. Before opening on a working day: at
        that day's opening. Otherwise (after the cutoff where it applies, after
        closing, on a day off): at the next working day's opening.
        """
        received = _local(received)
        day = received.date()
        before_cutoff = not cutoff or received.time() <= self.hours.cutoff
        if self.is_working_day(day) and before_cutoff:
            for start, end in self._periods_of(day):
                if received < end:
                    return max(received, start)
        return datetime.combine(self.next_working_day(day), self.hours.opening)

    def _working_time(self, a: datetime, b: datetime) -> timedelta:
        """Working time inside [a, b]; zero when b <= a."""
        total = timedelta()
        day = a.date()
        last = b.date()
        while day <= last:
            if self.is_working_day(day):
                if a.date() < day < last:
                    total += self._day_length
                else:
                    for start, end in self._periods_of(day):
                        lo, hi = max(a, start), min(b, end)
                        if hi > lo:
                            total += hi - lo
            day += _ONE_DAY
        return total

    def working_minutes_between(self, a: datetime, b: datetime) -> int:
        """Whole working minutes from ``a`` to ``b``; negative if ``b`` is before ``a``
        (so "time left" before an appointment goes negative once overdue)."""
        a, b = _local(a), _local(b)
        if b < a:
            return -self.working_minutes_between(b, a)
        return int(self._working_time(a, b).total_seconds() // 60)

    def _advance(self, start: datetime, amount: timedelta) -> datetime:
        """The instant ``amount`` of working time after ``start``. A result on
        the end of a period stays there rather than jumping to the next start."""
        remaining = amount
        day = start.date()
        cursor = start
        days_off_in_a_row = 0
        while days_off_in_a_row <= _MAX_DAYS_OFF_IN_A_ROW:
            days_off_in_a_row += 1
            if self.is_working_day(day):
                days_off_in_a_row = 0
                if cursor <= datetime.combine(day, self.hours.opening) and (
                    remaining > self._day_length
                ):
                    remaining -= self._day_length
                else:
                    for period_start, period_end in self._periods_of(day):
                        begin = max(cursor, period_start)
                        if begin >= period_end:
                            continue
                        if remaining <= period_end - begin:
                            return begin + remaining
                        remaining -= period_end - begin
            day += _ONE_DAY
            cursor = datetime.combine(day, time.min)
        raise ValueError(f"cannot place {amount} of working time after {start}")

    def _paused_time(
        self, start: datetime, pauses: Sequence[tuple[datetime, datetime | None]]
    ) -> timedelta:
        intervals: list[tuple[datetime, datetime]] = []
        for paused_at, resumed_at in pauses:
            if resumed_at is None:
                raise ValueError("the dossier is still paused; it has no due date until resumed")
            paused_at, resumed_at = _local(paused_at), _local(resumed_at)
            if resumed_at < paused_at:
                raise ValueError(f"pause ends ({resumed_at}) before it starts ({paused_at})")
            # Time before the clock started was never counted, so it is not given back.
            paused_at = max(paused_at, start)
            if resumed_at > paused_at:
                intervals.append((paused_at, resumed_at))
        intervals.sort()
        total = timedelta()
        merged_end: datetime | None = None
        for lo, hi in intervals:
            # Overlapping pauses must not give the same time back twice.
            if merged_end is not None:
                lo = max(lo, merged_end)
            if hi > lo:
                total += self._working_time(lo, hi)
            merged_end = hi if merged_end is None else max(merged_end, hi)
        return total

    def due(
        self,
        received: datetime,
        time: ProcessingTime,  # shadows datetime.time inside this method only
        pauses: Sequence[tuple[datetime, datetime | None]] = (),
        *,
        cutoff: bool | None = None,
    ) -> datetime:
        """The appointment (date and time) for a dossier received at ``received``.

        The clock starts at :meth:`counting_start`, with the cut-off rule when
        ``cutoff`` says so (None: the default of the time unit, see
        :func:`default_cutoff`). WORKING_DAYS adds ``amount``
        full working days of working time (Monday 10:00 + 3 days = Thursday
        10:00); WORKING_HOURS adds ``amount`` hours of working time; SAME_DAY
        ends at the close of the day the clock starts on. Each pause
        (supplement requested, supplement received) moves the result later by
        the working time it covers after the clock started.

        Raises ValueError if a pause is still open (end ``None``), ends before
        it starts, or the amount is negative.
        """
        processing = time
        if cutoff is None:
            cutoff = default_cutoff(processing.unit)
        start = self.counting_start(received, cutoff=cutoff)
        if processing.unit is TimeUnit.SAME_DAY:
            amount = self._working_time(start, datetime.combine(start.date(), self.hours.closing))
        elif processing.unit is TimeUnit.WORKING_DAYS:
            amount = self._day_length * processing.amount
        elif processing.unit is TimeUnit.WORKING_HOURS:
            amount = timedelta(hours=processing.amount)
        else:  # pragma: no cover - exhaustive over TimeUnit
            raise ValueError(f"unknown time unit {processing.unit!r}")
        if amount < timedelta():
            raise ValueError(f"processing time must not be negative: {processing}")
        return self._advance(start, amount + self._paused_time(start, pauses))
