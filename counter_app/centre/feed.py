"""The centre's side of the change feed: writing a change in the same
transaction as what it announces, and pruning old ones. How counters read it
is counter_app/wire/feed.py.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, text

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError

MIN_RETENTION_DAYS = 60


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
