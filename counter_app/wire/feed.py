"""The centre's change feed as a counter reads it: what counters pull
(catalogue, officials, days off, code slots, online dossiers, departments'
notes), and where a reader may safely stop.

A change is a row of ``central_changes`` written in the same transaction as
the change itself (counter_app/centre/feed.py writes it). Its position is
``(xid, id)``: the writing transaction's id and a serial. A reader takes only
rows whose ``xid`` lies below the oldest transaction still running
(``pg_snapshot_xmin``); every transaction below that has ended, so no row can
later appear behind a cursor. A plain serial cursor would skip a transaction
that took its number early and committed late.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class Change:
    xid: str
    id: int
    kind: str
    row_uuid: str
    body: dict[str, Any]


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
