"""The work lists' "due today" and "overdue" as SQL conditions, built from the
same constants and day boundary as ``definitions.is_overdue`` and
``definitions.is_due_today`` (tests/reports/test_work_lists.py checks that
the SQL and the Python agree on every state)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_

from counter_app.reports.definitions import UNFINISHED_STATES, end_of_day

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
