"""Counting: the figures of one period (optionally cut by a key) from facts.

Plain Python over :mod:`counter_app.reports.definitions`; the working time of
each resolved dossier comes from a :class:`WorkingClock` over the calendar
(reports/working_clock.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum

from counter_app.domain.calendar import Timeliness
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
from counter_app.reports.working_clock import WorkingClock


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
