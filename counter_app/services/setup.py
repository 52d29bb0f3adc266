"""Setting a counter up: who it belongs to and which block of dossier numbers it owns."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.bounds import text_errors
from counter_app.domain.codes import check_agency_id, slot_range
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError, ValidationFailed
from counter_app.domain.text import nfc
from counter_app.domain.workflow import Role
from counter_app.models import CounterIdentity, Dossier, Setting
from counter_app.models.base import new_uuid
from counter_app.paper import form_set_for
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext

_CTX = "Setup"
# A ledger book the centre gave this counter, waiting for the day after the
# last entry of the book it writes in now: {"book": "02", "after": "YYYY-MM-DD"}.
NEXT_BOOK_KEY = "ledger_book.next"


# Under Decree 61/2018 a commune's one-stop unit had this name; a connection
# file written before counters carried their unit's name gets it, and the
# administrator corrects it in the setup.
LEGACY_UNIT_NAME = "Bộ phận Tiếp nhận và Trả kết quả"


@dataclass(frozen=True)
class CounterInfo:
    uuid: str
    agency_id: str
    agency_name: str
    unit_name: str
    parent_name: str
    place: str
    phone: str
    counter_name: str
    code_slot: int
    ledger_book: str
    form_set: str


def _info(c: CounterIdentity) -> CounterInfo:
    return CounterInfo(
        c.uuid,
        c.agency_id,
        c.agency_name,
        c.unit_name,
        c.parent_name,
        c.place,
        c.phone,
        c.counter_name,
        c.code_slot,
        c.ledger_book,
        c.form_set,
    )


def check_counter(
    *,
    agency_id: str,
    agency_name: str,
    unit_name: str,
    counter_name: str,
    parent_name: str = "",
    place: str = "",
    phone: str = "",
    code_slot: int = 0,
    ledger_book: str = "01",
) -> str:
    """The counter's identity checked without saving anything (the setup checks
    every part before it records any); returns the agency id as stored."""
    errors = [
        e
        for field, value in (
            ("agency_id", agency_id),
            ("agency_name", agency_name),
            ("unit_name", unit_name),
            ("counter_name", counter_name),
            ("parent_name", parent_name),
            ("place", place),
            ("phone", phone),
            ("ledger_book", ledger_book),
        )
        for e in text_errors(field, value)
    ]
    if errors:
        raise ValidationFailed(errors)
    checked = check_agency_id(agency_id)
    slot_range(code_slot)
    if not nfc(agency_name) or not nfc(counter_name):
        raise UserError(
            Message(
                _CTX, QT_TRANSLATE_NOOP("Setup", "Enter the agency name and the counter name.")
            ),
            field="agency_name",
        )
    if not nfc(unit_name):
        raise _unit_name_missing()
    return checked


def setup_counter(
    ctx: ServiceContext,
    *,
    agency_id: str,
    agency_name: str,
    unit_name: str,
    counter_name: str,
    parent_name: str = "",
    place: str = "",
    phone: str = "",
    code_slot: int = 0,
    ledger_book: str = "01",
    form_set: str | None = None,
    counter_uuid: str | None = None,
) -> CounterInfo:
    """Set this database's counter up once; ``unit_name`` is the one-stop unit the
    forms name. ``form_set`` is recorded as the set in force now unless given;
    each form prints with the set in force on its dossier's receipt date."""
    agency_id = check_counter(
        agency_id=agency_id,
        agency_name=agency_name,
        unit_name=unit_name,
        counter_name=counter_name,
        parent_name=parent_name,
        place=place,
        phone=phone,
        code_slot=code_slot,
        ledger_book=ledger_book,
    )

    def set_up(session: Session) -> CounterInfo:
        if session.scalars(select(CounterIdentity)).first() is not None:
            raise UserError(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "Setup", "This counter is already set up; its identity cannot change."
                    ),
                )
            )
        counter = CounterIdentity(
            uuid=counter_uuid or new_uuid(),
            agency_id=agency_id,
            agency_name=nfc(agency_name),
            unit_name=nfc(unit_name),
            parent_name=nfc(parent_name),
            place=nfc(place),
            phone=nfc(phone),
            counter_name=nfc(counter_name),
            code_slot=code_slot,
            ledger_book=nfc(ledger_book) or "01",
            form_set=form_set or form_set_for(ctx.now().date()),
        )
        session.add(counter)
        session.flush()
        audit.record(
            session,
            at=ctx.now(),
            username="setup",
            counter_uuid=counter.uuid,
            event="counter.setup",
            entity=f"counter:{counter.uuid}",
            details={"agency_id": agency_id, "code_slot": code_slot},
        )
        return _info(counter)

    return ctx.sessions.write(set_up)


def _unit_name_missing() -> UserError:
    return UserError(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Setup",
                "Enter the name of the one-stop unit as the forms must print it, e.g. "
                "“Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ”.",
            ),
        ),
        field="unit_name",
    )


def rename_unit(ctx: ServiceContext, actor: Actor, unit_name: str) -> CounterInfo:
    """The one-stop unit got a new name (as communes' did on 1/7/2025).

    Dossiers already received keep the name they were received under: their
    papers reprint as the originals did.
    """
    if not nfc(unit_name):
        raise _unit_name_missing()
    errors = text_errors("unit_name", unit_name)
    if errors:
        raise ValidationFailed(errors)

    def rename(session: Session) -> CounterInfo:
        acting_user(session, actor, role=Role.ADMIN)
        counter = session.scalars(select(CounterIdentity)).one()
        old, counter.unit_name = counter.unit_name, nfc(unit_name)
        audit.log_event(
            session,
            ctx,
            actor.username,
            "counter.unit_name",
            f"counter:{counter.uuid}",
            {"from": old, "to": counter.unit_name},
        )
        return _info(counter)

    return ctx.sessions.write(rename)


def get_counter(ctx: ServiceContext) -> CounterInfo | None:
    with ctx.sessions() as session:
        counter = session.scalars(select(CounterIdentity)).first()
        return _info(counter) if counter else None


def change_ledger_book(session: Session, counter: CounterIdentity, book: str) -> None:
    """The centre moved this counter to another ledger book.

    A day's entries stay in one book: the form 06 ledger of a day and that
    day's receipts (“Quyển số”) name one book. So the new book takes over
    on the day after the last entry in the current one, or at once when that
    book has none yet; its entries are numbered from 1 in each year
    (``ledger:{book}:{year}``), raised past any the centre already knows
    (sync/number_floor.py).
    """
    pending = session.get(Setting, NEXT_BOOK_KEY)
    last = session.scalar(
        select(func.max(Dossier.received_at)).where(
            Dossier.ledger_book == counter.ledger_book, Dossier.counter_uuid == counter.uuid
        )
    )
    if book == counter.ledger_book or last is None:
        counter.ledger_book = book
        if pending is not None:
            session.delete(pending)
        return
    value = json.dumps({"book": book, "after": last.date().isoformat()})
    if pending is None:
        session.add(Setting(key=NEXT_BOOK_KEY, value=value))
    else:
        pending.value = value


def ledger_book_for(session: Session, counter: CounterIdentity, day: date) -> str:
    """The book a dossier received on ``day`` is entered in (a waiting book
    takes over once its day has come)."""
    pending = session.get(Setting, NEXT_BOOK_KEY)
    if pending is None:
        return counter.ledger_book
    waiting = json.loads(pending.value)
    if day > date.fromisoformat(waiting["after"]):
        counter.ledger_book = str(waiting["book"])
        session.delete(pending)
    return counter.ledger_book
