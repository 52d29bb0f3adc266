"""The province's own days off and make-up working days, and deadline look-ups."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import ProcessingTime
from counter_app.domain.text import nfc
from counter_app.models import CalendarDay
from counter_app.services import audit
from counter_app.services.context import ServiceContext, counter_identity

_CTX = "Calendar"


def set_province_day(ctx: ServiceContext, day: date, *, working: bool, name: str, by: str) -> None:
    """Add or replace a province day off (working=False) or make-up working day."""
    name = nfc(name)
    if not name:
        raise UserError(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Calendar", "Give the day a name, e.g. the decision that set it."
                ),
            ),
            field="name",
        )
    with ctx.sessions.begin() as session:
        row = session.scalars(select(CalendarDay).where(CalendarDay.day == day)).first()
        if row is None:
            session.add(CalendarDay(day=day, working=working, name=name))
        else:
            row.working, row.name = working, name
        counter = counter_identity(session)
        audit.record(
            session,
            at=ctx.now(),
            username=by,
            counter_uuid=counter.uuid,
            event="calendar.set",
            entity=f"day:{day.isoformat()}",
            details={"working": working, "name": name},
        )
    ctx.invalidate_calendar()


def calendar(ctx: ServiceContext) -> WorkCalendar:
    with ctx.sessions() as session:
        return ctx.calendar(session)


def due(ctx: ServiceContext, received: datetime, processing: ProcessingTime) -> datetime:
    return calendar(ctx).due(received, processing)
