"""The counter's figures for a quarter, against dossiers counted by hand
(tests/reports/cases.py): every figure, the cuts and the monthly trend."""

from __future__ import annotations

import pytest

from counter_app.app_setup import Runtime
from counter_app.reports.definitions import is_relevant
from counter_app.reports.figures import CUT_KEYS, Cut, Figures, tally
from counter_app.reports.local_source import local_facts
from counter_app.reports.source import Report
from counter_app.reports.working_clock import WorkingClock
from counter_app.services.context import counter_identity
from counter_app.services.reports import counter_report
from tests.conftest import Clock
from tests.reports import cases


@pytest.fixture
def report(counter: Runtime, clock: Clock) -> Report:
    cases.build(counter.ctx, clock)
    return counter_report(counter.ctx, cases.QUARTER)


def check_figures(
    report: Report, expected: dict[str, int], months: list[tuple[int, int]] = cases.EXPECTED_MONTHS
) -> None:
    got = {name: getattr(report.total, name) for name in expected}
    assert got == expected
    for name, value in cases.EXPECTED_RATES.items():
        assert getattr(report.total, name) == pytest.approx(value), name
    assert dict(report.total.criteria) == cases.EXPECTED_CRITERIA
    assert [(f.received, f.resolved) for _, f in report.months] == months


def test_every_figure_of_the_quarter_matches_the_hand_count(report: Report) -> None:
    # GIVEN the hand-counted dossiers of cases.py, WHEN the quarter is reported
    # THEN every figure is the one counted by hand
    check_figures(report, cases.EXPECTED)
    # and the catalogue's "4 tại chỗ" share is the sample catalogue's
    assert (report.procedures_on_the_spot, report.procedures) == (4, 31)


def test_cut_by_procedure_adds_up_and_names_each(counter: Runtime, clock: Clock) -> None:
    cases.build(counter.ctx, clock)
    report = counter_report(counter.ctx, cases.QUARTER, Cut.PROCEDURE)
    assert {k: g.received for k, g in report.groups.items()} == {
        cases.P2: 4,
        cases.P3: 4,
        cases.P5: 3,
        cases.SPOT: 1,
    }
    assert {k: g.late for k, g in report.groups.items()} == {
        cases.P2: 1,
        cases.P3: 0,
        cases.P5: 0,
        cases.SPOT: 0,
    }
    assert report.labels[cases.SPOT].startswith("Chứng thực")
    assert sum(g.resolved for g in report.groups.values()) == report.total.resolved


def test_cut_by_official_and_field(counter: Runtime, clock: Clock) -> None:
    cases.build(counter.ctx, clock)
    by_official = counter_report(counter.ctx, cases.QUARTER, Cut.OFFICIAL)
    assert {k: g.handled for k, g in by_official.groups.items()} == {"tiepnhan": 13}
    assert by_official.labels["tiepnhan"] == "Hoàng Thị Mai"
    by_field = counter_report(counter.ctx, cases.QUARTER, Cut.FIELD)
    assert {k: g.received for k, g in by_field.groups.items()} == {"Chứng thực": 5, "Hộ tịch": 7}


def test_one_month_and_one_day(counter: Runtime, clock: Clock) -> None:
    from datetime import date

    from counter_app.reports.definitions import Period

    cases.build(counter.ctx, clock)
    feb = counter_report(counter.ctx, Period(date(2027, 2, 1), date(2027, 2, 28))).total
    # B received and resolved early; nothing carried over from January (all
    # done); N waiting for its supplement at the end of February
    assert (feb.received, feb.carried_over, feb.resolved, feb.early, feb.pending) == (2, 0, 1, 1, 1)
    assert (feb.pending_paused, feb.supplement_requests_late, feb.closed) == (1, 1, 0)
    march = counter_report(counter.ctx, Period(date(2027, 3, 1), date(2027, 3, 31))).total
    # N carried over into March and closed there: counted closed, never late nor pending
    assert (march.carried_over, march.closed, march.late, march.pending_paused) == (1, 1, 1, 1)
    day = counter_report(counter.ctx, Period(date(2027, 3, 5), date(2027, 3, 5))).total
    # 5 March: only D is carried over (E was ready on the 4th); D ready on
    # time after its apology; D and E returned
    assert (day.received, day.carried_over, day.resolved, day.on_time, day.apologised) == (
        0,
        1,
        1,
        1,
        1,
    )
    assert (day.returned, day.returned_to_authorised, day.dissatisfied) == (2, 1, 1)


@pytest.mark.parametrize("cut", [None, *Cut])
def test_a_period_is_its_months_combined(counter: Runtime, clock: Clock, cut: Cut | None) -> None:
    # GIVEN the hand-counted dossiers, some carried over into January, one
    # paused, some still pending at the end of March
    cases.build(counter.ctx, clock)
    with counter.ctx.sessions() as session:
        agency = counter_identity(session).agency_id
        facts = local_facts(session, cases.QUARTER, agency)
        calendar = counter.ctx.calendar(session)
    # WHEN the quarter is counted month by month and combined (what reports do)
    groups, _ = tally(facts, cases.QUARTER, WorkingClock(calendar), cut)
    # THEN every figure of every group is the one a count over the whole
    # quarter at once gives
    clock_ = WorkingClock(calendar)
    whole: dict[str, Figures] = {}
    for f in facts:
        if is_relevant(f, cases.QUARTER):
            for key in ("", *([CUT_KEYS[cut](f)] if cut is not None else [])):
                figures = whole.setdefault(key, Figures(day_minutes=clock_.day_minutes))
                figures.add(f, cases.QUARTER, clock_)
    assert groups == whole
    assert groups[""].carried_over and groups[""].pending and groups[""].supplement_requests
