"""Numbers taken inside the caller's transaction, so they commit with the row."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from counter_app.models import NumberSequence


def last_value(session: Session, name: str) -> int | None:
    row = session.get(NumberSequence, name)
    return None if row is None else row.value


def set_value(session: Session, name: str, value: int) -> None:
    _put(session, session.get(NumberSequence, name), name, value)


def next_value(
    session: Session, name: str, start: int = 1, step: Callable[[int | None], int] | None = None
) -> int:
    """The number after the last one (``step`` of it; ``start`` for the first)."""
    if identity_key(NumberSequence, name) in session.identity_map:
        # The session holds the row's object: moved through it, so it stays true.
        row = session.get(NumberSequence, name)
        last = None if row is None else row.value
        value = step(last) if step is not None else start if last is None else last + 1
        _put(session, row, name, value)
        return value
    # Otherwise in plain statements on the session's connection: no object to
    # keep in step (a reception takes two numbers). Rows still pending are
    # written first, as a query through the session would. The usual case is
    # one statement: moved on by one, and kept when ``step`` agrees.
    session.flush()
    conn = session.connection()
    moved = conn.execute(_MOVE, {"seq_name": name}).scalar()
    if moved is None:
        value = step(None) if step is not None else start
        conn.execute(insert(NumberSequence).values(name=name, value=value))
        return value
    value = step(int(moved) - 1) if step is not None else int(moved)
    if value != moved:
        conn.execute(_SET, {"seq_name": name, "seq_value": value})
    return value


# Built once: every reception moves two sequences.
_MOVE = (
    update(NumberSequence)
    .where(NumberSequence.name == bindparam("seq_name"))
    .values(value=NumberSequence.value + 1)
    .returning(NumberSequence.value)
)
_SET = (
    update(NumberSequence)
    .where(NumberSequence.name == bindparam("seq_name"))
    .values(value=bindparam("seq_value"))
)


def _put(session: Session, row: NumberSequence | None, name: str, value: int) -> None:
    if row is None:
        session.add(NumberSequence(name=name, value=value))
    else:
        row.value = value
    session.flush()
