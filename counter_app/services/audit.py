"""The append-only audit log: each entry's hash covers the previous entry's hash.

Changing or removing any past entry breaks every link after it, and
``verify`` reports the first broken one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from counter_app.domain.audit_chain import GENESIS, digest, first_broken_link
from counter_app.models import AuditEntry
from counter_app.services.context import ServiceContext, counter_identity

# Built once: every step and every administrative change reads it.
_HEAD = select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)


def record(
    session: Session,
    *,
    at: datetime,
    username: str,
    counter_uuid: str,
    event: str,
    entity: str,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry in the caller's transaction (the write lock is already held)."""
    if any(isinstance(obj, AuditEntry) for obj in session.new):
        session.flush()  # an entry added but not flushed yet is the head
    # The caller's other pending rows (a step) are flushed with this entry.
    with session.no_autoflush:
        last = session.scalar(_HEAD)
    prev = last if last is not None else GENESIS
    clean = json.loads(json.dumps(details or {}, ensure_ascii=False, default=str))
    entry = AuditEntry(
        at=at,
        username=username,
        counter_uuid=counter_uuid,
        event=event,
        entity=entity,
        details=clean,
        prev_hash=prev,
        hash=digest(prev, at, username, counter_uuid, event, entity, clean),
    )
    session.add(entry)
    session.flush()
    return entry


def log_event(
    session: Session,
    ctx: ServiceContext,
    username: str,
    event: str,
    entity: str,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry stamped with the service clock and this counter."""
    return record(
        session,
        at=ctx.now(),
        username=username,
        counter_uuid=counter_identity(session).uuid,
        event=event,
        entity=entity,
        details=details,
    )


@dataclass(frozen=True)
class AuditReport:
    checked: int
    first_broken_id: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


# Explicit columns (no ORM entity): a backup of an older schema is checked too.
CHAIN_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.username,
    AuditEntry.counter_uuid,
    AuditEntry.event,
    AuditEntry.entity,
    AuditEntry.details,
    AuditEntry.prev_hash,
    AuditEntry.hash,
)


def verify(session: Session | Connection) -> AuditReport:
    rows = session.execute(
        select(*CHAIN_COLUMNS).order_by(AuditEntry.id).execution_options(yield_per=2000)
    )
    checked, broken, reason = first_broken_link(tuple(r) for r in rows)
    return AuditReport(checked, broken, reason)
