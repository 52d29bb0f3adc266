"""The centre's file store: digitised papers' files, content-addressed and
chunked, in PostgreSQL (migration c0010_papers_and_files).

Desks reach it only through the checked functions of c0010 (state, put,
complete, open, read). This module is the centre's own side, behind a small
interface (:class:`FileBackend`) that an S3-compatible object store could
implement later: chunks as objects ``<sha256>/<n>`` (or one multipart
upload per file), the complete flag and the file's row staying in
PostgreSQL (docs/sync.md, "Files", says when to move and how).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import Engine, text

from counter_app.wire import files as wire


class FileBackend(Protocol):
    """Where the bytes of complete and incomplete files live."""

    def chunks_held(self, sha256: str) -> set[int]: ...

    def put_chunk(self, sha256: str, size: int, chunk_size: int, n: int, data: bytes) -> None: ...

    def complete(self, sha256: str) -> str:
        """wire.COMPLETE, wire.MISSING or wire.CORRUPT (then nothing of it is kept)."""
        ...

    def read(self, sha256: str) -> Iterator[bytes]: ...


class PostgresFiles:
    """:class:`FileBackend` on ``central_files`` / ``central_file_chunks``,
    with the owner's engine (the administrator's tools, tests, benchmarks)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def chunks_held(self, sha256: str) -> set[int]:
        with self.engine.connect() as conn:
            return set(
                conn.execute(
                    text("SELECT n FROM central_file_chunks WHERE sha256 = :s"), {"s": sha256}
                ).scalars()
            )

    def put_chunk(self, sha256: str, size: int, chunk_size: int, n: int, data: bytes) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO central_files (sha256, size, chunk_size, agency_id, counter_uuid) "
                    "VALUES (:s, :size, :c, '', '') ON CONFLICT DO NOTHING"
                ),
                {"s": sha256, "size": size, "c": chunk_size},
            )
            conn.execute(
                text(
                    "INSERT INTO central_file_chunks (sha256, n, data) VALUES (:s, :n, :d) "
                    "ON CONFLICT DO NOTHING"
                ),
                {"s": sha256, "n": n, "d": data},
            )

    def complete(self, sha256: str) -> str:
        digest = hashlib.sha256()
        with self.engine.begin() as conn:
            row = conn.execute(
                text("SELECT size, complete FROM central_files WHERE sha256 = :s FOR UPDATE"),
                {"s": sha256},
            ).first()
            if row is None:
                return wire.MISSING
            if row.complete:
                return wire.COMPLETE
            size = 0
            for (data,) in conn.execute(
                text("SELECT data FROM central_file_chunks WHERE sha256 = :s ORDER BY n"),
                {"s": sha256},
            ):
                digest.update(data)
                size += len(data)
            if size < row.size:
                return wire.MISSING
            if size != row.size or digest.hexdigest() != sha256:
                conn.execute(text("DELETE FROM central_files WHERE sha256 = :s"), {"s": sha256})
                return wire.CORRUPT
            conn.execute(
                text(
                    "UPDATE central_files SET complete = true, completed_at = now() "
                    "WHERE sha256 = :s"
                ),
                {"s": sha256},
            )
        return wire.COMPLETE

    def read(self, sha256: str) -> Iterator[bytes]:
        """A complete file's bytes, chunk by chunk; nothing for one not whole."""
        with self.engine.connect() as conn:
            whole = conn.execute(
                text("SELECT complete FROM central_files WHERE sha256 = :s"), {"s": sha256}
            ).scalar()
            if not whole:
                return
            for (data,) in conn.execute(
                text("SELECT data FROM central_file_chunks WHERE sha256 = :s ORDER BY n"),
                {"s": sha256},
            ):
                yield bytes(data)


@dataclass(frozen=True)
class PendingFile:
    """A paper at the centre whose file has not arrived whole: "files pending"."""

    agency_id: str
    counter_uuid: str
    dossier_code: str
    paper_uuid: str
    sha256: str
    size: int
    arrived_at: datetime


def pending(engine: Engine, agency_id: str | None = None) -> list[PendingFile]:
    """Papers waiting for their file, oldest first (all agencies, or one)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.agency_id, p.counter_uuid, COALESCE(d.code, '') AS code, p.paper_uuid, "
                "p.sha256, p.size, p.arrived_at FROM central_files_pending p "
                "LEFT JOIN central_dossiers d ON d.uuid = p.dossier_uuid "
                "WHERE CAST(:a AS varchar) IS NULL OR p.agency_id = :a ORDER BY p.arrived_at, p.paper_uuid"
            ),
            {"a": agency_id},
        ).all()
    return [PendingFile(*r) for r in rows]
