"""Push: the counter's outbox to the centre, exactly once in effect.

Each batch is applied in one PostgreSQL transaction that also moves the
counter's high-water mark. Local entries are removed only afterwards, in a
local transaction, up to the mark the centre confirms; when the answer is
lost, the next push reads the mark first and carries on from there.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, CursorResult, Engine, Text, delete, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.models import OutboxEntry, SyncIssue
from counter_app.storage import Sessions
from counter_app.sync.errors import NotRegistered
from counter_app.sync.push_batch import apply_batch
from counter_app.wire.batch import Entry
from counter_app.wire.central_tables import counters, quarantine

BATCH = 5000


@dataclass
class PushReport:
    sent: int = 0
    refused: int = 0
    high_water: int = 0


def _issue_uuid(counter_uuid: str, seq: int) -> str:
    # The same refusal learnt twice (answer lost, then read back) is one issue.
    return str(uuid.uuid5(uuid.NAMESPACE_OID, f"push:{counter_uuid}:{seq}"))


@contextmanager
def central_connection(bind: Engine | Connection) -> Iterator[Connection]:
    """One connection for a whole round: a new one per batch costs a TCP and
    authentication handshake each time."""
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.connect() as conn:
            yield conn


def acknowledge(
    sessions: Sessions, bind: Engine | Connection, counter_uuid: str
) -> tuple[int, int]:
    """Learn the centre's high-water mark; clear what it holds, keeping what it
    quarantined as local issues. Returns (high-water, entries cleared)."""
    with sessions() as s:
        lowest = s.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq).limit(1))
    with central_connection(bind) as conn, conn.begin():
        high_water = conn.execute(
            select(counters.c.high_water).where(counters.c.uuid == counter_uuid)
        ).scalar()
        if high_water is None:
            raise NotRegistered()
        refused = (
            conn.execute(
                select(quarantine).where(
                    quarantine.c.counter_uuid == counter_uuid,
                    quarantine.c.seq >= lowest,
                    quarantine.c.seq <= high_water,
                )
            ).all()
            if lowest is not None and lowest <= high_water
            else []
        )
    if lowest is None or lowest > high_water:
        return high_water, 0
    return high_water, _clear(sessions, counter_uuid, high_water, refused)


def _clear(sessions: Sessions, counter_uuid: str, high_water: int, refused: Sequence[Any]) -> int:
    """Drop the entries the centre holds, in one local transaction; keep what
    it refused (rows of central_quarantine, or Refusals) as local issues."""
    now = datetime.now().replace(microsecond=0)

    def clear(s: Session) -> int:
        known = set(
            s.scalars(
                select(SyncIssue.uuid).where(
                    SyncIssue.uuid.in_([_issue_uuid(counter_uuid, r.seq) for r in refused])
                )
            )
        )
        for r in refused:
            issue_uuid = _issue_uuid(counter_uuid, r.seq)
            if issue_uuid not in known:
                s.add(
                    SyncIssue(
                        uuid=issue_uuid,
                        direction="push",
                        kind=r.kind,
                        row_uuid=r.row_uuid,
                        seq=r.seq,
                        reason=r.reason,
                        local_payload=r.incoming,
                        central_payload=r.existing,
                        at=now,
                    )
                )
        done = s.execute(delete(OutboxEntry).where(OutboxEntry.seq <= high_water))
        return int(cast(CursorResult[Any], done).rowcount)

    return sessions.write(clear)


def read_entries(sessions: Sessions, after: int, limit: int) -> list[Entry]:
    """The next ``limit`` entries above ``after``, in seq order, each payload as
    the JSON text it was stored as (not parsed: the centre parses it)."""
    with sessions() as s:
        return [
            Entry(*row)
            for row in s.execute(
                select(
                    OutboxEntry.seq,
                    OutboxEntry.kind,
                    OutboxEntry.row_uuid,
                    OutboxEntry.version,
                    type_coerce(OutboxEntry.payload, Text),
                )
                .where(OutboxEntry.seq > after)
                .order_by(OutboxEntry.seq)
                .limit(limit)
            )
        ]


def push(
    sessions: Sessions,
    bind: Engine | Connection,
    counter_uuid: str,
    *,
    batch: int = BATCH,
    progress: Callable[[int], None] | None = None,
) -> PushReport:
    report = PushReport()
    with central_connection(bind) as conn, ThreadPoolExecutor(1, "push-local") as local:
        report.high_water, _ = acknowledge(sessions, conn, counter_uuid)
        entries = read_entries(sessions, 0, batch)
        # A full batch may have more behind it: then the local side runs beside
        # the centre's. While the centre applies a batch, one worker thread
        # reads the next from SQLite and clears the one before (local
        # transactions of their own; SQLite's work runs outside the GIL).
        # Entries are still cleared only after the centre's commit. A round
        # that fits in one batch has nothing to run beside.
        beside = len(entries) == batch
        cleared: list[Future[int]] = []
        while entries:
            after = entries[-1].seq
            upcoming = local.submit(read_entries, sessions, after, batch) if beside else None
            with conn.begin():
                # Two pushes of one counter run one after the other (the
                # function locks the counter's row); entries at or below the
                # centre's mark are replays and change nothing.
                answer = apply_batch(conn, entries)
            refusals = answer.refusals
            # Committed at the centre: clear what it now holds. Should this
            # answer be lost, the next round's acknowledge() does the same.
            report.high_water = answer.high_water
            clear = (sessions, counter_uuid, report.high_water, refusals)
            if beside:
                cleared.append(local.submit(_clear, *clear))
            else:
                _clear(*clear)
            report.sent += answer.applied
            report.refused += len(refusals)
            if progress is not None:
                progress(report.sent)
            entries = upcoming.result() if upcoming else read_entries(sessions, after, batch)
        for done in cleared:
            done.result()  # a local failure is the caller's, as before
    return report
