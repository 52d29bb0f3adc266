"""The supplement asked after reception: when it is asked, what it does to the
time limit, and when an incomplete dossier is closed.

Decree 118/2025 Article 19(5) (and, for the time limit, Decree 61/2018
Article 19(4) in the same words): the authority returns the dossier with the
supplement request within 3 working days of reception; "thời hạn giải quyết
được tính lại từ đầu sau khi nhận đủ hồ sơ"; and when the citizen has not
completed it 15 days after the notice, the desk closes the dossier. Which
values apply is the dossier's
:class:`~counter_app.domain.procedure_rules.ProcedureRules`.

Days are counted as the Civil Code 2015 counts a period (Articles 147-148):
the day of the event is not counted, the period ends at the end of its last
day, and a last day that is a day off moves to the end of the next working
day. "15 ngày" (not "ngày làm việc") are calendar days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.procedure import ProcessingTime
from counter_app.domain.procedure_rules import ProcedureRules, SupplementClock

_CTX = "Workflow"


class PauseOutcome:
    """How a supplement request ended (the pause record's ``outcome``).

    A request still open has none; so has one ended before the restart was
    applied (its paused time was given back: the old rule of this
    application, kept for those dossiers' figures)."""

    RESTARTED = "restarted"  # complete: the time limit counted again from its end
    RESUMED = "resumed"  # complete, a specialised law's pause: the paused time given back
    CLOSED = "closed"  # not completed in time: the dossier closed at its end


def last_day_to_request(
    rules: ProcedureRules, calendar: WorkCalendar, received: date
) -> date | None:
    """The last day a supplement may be asked without being flagged: the
    rule's working days after the reception day (None: no such rule)."""
    days = rules.supplement_request_days.value
    if days is None:
        return None
    day = received
    for _ in range(days):
        day = calendar.next_working_day(day)
    return day


def requested_late(
    rules: ProcedureRules, calendar: WorkCalendar, received: datetime, asked_at: datetime
) -> bool:
    """Whether a supplement asked at ``asked_at`` comes after the rule's window."""
    last = last_day_to_request(rules, calendar, received.date())
    return last is not None and asked_at.date() > last


def closable_from(rules: ProcedureRules, calendar: WorkCalendar, asked_at: datetime) -> date | None:
    """The first working day the desk may close a dossier whose supplement was
    asked at ``asked_at`` and never brought (None: the rule closes nothing).

    The period runs from the day after the notice for the rule's calendar
    days, its last day moved to the next working day when it is a day off;
    the dossier is closed on the working day after it.
    """
    days = rules.closing_days.value
    if days is None:
        return None
    last = asked_at.date() + timedelta(days=days)
    if not calendar.is_working_day(last):
        last = calendar.next_working_day(last)
    return calendar.next_working_day(last)


def closing_refusal(
    rules: ProcedureRules, calendar: WorkCalendar, asked_at: datetime, today: date
) -> Message | None:
    """Why the dossier cannot be closed today; None when it may be."""
    first = closable_from(rules, calendar, asked_at)
    if first is None:
        return Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Workflow",
                "A dossier received under these rules is not closed for want of its "
                "supplement ({basis}); the citizen may still bring it or withdraw the dossier.",
            ),
            {"basis": rules.closing_days.basis},
        )
    if today < first:
        return Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Workflow",
                "The citizen has {days} days from the supplement notice of {asked} to "
                "complete the dossier; it can be closed from {first} ({basis}).",
            ),
            {
                "days": rules.closing_days.value,
                "asked": f"{asked_at:%d/%m/%Y}",
                "first": f"{first:%d/%m/%Y}",
                "basis": rules.closing_days.basis,
            },
        )
    return None


@dataclass(frozen=True)
class NewAppointment:
    """What the supplement does to the time limit."""

    statutory: datetime  # the limit the law gives (reports measure against it)
    appointment: datetime  # the appointment in force
    outcome: str  # PauseOutcome


def after_supplement(
    rules: ProcedureRules,
    calendar: WorkCalendar,
    *,
    received: datetime,
    complete_at: datetime,
    processing: ProcessingTime,
    cutoff: bool,
    pauses: Sequence[tuple[datetime, datetime | None]],
    statutory: datetime,
    extended_to: datetime | None,
) -> NewAppointment:
    """The time limit once the complete dossier is received at ``complete_at``.

    RESTART: the whole time limit again from ``complete_at`` (with the 15:00
    cut-off where the procedure has it), as if the dossier were received
    then. A new date from an extension given before the supplement
    (``extended_to``) stays when it is later: the citizen was promised it, and
    the restart never brings a date forward past what the desk announced.
    PAUSE (a specialised law): the paused time is given back from reception;
    the statutory limit stays the one of reception (the reports take the
    pauses off), and an extension's date stays as it was.
    """
    if rules.supplement_clock.value is SupplementClock.RESTART:
        limit = calendar.due(complete_at, processing, cutoff=cutoff)
        in_force = limit if extended_to is None else max(limit, extended_to)
        return NewAppointment(limit, in_force, PauseOutcome.RESTARTED)
    limit = calendar.due(received, processing, pauses, cutoff=cutoff)
    return NewAppointment(statutory, extended_to or limit, PauseOutcome.RESUMED)
