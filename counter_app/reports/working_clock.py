"""Working time of a dossier, fast enough to ask for every dossier of a year.

``WorkingClock`` answers what ``WorkCalendar.working_minutes_between`` does
(tests/reports check it), from day totals cached once per day, so counting
(reports/figures.py) does not walk the calendar for each dossier.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.supplement import PauseOutcome
from counter_app.reports.definitions import DossierFacts

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
