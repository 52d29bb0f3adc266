"""The work lists' "due today" and "overdue" are the report definitions: the
SQL of the lists, the Python of the rows and the reports' standing agree."""

from __future__ import annotations

from datetime import datetime

from counter_app.app_setup import Runtime
from counter_app.domain.workflow import Action
from counter_app.reports.definitions import is_due_today, is_overdue
from counter_app.services.search import WorkList, work_list
from tests.conftest import Clock
from tests.reports import cases


def _lists(counter: Runtime) -> tuple[set[str], set[str], set[str], set[str]]:
    now = counter.ctx.now()
    pending = work_list(counter.ctx, WorkList.PENDING)
    sql_overdue = {r.code for r in work_list(counter.ctx, WorkList.OVERDUE)}
    sql_due = {r.code for r in work_list(counter.ctx, WorkList.DUE_TODAY)}
    py_overdue = {r.code for r in pending if is_overdue(r.state, r.paused, r.appointment_at, now)}
    py_due = {r.code for r in pending if is_due_today(r.state, r.paused, r.appointment_at, now)}
    return sql_overdue, py_overdue, sql_due, py_due


def test_sql_and_python_agree_and_match_the_reports(counter: Runtime, clock: Clock) -> None:
    # GIVEN the hand-counted dossiers, J approved but its result not ready
    codes = cases.build(counter.ctx, clock)
    desk = cases.Desk(counter.ctx, clock)
    desk.step("2027-04-02T09:30", "thamdinh", codes["J"], Action.START_APPRAISAL)
    desk.step("2027-04-02T09:30", "thamdinh", codes["J"], Action.APPRAISE)
    desk.step("2027-04-02T09:30", "phochutich", codes["J"], Action.APPROVE)
    # WHEN the lists are read on the morning I falls due
    clock.now = datetime(2027, 4, 6, 8, 0)
    sql_overdue, py_overdue, sql_due, py_due = _lists(counter)
    # THEN SQL and Python agree: J (approved, no result yet) is overdue, I is
    # due today, K is paused (neither), G withdrawn (neither)
    assert sql_overdue == py_overdue == {codes["J"]}
    assert sql_due == py_due == {codes["I"]}
    # and the report's standing at that moment says the same of each dossier
    from counter_app.reports.definitions import Period
    from counter_app.services.reports import counter_report

    report = counter_report(
        counter.ctx, Period(datetime(2027, 4, 1).date(), datetime(2027, 4, 5).date())
    )
    assert (report.total.pending_overdue, report.total.pending_within_time) == (1, 1)
    assert report.total.pending_paused == 1
