"""A report: the figures of a period, cut one way, with the monthly trend and
the catalogue's "4 tại chỗ" share; what every output (JSON, Excel, PDF, the
screen) is drawn from."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from counter_app.domain.calendar import WorkCalendar
from counter_app.reports.definitions import DossierFacts, Period
from counter_app.reports.figures import Cut, Figures, tally
from counter_app.reports.working_clock import WorkingClock


@contextmanager
def paused_gc() -> Iterator[None]:
    """Read and count without the cyclic collector: a year's facts are tens
    of thousands of small objects with no cycles, and each generation-2
    pass over them cost a fifth of a report (bench/bench_reports.py)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class CatalogueLine:
    code: str
    name: str
    level: str
    field: str
    on_the_spot: bool


@dataclass(frozen=True)
class Header:
    """Who reports: printed on the PDF's official header."""

    parent_name: str = ""
    unit_name: str = ""
    place: str = ""


@dataclass
class Report:
    period: Period
    cut: Cut | None
    made_at: datetime
    total: Figures
    groups: dict[str, Figures]  # by the cut's key; empty without a cut
    months: list[tuple[Period, Figures]]
    procedures: int  # procedures in the catalogue (of the cut's level/field: all)
    procedures_on_the_spot: int  # of which on the "4 tại chỗ" list
    header: Header = field(default_factory=Header)
    labels: dict[str, str] = field(default_factory=dict)  # key → readable name

    @property
    def on_the_spot_share(self) -> float | None:
        return self.procedures_on_the_spot / self.procedures if self.procedures else None


def build_report(
    facts: Sequence[DossierFacts],
    catalogue: Sequence[CatalogueLine],
    period: Period,
    calendar: WorkCalendar,
    *,
    cut: Cut | None = None,
    made_at: datetime,
    header: Header | None = None,
    labels: dict[str, str] | None = None,
) -> Report:
    clock = WorkingClock(calendar)
    groups, months = tally(facts, period, clock, cut)
    total = groups.pop("")
    names = {c.code: c.name for c in catalogue}
    if cut is Cut.PROCEDURE:
        labels = {**names, **(labels or {})}
    return Report(
        period=period,
        cut=cut,
        made_at=made_at,
        total=total,
        groups=dict(sorted(groups.items())) if cut is not None else {},
        months=months,
        procedures=len(catalogue),
        procedures_on_the_spot=sum(c.on_the_spot for c in catalogue),
        header=header or Header(),
        labels=labels or {},
    )
