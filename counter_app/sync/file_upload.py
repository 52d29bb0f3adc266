"""The desk's files reach the centre (issue 18, point 6), after the rows that
name them: content-addressed (a file the centre holds already is not sent
again, whoever sent it), resumable (the centre says which chunks it holds;
only the others are sent, each in its own transaction), each chunk checked by
its SHA-256 on arrival and the whole file by the centre before it is marked
complete. ``StoredFile.uploaded_at`` is set only once the centre says so.

A file is sent only when every paper of this counter that names it has left
the outbox: the centre refuses a file no paper of the agency names, so a row
always arrives before its file, never the other way round.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, func, select, text, update
from sqlalchemy.exc import DBAPIError

from counter_app.files.store import sha256_of
from counter_app.models import (
    CounterIdentity,
    DigitisedPaper,
    Dossier,
    OutboxEntry,
    StoredFile,
    SyncIssue,
)
from counter_app.services.context import ServiceContext
from counter_app.wire import files as wire

log = logging.getLogger(__name__)

_STATE = text("SELECT central_file_state(:sha, :size)")
_PUT = text("SELECT central_file_put(:sha, :size, :chunk_size, :n, :data, :chunk_sha)")
_COMPLETE = text("SELECT central_file_complete(:sha, :size)")


@dataclass
class UploadReport:
    """One round's files: confirmed whole at the centre, bytes sent, and files
    the centre would not take this round (their rows refused, or damaged)."""

    confirmed: int = 0
    bytes_sent: int = 0
    refused: int = 0


def _mine() -> Any:
    # A scalar subquery: a database not set up yet has no counter, and no paper.
    return DigitisedPaper.counter_uuid == select(CounterIdentity.uuid).scalar_subquery()


def pending_files(ctx: ServiceContext, dossier_code: str | None = None) -> int:
    """Files of this counter's papers the centre does not hold whole yet (all
    of them, or of one dossier): what the window shows as "files pending"."""
    with ctx.sessions() as s:
        query = (
            select(func.count(func.distinct(StoredFile.sha256)))
            .join(DigitisedPaper, DigitisedPaper.sha256 == StoredFile.sha256)
            .where(StoredFile.uploaded_at.is_(None), _mine())
        )
        if dossier_code is not None:
            query = query.join(Dossier, Dossier.id == DigitisedPaper.dossier_id).where(
                Dossier.code == dossier_code
            )
        return int(s.scalar(query) or 0)


def _ready(ctx: ServiceContext) -> list[tuple[str, int]]:
    """Files to send: not confirmed, named by a paper of this counter that the
    centre took, and by no paper still waiting in the outbox (the row goes
    first; a file only a refused paper names would be refused too)."""
    with ctx.sessions() as s:
        waiting = DigitisedPaper.uuid.in_(
            select(OutboxEntry.row_uuid).where(OutboxEntry.kind == "paper")
        )
        refused = DigitisedPaper.uuid.in_(
            select(SyncIssue.row_uuid).where(
                SyncIssue.direction == "push", SyncIssue.kind == "paper"
            )
        )
        rows = s.execute(
            select(StoredFile.sha256, StoredFile.size)
            .where(
                StoredFile.uploaded_at.is_(None),
                StoredFile.sha256.in_(
                    select(DigitisedPaper.sha256).where(_mine(), ~waiting, ~refused)
                ),
                StoredFile.sha256.not_in(select(DigitisedPaper.sha256).where(waiting)),
            )
            .order_by(StoredFile.stored_at)
        ).all()
    return [(str(sha), int(size)) for sha, size in rows]


def _chunks(path: Path, chunk_size: int, wanted: list[int]) -> Iterator[tuple[int, bytes, str]]:
    """Each wanted chunk with its SHA-256, read and hashed one ahead on a
    thread of its own while the centre stores the one before (both release
    the GIL)."""

    def read(f: BinaryIO, n: int) -> tuple[int, bytes, str]:
        f.seek(n * chunk_size)
        data = f.read(chunk_size)
        return n, data, hashlib.sha256(data).hexdigest()

    with path.open("rb") as f, ThreadPoolExecutor(1) as ahead:
        next_one = ahead.submit(read, f, wanted[0]) if wanted else None
        for i in range(len(wanted)):
            assert next_one is not None
            current = next_one.result()
            if i + 1 < len(wanted):
                next_one = ahead.submit(read, f, wanted[i + 1])
            yield current


def _refusal(exc: DBAPIError) -> str | None:
    state = getattr(exc.orig, "sqlstate", None)
    return state if state in (wire.FILE_REFUSED, wire.CHUNK_DAMAGED) else None


def upload_one(
    conn: Connection, path: Path | None, sha: str, size: int, chunk: int
) -> tuple[str, int]:
    """Send what the centre lacks of one file; (its answer, bytes sent). With
    ``path`` None (the file is not held here) only asks whether it is whole."""
    params = {"sha": sha, "size": size}
    with conn.begin():
        state = conn.execute(_STATE, params).scalar_one()
    if state["complete"]:
        return wire.COMPLETE, 0
    if path is None:
        return wire.MISSING, 0
    # A file begun with another chunk size goes on with it.
    chunk_size = int(state["chunk_size"] or chunk)
    have = set(state["have"])
    # Before the first byte leaves: a copy damaged here would cross a slow
    # link only to be refused whole, again every round.
    if not have and sha256_of(path) != sha:
        raise OSError("the stored file is not its name")
    wanted = [n for n in range(-(-size // chunk_size)) if n not in have]
    sent = 0
    for n, data, chunk_sha in _chunks(path, chunk_size, wanted):
        with conn.begin():
            conn.execute(
                _PUT,
                {**params, "chunk_size": chunk_size, "n": n, "data": data, "chunk_sha": chunk_sha},
            )
        sent += len(data)
    with conn.begin():
        answer = str(conn.execute(_COMPLETE, params).scalar_one())
    return answer, sent


def upload_files(ctx: ServiceContext, conn: Connection, chunk: int = wire.CHUNK) -> UploadReport:
    """The round's file step, after the push; DBAPIErrors other than a
    file's refusal end the round (the next one resumes where this stopped)."""
    report = UploadReport()
    store = ctx.files
    for sha, size in _ready(ctx):
        path = store.path_of(sha) if store is not None and store.has(sha) else None
        try:
            if path is not None and path.stat().st_size != size:
                raise OSError("the stored file's size is not its row's")
            answer, sent = upload_one(conn, path, sha, size, chunk)
        except DBAPIError as exc:
            if _refusal(exc) is None:
                raise
            log.warning("File %s refused by the centre (%s)", sha[:12], _refusal(exc))
            report.refused += 1
            continue
        except OSError as exc:
            # Gone or unreadable here (counter-app check names it): the
            # other files and the round go on.
            log.error("Stored file %s not sent: %s", sha[:12], type(exc).__name__)
            report.refused += 1
            continue
        report.bytes_sent += sent
        if answer == wire.COMPLETE:
            _confirm(ctx, sha)
            report.confirmed += 1
        elif answer == wire.CORRUPT:
            # Damaged on the way, or chunks another desk sent were not this
            # content: the centre deleted them all, the next round starts over.
            log.error("File %s arrived damaged at the centre; it will be sent again", sha[:12])
            report.refused += 1
    if report.bytes_sent or report.confirmed:
        log.info("Files: %d confirmed, %d bytes sent", report.confirmed, report.bytes_sent)
    return report


def _confirm(ctx: ServiceContext, sha: str) -> None:
    now = ctx.now()
    ctx.sessions.write(
        lambda s: s.execute(
            update(StoredFile).where(StoredFile.sha256 == sha).values(uploaded_at=now)
        )
    )
