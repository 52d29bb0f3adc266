"""A dossier's files fetched from the centre when it is opened at a desk that
does not hold them (issue 18, point 6): another desk of the agency that took
the dossier over, or the deciding authority's desk. Blocking (a round trip
per chunk): the window calls it off its thread."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from sqlalchemy import Connection, text

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.files.store import FileStore, is_sha256
from counter_app.private_files import FILE_MODE, private_dir
from counter_app.services.context import ServiceContext
from counter_app.sync.central_link import central_session
from counter_app.sync.errors import NotConnected
from counter_app.wire import connection_file as settings_file

log = logging.getLogger(__name__)
_CTX = "Sync"
_OPEN = text("SELECT central_file_open(:sha)")
_READ = text("SELECT central_file_read(:sha, :n)")


class FileNotAtCentre(UserError):
    """The centre does not hold the whole file yet (its desk has not sent it)."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The centre does not hold this electronic copy yet: the counter that "
                    "scanned it has not sent it. Try again after that counter has synced.",
                ),
            )
        )


class FileDamaged(UserError):
    """What arrived is not the file its name says: nothing is kept."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Sync",
                    "The electronic copy arrived damaged from the centre and was not kept; "
                    "try again.",
                ),
            )
        )


def _download(conn: Connection, store: FileStore, sha: str) -> None:
    with conn.begin():
        info = conn.execute(_OPEN, {"sha": sha}).scalar_one()
    if info is None:
        raise FileNotAtCentre()
    incoming = store.root / ".incoming"
    private_dir(store.root)
    private_dir(incoming)
    tmp = incoming / f"{sha}.{os.getpid()}.part"
    digest = hashlib.sha256()
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            for n in range(int(info["chunks"])):
                # A transaction a chunk: no long one holds the feed's horizon back.
                with conn.begin():
                    data = conn.execute(_READ, {"sha": sha, "n": n}).scalar_one()
                digest.update(data)
                out.write(data)
        if digest.hexdigest() != sha or tmp.stat().st_size != int(info["size"]):
            raise FileDamaged()
        # Stored atomically under its name (the store checks the hash once more).
        store.put_file(tmp)
    finally:
        tmp.unlink(missing_ok=True)


def fetch(ctx: ServiceContext, directory: Path, sha256: str) -> Path:
    """The file's path in this desk's store, downloaded from the centre when it
    is not here (hash checked). FileNotAtCentre, CentralUnreachable, or a
    refusal (CentralRefused) when this desk may not read it."""
    store = ctx.files
    if store is None:
        raise RuntimeError("no file store: open the counter with app_setup.open_runtime")
    if not is_sha256(sha256):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    if store.has(sha256):
        return store.path_of(sha256)
    settings = settings_file.stored(directory)
    if settings is None:
        raise NotConnected()
    with central_session(settings) as engine, engine.connect() as conn:
        _download(conn, store, sha256)
    log.info("File %s downloaded from the centre", sha256[:12])
    return store.path_of(sha256)
