"""A database found behind what the counter has already handed out.

At every start (and right after a restore) the database is compared with the
high-water file (counter_app/high_water.py) and, when one is given, with the
centre's witness. Every sequence behind is raised to the mark, so the next
code and ledger number are above any already printed; an audit log shorter
than the mark (a restored copy, or a deleted tail) is found by the hash the
mark kept. Both are said once: a warning in the log, an audit entry, and a
message for the official.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import high_water
from counter_app.domain.audit_chain import GENESIS, entry_digest
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.models import AuditEntry, CounterIdentity, Dossier
from counter_app.services import audit, sequences
from counter_app.services.context import ServiceContext
from counter_app.sync.outbox import APPLYING_FEED

if TYPE_CHECKING:
    from counter_app.sync.witness import CentreWitness

log = logging.getLogger(__name__)
EVENT = "counter.behind_mark"
ROWS = "rows"
# Left by a restore: the next start records the shorter audit log as a
# restore (accountable), not as entries deleted behind the counter's back.
RESTORE_NOTE = "restored_from.txt"

BEHIND = QT_TRANSLATE_NOOP(
    "Continuity",
    "This counter's database is behind what the counter has already handed out: "
    "an older copy was restored, or its latest part was lost. Dossiers received "
    "after {since} may be missing; check the paper receipts and the ledger. "
    "New dossier codes continue after {code}.",
)


def reconcile(
    ctx: ServiceContext, directory: Path, centre: CentreWitness | None = None
) -> Message | None:
    """Raise every sequence behind the mark (or the centre); None when nothing was behind."""
    note = directory / RESTORE_NOTE
    restored_from = note.read_text(encoding="utf-8").strip() if note.exists() else ""
    # Only a restore takes entries back: a tail deleted behind the counter's
    # back must stay visible (audit entry here, mismatch at the centre).
    if restored_from and centre is not None and centre.audit_after_head:
        _adopt_centre_audit(ctx, centre.audit_after_head)
    path = directory / high_water.FILENAME
    mark = high_water.read(path)
    witnesses = [mark] if centre is None else [mark, centre.codes]
    with ctx.sessions.begin() as session:
        db = high_water.current(session)
        target = high_water.Mark(high_water.merge_sequences(*witnesses))
        behind = target.above(db)
        audit_missing = mark.audit_last_id > 0 and (
            high_water.audit_hash_at(session, mark.audit_last_id) != mark.audit_head
        )
        rows_before = sequences.last_value(session, ROWS) or 0
        if centre is not None and centre.rows_high_water > rows_before:
            sequences.set_value(session, ROWS, centre.rows_high_water)
        if not behind and not audit_missing:
            note.unlink(missing_ok=True)
            return None
        for name, value in behind.items():
            sequences.set_value(session, name, value)
        counter = session.scalars(select(CounterIdentity)).first()
        last_received = db.audit_last_id
        code = _highest_code(counter, high_water.merge_sequences(db, target))
        if counter is not None:
            audit.record(
                session,
                at=ctx.now(),
                username="system",
                counter_uuid=counter.uuid,
                event=EVENT,
                entity=f"counter:{counter.uuid}",
                details={
                    "raised": behind,
                    "audit_last_id_in_mark": mark.audit_last_id,
                    "audit_last_id_in_database": last_received,
                    "audit_tail_missing": audit_missing,
                    "centre_asked": centre is not None,
                    "restored_from": restored_from,
                },
            )
        since = _last_activity(session)
    note.unlink(missing_ok=True)
    log.warning(
        "Database behind its high-water mark: %d sequence(s) raised, audit tail missing: %s",
        len(behind),
        audit_missing,
    )
    return Message("Continuity", BEHIND, {"since": since, "code": code})


def _adopt_centre_audit(ctx: ServiceContext, bodies: list[dict[str, Any]]) -> None:
    """Append the centre's entries that follow the local head, each checked
    against the chain; they came from the centre, so they are not sent back."""
    with ctx.sessions.begin() as session:
        session.info[APPLYING_FEED] = True
        head = high_water.current(session).audit_head or GENESIS
        adopted = 0
        for body in bodies:
            if body.get("prev_hash") != head or entry_digest(body) != body.get("hash"):
                break
            session.add(
                AuditEntry(
                    uuid=body["uuid"],
                    at=datetime.fromisoformat(body["at"]),
                    username=body["username"],
                    counter_uuid=body["counter_uuid"],
                    event=body["event"],
                    entity=body["entity"],
                    details=body["details"],
                    prev_hash=body["prev_hash"],
                    hash=body["hash"],
                )
            )
            session.flush()
            head = body["hash"]
            adopted += 1
    log.warning("Audit log: %d entries taken back from the centre after a restore", adopted)


def _highest_code(counter: CounterIdentity | None, values: dict[str, int]) -> str:
    days = sorted(n for n in values if n.startswith("code:"))
    if counter is None or not days:
        return "—"
    day = days[-1].removeprefix("code:")
    return f"{counter.agency_id}-{day}-{values[days[-1]]:04d}"


def _last_activity(session: Session) -> str:
    last = session.scalar(select(Dossier.received_at).order_by(Dossier.received_at.desc()))
    return f"{last:%d/%m/%Y %H:%M}" if last else "—"


@dataclass(frozen=True)
class MissingTail:
    found_at: datetime
    last_id_in_mark: int
    last_id_in_database: int


def missing_tails(ctx: ServiceContext) -> list[MissingTail]:
    """Starts that found the audit log shorter than its mark, not by a restore."""
    with ctx.sessions() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.event == EVENT).order_by(AuditEntry.id)
        ).all()
    return [
        MissingTail(
            e.at,
            int(e.details["audit_last_id_in_mark"]),
            int(e.details["audit_last_id_in_database"]),
        )
        for e in entries
        if e.details.get("audit_tail_missing") and not e.details.get("restored_from")
    ]
