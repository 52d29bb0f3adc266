"""The centre's change feed: what counters pull (catalogue, officials, days
off, code slots, online dossiers, departments' notes).

A change is a row of ``central_changes`` written in the same transaction as
the change itself. Its position is ``(xid, id)``: the writing transaction's
id and a serial. A reader takes only rows whose ``xid`` lies below the oldest
transaction still running (``pg_snapshot_xmin``); every transaction below that
has ended, so no row can later appear behind a cursor. A plain serial cursor
would skip a transaction that took its number early and committed late.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

MIN_RETENTION_DAYS = 60


@dataclass(frozen=True)
class Change:
    xid: str
    id: int
    kind: str
    row_uuid: str
    body: dict[str, Any]


def emit(
    conn: Connection,
    kind: str,
    row_uuid: str,
    body: dict[str, Any],
    *,
    agency_id: str | None = None,
    counter_uuid: str | None = None,
) -> None:
    """Record a change for the counters it is addressed to (None: all)."""
    conn.execute(
        text(
            "INSERT INTO central_changes (agency_id, counter_uuid, kind, row_uuid, body) "
            "VALUES (:agency, :counter, :kind, :row, CAST(:body AS jsonb))"
        ),
        {
            "agency": agency_id,
            "counter": counter_uuid,
            "kind": kind,
            "row": row_uuid,
            "body": json.dumps(body, ensure_ascii=False),
        },
    )


def read(conn: Connection, cursor: tuple[str, int], limit: int) -> list[Change]:
    """Changes after ``cursor`` that can no longer be preceded by another.

    Row-level security narrows them to the reader's agency and counter.
    """
    rows = conn.execute(
        text(
            "SELECT xid::text, id, kind, row_uuid, body FROM central_changes "
            "WHERE (xid > CAST(:xid AS xid8) OR (xid = CAST(:xid AS xid8) AND id > :id)) "
            "AND xid < pg_snapshot_xmin(pg_current_snapshot()) "
            "ORDER BY xid, id LIMIT :limit"
        ),
        {"xid": cursor[0], "id": cursor[1], "limit": limit},
    ).all()
    return [Change(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def horizon(conn: Connection) -> str:
    """The position below which every change is final, for a resync's cursor."""
    return str(conn.execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")).scalar())


def behind_retention(conn: Connection, cursor: tuple[str, int]) -> bool:
    """True when a change after ``cursor`` was already pruned: only a resync helps."""
    return bool(
        conn.execute(
            text(
                "SELECT (pruned_xid, pruned_id) > (CAST(:xid AS xid8), CAST(:id AS bigint)) "
                "FROM central_feed_meta"
            ),
            {"xid": cursor[0], "id": cursor[1]},
        ).scalar()
    )


def prune(conn: Connection, days: int | None = None) -> int:
    """Drop changes older than the retention (at least 60 days); return how many.

    The newest pruned position is kept, so a counter whose cursor lies before
    it learns that only a resync can bring it up to date.
    """
    if days is not None and days < MIN_RETENTION_DAYS:
        raise UserError(
            Message(
                "Central",
                QT_TRANSLATE_NOOP(
                    "Central",
                    "Changes are kept at least {days} days, so a counter back from a long "
                    "outage can still catch up.",
                ),
                {"days": MIN_RETENTION_DAYS},
            )
        )
    retention = int(
        days
        if days is not None
        else conn.execute(text("SELECT retention_days FROM central_feed_meta")).scalar_one()
    )
    return int(
        conn.execute(
            text(
                "WITH cut AS (DELETE FROM central_changes "
                "WHERE at < now() - make_interval(days => :days) RETURNING xid, id), "
                "newest AS (SELECT xid, id FROM cut ORDER BY xid DESC, id DESC LIMIT 1), "
                "moved AS (UPDATE central_feed_meta m SET pruned_xid = n.xid, pruned_id = n.id "
                "FROM newest n WHERE (n.xid, n.id) > (m.pruned_xid, m.pruned_id)) "
                "SELECT count(*) FROM cut"
            ),
            {"days": retention},
        ).scalar_one()
    )
