"""A report: the figures of a period, cut one way, with the monthly trend and
the catalogue's "4 tại chỗ" share; what every output (JSON, Excel, PDF, the
screen) is drawn from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from counter_app.domain.calendar import WorkCalendar
from counter_app.reports.definitions import DossierFacts, Period
from counter_app.reports.figures import Cut, Figures, monthly, tally


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
    groups = tally(facts, period, calendar, cut)
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
        months=monthly(facts, period, calendar),
        procedures=len(catalogue),
        procedures_on_the_spot=sum(c.on_the_spot for c in catalogue),
        header=header or Header(),
        labels=labels or {},
    )
