"""Pull: the centre's change feed applied to the counter.

The cursor moves only in the local transaction that applies the changes, and
never backwards, so two pulls at once or a pull cut mid-download leave it
where the applied changes are. Applying is idempotent: a change delivered
twice changes nothing the second time.

A change the counter cannot apply does not hold the cursor: it is rolled back
alone and kept as a sync issue (sync/local_apply.py), and the changes after
it are applied in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.orm import Session

from counter_app.models import SyncIssue, SyncState
from counter_app.storage import Sessions
from counter_app.sync.errors import ResyncNeeded
from counter_app.sync.local_apply import apply_change
from counter_app.sync.outbox import APPLYING_FEED
from counter_app.sync.pull_reasons import USER_NOTICES
from counter_app.sync.push import central_connection
from counter_app.wire import feed
from counter_app.wire.central_tables import dossiers
from counter_app.wire.feed import Change
from counter_app.writer import let_others_run

CURSOR_KEY = "feed_cursor"
BATCH = 1000


@dataclass
class PullReport:
    applied: int = 0
    conflicts: int = 0


def _position(cursor: tuple[str, int]) -> tuple[int, int]:
    return int(cursor[0]), cursor[1]


def read_cursor(session: Session) -> tuple[str, int] | None:
    row = session.get(SyncState, CURSOR_KEY)
    if row is None:
        return None
    xid, _, change_id = row.value.partition(":")
    return xid, int(change_id)


def _write_cursor(session: Session, cursor: tuple[str, int]) -> None:
    value = f"{cursor[0]}:{cursor[1]}"
    row = session.get(SyncState, CURSOR_KEY)
    if row is None:
        session.add(SyncState(key=CURSOR_KEY, value=value))
    else:
        row.value = value


def _issues(s: Session) -> int:
    # A notice is a change applied, with words for the official: not a conflict.
    return (
        s.scalar(
            select(func.count()).select_from(SyncIssue).where(SyncIssue.reason.not_in(USER_NOTICES))
        )
        or 0
    )


def _apply(
    sessions: Sessions,
    changes: Iterable[Change],
    end: tuple[str, int],
    codes: Mapping[str, str],
) -> PullReport:
    """Apply changes past the stored cursor and move it to ``end``, in one transaction.

    ``applied`` counts the changes applied; ``conflicts`` the new issues, for
    the changes that were not.
    """

    def apply(s: Session) -> PullReport:
        current = read_cursor(s)
        here = _position(current) if current else (-1, -1)
        report = _apply_each(s, [c for c in changes if (int(c.xid), c.id) > here], codes)
        if _position(end) > here:
            _write_cursor(s, end)
        return report

    return sessions.write(apply)


def _apply_each(s: Session, changes: Iterable[Change], codes: Mapping[str, str]) -> PullReport:
    """Apply each change on its own; one that cannot be applied becomes an issue."""
    s.info[APPLYING_FEED] = True
    report = PullReport()
    before = _issues(s)
    for change in changes:
        code = codes.get(change.row_uuid) if change.kind == "dossier" else None
        if apply_change(s, change, code):
            report.applied += 1
        let_others_run()
    report.conflicts = _issues(s) - before
    return report


def _central_codes(conn: Connection, changes: Iterable[Change]) -> dict[str, str]:
    """The code column of the dossiers the changes carry: a body may say otherwise."""
    uuids = sorted({c.row_uuid for c in changes if c.kind == "dossier"})
    if not uuids:
        return {}
    rows = conn.execute(select(dossiers.c.uuid, dossiers.c.code).where(dossiers.c.uuid.in_(uuids)))
    return {str(u): str(c) for u, c in rows}


def pull(sessions: Sessions, bind: Engine | Connection, *, batch: int = BATCH) -> PullReport:
    total = PullReport()
    with central_connection(bind) as conn:
        while True:
            with sessions() as s:
                cursor = read_cursor(s)
            if cursor is None:
                # Never pulled: the first download is the whole current state.
                total.applied += resync(sessions, conn).applied
                continue
            with conn.begin():
                if feed.behind_retention(conn, cursor):
                    raise ResyncNeeded()
                changes = feed.read(conn, cursor, batch)
                codes = _central_codes(conn, changes)
            if not changes:
                return total
            last = changes[-1]
            step = _apply(sessions, changes, (last.xid, last.id), codes)
            total.applied += step.applied
            total.conflicts += step.conflicts


def _snapshot(conn: Connection) -> list[Change]:
    """Everything the counter should hold now, read in one repeatable snapshot."""
    out: list[Change] = []

    def add(kind: str, sql: str) -> None:
        for key, body in conn.execute(text(sql)):
            out.append(Change("0", 0, kind, str(key), body))

    add(
        "counter",
        "SELECT uuid, json_build_object('uuid', uuid, 'agency_id', agency_id, "
        "'agency_name', agency_name, 'counter_name', counter_name, 'code_slot', code_slot, "
        "'ledger_book', ledger_book) FROM central_counters",
    )
    add("procedure", "SELECT code, body FROM central_procedures ORDER BY code")
    add("user", "SELECT uuid, body FROM central_users ORDER BY username")
    add(
        "calendar_day",
        "SELECT day::text, json_build_object('day', day::text, "
        "'working', working, 'name', name) FROM central_calendar_days ORDER BY day",
    )
    add(
        "dossier",
        "SELECT uuid, body || jsonb_build_object('version', version) "
        "FROM central_dossiers WHERE owner_counter_uuid IS NULL ORDER BY received_at",
    )
    add(
        "note",
        "SELECT n.uuid, to_jsonb(n) - 'at' || jsonb_build_object('at', "
        "to_char(n.at, 'YYYY-MM-DD\"T\"HH24:MI:SS')) FROM central_notes n "
        "JOIN central_dossiers d ON d.uuid = n.dossier_uuid "
        "WHERE d.owner_counter_uuid = central_my_counter()",
    )
    return out


def resync(sessions: Sessions, bind: Engine | Connection) -> PullReport:
    """Download the centre's current state and restart the feed from now."""
    with central_connection(bind) as conn, conn.begin():
        conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        horizon = feed.horizon(conn)
        changes = _snapshot(conn)
        codes = _central_codes(conn, changes)
    # Every change below the horizon is in the snapshot; those from it on
    # are read again by the next pull (applying twice changes nothing). A
    # row that cannot be applied is kept as an issue, as in a pull.

    def apply(s: Session) -> PullReport:
        report = _apply_each(s, changes, codes)
        _write_cursor(s, (horizon, 0))
        return report

    return sessions.write(apply)
