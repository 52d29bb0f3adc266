"""Counters holding many stored files, for the backup tests: the files are
real, in the counter's store, and its database names them in stored_files
(as after a sync: no paper row, which the backup does not read)."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from counter_app import backup_files, database_checks
from counter_app.app_setup import Runtime
from counter_app.files.store import FileStore, sha256_of
from counter_app.models import StoredFile
from counter_app.private_files import DIR_MODE, FILE_MODE


def stored(rt: Runtime, count: int, tag: str = "a", size: int = 2048) -> dict[str, int]:
    """``count`` distinct files of ``size`` bytes in the store and named by
    the database (written without fsync: only setting the scene)."""
    store = rt.ctx.files
    assert store is not None
    named: dict[str, int] = {}
    for k in range(count):
        body = (f"%PDF-1.4 {tag} {k} ".encode() * size)[:size]
        sha = hashlib.sha256(body).hexdigest()
        path = store.path_of(sha)
        path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            os.write(fd, body)
        finally:
            os.close(fd)
        named[sha] = size
    rows = [
        {"sha256": s, "size": n, "pages": 1, "stored_at": datetime(2026, 3, 2, 9, 0)}
        for s, n in named.items()
    ]

    def write(session: Session) -> None:
        session.execute(insert(StoredFile), rows)

    rt.ctx.sessions.write(write)
    return named


def held(place: Path) -> dict[str, int]:
    """What a place's store holds whole: each file read, its hash its name."""
    store: FileStore = backup_files.backup_store(place)
    found = {}
    for sha in store.stored():
        path = store.path_of(sha)
        assert sha256_of(path) == sha, f"{path} is not whole"
        found[sha] = path.stat().st_size
    return found


def named(generation: Path) -> dict[str, int]:
    return database_checks.needed_files(generation)
