"""The counter's local SQLite database: engine, sessions and upgrades at start.

WAL lets the UI read while a worker writes; ``synchronous=FULL`` makes a
commit durable before the receipt for it is printed (a power cut after the
receipt left the printer must not lose the dossier).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from counter_app import backup_files, config, database_checks, high_water, private_files
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.schema_upgrade import upgrade
from counter_app.writer import Writer

log = logging.getLogger(__name__)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # Deleted rows (a synced outbox entry holds a citizen's data) are zeroed on
    # disk, whatever default the system's SQLite was built with.
    cursor.execute("PRAGMA secure_delete=ON")
    # The search index of a busy desk grows to hundreds of MB over the years;
    # a 64 MB page cache and memory-mapped reads keep a lookup off the syscalls.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.close()


def _on_begin(conn: Any) -> None:
    # A write transaction takes the write lock up front (BEGIN IMMEDIATE), so
    # two writers (UI and a worker) queue on busy_timeout instead of failing
    # half-way; reads stay DEFERRED and, under WAL, never block a writer.
    mode = conn.get_execution_options().get(_BEGIN_MODE, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


_BEGIN_MODE = "counter_app_begin_mode"
# Keys of ``Session.info`` the session hooks read: the service clock that
# stamps rows, and "these rows come from the centre" (written without an
# outbox entry: what the centre sends is not sent back).
CLOCK = "clock"
APPLYING_FEED = "sync_applying_feed"
# This counter's identity row, once a unit of work has read it (one query,
# not one per service and hook that needs the counter's uuid).
COUNTER = "counter_identity"
# A hook installed on every session factory (the outbox, the high-water
# mark): the composition root (counter_app/app_setup.py) chooses them.
Hook = Callable[[sessionmaker[Session]], None]
T = TypeVar("T")


class Sessions:
    """Session factory: ``sessions()`` for reading, ``sessions.begin()`` for one
    unit of work that writes and commits (or rolls back on any exception).

    Every session carries the hooks it is given (the outbox's, from the
    composition root), so a synced row and its outbox entry commit together; ``clock`` stamps the rows' ``updated_at`` with the
    service clock (the ServiceContext sets it).

    Writes of one process go one at a time through ``write_lock``: they queue
    here instead of racing for SQLite's lock, so no "database is locked"
    reaches an official. Another process on the same file still waits on
    ``busy_timeout``. In the window they also run on one thread, ``writer``
    (counter_app/writer.py): ``write(fn)`` runs ``fn(session)`` in one unit
    of work there, ``submit(job)`` queues any job that writes; once the
    writer runs, a unit of work opened on any other thread is refused, and
    the UI thread may not even wait on the queue. A unit of work opened while
    the same thread already holds one joins it (one commit for a composite
    action) instead of waiting on itself for SQLite's lock.

    With a ``mark`` keeper, each commit first writes the codes and ledger
    numbers it hands out into the high-water file (counter_app/high_water.py).
    """

    def __init__(
        self,
        engine: Engine,
        mark: high_water.MarkKeeper | None = None,
        hooks: Sequence[Hook] = (),
    ) -> None:
        self.clock: Callable[[], datetime] = datetime.now
        # Set on a damaged database: every write is refused with this message.
        self.refuse_writes: Message | None = None
        self.write_lock = threading.RLock()
        self.writer = Writer()
        self._open = threading.local()
        self._engine = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(
            engine.execution_options(**{_BEGIN_MODE: "IMMEDIATE"}), expire_on_commit=False
        )
        for factory in (self._read, self._write):
            for hook in hooks:
                hook(factory)
            if mark is not None:
                mark.install(factory)
        # A read session that wrote would bypass the write lock and the
        # caller's unit of work: it is refused, loudly, in tests and in use.
        event.listen(self._read, "before_flush", _refuse_read_session_write)
        event.listen(self._read, "do_orm_execute", _refuse_read_session_statement)

    def __call__(self) -> Session:
        session = self._read()
        session.info[CLOCK] = self.clock
        return session

    def close(self, reason: Message) -> None:
        """Let go of the file (a restore replaces it); every later write is refused with ``reason``."""
        if not self.writer.on_writer:
            self.writer.shutdown()
        with self.write_lock:
            self.refuse_writes = reason
            self._engine.dispose()

    @contextmanager
    def trial(self) -> Iterator[Session]:
        """A unit of work that is always rolled back: a step applied only to
        see the form it would print. It writes (under the write lock, as any
        writer), so it is no read session; nothing of it is ever committed."""
        self.writer.check()
        if self.refuse_writes is not None:
            raise UserError(self.refuse_writes)
        with self.write_lock, self._write() as session:
            session.info[CLOCK] = self.clock
            session.begin()
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def begin(self) -> Iterator[Session]:
        self.writer.check()
        joined: Session | None = getattr(self._open, "session", None)
        if joined is not None:
            yield joined
            return
        if self.refuse_writes is not None:
            raise UserError(self.refuse_writes)
        with self.write_lock, self._write() as session, session.begin():
            session.info[CLOCK] = self.clock
            self._open.session = session
            try:
                yield session
            finally:
                self._open.session = None

    def write(self, fn: Callable[[Session], T], *, trial: bool = False) -> T:
        """``fn(session)`` in one unit of work (with ``trial``, rolled back),
        on the writer thread once it runs.

        From another thread it is queued and waited for (a sync round's
        transaction, a login's bookkeeping): short, between the window's
        other writes. Inline when the writer never started (the CLI, tests)."""
        if self.writer.running and not self.writer.on_writer:
            self.writer.refuse_waiting()  # the UI thread never waits on the queue
            return self.writer.submit(lambda: self.write(fn, trial=trial)).result()
        with self.trial() if trial else self.begin() as session:
            return fn(session)

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Queue ``job`` (a service call that writes) on the writer thread."""
        return self.writer.submit(job)


class ReadSessionWrote(RuntimeError):
    """A programming error: a write through ``sessions()`` instead of ``sessions.begin()``."""


def _refuse_read_session_write(session: Session, _context: Any, _instances: Any) -> None:
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        raise ReadSessionWrote("a read session (sessions()) may not write; use sessions.begin()")


def _refuse_read_session_statement(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise ReadSessionWrote("a read session (sessions()) may not write; use sessions.begin()")


def _narrow_files(path: Path) -> Callable[[sqlite3.Connection, Any], None]:
    def narrow_on_connect(_dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # SQLite gives -wal and -shm the database file's mode; an older
        # install or a copy may still have left them readable.
        for suffix in ("", "-wal", "-shm"):
            private_files.narrow(path.with_name(path.name + suffix))

    return narrow_on_connect


def make_engine(path: Path) -> Engine:
    # Created 0600 before SQLite opens it: SQLite would create it with the
    # umask, and its -wal/-shm copy the database file's mode.
    private_files.private_file(path)
    engine = create_engine(
        f"sqlite:///{path}",
        # Let SQLAlchemy (not pysqlite) issue BEGIN so it can be IMMEDIATE.
        connect_args={"isolation_level": None},
        # A failed statement's parameters (citizens' data) stay out of the logs.
        hide_parameters=True,
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "connect", _narrow_files(path))
    event.listen(engine, "begin", _on_begin)
    return engine


DAMAGED = QT_TRANSLATE_NOOP(
    "Storage",
    "The counter's database is damaged ({detail}). It is open for reading only and "
    "nothing will be written into it. Restore the latest good backup ({backup}) or "
    "call the IT staff.",
)


@dataclass
class Database:
    """An opened, upgraded counter database and its session factory.

    ``damage`` is SQLite's complaint when the start check failed: then the
    engine is read-only and ``sessions.begin()`` refuses with a message."""

    path: Path
    engine: Engine
    sessions: Sessions
    backup_path: Path | None = None
    damage: str = ""

    def dispose(self) -> None:
        self.sessions.writer.shutdown()
        self.engine.dispose()

    def damage_message(self) -> Message | None:
        if not self.damage:
            return None
        latest = backup_files.latest(self.path.parent)
        return Message("Storage", DAMAGED, {"detail": self.damage, "backup": latest or "—"})


def _read_only_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{database_checks.read_only_uri(path)}&uri=true",
        poolclass=NullPool,
        hide_parameters=True,
    )

    def pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")
        dbapi_connection.execute("PRAGMA busy_timeout=10000")

    event.listen(engine, "connect", pragmas)
    return engine


def _damaged_read(message: Message | None) -> Callable[[ExceptionContext], None]:
    """A read that runs into a damaged page (a login, a list) says what the start
    check said, in one Vietnamese sentence, rather than SQLite's complaint."""

    def handle_error(context: ExceptionContext) -> None:
        if message is not None and isinstance(context.original_exception, sqlite3.DatabaseError):
            raise UserError(message) from context.original_exception

    return handle_error


def open_database(directory: Path, *, hooks: Sequence[Hook]) -> Database:
    """Check, upgrade and open the counter's database, ``hooks`` on every
    session (the caller names them: no writer may forget the outbox).

    ``quick_check`` runs at every start, read-only: a damaged file is opened
    read-only (nothing written into it, not even a checkpoint or an upgrade)."""
    path = config.database_path(directory)
    if path.exists() and path.stat().st_size > 0:
        verdict = database_checks.quick_check(path)
        if verdict != "ok":
            log.error("Database failed its start check (%s): opened read-only", verdict)
            engine = _read_only_engine(path)
            sessions = Sessions(engine, hooks=hooks)
            db = Database(path, engine, sessions, damage=verdict)
            sessions.refuse_writes = db.damage_message()
            event.listen(engine, "handle_error", _damaged_read(sessions.refuse_writes))
            return db
    engine = make_engine(path)
    copy = upgrade(path, engine)
    keeper = high_water.MarkKeeper(directory / high_water.FILENAME)
    return Database(path, engine, Sessions(engine, keeper, hooks), copy)
