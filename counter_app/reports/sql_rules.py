"""The work lists' "due today" and "overdue" as SQL conditions, made from the
one declaration of each (``definitions.DUE_TODAY``, ``definitions.OVERDUE``)
that ``definitions.in_window`` reads in Python (tests/reports/test_work_lists.py
checks that both agree on every state); and the records the reports read."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_

from counter_app.reports.definitions import (
    DUE_TODAY,
    OVERDUE,
    UNFINISHED_STATES,
    DeadlineWindow,
)
from counter_app.reports.facts import STEP_ACTIONS

_UNFINISHED = sorted(s.value for s in UNFINISHED_STATES)


def in_window(
    window: DeadlineWindow, state: Any, paused_since: Any, appointment: Any, now: datetime
) -> ColumnElement[bool]:
    """SQL form of ``definitions.in_window``."""
    bounds = [appointment < window.before(now)]
    if window.since is not None:
        bounds.append(appointment >= window.since(now))
    return and_(state.in_(_UNFINISHED), paused_since.is_(None), *bounds)


def overdue(state: Any, paused_since: Any, appointment: Any, now: datetime) -> ColumnElement[bool]:
    return in_window(OVERDUE, state, paused_since, appointment, now)


def due_today(
    state: Any, paused_since: Any, appointment: Any, now: datetime
) -> ColumnElement[bool]:
    return in_window(DUE_TODAY, state, paused_since, appointment, now)


def report_records(alias: str = "") -> str:
    """The records the reports read (pauses; refusal, withdrawal and return
    steps) as SQL, written as the partial index of migration c0003_reports and
    the function of c0004_report_facts have it: PostgreSQL uses a partial
    index only for a query that implies its predicate (tests/reports checks
    the three agree)."""
    a = f"{alias}." if alias else ""
    actions = ", ".join(f"'{action}'" for action in STEP_ACTIONS)
    return f"{a}kind = 'pause' OR ({a}kind = 'step' AND ({a}body ->> 'action') IN ({actions}))"
