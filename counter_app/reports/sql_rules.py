"""The work lists' "due today" and "overdue" as SQL conditions, built from the
same constants and day boundary as ``definitions.is_overdue`` and
``definitions.is_due_today`` (tests/reports/test_work_lists.py checks that
the SQL and the Python agree on every state)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_

from counter_app.reports.definitions import UNFINISHED_STATES, end_of_day
from counter_app.reports.facts import STEP_ACTIONS

_UNFINISHED = sorted(s.value for s in UNFINISHED_STATES)


def _running(state: Any, paused_since: Any) -> ColumnElement[bool]:
    return and_(state.in_(_UNFINISHED), paused_since.is_(None))


def overdue(state: Any, paused_since: Any, appointment: Any, now: datetime) -> ColumnElement[bool]:
    """SQL form of ``definitions.is_overdue``."""
    return and_(_running(state, paused_since), appointment < now)


def due_today(
    state: Any, paused_since: Any, appointment: Any, now: datetime
) -> ColumnElement[bool]:
    """SQL form of ``definitions.is_due_today``."""
    return and_(_running(state, paused_since), appointment >= now, appointment < end_of_day(now))


def report_records(alias: str = "") -> str:
    """The records the reports read (pauses; refusal, withdrawal and return
    steps) as SQL, written as the partial index of migration c0003_reports and
    the function of c0004_report_facts have it: PostgreSQL uses a partial
    index only for a query that implies its predicate (tests/reports checks
    the three agree)."""
    a = f"{alias}." if alias else ""
    actions = ", ".join(f"'{action}'" for action in STEP_ACTIONS)
    return f"{a}kind = 'pause' OR ({a}kind = 'step' AND ({a}body ->> 'action') IN ({actions}))"
