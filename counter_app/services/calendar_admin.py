"""The province's own days off and make-up working days, and deadline look-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from counter_app.domain.bounds import check_text
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.errors import NotFound
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import ProcessingTime
from counter_app.domain.text import nfc
from counter_app.domain.workflow import Role
from counter_app.domain.working_hours import WorkingHours, parse_working_hours
from counter_app.models import CalendarDay
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import (
    CUTOFF_KEY,
    HOURS_KEY,
    ServiceContext,
    put_setting,
    working_hours,
)

_CTX = "Calendar"


@dataclass(frozen=True)
class ProvinceDay:
    """A day the province (or the centre's feed) set apart from the national calendar."""

    day: date
    working: bool  # True: make-up working day; False: extra day off
    name: str


def province_days(ctx: ServiceContext, year: int) -> list[ProvinceDay]:
    with ctx.sessions() as session:
        rows = session.scalars(
            select(CalendarDay)
            .where(extract("year", CalendarDay.day) == year)
            .order_by(CalendarDay.day)
        )
        return [ProvinceDay(r.day, r.working, r.name) for r in rows]


def set_province_day(
    ctx: ServiceContext, actor: Actor, day: date, *, working: bool, name: str
) -> None:
    """Add or replace a province day off (working=False) or make-up working day."""
    check_text(name, "name")
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

    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        row = session.scalars(select(CalendarDay).where(CalendarDay.day == day)).first()
        if row is None:
            session.add(CalendarDay(day=day, working=working, name=name))
        else:
            row.working, row.name = working, name
        audit.log_event(
            session,
            ctx,
            actor.username,
            "calendar.set",
            f"day:{day.isoformat()}",
            {"working": working, "name": name},
        )

    ctx.sessions.write(save)
    ctx.invalidate_calendar()


def remove_province_day(ctx: ServiceContext, actor: Actor, day: date) -> None:
    """The day follows the national calendar again (a decision set down in error).

    A day the centre's feed sent comes back only if the centre changes it
    again: the feed sends changes, not the whole calendar.
    """

    def remove(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        row = session.scalars(select(CalendarDay).where(CalendarDay.day == day)).first()
        if row is None:
            raise NotFound(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Calendar",
                        "{day} is not one of the province's own days; nothing to remove.",
                    ),
                    {"day": f"{day:%d/%m/%Y}"},
                )
            )
        session.delete(row)
        audit.log_event(
            session,
            ctx,
            actor.username,
            "calendar.remove",
            f"day:{day.isoformat()}",
            {"working": row.working, "name": row.name},
        )

    ctx.sessions.write(remove)
    ctx.invalidate_calendar()


def calendar(ctx: ServiceContext) -> WorkCalendar:
    with ctx.sessions() as session:
        return ctx.calendar(session)


def due(
    ctx: ServiceContext, received: datetime, processing: ProcessingTime, *, cutoff: bool | None
) -> datetime:
    return calendar(ctx).due(received, processing, cutoff=cutoff)


def set_working_hours(ctx: ServiceContext, actor: Actor, periods: str, cutoff: str) -> WorkingHours:
    """Store the desk's working hours; deadlines counted from now on use them."""
    hours = parse_working_hours(periods, cutoff)

    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        for key, value in (
            (HOURS_KEY, ", ".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in hours.periods)),
            (CUTOFF_KEY, f"{hours.cutoff:%H:%M}"),
        ):
            put_setting(session, key, value)
        audit.log_event(
            session,
            ctx,
            actor.username,
            "calendar.hours",
            "settings",
            {"periods": periods, "cutoff": cutoff},
        )

    ctx.sessions.write(save)
    ctx.invalidate_calendar()
    return hours


def get_working_hours(ctx: ServiceContext) -> WorkingHours:
    with ctx.sessions() as session:
        return working_hours(session)
