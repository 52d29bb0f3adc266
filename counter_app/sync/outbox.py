"""The outbox hook: every change of a synced row writes its outbox entry in the
same SQLite transaction, from this one place (not from each service).

``before_flush`` numbers each new or changed synced row with the counter's
gapless sequence and bumps its version; ``after_flush`` writes the entry with
the row as it now stands (defaults filled in by the INSERT). A row changed
again later in the same transaction keeps its number and its entry is
rewritten, so one transaction yields one entry per row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, event, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from counter_app.models import (
    AuditEntry,
    ClockPause,
    CounterIdentity,
    DigitisedPaper,
    Dossier,
    DossierDocument,
    NumberSequence,
    PrintJob,
    WorkflowStep,
)
from counter_app.models.sync import OutboxEntry
from counter_app.storage import APPLYING_FEED as APPLYING_FEED
from counter_app.storage import CLOCK, COUNTER
from counter_app.wire.payload import row_payload

ROW_SEQUENCE = "rows"
_PENDING = "sync_pending"
_FLUSHING = "sync_flushing"
_WRITTEN = "sync_written"

SYNCED_KINDS: dict[type, str] = {
    Dossier: "dossier",
    DossierDocument: "document",
    ClockPause: "pause",
    WorkflowStep: "step",
    PrintJob: "print_job",
    AuditEntry: "audit",
    DigitisedPaper: "paper",
}


# Built once: every synced write runs it.
_TAKE = (
    update(NumberSequence)
    .where(NumberSequence.name == ROW_SEQUENCE)
    .values(value=NumberSequence.value + bindparam("seq_count"))
    .returning(NumberSequence.value)
)


def _next_seqs(session: Session, count: int) -> int:
    """Take ``count`` numbers in one statement; the first of them."""
    conn = session.connection()
    moved = conn.execute(_TAKE, {"seq_count": count}).scalar()
    if moved is not None:
        return int(moved) - count + 1
    conn.execute(insert(NumberSequence).values(name=ROW_SEQUENCE, value=count))
    return 1


def counter_uuid_of(session: Session) -> str:
    """This counter's UUID, read without flushing (the hook runs inside a flush)."""
    known = session.info.get(COUNTER)
    if known is not None:
        return str(known.uuid)
    with session.no_autoflush:
        return str(session.scalars(select(CounterIdentity.uuid)).one())


def _changed(session: Session) -> list[Any]:
    objs = [o for o in session.new if type(o) in SYNCED_KINDS]
    objs += [
        o
        for o in session.dirty
        if type(o) in SYNCED_KINDS and session.is_modified(o, include_collections=False)
    ]
    # Numbers follow the order rows were added, so a dossier's steps keep theirs.
    return sorted(objs, key=lambda o: (inspect(o).insert_order or 0, id(o)))


def _before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get(APPLYING_FEED):
        return
    pending: dict[int, tuple[Any, int]] = session.info.setdefault(_PENDING, {})
    clock: Callable[[], datetime] = session.info.get(CLOCK, datetime.now)
    changed = _changed(session)
    session.info[_FLUSHING] = [id(o) for o in changed]
    fresh = [o for o in changed if id(o) not in pending]
    first = _next_seqs(session, len(fresh)) if fresh else 0
    uuid: str | None = None
    for seq, obj in enumerate(fresh, start=first):
        pending[id(obj)] = (obj, seq)
        if getattr(obj, "counter_uuid", "") is None:
            uuid = uuid or counter_uuid_of(session)
            obj.counter_uuid = uuid
        if hasattr(obj, "counter_seq"):
            obj.counter_seq = seq
        if hasattr(obj, "version"):
            obj.version = (obj.version or 0) + 1
        if hasattr(obj, "updated_at"):
            obj.updated_at = clock()


def _dossier_uuid(session: Session, obj: Any) -> str | None:
    if not hasattr(obj, "dossier_id") or obj.dossier_id is None:
        return None
    parent = obj.__dict__.get("dossier")
    if parent is not None:
        return str(parent.uuid)
    with session.no_autoflush:
        return session.scalar(select(Dossier.uuid).where(Dossier.id == obj.dossier_id))


def _values(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}


def _after_flush(session: Session, _ctx: Any) -> None:
    if session.info.get(APPLYING_FEED):
        return
    ids = session.info.pop(_FLUSHING, [])
    pending: dict[int, tuple[Any, int]] = session.info.get(_PENDING, {})
    clock: Callable[[], datetime] = session.info.get(CLOCK, datetime.now)
    written: set[int] = session.info.setdefault(_WRITTEN, set())
    conn = session.connection()
    new_rows = []
    for key in ids:
        obj, seq = pending[key]
        body = row_payload(_values(obj), _dossier_uuid(session, obj))
        row = {
            "seq": seq,
            "kind": SYNCED_KINDS[type(obj)],
            "row_uuid": obj.uuid,
            "version": getattr(obj, "version", 1),
            "payload": body,
            "created_at": clock(),
        }
        if seq in written:
            conn.execute(update(OutboxEntry).where(OutboxEntry.seq == seq).values(**row))
        else:
            new_rows.append(row)
            written.add(seq)
    if new_rows:
        conn.execute(insert(OutboxEntry), new_rows)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_FLUSHING, None)
    session.info.pop(_WRITTEN, None)


def install(factory: sessionmaker[Session]) -> None:
    """Attach the hook to the sessions a counter writes with."""
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    for name in ("after_commit", "after_rollback", "after_soft_rollback"):
        event.listen(factory, name, _forget)
