"""Numbers this desk may not hand out because the centre already holds them.

A code slot or a ledger book is the counter's alone while it holds it, but it
may have been another counter's earlier the same day (or year): the centre
moved that counter to another slot, or registered this desk on a slot an
older desk left. The codes that desk gave out there today, and the entries
it made in the book this year, are at the centre once it has synced; after
every pull (which may have brought the move) this desk's day sequence and
ledger sequence are raised past them, so it never prints them again.

What the other desk numbered and has not yet synced cannot be known here;
docs/sync.md ("Code slots") says what the centre's administrator does before
moving a counter.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, and_, func, select
from sqlalchemy.orm import Session

from counter_app.domain.codes import DossierCode, slot_range
from counter_app.models import CounterIdentity, Setting, SyncState
from counter_app.services import sequences
from counter_app.services.context import ServiceContext
from counter_app.services.setup import NEXT_BOOK_KEY
from counter_app.wire.central_tables import dossiers

# What the last check was made for: the day, agency, slot and books.
CHECKED_KEY = "number_floor"


def _books(session: Session, counter: CounterIdentity) -> list[str]:
    books = [counter.ledger_book]
    waiting = session.get(Setting, NEXT_BOOK_KEY)
    if waiting is not None:
        books.append(str(json.loads(waiting.value)["book"]))
    return books


def raise_past_centre(ctx: ServiceContext, conn: Connection) -> None:
    """Once a day, and again whenever the slot or the book changed: the centre's
    ledger query reads all of the agency's dossiers, too much for every round
    of every desk (it made the 200-counter storm six times slower)."""
    today = ctx.now().date()
    with ctx.sessions() as session:
        counter = session.scalars(select(CounterIdentity)).one()
        agency, slot, books = counter.agency_id, counter.code_slot, _books(session, counter)
        checked = session.get(SyncState, CHECKED_KEY)
    mark = f"{today}:{agency}:{slot}:{','.join(books)}"
    if checked is not None and checked.value == mark:
        return
    first, end = slot_range(slot)
    with conn.begin():
        top_code = conn.scalar(
            select(func.max(dossiers.c.code)).where(
                dossiers.c.code >= str(DossierCode(agency, today, first)),
                dossiers.c.code <= str(DossierCode(agency, today, end)),
            )
        )
        entries = {book: conn.scalar(ledger_top(agency, book, today.year)) for book in books}
    floors = {f"ledger:{book}:{today.year}": top for book, top in entries.items() if top}
    if top_code is not None:
        floors[_day(today)] = int(top_code[-4:])

    def lift(session: Session) -> None:
        done = session.get(SyncState, CHECKED_KEY)
        if done is None:
            session.add(SyncState(key=CHECKED_KEY, value=mark))
        else:
            done.value = mark
        for name, floor in floors.items():
            current = sequences.last_value(session, name)
            if name.startswith("code:") and current is not None and current > end:
                continue  # moved down today: numbered after its own codes in the slot
            if current is None or current < floor:
                sequences.set_value(session, name, floor)

    ctx.sessions.write(lift)


def ledger_top(agency: str, book: str, year: int) -> Select[Any]:
    """The highest entry of ``book`` in ``year`` at the centre: one step down
    the index c0012 made for it."""
    return select(func.max(dossiers.c.body["ledger_entry"].as_integer())).where(
        and_(
            dossiers.c.agency_id == agency,
            dossiers.c.ledger_book == book,
            dossiers.c.body["ledger_year"].as_integer() == year,
        )
    )


def _day(day: date) -> str:
    return f"code:{day:%y%m%d}"
