"""A database found behind what the counter has already handed out.

At every start (and right after a restore) the database is compared with the
high-water file (counter_app/high_water.py) and, when one is given, with the
centre's witness. Every sequence behind is raised to the mark, so the next
code and ledger number are above any already printed; an audit log shorter
than the mark (a restored copy, or a deleted tail) is found by the hash the
mark kept. Both are said once: a warning in the log, an audit entry, and a
message for the official.

A restore of a counter connected to a centre also leaves the restore
pending (``RECLAIM_KEY``, and a sync issue the window and ``sync status``
show): the dossiers and records the counter sent after the copy was taken
are still at the centre, and counter_app/sync/reclaim.py takes them back at
the first round that reaches it (right here, when the centre answers at the
start), before anything is pushed or received.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app import config, high_water
from counter_app.domain.audit_chain import GENESIS, entry_digest
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.high_water import Mark
from counter_app.models import AuditEntry, CounterIdentity, Dossier, SyncIssue, SyncState
from counter_app.services import audit, sequences
from counter_app.services.context import ServiceContext
from counter_app.storage import APPLYING_FEED, Sessions
from counter_app.wire import connection_file as sync_settings

log = logging.getLogger(__name__)
EVENT = "counter.behind_mark"
ROWS = "rows"
# Left by a restore: the next start records the shorter audit log as a
# restore (accountable), not as entries deleted behind the counter's back.
RESTORE_NOTE = "restored_from.txt"
RECLAIM_KEY = "restore_reclaim"
RECLAIM_EVENT = "counter.reclaimed"
RECLAIM_ISSUE_KIND = "restore"
RECLAIM_REASON = (
    "a backup was restored: what this counter sent to the centre after that copy "
    "is taken back at the next sync; until then the restore is not complete"
)

BEHIND = QT_TRANSLATE_NOOP(
    "Continuity",
    "This counter's database is behind what the counter has already handed out: "
    "an older copy was restored, or its latest part was lost. Dossiers received "
    "after {since} may be missing; check the paper receipts and the ledger. "
    "New dossier codes continue after {code}.",
)
AUDIT_CUT = QT_TRANSLATE_NOOP(
    "Continuity",
    "The audit log of this counter ends at entry {db}, but it had reached entry {mark}: "
    "its latest entries were deleted outside the application. No dossier code or ledger "
    "number was lost; tell the administrator, who sees the cut in the audit check.",
)
RECLAIM_PENDING = QT_TRANSLATE_NOOP(
    "Continuity",
    "The restore is not complete: the dossiers this counter sent to the centre after "
    "the backup was taken are not back yet. They are taken back at the next sync "
    "with the centre; look them up again after it.",
)
# Both said at once, each sentence translated on its own.
BOTH = QT_TRANSLATE_NOOP("Continuity", "{behind} {pending}")


@dataclass(frozen=True)
class CentreWitness:
    codes: Mark  # "code:YYMMDD" -> highest sequence of this counter that day
    rows_high_water: int
    # The counter's audit entries the centre holds after the local head, in
    # chain order: a restored log that is a prefix of the centre's chain takes
    # them back, so its next entries extend the chain the centre verifies.
    audit_after_head: list[dict[str, Any]] = field(default_factory=list)


def reconcile(
    ctx: ServiceContext,
    directory: Path,
    centre: CentreWitness | None = None,
    reclaim: Callable[[], None] | None = None,
) -> Message | None:
    """Raise every sequence behind the mark (or the centre); None when nothing
    was behind and no restore waits for the centre. ``reclaim`` takes back
    what the centre holds after a restore (counter_app/sync/reclaim.py, given
    by the composition root), run when the centre answered at this start."""
    note = directory / RESTORE_NOTE
    restored_from = note.read_text(encoding="utf-8").strip() if note.exists() else ""
    # Only a restore takes entries back: a tail deleted behind the counter's
    # back must stay visible (audit entry here, mismatch at the centre).
    if restored_from and centre is not None and centre.audit_after_head:
        adopt_centre_audit(ctx.sessions, centre.audit_after_head)
    path = directory / high_water.FILENAME
    mark = high_water.read(path)
    # The copy in backups/ too: it is on this disk, so reading it costs no wait.
    witnesses = [mark, high_water.read(config.backups_dir(directory) / high_water.FILENAME)]
    if centre is not None:
        witnesses.append(centre.codes)

    def check(session: Session) -> Message | None:
        message: Message | None = None
        db = high_water.current(session)
        target = high_water.Mark(high_water.merge_sequences(*witnesses))
        behind = target.above(db)
        audit_missing = mark.audit_last_id > 0 and (
            high_water.audit_hash_at(session, mark.audit_last_id) != mark.audit_head
        )
        rows_before = sequences.last_value(session, ROWS) or 0
        rows_behind = centre is not None and centre.rows_high_water > rows_before
        if centre is not None and rows_behind:
            sequences.set_value(session, ROWS, centre.rows_high_water)
        if behind or audit_missing:
            found = _Found(behind, db, target, mark, audit_missing, restored_from)
            message = _raise(session, ctx, found, centre is not None, rows_behind)
        if restored_from and sync_settings.stored(directory) is not None:
            _mark_reclaim_pending(session, ctx, restored_from)
        return message

    message = ctx.sessions.write(check)
    note.unlink(missing_ok=True)
    if restored_from and centre is not None and reclaim is not None:
        # The centre answered a moment ago: take back what it holds now.
        reclaim()
    if reclaim_pending(ctx.sessions) is None:
        return message
    pending = Message("Continuity", RECLAIM_PENDING)
    return (
        pending
        if message is None
        else Message("Continuity", BOTH, {"behind": message, "pending": pending})
    )


@dataclass(frozen=True)
class _Found:
    behind: dict[str, int]
    db: high_water.Mark
    target: high_water.Mark
    mark: high_water.Mark
    audit_missing: bool
    restored_from: str


def _raise(
    session: Session, ctx: ServiceContext, found: _Found, centre_asked: bool, rows_behind: bool
) -> Message | None:
    """Raise the sequences and record what was found; the official's message.

    Only what the counter handed out (dossier codes, ledger numbers, rows the
    centre holds) can mean a missing dossier. A restored log shorter than the
    mark by audit entries alone (the backup's own entry, a login) lost no
    dossier: recorded, not announced. An audit tail cut without a restore
    is said, as that and not as missing dossiers."""
    for name, value in found.behind.items():
        sequences.set_value(session, name, value)
    counter = session.scalars(select(CounterIdentity)).first()
    code = _highest_code(counter, high_water.merge_sequences(found.db, found.target))
    if counter is not None:
        audit.record(
            session,
            at=ctx.now(),
            username="system",
            counter_uuid=counter.uuid,
            event=EVENT,
            entity=f"counter:{counter.uuid}",
            details={
                "raised": found.behind,
                "audit_last_id_in_mark": found.mark.audit_last_id,
                "audit_last_id_in_database": found.db.audit_last_id,
                "audit_tail_missing": found.audit_missing,
                "centre_asked": centre_asked,
                "restored_from": found.restored_from,
            },
        )
    log.warning(
        "Database behind its high-water mark: %d sequence(s) raised, audit tail missing: %s",
        len(found.behind),
        found.audit_missing,
    )
    if found.behind or rows_behind:
        return Message("Continuity", BEHIND, {"since": _last_activity(session), "code": code})
    if found.restored_from:
        return None
    return Message(
        "Continuity", AUDIT_CUT, {"mark": found.mark.audit_last_id, "db": found.db.audit_last_id}
    )


def _mark_reclaim_pending(session: Session, ctx: ServiceContext, restored_from: str) -> None:
    """Remember that the centre still holds what the copy lacks; the rows
    number the restored database has reached tells, later, which outbox
    entries were made after the restore (counter_app/sync/reclaim.py)."""
    issue = SyncIssue(
        direction="pull",
        kind=RECLAIM_ISSUE_KIND,
        row_uuid="",
        seq=None,
        reason=RECLAIM_REASON,
        local_payload={"restored_from": restored_from},
        central_payload=None,
        at=ctx.now().replace(microsecond=0),
    )
    session.add(issue)
    session.flush()
    value = {
        "rows_at_restore": sequences.last_value(session, ROWS) or 0,
        "issue_uuid": issue.uuid,
        "restored_from": restored_from,
    }
    # A second restore before the first was completed: the first's rows
    # number stays, it is the one the entries above it are counted from.
    row = session.get(SyncState, RECLAIM_KEY)
    if row is None:
        session.add(SyncState(key=RECLAIM_KEY, value=json.dumps(value)))
    else:
        earlier = json.loads(row.value)
        value["rows_at_restore"] = min(value["rows_at_restore"], earlier["rows_at_restore"])
        value["issue_uuid"] = earlier["issue_uuid"]
        session.delete(issue)
        row.value = json.dumps(value)
    log.warning(
        "Restore pending: the centre's copies of this counter's records are to be taken back"
    )


@dataclass(frozen=True)
class PendingReclaim:
    rows_at_restore: int
    issue_uuid: str
    restored_from: str


def reclaim_pending(sessions: Sessions) -> PendingReclaim | None:
    with sessions() as session:
        row = session.get(SyncState, RECLAIM_KEY)
    if row is None:
        return None
    value = json.loads(row.value)
    return PendingReclaim(
        int(value["rows_at_restore"]), str(value["issue_uuid"]), str(value["restored_from"])
    )


def reclaim_renumbered(session: Session, rows: int) -> None:
    row = session.get(SyncState, RECLAIM_KEY)
    if row is not None:
        row.value = json.dumps({**json.loads(row.value), "rows_at_restore": rows})


def reclaim_done(session: Session, at: datetime, details: dict[str, Any]) -> None:
    """The restore is complete: said in the audit log, the issue resolved."""
    row = session.get(SyncState, RECLAIM_KEY)
    if row is None:
        return
    pending = json.loads(row.value)
    session.delete(row)
    issue = session.scalars(
        select(SyncIssue).where(SyncIssue.uuid == pending["issue_uuid"])
    ).first()
    if issue is not None:
        issue.resolved_at = at.replace(microsecond=0)
    counter = session.scalars(select(CounterIdentity)).first()
    if counter is not None:
        audit.record(
            session,
            at=at,
            username="system",
            counter_uuid=counter.uuid,
            event=RECLAIM_EVENT,
            entity=f"counter:{counter.uuid}",
            details={**details, "restored_from": pending["restored_from"]},
        )


def adopt_centre_audit(sessions: Sessions, bodies: list[dict[str, Any]]) -> int:
    """Append the centre's entries that follow the local head, each checked
    against the chain; they came from the centre, so they are not sent back.
    Returns how many were taken."""

    def adopt(session: Session) -> int:
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
        return adopted

    adopted = sessions.write(adopt)
    log.warning("Audit log: %d entries taken back from the centre after a restore", adopted)
    return adopted


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
