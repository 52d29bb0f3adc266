"""Sync use cases for the CLI and the window: connect, one round, status."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.domain.errors import Forbidden
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.workflow import Role, role_label
from counter_app.models import AuditEntry, OutboxEntry, SyncIssue, SyncState
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext
from counter_app.services.setup import LEGACY_UNIT_NAME, get_counter, setup_counter
from counter_app.sync.central_link import central_engine as central_engine
from counter_app.sync.central_link import central_session
from counter_app.sync.code_blocks import top_up
from counter_app.sync.errors import (
    CentralUnreachable,
    NotConnected,
    NotRegistered,
)
from counter_app.sync.file_upload import UploadReport, pending_files, upload_files
from counter_app.sync.number_floor import raise_past_centre
from counter_app.sync.pull import PullReport, pull, resync
from counter_app.sync.pull_reasons import PULL_REASONS, REASON_CONTEXT, USER_NOTICES
from counter_app.sync.push import PushReport, push
from counter_app.sync.reclaim import reclaim_if_restored
from counter_app.sync.signature_extension import ExtensionReport, extend_queued
from counter_app.sync.signature_extension import waiting as signatures_waiting
from counter_app.wire import connection_file as settings_file
from counter_app.wire.central_tables import counters
from counter_app.wire.connection_file import CentralSettings
from counter_app.wire.registration_request import RegistrationRequest

log = logging.getLogger(__name__)
_ROLES = frozenset(r.value for r in Role)
LAST_SUCCESS_KEY = "last_success"


def registration_request(ctx: ServiceContext) -> RegistrationRequest | None:
    """What the province's IT staff need to register this counter under the
    identity it has (its uuid), so the connection file they make fits it."""
    counter = get_counter(ctx)
    if counter is None:
        return None
    return RegistrationRequest(
        counter_uuid=counter.uuid,
        agency_id=counter.agency_id,
        agency_name=counter.agency_name,
        unit_name=counter.unit_name,
        counter_name=counter.counter_name,
        parent_name=counter.parent_name,
        place=counter.place,
        phone=counter.phone,
    )


def connect(
    ctx: ServiceContext, directory: Path, path: Path, actor: Actor | None = None
) -> CentralSettings:
    """Adopt a connection file: set the counter up from it (or check it is this
    counter), keep a private copy beside the database.

    A counter already set up takes a new file from its administrator only
    (``actor``); a fresh one has no official yet, and is set up from the file.
    """
    settings = settings_file.parse(path)
    counter = get_counter(ctx)
    admin = _check_admin(ctx, actor) if counter is not None else None
    if counter is None:
        setup_counter(
            ctx,
            agency_id=settings.agency_id,
            agency_name=settings.agency_name,
            unit_name=settings.unit_name or LEGACY_UNIT_NAME,
            counter_name=settings.counter_name,
            parent_name=settings.parent_name,
            place=settings.place,
            phone=settings.phone,
            code_slot=settings.code_slot,
            ledger_book=settings.ledger_book,
            counter_uuid=settings.counter_uuid,
        )
    elif counter.uuid != settings.counter_uuid:
        raise UserError(
            Message(
                "Sync",
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "This connection file was made for another counter; ask the IT staff for "
                    "the file of this counter ({counter}, identity {uuid}): give them its "
                    "registration request (Central connection \u203a Export a registration "
                    "request).",
                ),
                {"counter": counter.counter_name, "uuid": counter.uuid},
            )
        )
    if admin is None:
        settings_file.write(directory / settings_file.SETTINGS_FILENAME, settings)
        return settings

    def record(session: Session) -> None:
        audit.log_event(
            session,
            ctx,
            admin.username,
            "sync.connect",
            f"counter:{settings.counter_uuid}",
            {"counter_name": settings.counter_name, "agency_id": settings.agency_id},
        )
        settings_file.write(directory / settings_file.SETTINGS_FILENAME, settings)

    ctx.sessions.write(record)
    return settings


def _check_admin(ctx: ServiceContext, actor: Actor | None) -> Actor:
    if actor is None:
        raise Forbidden(
            Message(
                "Sync",
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "This counter is set up already: only its administrator may import a "
                    "connection file (with the CLI, name them with --by USER).",
                ),
            )
        )
    with ctx.sessions() as session:
        acting_user(session, actor, role=Role.ADMIN)
    return actor


@dataclass(frozen=True)
class CentralCheck:
    """What a test of the connection found at the centre."""

    counter_name: str
    last_push_at: datetime | None
    round_trip_ms: int


def check_connection(ctx: ServiceContext, actor: Actor, directory: Path) -> CentralCheck:
    """A real round trip with the stored connection; refused with one sentence."""
    _check_admin(ctx, actor)
    settings = _settings(directory)
    started = time.monotonic()
    with central_session(settings) as engine, engine.connect() as conn:
        row = conn.execute(
            select(counters.c.counter_name, counters.c.last_push_at).where(
                counters.c.uuid == settings.counter_uuid
            )
        ).first()
    if row is None:
        raise NotRegistered()
    return CentralCheck(str(row[0]), row[1], round((time.monotonic() - started) * 1000))


def _settings(directory: Path) -> CentralSettings:
    settings = settings_file.stored(directory)
    if settings is None:
        raise NotConnected()
    return settings


@dataclass(frozen=True)
class SyncReport:
    push: PushReport
    pull: PullReport
    files: UploadReport = field(default_factory=UploadReport)
    signatures: ExtensionReport = field(default_factory=ExtensionReport)


def sync_once(
    ctx: ServiceContext,
    directory: Path,
    progress: Callable[[int], None] | None = None,
    *,
    silent_s: float | None = None,
) -> SyncReport:
    """One push then one pull; CentralUnreachable when there is no round trip
    (CentralSilent when the link went quiet for ``silent_s``, at most SILENT_LINK_S)."""
    settings = _settings(directory)
    # First, off the central link: an extended paper's row and file then go
    # in this same round.
    signatures = extend_queued(ctx, directory)
    with central_session(settings, silent_s) as engine, engine.connect() as conn:
        # Issue 16, point 5: after a restore, the centre's copies of this
        # counter's records come back before anything is pushed or received.
        reclaim_if_restored(ctx, conn, settings.counter_uuid)
        pushed = push(ctx.sessions, conn, settings.counter_uuid, progress=progress)
        pulled = pull(ctx.sessions, conn)
        # After the pull: it may have moved this counter to another slot or book.
        raise_past_centre(ctx, conn)
        # After the pull: the catalogue it brought names the authorities.
        top_up(ctx.sessions, conn)
        # Last: the rows that name the files are at the centre, and a long
        # upload cut halfway costs the round nothing else.
        files = upload_files(ctx, conn)
    _stamp(ctx)
    if pulled.applied:
        ctx.invalidate_calendar()
    log.info("Sync: %d sent, %d refused, %d received", pushed.sent, pushed.refused, pulled.applied)
    return SyncReport(pushed, pulled, files, signatures)


def resync_all(ctx: ServiceContext, directory: Path) -> PullReport:
    settings = _settings(directory)
    with central_session(settings) as engine, engine.connect() as conn:
        reclaim_if_restored(ctx, conn, settings.counter_uuid)  # issue 16, point 5
        report = resync(ctx.sessions, conn)
        after = pull(ctx.sessions, conn)
        report.applied += after.applied
        report.conflicts += after.conflicts
    ctx.invalidate_calendar()
    return report


def reachable(directory: Path) -> bool:
    """A real round trip to the central database."""
    settings = settings_file.stored(directory)
    if settings is None:
        return False
    try:
        with central_session(settings) as engine, engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (CentralUnreachable, DBAPIError):
        return False
    return True


def _stamp(ctx: ServiceContext) -> None:
    def stamp(s: Session) -> None:
        row = s.get(SyncState, LAST_SUCCESS_KEY)
        value = ctx.now().isoformat()
        if row is None:
            s.add(SyncState(key=LAST_SUCCESS_KEY, value=value))
        else:
            row.value = value

    ctx.sessions.write(stamp)


@dataclass(frozen=True)
class IssueInfo:
    """A record sync could not apply, as the official is shown it.

    ``reason`` is the English source; ``message`` the translatable sentence
    (with ``params`` filled in). ``record`` names the dossier by its code when
    the issue is about one.
    """

    direction: str
    kind: str
    row_uuid: str
    reason: str
    at: datetime
    record: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> Message:
        return Message(REASON_CONTEXT, self.reason, self.params)


def _issue_info(issue: SyncIssue) -> IssueInfo:
    central = issue.central_payload if isinstance(issue.central_payload, dict) else {}
    local = issue.local_payload if isinstance(issue.local_payload, dict) else {}
    record = ""
    if issue.kind == "dossier":
        # The code it has here first: a centre's body may carry a wrong one.
        record = str(local.get("code") or central.get("code") or "")
    params: dict[str, Any] = {}
    if issue.direction == "pull" and issue.reason in USER_NOTICES:
        record = str(local.get("username") or "")
        params = {
            "official": record,
            "roles": [role_label(Role(r)) for r in local.get("roles", []) if r in _ROLES],
            "title": str(local.get("title") or ""),
            "was": str(local.get("was") or ""),
        }
    elif issue.direction == "pull" and issue.reason in PULL_REASONS:
        params = {
            "code": str(central.get("code") or ""),
            "procedure": str(central.get("procedure_code") or ""),
        }
    # A notice was applied: it is shown as such, not as a record held back.
    direction = "notice" if issue.reason in USER_NOTICES else issue.direction
    return IssueInfo(direction, issue.kind, issue.row_uuid, issue.reason, issue.at, record, params)


@dataclass(frozen=True)
class SyncStatus:
    connected: bool
    waiting: int
    last_success: datetime | None
    issues: list[IssueInfo]
    # Files of this counter's papers the centre does not hold whole yet.
    files_pending: int = 0
    # Signatures made offline not extended to B-LT yet.
    signatures_waiting: int = 0


def status(ctx: ServiceContext, directory: Path) -> SyncStatus:
    """What the status bar and `sync status` show; reads the local database only."""
    with ctx.sessions() as s:
        waiting = s.scalar(select(func.count()).select_from(OutboxEntry)) or 0
        last = s.get(SyncState, LAST_SUCCESS_KEY)
        issues = [
            _issue_info(i)
            for i in s.scalars(
                select(SyncIssue).where(SyncIssue.resolved_at.is_(None)).order_by(SyncIssue.id)
            )
        ]
    return SyncStatus(
        settings_file.stored(directory) is not None,
        waiting,
        datetime.fromisoformat(last.value) if last else None,
        issues,
        pending_files(ctx),
        signatures_waiting(ctx),
    )


@dataclass(frozen=True)
class CentralAuditCheck:
    """The local chain against the head the centre verified and kept."""

    central_count: int
    central_head: str
    local_hash_there: str | None

    @property
    def ok(self) -> bool:
        return self.central_count == 0 or self.local_hash_there == self.central_head


def check_audit_with_centre(ctx: ServiceContext, directory: Path) -> CentralAuditCheck | None:
    """None when the counter is not connected or the centre is out of reach.

    A deleted tail leaves the local chain shorter than what the centre already
    holds; a re-chained log has another hash where the centre's head was.
    """
    settings = settings_file.stored(directory)
    if settings is None:
        return None
    try:
        with central_session(settings) as engine, engine.connect() as conn:
            row = conn.execute(
                select(counters.c.audit_count, counters.c.audit_head).where(
                    counters.c.uuid == settings.counter_uuid
                )
            ).first()
    except CentralUnreachable:
        return None
    if row is None:
        return None
    count, head = int(row[0]), str(row[1])
    with ctx.sessions() as s:
        there = (
            s.scalars(
                select(AuditEntry.hash).order_by(AuditEntry.id).offset(count - 1).limit(1)
            ).first()
            if count
            else None
        )
    return CentralAuditCheck(count, head, there)
