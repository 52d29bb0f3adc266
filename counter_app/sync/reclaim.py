"""After a restore: take back from the centre what this counter sent after
the copy was taken.

A restored database lacks every dossier the counter received after the copy,
and every document, step, pause and print job it recorded since; those that
reached the centre are still there, owned by this counter. Neither the feed
(a counter is never sent its own changes) nor a resync (its snapshot holds
the portal's unowned dossiers only) brings them back, so a restore leaves
itself pending (counter_app/services/continuity.py) and the first round that
reaches the centre runs ``reclaim`` before it pushes or receives anything:

1. Outbox entries made after the restore, while the centre was out of reach,
   were numbered from the restored database's ``rows`` number, at or below
   what the centre has already received: the push would drop them as
   replays. They are moved above the centre's high-water mark, in order.
2. The push's acknowledgement clears the restored outbox of what the centre
   holds (the lost database had sent it).
3. Every dossier this counter owns at the centre that is missing here, older
   here, or missing a record, is written here with its records, through the
   feed's own apply (counter_app/sync/local_apply.py) with the outbox hook
   off: nothing taken back is sent again. Code and ledger numbers are raised
   above those taken back.
4. The audit log's tail is taken back when the local log is a prefix of the
   centre's chain; when it is not (entries written here after the restore),
   it cannot be, and that is said (log, the completion's audit entry).

Reading uses the desk's own role: row-level security lets it SELECT its
agency's dossiers and records, nothing more is needed at the centre.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.orm import Session

from counter_app.domain.audit_chain import GENESIS
from counter_app.models import (
    AuditEntry,
    ClockPause,
    CounterIdentity,
    DigitisedPaper,
    Dossier,
    DossierDocument,
    OutboxEntry,
    PrintJob,
    SyncIssue,
    WorkflowStep,
)
from counter_app.services import continuity, sequences
from counter_app.services.context import ServiceContext
from counter_app.storage import Sessions
from counter_app.sync.central_link import central_session
from counter_app.sync.errors import CentralRefused, CentralUnreachable
from counter_app.sync.local_apply import apply_change
from counter_app.sync.outbox import APPLYING_FEED, ROW_SEQUENCE
from counter_app.sync.push import acknowledge
from counter_app.sync.witness import audit_after
from counter_app.wire import connection_file as settings_file
from counter_app.wire.central_tables import counters, dossiers, records
from counter_app.wire.feed import Change

log = logging.getLogger(__name__)

# The records that hang on a dossier, by the centre's kind.
RECORD_MODELS: dict[
    str, type[DossierDocument | ClockPause | WorkflowStep | PrintJob | DigitisedPaper]
] = {
    "document": DossierDocument,
    "pause": ClockPause,
    "step": WorkflowStep,
    "print_job": PrintJob,
    "paper": DigitisedPaper,
}
CHUNK = 500


@dataclass(frozen=True)
class ReclaimReport:
    dossiers: int
    records: int
    renumbered: int
    audit_taken: int
    audit_whole: bool  # False: the centre holds audit entries this log cannot take back


def reclaim_if_restored(
    ctx: ServiceContext, conn: Connection, counter_uuid: str
) -> ReclaimReport | None:
    """The round's first step; None when no restore is pending."""
    pending = continuity.reclaim_pending(ctx.sessions)
    if pending is None:
        return None
    sessions = ctx.sessions
    with conn.begin():
        high = int(
            conn.scalar(select(counters.c.high_water).where(counters.c.uuid == counter_uuid)) or 0
        )
    renumbered = _renumber(sessions, pending.rows_at_restore, high)
    acknowledge(sessions, conn, counter_uuid)
    wanted = _missing(sessions, conn, counter_uuid)
    taken = records_taken = 0
    for chunk in _chunks(sorted(wanted), CHUNK):
        with conn.begin():
            bodies = _central_dossiers(conn, chunk)
        taken_now, records_now = _take_back(sessions, bodies, counter_uuid)
        taken += taken_now
        records_taken += records_now
    audit_taken, whole = _audit_tail(sessions, conn, counter_uuid)
    report = ReclaimReport(taken, records_taken, renumbered, audit_taken, whole)
    figures = {
        "dossiers": taken,
        "records": records_taken,
        "renumbered": renumbered,
        "audit_taken": audit_taken,
        "audit_whole": whole,
    }
    now = ctx.now()
    sessions.write(lambda s: continuity.reclaim_done(s, now, figures))
    log.warning(
        "Restore completed from the centre: %d dossier(s), %d record(s) taken back, "
        "%d entries renumbered, %d audit entries taken back%s",
        taken,
        records_taken,
        renumbered,
        audit_taken,
        "" if whole else "; the audit log's tail could not be taken back (chains differ)",
    )
    return report


