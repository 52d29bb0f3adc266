"""The desk's answer to an online dossier (Decree 118/2025 Article 17(2)).

A dossier submitted on the national public service portal reaches the desk
through the province's system; the desk accepts it or asks for changes within
8 working hours of the system receiving it. Those hours are the calendar's
working periods of working days (a dossier submitted on Friday afternoon is
answered by Monday), counted from the moment the dossier was received,
without the 15:00 cut-off of the processing time: Article 17(2) counts hours,
not days. Decree 61/2018 set no such time here (procedure_rules), so a dossier
received before 1/7/2025 has no answer deadline.

The application has no separate "accept" step: the desk's first step on the
dossier is its answer. Starting the appraisal or transferring it to a
department accepts it; requesting a supplement asks for changes. (Refusing is
a decision after appraisal, and a withdrawal is the citizen's.)
"""

from __future__ import annotations

from datetime import datetime

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.procedure import ProcessingTime, TimeUnit
from counter_app.domain.procedure_rules import ProcedureRules
from counter_app.domain.workflow import Action

# The steps that answer an online dossier: whichever comes first.
ANSWER_ACTIONS = frozenset({Action.START_APPRAISAL, Action.TRANSFER, Action.REQUEST_SUPPLEMENT})
# Of those, the one that asks for changes rather than accepting.
CHANGES_ACTION = Action.REQUEST_SUPPLEMENT


def answer_deadline(
    rules: ProcedureRules, calendar: WorkCalendar, received_at: datetime
) -> datetime | None:
    """When the desk must have answered; None where the rules set no time."""
    hours = rules.online_answer_hours.value
    if hours is None:
        return None
    return calendar.due(received_at, ProcessingTime(hours, TimeUnit.WORKING_HOURS), cutoff=False)


def minutes_left(
    rules: ProcedureRules, calendar: WorkCalendar, received_at: datetime, now: datetime
) -> int | None:
    """Working minutes left to answer at ``now``; negative once overdue (by
    the working minutes since the deadline); None where no time is set."""
    deadline = answer_deadline(rules, calendar, received_at)
    if deadline is None:
        return None
    return calendar.working_minutes_between(now, deadline)


def answered_late(
    rules: ProcedureRules, calendar: WorkCalendar, received_at: datetime, answered_at: datetime
) -> bool:
    deadline = answer_deadline(rules, calendar, received_at)
    return deadline is not None and answered_at > deadline
