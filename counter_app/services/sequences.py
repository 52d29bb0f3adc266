"""Numbers taken inside the caller's transaction, so they commit with the row."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter_app.models import NumberSequence


def last_value(session: Session, name: str) -> int | None:
    row = session.get(NumberSequence, name)
    return None if row is None else row.value


def set_value(session: Session, name: str, value: int) -> None:
    row = session.get(NumberSequence, name)
    if row is None:
        session.add(NumberSequence(name=name, value=value))
    else:
        row.value = value
    session.flush()


def next_value(session: Session, name: str, start: int = 1) -> int:
    current = last_value(session, name)
    value = start if current is None else current + 1
    set_value(session, name, value)
    return value