def reclaim_at_start(ctx: ServiceContext, directory: Path) -> ReclaimReport | None:
    """At the start after a restore, when the centre answers; out of reach or
    refused, the restore stays pending for the next round."""
    settings = settings_file.stored(directory)
    if settings is None:
        return None
    try:
        with central_session(settings) as engine, engine.connect() as conn:
            return reclaim_if_restored(ctx, conn, settings.counter_uuid)
    except (CentralUnreachable, CentralRefused):
        log.warning("Restore not completed at start: the centre is out of reach or refused")
        return None


def _renumber(sessions: Sessions, since: int, high: int) -> int:
    """Move the entries made after the restore (above ``since``) to follow the
    centre's mark, keeping their order: the numbering stays gapless."""
    shift = high - since
    if shift <= 0:
        return 0

    def renumber(s: Session) -> int:
        s.info[APPLYING_FEED] = True
        moved = s.scalar(select(func.count()).where(OutboxEntry.seq > since)) or 0
        if moved:
            # Through negative numbers: SQLite checks the key row by row.
            s.execute(
                update(OutboxEntry)
                .where(OutboxEntry.seq > since)
                .values(seq=-(OutboxEntry.seq + shift))
            )
            s.execute(update(OutboxEntry).where(OutboxEntry.seq < 0).values(seq=-OutboxEntry.seq))
            for model in (Dossier, *RECORD_MODELS.values()):
                s.execute(
                    update(model)
                    .where(model.counter_seq > since)
                    .values(counter_seq=model.counter_seq + shift)
                )
        rows = sequences.last_value(s, ROW_SEQUENCE) or 0
        sequences.set_value(s, ROW_SEQUENCE, max(rows + shift, high))
        # Counted from the centre's mark now: a round cut after this commit
        # must not move them a second time.
        continuity.reclaim_renumbered(s, high)
        return int(moved)

    return sessions.write(renumber)


def _missing(sessions: Sessions, conn: Connection, me: str) -> set[str]:
    """Dossiers owned here at the centre that this database lacks, holds at
    an older version, or holds without one of their records."""
    with conn.begin():
        central = dict(
            conn.execute(
                select(dossiers.c.uuid, dossiers.c.version).where(
                    dossiers.c.owner_counter_uuid == me
                )
            ).all()
        )
        central_records = conn.execute(
            select(records.c.uuid, records.c.dossier_uuid).where(
                records.c.kind.in_(list(RECORD_MODELS)),
                records.c.dossier_uuid.in_(
                    select(dossiers.c.uuid).where(dossiers.c.owner_counter_uuid == me)
                ),
            )
        ).all()
    with sessions() as s:
        local = dict(s.execute(select(Dossier.uuid, Dossier.version)).all())
        local_records = _known_records(s)
    wanted = {u for u, v in central.items() if u not in local or local[u] < int(v)}
    wanted |= {d for r, d in central_records if r not in local_records}
    return wanted


