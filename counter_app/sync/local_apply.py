"""Applying the centre's changes to the counter's database, idempotently.

Runs in the pull's local transaction with the outbox hook switched off: what
the centre sends is not sent back. A change that meets a row with unsynced
local edits is not applied: it becomes a conflict, both versions kept.

Each change is applied in its own savepoint and checked before it is written:
the desk trusts the centre's data no more than the centre trusts the desk's.
A change this counter cannot apply (unreadable, contradicting itself, or
clashing with a record kept here) becomes a sync issue and the feed goes on;
one bad row must never hold back the officials, days off and notes behind it.
A later change of the same row that applies resolves its issue.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError
from sqlalchemy.orm import Session

from counter_app.domain.catalogue.document import spec_from_entry
from counter_app.domain.messages import UserError
from counter_app.models import CalendarDay, CentralNote, CounterIdentity, SyncIssue
from counter_app.services.catalogue import upsert_specs
from counter_app.services.setup import change_ledger_book
from counter_app.sync.pull_reasons import REFUSED_HERE, UNREADABLE, UNSYNCED_LOCAL_EDIT, Refused
from counter_app.sync.pulled_dossiers import apply_dossier
from counter_app.sync.pulled_officials import apply_user
from counter_app.wire.feed import Change

log = logging.getLogger(__name__)

_OPEN_ROWS = "counter_app_open_pull_issues"


def _open_rows(session: Session) -> set[tuple[str, str]]:
    """Rows with an open pull issue that a clean apply would resolve, read
    once per session: most pulls have none, and then cost no query per change."""
    rows = session.info.get(_OPEN_ROWS)
    if rows is None:
        rows = {
            (kind, row_uuid)
            for kind, row_uuid in session.execute(
                select(SyncIssue.kind, SyncIssue.row_uuid).where(
                    SyncIssue.direction == "pull",
                    SyncIssue.reason != UNSYNCED_LOCAL_EDIT,
                    SyncIssue.resolved_at.is_(None),
                )
            )
        }
        session.info[_OPEN_ROWS] = rows
    return rows


def _issue(session: Session, change: Change, reason: str, local: dict[str, Any] | None) -> None:
    """Record that ``change`` was not applied.

    The same change delivered again (a cut pull, a resync) updates the open
    issue of its row instead of adding one.
    """
    log.warning("Feed change %s %s not applied: %s", change.kind, change.row_uuid, reason)
    if reason != UNSYNCED_LOCAL_EDIT:
        _open_rows(session).add((change.kind, change.row_uuid))
    open_issue = session.scalars(
        select(SyncIssue).where(
            SyncIssue.direction == "pull",
            SyncIssue.kind == change.kind,
            SyncIssue.row_uuid == change.row_uuid,
            SyncIssue.reason == reason,
            SyncIssue.resolved_at.is_(None),
        )
    ).first()
    if open_issue is not None:
        open_issue.central_payload = change.body
        open_issue.local_payload = local
        return
    session.add(
        SyncIssue(
            direction="pull",
            kind=change.kind,
            row_uuid=change.row_uuid,
            seq=None,
            reason=reason,
            local_payload=local,
            central_payload=change.body,
            at=datetime.now().replace(microsecond=0),
        )
    )


def _resolve(session: Session, change: Change) -> None:
    """The row is applied now: what kept it from applying before is over.

    A conflict stays: it keeps a version of the centre's that was set aside.
    """
    key = (change.kind, change.row_uuid)
    open_rows = _open_rows(session)
    if key not in open_rows:
        return
    open_rows.discard(key)
    session.execute(
        update(SyncIssue)
        .where(
            SyncIssue.direction == "pull",
            SyncIssue.kind == change.kind,
            SyncIssue.row_uuid == change.row_uuid,
            SyncIssue.reason != UNSYNCED_LOCAL_EDIT,
            SyncIssue.resolved_at.is_(None),
        )
        .values(resolved_at=datetime.now().replace(microsecond=0))
        .execution_options(synchronize_session=False)
    )


def _procedure(session: Session, change: Change, central_code: str | None) -> None:
    upsert_specs(session, [spec_from_entry(change.body)])


def _calendar_day(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    day = date.fromisoformat(b["day"])
    row = session.scalars(select(CalendarDay).where(CalendarDay.day == day)).first()
    if row is None:
        row = CalendarDay(day=day)
        session.add(row)
    row.working = bool(b["working"])
    row.name = b["name"]


def _counter(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    counter = session.scalars(select(CounterIdentity)).first()
    if counter is None or counter.uuid != b["uuid"]:
        return
    # The slot takes effect at once: the day's numbers jump into its range
    # (domain/codes.next_sequence). The book waits for the day's end.
    counter.code_slot = int(b["code_slot"])
    change_ledger_book(session, counter, b["ledger_book"])
    counter.counter_name = b["counter_name"]
    counter.agency_name = b["agency_name"]
    # A body from before the unit's name travelled keeps the counter's own.
    counter.unit_name = b.get("unit_name") or counter.unit_name


def _note(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    if session.scalar(select(CentralNote.id).where(CentralNote.uuid == b["uuid"])) is None:
        session.add(
            CentralNote(
                uuid=b["uuid"],
                dossier_uuid=b["dossier_uuid"],
                department=b["department"],
                text=b["text"],
                at=datetime.fromisoformat(b["at"]),
            )
        )


_APPLY = {
    "procedure": _procedure,
    "user": apply_user,
    "calendar_day": _calendar_day,
    "counter": _counter,
    "dossier": apply_dossier,
    "note": _note,
}


# What a malformed body raises while it is read or written; anything else (a
# locked or full disk) ends the pull, to be tried again.
_UNREADABLE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, UserError)


def apply_change(session: Session, change: Change, central_code: str | None = None) -> bool:
    """Apply one change in its own savepoint; True when applied.

    A change that cannot be applied is rolled back alone and recorded as a
    sync issue. ``central_code`` is the dossier's code column at the centre,
    when the pull read it, for a body that may contradict it.
    """
    handler = _APPLY.get(change.kind)
    if handler is None:
        log.warning("Unknown feed change kind %s; skipped", change.kind)
        return False
    local: dict[str, Any] | None = None
    try:
        with session.begin_nested():
            if not isinstance(change.body, dict):
                raise Refused(UNREADABLE)
            notices = handler(session, change, central_code) or []
            session.flush()
    except Refused as refused:
        reason, local = refused.reason, refused.local
    except (IntegrityError, DataError):
        reason = REFUSED_HERE
    except DBAPIError:
        raise
    except (StatementError, *_UNREADABLE_ERRORS):
        reason = UNREADABLE
    else:
        _resolve(session, change)
        for notice in notices:
            _issue(session, change, notice.reason, notice.local)
        return True
    _issue(session, change, reason, local)
    return False
