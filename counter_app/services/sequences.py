"""Numbers taken inside the caller's transaction, so they commit with the row."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

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
    # One read: the row's object is held here, where between a read and a
    # write (the session's identity map is weak) it would be read again.
    row = session.get(NumberSequence, name)
    last = None if row is None else row.value
    value = step(last) if step is not None else start if last is None else last + 1
    _put(session, row, name, value)
    return value


def _put(session: Session, row: NumberSequence | None, name: str, value: int) -> None:
    if row is None:
        session.add(NumberSequence(name=name, value=value))
    else:
        row.value = value
    session.flush()
