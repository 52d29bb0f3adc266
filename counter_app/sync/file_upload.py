"""The desk's files reach the centre (issue 18, point 6), after the rows that
name them: content-addressed (a file the centre holds already is not sent
again, whoever sent it), resumable (the centre says which chunks it holds;
only the others are sent, each in its own transaction), each chunk checked by
its SHA-256 on arrival and the whole file by the centre before it is marked
complete. ``StoredFile.uploaded_at`` is set only once the centre says so.

Speed (issue 18, point 8): a chunk is one statement (one round trip on a slow
link), a file is completed on a second connection while the next file's
chunks go, and the next file's own hash is computed meanwhile.

A file is sent only when every paper of this counter that names it has left
the outbox: the centre refuses a file no paper of the agency names, so a row
always arrives before its file, never the other way round.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
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
    conn: Connection,
    path: Path | None,
    sha: str,
    size: int,
    chunk: int,
    hashed: Future[str] | None = None,
) -> tuple[str | None, int]:
    """Send what the centre lacks of one file; (its answer, bytes sent). The
    answer is None once every chunk is there and the file waits for
    ``central_file_complete``. With ``path`` None (the file is not held here)
    only asks whether it is whole. ``hashed``: the file's SHA-256 being
    computed already (else it is computed here when needed)."""
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
    if not have and (hashed.result() if hashed is not None else sha256_of(path)) != sha:
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
    return None, sent


def _complete(conn: Connection, sha: str, size: int) -> str:
    with conn.begin():
        return str(conn.execute(_COMPLETE, {"sha": sha, "size": size}).scalar_one())


class _Completions:
    """Files whose chunks are all sent, completed on a second connection while
    the next file's chunks go on the first: the centre hashes one file while
    it stores the next (two of its processes, not one after the other). The
    last file of the round is completed on the round's own connection:
    nothing is left to overlap, and a round of one file opens no second one."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._side: Connection | None = None
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="file-complete")
        self._queued: list[tuple[str, Future[str]]] = []

    def add(self, sha: str, size: int, last: bool) -> None:
        if last:
            done: Future[str] = Future()
            try:
                done.set_result(_complete(self._conn, sha, size))
            except DBAPIError as exc:
                done.set_exception(exc)
            self._queued.append((sha, done))
        else:
            self._queued.append((sha, self._worker.submit(self._on_side, sha, size)))

    def _on_side(self, sha: str, size: int) -> str:
        if self._side is None:
            self._side = _autocommit(self._conn.engine.connect())
        return _complete(self._side, sha, size)

    def answers(self, wait: bool) -> Iterator[tuple[str, Future[str]]]:
        """The completions finished (all of them with ``wait``), in order."""
        while self._queued and (wait or self._queued[0][1].done()):
            yield self._queued.pop(0)

    def close(self) -> None:
        self._worker.shutdown(wait=True)
        if self._side is not None:
            self._side.close()


def _autocommit(conn: Connection) -> Connection:
    # Each chunk is its own transaction (c0010): one statement, one round
    # trip on a slow link instead of three (BEGIN, the chunk, COMMIT).
    return conn.execution_options(isolation_level="AUTOCOMMIT")


def upload_files(ctx: ServiceContext, conn: Connection, chunk: int = wire.CHUNK) -> UploadReport:
    """The round's file step, after the push; DBAPIErrors other than a
    file's refusal end the round (the next one resumes where this stopped)."""
    report = UploadReport()
    ready = _ready(ctx)
    if not ready:
        return report
    store = ctx.files
    paths = [
        store.path_of(sha) if store is not None and store.has(sha) else None for sha, _ in ready
    ]
    # Each file's own SHA-256 is checked before its first byte leaves; the
    # next file's is computed while this one's chunks go.
    hasher = ThreadPoolExecutor(1, thread_name_prefix="file-hash")
    hashes = [None if path is None else hasher.submit(sha256_of, path) for path in paths[:1]]
    completions = _Completions(_autocommit(conn))
    try:
        for i, (sha, size) in enumerate(ready):
            if i + 1 < len(ready):
                following = paths[i + 1]
                hashes.append(None if following is None else hasher.submit(sha256_of, following))
            sent = _send(conn, paths[i], hashes[i], sha, size, chunk, report)
            if sent is not None:
                answer, report.bytes_sent = sent[0], report.bytes_sent + sent[1]
                if answer is None:
                    completions.add(sha, size, last=i == len(ready) - 1)
                else:
                    _settle(ctx, sha, answer, report)
            for done_sha, done in completions.answers(wait=False):
                _settle_future(ctx, done_sha, done, report)
        for done_sha, done in completions.answers(wait=True):
            _settle_future(ctx, done_sha, done, report)
    finally:
        hasher.shutdown(wait=True, cancel_futures=True)
        completions.close()
    # Not after a failure: the round ends there and its connection with it.
    conn.execution_options(isolation_level=conn.default_isolation_level)
    if report.bytes_sent or report.confirmed:
        log.info("Files: %d confirmed, %d bytes sent", report.confirmed, report.bytes_sent)
    return report


def _send(
    conn: Connection,
    path: Path | None,
    hashed: Future[str] | None,
    sha: str,
    size: int,
    chunk: int,
    report: UploadReport,
) -> tuple[str | None, int] | None:
    """One file's chunks (see upload_one); None when it is refused here or there."""
    try:
        if path is not None and path.stat().st_size != size:
            raise OSError("the stored file's size is not its row's")
        return upload_one(conn, path, sha, size, chunk, hashed)
    except DBAPIError as exc:
        _refused(exc, sha, report)
    except OSError as exc:
        # Gone or unreadable here (counter-app check names it): the
        # other files and the round go on.
        log.error("Stored file %s not sent: %s", sha[:12], type(exc).__name__)
        report.refused += 1
    return None


def _refused(exc: DBAPIError, sha: str, report: UploadReport) -> None:
    if _refusal(exc) is None:
        raise exc
    log.warning("File %s refused by the centre (%s)", sha[:12], _refusal(exc))
    report.refused += 1


def _settle_future(ctx: ServiceContext, sha: str, done: Future[str], report: UploadReport) -> None:
    try:
        answer = done.result()
    except DBAPIError as exc:
        _refused(exc, sha, report)
        return
    _settle(ctx, sha, answer, report)


def _settle(ctx: ServiceContext, sha: str, answer: str, report: UploadReport) -> None:
    if answer == wire.COMPLETE:
        _confirm(ctx, sha)
        report.confirmed += 1
    elif answer == wire.CORRUPT:
        # Damaged on the way, or chunks another desk sent were not this
        # content: the centre deleted them all, the next round starts over.
        log.error("File %s arrived damaged at the centre; it will be sent again", sha[:12])
        report.refused += 1


def _confirm(ctx: ServiceContext, sha: str) -> None:
    now = ctx.now()
    ctx.sessions.write(
        lambda s: s.execute(
            update(StoredFile).where(StoredFile.sha256 == sha).values(uploaded_at=now)
        )
    )
