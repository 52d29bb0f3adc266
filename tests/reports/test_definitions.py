"""The plain rules alone (no Qt, no database), and the places that must say
the same thing twice: the working-time clock and the calendar, the queries'
columns and the facts' order, the records predicate and its index."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.workflow import State
from counter_app.reports.definitions import (
    DossierFacts,
    Pause,
    Period,
    Standing,
    channel_of,
    is_due_today,
    is_overdue,
    standing,
)
from counter_app.reports.facts import COMPLETED_FIELDS, FIELDS
from counter_app.reports.local_source import facts_select
from counter_app.reports.working_clock import WorkingClock

ROOT = Path(__file__).resolve().parents[2]


def _facts(**kw: object) -> DossierFacts:
    base: dict[str, object] = dict(
        code="X", agency_id="A", counter_uuid="C", procedure_code="P", field="F", level="L",
        official="o", channel=channel_of(None, "01"), state=State.IN_APPRAISAL,
        on_the_spot=False, received_at=datetime(2027, 3, 1, 9), finished_at=None,
        appointment_at=datetime(2027, 3, 3, 9), original_appointment_at=datetime(2027, 3, 3, 9),
    )  # fmt: skip
    base.update(kw)
    return DossierFacts(**base)  # type: ignore[arg-type]


def test_working_clock_equals_the_calendar_across_tet_and_weekends() -> None:
    calendar = WorkCalendar()
    clock = WorkingClock(calendar)
    start = datetime(2027, 1, 28, 7, 0)
    moments = [start + timedelta(hours=7 * i, minutes=13 * i) for i in range(60)]
    for a in moments[::7]:
        for b in moments:
            assert clock.minutes_between(a, b) == calendar.working_minutes_between(a, b), (a, b)


def test_standing_paused_overdue_within() -> None:
    f = _facts(pauses=(Pause(datetime(2027, 3, 2, 9), datetime(2027, 3, 4, 9)),))
    assert standing(f, datetime(2027, 3, 1, 8)) is None  # not yet received
    assert standing(f, datetime(2027, 3, 2, 8)) is Standing.WITHIN_TIME
    assert standing(f, datetime(2027, 3, 3, 10)) is Standing.PAUSED
    assert standing(f, datetime(2027, 3, 4, 10)) is Standing.OVERDUE


@pytest.mark.parametrize("state", list(State))
def test_work_list_rules_by_state(state: State) -> None:
    now = datetime(2027, 3, 3, 10)
    unfinished = state not in (State.RESULT_READY, State.RETURNED, State.WITHDRAWN, State.CLOSED)
    assert is_overdue(state, False, now - timedelta(minutes=1), now) is unfinished
    assert is_overdue(state, True, now - timedelta(minutes=1), now) is False
    assert is_due_today(state, False, now + timedelta(hours=5), now) is unfinished
    assert is_due_today(state, False, now + timedelta(days=1), now) is False


def test_period_months_and_bounds() -> None:
    q = Period(date(2027, 1, 15), date(2027, 3, 2))
    assert [(m.first, m.last) for m in q.months()] == [
        (date(2027, 1, 15), date(2027, 1, 31)),
        (date(2027, 2, 1), date(2027, 2, 28)),
        (date(2027, 3, 1), date(2027, 3, 2)),
    ]
    assert q.end == datetime(2027, 3, 3)
    with pytest.raises(ValueError):
        Period(date(2027, 3, 2), date(2027, 3, 1))


def test_both_queries_select_the_facts_columns_in_order() -> None:
    from counter_app.reports import central_source

    period = Period(date(2027, 1, 1), date(2027, 1, 31))
    central = tuple(central_source.facts_select(period).selected_columns.keys())
    assert central == FIELDS
    assert tuple(facts_select(period, "A").selected_columns.keys()) == FIELDS
    assert FIELDS[-len(COMPLETED_FIELDS) :] == COMPLETED_FIELDS


@pytest.mark.parametrize("migration", ["c0008_late_steps"])
def test_records_predicate_is_the_partial_index_predicate(migration: str) -> None:
    # The index (made again by c0008, first by c0003) answers the function's
    # look-up only while both write the predicate exactly as the push's
    # refresh does.
    from counter_app.reports.sql_rules import report_records

    path = ROOT / f"counter_app/centre/migrations/versions/{migration}.py"
    spec = importlib.util.spec_from_file_location(migration, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert report_records() == module.REPORT_RECORDS


def test_working_clock_counting_start_equals_the_calendar() -> None:
    calendar = WorkCalendar()
    clock = WorkingClock(calendar)
    start = datetime(2027, 2, 1, 6, 0)
    for i in range(400):
        moment = start + timedelta(minutes=37 * i)
        for cutoff in (True, False):
            assert clock._counting_start(moment, cutoff) == calendar.counting_start(
                moment, cutoff=cutoff
            ), (moment, cutoff)
