"""The code a reception takes: whose identifier, and which ordinal of the day.

The code starts with the identifier of the authority competent to decide the
procedure (Decree 118/2025 Article 28(2)(a)): the catalogue's
``deciding_authority``, or the receiving unit's own identifier when it is
empty (the unit decides, or the procedure belongs to a linked group). The
unit's own codes are numbered in the desk's slot; another authority's in the
blocks the centre granted the desk (domain/code_blocks.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from counter_app.domain import code_blocks, codes
from counter_app.domain.code_blocks import CodeBlock, Room
from counter_app.models import CodeBlock as CodeBlockRow
from counter_app.models import CounterIdentity, Dossier
from counter_app.services import sequences
from counter_app.services.catalogue import load_procedure
from counter_app.services.context import ServiceContext, counter_identity

log = logging.getLogger(__name__)

# Built once: every reception runs it (bench/bench_core.py times a reception).
_CODE_TAKEN = select(Dossier.id).where(Dossier.code == bindparam("code"))


def authority_of(counter: CounterIdentity, deciding_authority: str) -> str:
    return deciding_authority or counter.agency_id


def _free(session: Session, code: str) -> bool:
    # A database restored from an older backup must not hand out a code
    # that already left on a receipt; the caller skips past any that exist.
    # Columns only, on the connection: nothing of the ORM's is needed here.
    return session.connection().execute(_CODE_TAKEN, {"code": code}).first() is None


def _sequence(authority_id: str, day: date) -> str:
    return f"code:{authority_id}:{day:%y%m%d}"


def _as_block(row: CodeBlockRow) -> CodeBlock:
    return CodeBlock(row.authority_id, row.first_seq, row.last_seq, row.valid_from, row.valid_until)


def _blocks(session: Session, authority_id: str) -> list[CodeBlock]:
    rows = session.scalars(select(CodeBlockRow).where(CodeBlockRow.authority_id == authority_id))
    return [_as_block(r) for r in rows]


def _block_code(session: Session, authority_id: str, day: date) -> str | None:
    blocks = _blocks(session, authority_id)
    name = _sequence(authority_id, day)
    last = sequences.last_value(session, name)
    while (ordinal := code_blocks.next_ordinal(blocks, authority_id, day, last)) is not None:
        sequences.set_value(session, name, ordinal)
        code = str(codes.DossierCode(authority_id, day, ordinal))
        if _free(session, code):
            return code
        last = ordinal
    return None


def take_code(
    session: Session, counter: CounterIdentity, day: datetime, deciding_authority: str
) -> str:
    """The next code of the day, taken inside the caller's transaction."""
    authority_id = authority_of(counter, deciding_authority)
    if authority_id != counter.agency_id:
        code = _block_code(session, authority_id, day.date())
        if code is not None:
            return code
        log.warning(
            "No number left for %s on %s: the dossier takes the unit's own code",
            authority_id,
            day.date(),
        )
    name = f"code:{day:%y%m%d}"
    first, end = codes.slot_range(counter.code_slot)
    moved_down = False

    def step(last: int | None) -> int:
        nonlocal moved_down
        if last is not None and last > end:
            # Moved today to a slot below the numbers it gave out: the day's
            # mark stays where it is (high_water.py never lets it go back).
            moved_down = True
            return last
        return codes.next_sequence(counter.code_slot, last)

    while True:
        seq = sequences.next_value(session, name, step=step)
        if moved_down:
            seq = codes.next_sequence(
                counter.code_slot, _highest_in(session, counter, day, first, end)
            )
        code = str(codes.DossierCode(counter.agency_id, day.date(), seq))
        if _free(session, code):
            return code


def _highest_in(
    session: Session, counter: CounterIdentity, day: datetime, first: int, end: int
) -> int | None:
    """The highest ordinal of the day this desk gave out inside [first, end] (its
    own codes in this slot), for a desk that moved down to it that day."""
    low = codes.DossierCode(counter.agency_id, day.date(), first)
    high = codes.DossierCode(counter.agency_id, day.date(), end)
    top = session.scalar(
        select(func.max(Dossier.code)).where(Dossier.code >= str(low), Dossier.code <= str(high))
    )
    return None if top is None else int(top[-4:])


@dataclass(frozen=True)
class CodeRoom:
    """What the reception form says before the desk runs out of another authority's numbers."""

    authority_id: str
    room: Room
    warn: bool


def code_room(ctx: ServiceContext, procedure_code: str) -> CodeRoom | None:
    """None when the procedure's codes are the unit's own (numbered in its slot)."""
    with ctx.sessions() as session:
        counter = counter_identity(session)
        procedure = load_procedure(session, procedure_code)
        authority_id = authority_of(counter, procedure.deciding_authority)
        if authority_id == counter.agency_id:
            return None
        today = ctx.now().date()
        last = sequences.last_value(session, _sequence(authority_id, today))
        room = code_blocks.room(_blocks(session, authority_id), authority_id, today, last)
        return CodeRoom(authority_id, room, room.warning(today))


def store_blocks(session: Session, blocks: dict[int, CodeBlock]) -> None:
    """The blocks the centre holds for this desk now, by the centre's id, in place of the old."""
    held = {r.id: _as_block(r) for r in session.scalars(select(CodeBlockRow))}
    if held == blocks:
        return  # most rounds: nothing granted, nothing to write
    session.execute(delete(CodeBlockRow))
    session.add_all(
        CodeBlockRow(
            id=block_id,
            authority_id=b.authority_id,
            first_seq=b.first,
            last_seq=b.last,
            valid_from=b.valid_from,
            valid_until=b.valid_until,
        )
        for block_id, b in blocks.items()
    )
