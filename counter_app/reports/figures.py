"""Counting: the figures of one period (optionally cut by a key) from facts.

Plain Python over :mod:`counter_app.reports.definitions`; the working time of
each resolved dossier comes from a :class:`WorkingClock` over the calendar.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from counter_app.domain.calendar import Timeliness, WorkCalendar
from counter_app.domain.supplement import PauseOutcome
from counter_app.reports.definitions import (
    Channel,
    DossierFacts,
    Period,
    Standing,
    completed_on_the_spot,
    is_relevant,
    standing,
    timeliness,
)


class Cut(StrEnum):
    """What a report's rows are split by."""

    AGENCY = "agency"
    COUNTER = "counter"
    LEVEL = "level"
    FIELD = "field"
    PROCEDURE = "procedure"
    OFFICIAL = "official"


CUT_KEYS: dict[Cut, Callable[[DossierFacts], str]] = {
    Cut.AGENCY: lambda f: f.agency_id,
    Cut.COUNTER: lambda f: f.counter_uuid,
    Cut.LEVEL: lambda f: f.level,
    Cut.FIELD: lambda f: f.field,
    Cut.PROCEDURE: lambda f: f.procedure_code,
    Cut.OFFICIAL: lambda f: f.official,
}


_ONE_DAY = timedelta(days=1)


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def _minutes(seconds: int) -> int:
    """Whole minutes, rounded toward zero."""
    return int(seconds // 60) if seconds >= 0 else -int(-seconds // 60)


class WorkingClock:
    """Working minutes between two moments, in O(1) after the first look at a
    day: cumulative minutes per day, cached. Equal to
    ``WorkCalendar.working_minutes_between`` (tests/reports check it)."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar
        self._periods = [(_seconds(s), _seconds(e)) for s, e in calendar.hours.periods]
        self._day_minutes = int(calendar.hours.day_length.total_seconds() // 60)
        self._cumulative: dict[date, int] = {}  # a contiguous run of days [lo, hi]
        self._lo = self._hi = date.min
        self._working: dict[date, bool] = {}
        # The last dossier's answer: counting adds it to the whole and then to
        # its group, one after the other (figures.by_month).
        self._last: tuple[DossierFacts | None, tuple[int, int]] = (None, (0, 0))
        self._cutoff = calendar.hours.cutoff
        self._of_day: dict[time, int] = {}  # working seconds before a time of day
        # By day: (working seconds from the origin to its start, a working day?)
        self._day_base: dict[date, tuple[int, bool]] = {}
        self._hours = calendar.hours.periods
        self._next_start: dict[tuple[date, bool], datetime] = {}

    def _counting_start(self, received: datetime, cutoff: bool) -> datetime:
        """``WorkCalendar.counting_start`` for the common case (a working day,
        inside or before a period, before the cutoff) without its lookups."""
        if received.tzinfo is None and self._is_working(received.date()):
            t = received.time()
            if not cutoff or t <= self._cutoff:
                for start, end in self._hours:
                    if t < end:
                        return received if t >= start else datetime.combine(received, start)
        if received.tzinfo is not None:
            return self._calendar.counting_start(received, cutoff=cutoff)
        # Otherwise the clock starts at the next working day's opening,
        # whatever the time of day: one answer per day (and cut-off setting).
        key = (received.date(), cutoff)
        known = self._next_start.get(key)
        if known is None:
            known = self._next_start[key] = self._calendar.counting_start(received, cutoff=cutoff)
        return known

    def _is_working(self, day: date) -> bool:
        known = self._working.get(day)
        if known is None:
            known = self._working[day] = self._calendar.is_working_day(day)
        return known

    def _minutes_of(self, day: date) -> int:
        return self._day_minutes if self._is_working(day) else 0

    def _before(self, day: date) -> int:
        """Working minutes from an origin day's start to ``day``'s start."""
        if not self._cumulative:
            self._cumulative[day] = 0
            self._lo = self._hi = day
        cached = self._cumulative.get(day)
        if cached is not None:
            return cached
        if day > self._hi:
            total, d = self._cumulative[self._hi], self._hi
            while d < day:
                total += self._minutes_of(d)
                d += _ONE_DAY
                self._cumulative[d] = total
            self._hi = day
        else:
            total, d = self._cumulative[self._lo], self._lo
            while d > day:
                d -= _ONE_DAY
                total -= self._minutes_of(d)
                self._cumulative[d] = total
            self._lo = day
        return total

    def seconds_at(self, moment: datetime) -> int:
        """Working seconds from the origin to ``moment``."""
        day = moment.date()
        base = self._day_base.get(day)
        if base is None:
            # A day off counts nothing of itself: its time of day never matters.
            base = self._day_base[day] = (self._before(day) * 60, self._is_working(day))
        seconds, working = base
        if not working:
            return seconds
        clock_time = moment.time()
        within = self._of_day.get(clock_time)
        if within is None:
            t = _seconds(clock_time)
            within = sum(min(t, end) - start for start, end in self._periods if t > start)
            self._of_day[clock_time] = within
        return seconds + within

    def minutes_between(self, a: datetime, b: datetime) -> int:
        return _minutes(self.seconds_at(b) - self.seconds_at(a))

    def working_minutes(self, facts: DossierFacts) -> tuple[int, int]:
        """(minutes used to the result, minutes the statutory limit allowed),
        both from the moment the clock started, pauses not counted. Once the
        limit was counted again from the complete dossier (a restart), the
        clock started then, and the statutory limit is the restarted one."""
        assert facts.finished_at is not None
        last, known = self._last
        if last is facts:
            return known
        seconds_at = self.seconds_at
        restarted = facts.restarted_at if facts.pauses else None
        start = self._counting_start(restarted or facts.received_at, facts.cutoff)
        origin = seconds_at(start)
        used = _minutes(seconds_at(facts.finished_at) - origin)
        for p in facts.pauses:
            if p.ended_at is not None and p.outcome != PauseOutcome.RESTARTED:
                used -= self.minutes_between(max(p.started_at, start), max(p.ended_at, start))
        allowed = _minutes(seconds_at(facts.original_appointment_at) - origin)
        result = (max(used, 0), max(allowed, 0))
        self._last = (facts, result)
        return result

    @property
    def day_minutes(self) -> int:
        return self._day_minutes


@dataclass
class Figures:
    """The figures of one period for one group of dossiers (see docs/reports.md)."""

    received: int = 0
    received_online: int = 0
    received_desk: int = 0
    carried_over: int = 0
    resolved: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    refused: int = 0
    apologised: int = 0
    extensions_late: int = 0
    handovers_late: int = 0
    online_answers_late: int = 0
    withdrawn: int = 0
    closed: int = 0
    pending: int = 0
    pending_within_time: int = 0
    pending_overdue: int = 0
    pending_paused: int = 0
    supplement_requests: int = 0
    supplement_requests_late: int = 0
    returned: int = 0
    returned_desk: int = 0
    returned_post: int = 0
    returned_to_authorised: int = 0
    delivery_post_requested: int = 0
    on_the_spot_received: int = 0
    on_the_spot_completed: int = 0
    rated: int = 0
    very_satisfied: int = 0
    satisfied: int = 0
    dissatisfied: int = 0
    not_rated: int = 0
    fees: int = 0
    working_minutes: int = 0
    statutory_minutes: int = 0
    day_minutes: int = 480
    criteria: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def handled(self) -> int:
        """Received in the period plus carried over from before (tổng số hồ sơ)."""
        return self.received + self.carried_over

    @property
    def in_time(self) -> int:
        return self.early + self.on_time

    @property
    def in_time_rate(self) -> float | None:
        """Share resolved early or on time (tỷ lệ đúng và trước hạn), 0..1."""
        return self.in_time / self.resolved if self.resolved else None

    @property
    def satisfaction_rate(self) -> float | None:
        """Share of ratings that are "very satisfied" or "satisfied", 0..1."""
        return (self.very_satisfied + self.satisfied) / self.rated if self.rated else None

    @property
    def average_working_days(self) -> float | None:
        if not self.resolved:
            return None
        return self.working_minutes / self.resolved / self.day_minutes

    @property
    def average_statutory_days(self) -> float | None:
        if not self.resolved:
            return None
        return self.statutory_minutes / self.resolved / self.day_minutes

    def add(self, f: DossierFacts, period: Period, clock: WorkingClock) -> None:
        """Count one dossier into the figures of ``period``.
        (``period.contains`` written out: this runs for every dossier of every
        month, 68,000 a month at the centre.)"""
        start, end = period.start, period.end
        if start <= f.received_at < end:
            self.received += 1
            if f.channel is Channel.ONLINE:
                self.received_online += 1
            else:
                self.received_desk += 1
            self.delivery_post_requested += f.delivery == "post"
            self.on_the_spot_received += f.on_the_spot
            self.fees += f.fee
        elif standing(f, start) is not None:
            self.carried_over += 1
        finished = f.finished_at
        if finished is not None and start <= finished < end:
            self.resolved += 1
            kind = timeliness(f)
            if kind is Timeliness.EARLY:
                self.early += 1
            elif kind is Timeliness.ON_TIME:
                self.on_time += 1
            else:
                self.late += 1
            self.refused += f.refused
            self.apologised += f.apology_count > 0
            used, allowed = clock.working_minutes(f)
            self.working_minutes += used
            self.statutory_minutes += allowed
        withdrawn = f.withdrawn_at
        if withdrawn is not None and start <= withdrawn < end:
            self.withdrawn += 1
        if f.late is not None:  # each in the period its late step was taken in
            extension, handover, answer = f.late.within(start, end)
            self.extensions_late += extension
            self.handovers_late += handover
            self.online_answers_late += answer
        if f.pauses:
            for p in f.pauses:
                if start <= p.started_at < end:
                    self.supplement_requests += 1
                    self.supplement_requests_late += p.asked_late
            closed = f.closed_at
            if closed is not None and start <= closed < end:
                self.closed += 1
        at_end = standing(f, end)
        if at_end is not None:
            self.pending += 1
            if at_end is Standing.WITHIN_TIME:
                self.pending_within_time += 1
            elif at_end is Standing.OVERDUE:
                self.pending_overdue += 1
            else:
                self.pending_paused += 1
        r = f.returned
        if r is not None and start <= r.at < end:
            self.returned += 1
            channel = r.channel
            self.returned_desk += channel == "desk"
            self.returned_post += channel == "post"
            self.returned_to_authorised += r.collected_by == "authorised"
            self.on_the_spot_completed += completed_on_the_spot(f)
            rating = r.rating
            if rating is None:
                self.not_rated += 1
            else:
                self.rated += 1
                self.very_satisfied += rating == "very_satisfied"
                self.satisfied += rating == "satisfied"
                self.dissatisfied += rating == "dissatisfied"
                if r.criteria:
                    self.criteria.update(r.criteria.items())


# Figures of a moment, not of events: a period's are those of its first
# month (carried over into its start) or of its last (pending at its end).
_AT_START = frozenset({"carried_over"})
_AT_END = frozenset({"pending", "pending_within_time", "pending_overdue", "pending_paused"})
_EVENTS = tuple(
    f.name
    for f in fields(Figures)
    if f.name not in _AT_START | _AT_END | {"day_minutes", "criteria"}
)


def combined(parts: Sequence[Figures]) -> Figures:
    """The figures of consecutive periods, in order, as those of the whole:
    each dossier's events fall in one part (received, resolved, returned...
    are summed); carried over is the first part's, pending the last's."""
    out = Figures(day_minutes=parts[0].day_minutes)
    for name in _EVENTS:
        setattr(out, name, sum(getattr(part, name) for part in parts))
    for name in _AT_START:
        setattr(out, name, getattr(parts[0], name))
    for name in _AT_END:
        setattr(out, name, getattr(parts[-1], name))
    for part in parts:
        out.criteria.update(part.criteria)
    return out


def by_month(
    facts: Iterable[DossierFacts], period: Period, clock: WorkingClock, cut: Cut | None = None
) -> list[tuple[Period, dict[str, Figures]]]:
    """Figures of each calendar month of ``period``: "" for all, plus one per
    key of ``cut``. One pass: a dossier is counted only into the months it is
    relevant to (from its receipt to its return or withdrawal), not tested
    against each."""
    months = period.months()
    day = clock.day_minutes
    out: list[tuple[Period, dict[str, Figures]]] = [
        (m, {"": Figures(day_minutes=day)}) for m in months
    ]
    starts = [m.start for m in months]
    key = CUT_KEYS[cut] if cut is not None else None
    for f in facts:
        k = key(f) if key is not None else None
        first = max(bisect_right(starts, f.received_at) - 1, 0)
        for month, groups in out[first:]:
            if not is_relevant(f, month):
                if month.start > f.received_at:
                    break
                continue
            groups[""].add(f, month, clock)
            if k is not None:
                group = groups.get(k)
                if group is None:
                    group = groups[k] = Figures(day_minutes=day)
                group.add(f, month, clock)
    return out


def tally(
    facts: Iterable[DossierFacts], period: Period, clock: WorkingClock, cut: Cut | None = None
) -> tuple[dict[str, Figures], list[tuple[Period, Figures]]]:
    """Figures of ``period`` ("" for all, plus one per key of ``cut``) and the
    whole-group figures of each of its months (the trend). Each dossier is
    counted once per month it is relevant to; the period's figures are its
    months' :func:`combined` (tests/reports check them against a count over
    the whole period)."""
    months = by_month(facts, period, clock, cut)
    trend = [(month, groups[""]) for month, groups in months]
    if len(months) == 1:
        return months[0][1], trend
    keys: set[str] = set().union(*(groups for _, groups in months))
    empty = Figures(day_minutes=clock.day_minutes)
    return {k: combined([groups.get(k, empty) for _, groups in months]) for k in keys}, trend
