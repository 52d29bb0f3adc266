"""Handing a received dossier on to whoever decides it (Decree 118/2025 Article 18(2)).

A paper dossier received at the desk is transferred the same working day, or
at the start of the next working day when it was received after 15:00. The
hand-over is the dossier's first transfer to a department or, for a
procedure the desk's own unit decides, the start of its appraisal. "The start
of the next working day" is read as that day's first working period (the
morning): the decree gives no minute, and a dossier handed over that morning
has been handed over at the start of the day's work.
"""

from __future__ import annotations

from datetime import datetime

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.procedure_rules import ProcedureRules
from counter_app.domain.workflow import Action

# The steps that hand a dossier over: whichever comes first.
HANDOVER_ACTIONS = frozenset({Action.TRANSFER, Action.START_APPRAISAL})


def handover_deadline(
    rules: ProcedureRules, calendar: WorkCalendar, received_at: datetime
) -> datetime | None:
    """When the dossier must have been handed over; None where the rules set no time."""
    cutoff = rules.transfer_cutoff.value
    if cutoff is None:
        return None
    day = received_at.date()
    if calendar.is_working_day(day) and received_at.time() <= cutoff:
        return datetime.combine(day, calendar.hours.closing)
    following = calendar.next_working_day(day)
    return datetime.combine(following, calendar.hours.periods[0][1])


def handed_late(
    rules: ProcedureRules, calendar: WorkCalendar, received_at: datetime, handed_at: datetime
) -> bool:
    deadline = handover_deadline(rules, calendar, received_at)
    return deadline is not None and handed_at > deadline