def _central_dossiers(conn: Connection, uuids: Sequence[str]) -> list[dict[str, Any]]:
    """Each dossier's body as the feed would carry it, with its records."""
    rows = conn.execute(
        select(dossiers.c.uuid, dossiers.c.body, dossiers.c.version)
        .where(dossiers.c.uuid.in_(uuids))
        .order_by(dossiers.c.received_at)
    ).all()
    hanging: dict[str, list[dict[str, Any]]] = {}
    for dossier_uuid, kind, body, version, seq in conn.execute(
        select(
            records.c.dossier_uuid,
            records.c.kind,
            records.c.body,
            records.c.version,
            records.c.counter_seq,
        )
        .where(records.c.dossier_uuid.in_(uuids), records.c.kind.in_(list(RECORD_MODELS)))
        .order_by(records.c.counter_seq)
    ):
        hanging.setdefault(dossier_uuid, []).append(
            {"kind": kind, "body": body, "version": version, "counter_seq": seq}
        )
    return [
        {**body, "uuid": uuid, "version": version, "records": hanging.get(uuid, [])}
        for uuid, body, version in rows
    ]


def _take_back(sessions: Sessions, bodies: list[dict[str, Any]], me: str) -> tuple[int, int]:
    def take(s: Session) -> tuple[int, int]:
        records_taken = 0
        s.info[APPLYING_FEED] = True
        issues_before = s.scalar(select(func.count()).select_from(SyncIssue)) or 0
        known = _known_records(s)
        for body in bodies:
            apply_change(s, Change("0", 0, "dossier", body["uuid"], body))
            for record in body["records"]:
                if record["body"]["uuid"] in known:
                    continue
                model = RECORD_MODELS[record["kind"]]
                # Their own numbers keep a dossier's steps in the order made.
                done = s.execute(
                    update(model)
                    .where(model.uuid == record["body"]["uuid"])
                    .values(counter_seq=int(record["counter_seq"] or 0))
                )
                records_taken += int(getattr(done, "rowcount", 0) or 0)
        _raise_numbers(s, [b for b in bodies if b.get("counter_uuid") == me])
        issues = (s.scalar(select(func.count()).select_from(SyncIssue)) or 0) - issues_before
        return issues, records_taken

    issues, records_taken = sessions.write(take)
    if issues:
        log.warning("Restore: %d dossier(s) not taken back; see the sync issues", issues)
    return len(bodies) - issues, records_taken


def _known_records(s: Session) -> set[str]:
    known: set[str] = set()
    for model in RECORD_MODELS.values():
        known.update(s.scalars(select(model.uuid)))
    return known


def _raise_numbers(s: Session, mine: list[dict[str, Any]]) -> None:
    """Codes and ledger numbers above every one taken back: they were printed."""
    counter = s.scalars(select(CounterIdentity)).first()
    highest: dict[str, int] = {}
    for body in mine:
        code = str(body.get("code") or "")
        if len(code) > 11 and code[-4:].isdigit():
            name = f"code:{code[-11:-5]}"
            highest[name] = max(highest.get(name, 0), int(code[-4:]))
        entry, year = body.get("ledger_entry"), body.get("ledger_year")
        if (
            counter is not None
            and entry
            and year
            and body.get("ledger_book") == counter.ledger_book
        ):
            name = f"ledger:{counter.ledger_book}:{year}"
            highest[name] = max(highest.get(name, 0), int(entry))
    for name, value in highest.items():
        if value > (sequences.last_value(s, name) or 0):
            sequences.set_value(s, name, value)


def _audit_tail(sessions: Sessions, conn: Connection, me: str) -> tuple[int, bool]:
    """Take the centre's audit entries after the local head, when the local
    log is a prefix of the centre's chain; (taken, whether the logs now agree)."""
    with sessions() as s:
        head = s.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    with conn.begin():
        bodies = audit_after(conn, me, head or GENESIS)
        count, central_head = conn.execute(
            select(counters.c.audit_count, counters.c.audit_head).where(counters.c.uuid == me)
        ).one()
    taken = continuity.adopt_centre_audit(sessions, bodies) if bodies else 0
    if not count:
        return taken, True
    # Whole when the centre's head is in the local log: every entry the
    # centre holds is here, whatever was written here since.
    with sessions() as s:
        found = s.scalar(select(AuditEntry.id).where(AuditEntry.hash == central_head))
    return taken, found is not None


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
