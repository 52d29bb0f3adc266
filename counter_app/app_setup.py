"""Opening the counter for a command or the GUI: data dir, logging, database, context."""

from __future__ import annotations

import io
import logging
import logging.handlers
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app import config
from counter_app.domain.messages import Message, UserError
from counter_app.private_files import private_file

# The database layer (SQLAlchemy, the models, the services) is imported by
# the functions that open the counter, not here: the window peeks at the
# counter's name with sqlite3 alone and paints its login before loading it.
if TYPE_CHECKING:
    from counter_app.services.context import ServiceContext
    from counter_app.services.continuity import CentreWitness
    from counter_app.storage import Database, Hook


def hooks() -> tuple[Hook, ...]:
    """Installed on every session of the counter's database: a synced row and
    its outbox entry commit together, whoever writes (window, command, sync)."""
    from counter_app.sync import outbox

    return (outbox.install,)


@dataclass
class Runtime:
    """``notices``: what the official must be told once the counter is open (a
    damaged database, a database behind its high-water mark, a failed backup)."""

    data_dir: Path
    db: Database
    ctx: ServiceContext
    notices: list[Message] = field(default_factory=list)

    def close(self) -> None:
        self.db.dispose()


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the live one and each rotation) is 0600:
    even without citizens' data, a log tells who worked when."""

    def _open(self) -> io.TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


def setup_logging(data_dir: Path, level: int = logging.INFO) -> None:
    """A rotating log file in the data dir: what IT staff ask for first."""
    root = logging.getLogger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    handler = PrivateLogHandler(
        config.logs_dir(data_dir) / "counter_app.log",
        maxBytes=2_000_000,
        backupCount=5,
        encoding="utf-8",
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)


def peek_counter_name(directory: Path) -> str | None:
    """The counter's name, read with sqlite3 alone (no SQLAlchemy), when the
    database looks set up: a counter and at least one official. None when it
    does not, or cannot say (no file, an older schema, an unreadable file):
    the caller then opens the counter before it shows anything.

    Read-only and writes nothing beside the file, as the start check."""
    path = config.database_path(directory)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    wal = path.with_name(path.name + "-wal")
    uri = f"file:{path}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return None
    try:
        row = con.execute("SELECT counter_name FROM counter_identity LIMIT 1").fetchone()
        official = con.execute("SELECT 1 FROM users LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    if row is None or official is None or not isinstance(row[0], str):
        return None
    return row[0]


def open_runtime(data_dir: str | Path | None = None) -> Runtime:
    from counter_app.files.store import FileStore, files_dir
    from counter_app.services import backups, continuity, file_checks
    from counter_app.services.context import ServiceContext
    from counter_app.services.setup import get_counter
    from counter_app.storage import open_database

    directory = config.data_dir(data_dir)
    setup_logging(directory)
    db = open_database(directory, hooks=hooks())
    ctx = ServiceContext(db.sessions, files=FileStore(files_dir(directory)))
    rt = Runtime(directory, db, ctx)
    damage = db.damage_message()
    if damage is not None:
        rt.notices.append(damage)
        return rt
    behind = continuity.reconcile(
        rt.ctx, directory, _witness_if_behind(rt, directory), partial(_reclaim, rt.ctx, directory)
    )
    if behind is not None:
        rt.notices.append(behind)
    missing = file_checks.at_start(rt.ctx, config.database_path(directory))  # reads no file
    if missing is not None:
        rt.notices.append(missing)
    if get_counter(rt.ctx) is not None and backups.daily_due(directory, date.today()):
        # The first start of each day the desk is used: the database whole, the
        # files for a moment; the window copies the rest after the login.
        try:
            backups.back_up(directory, "daily", budget=backups.START_FILES_BUDGET_S)
        except UserError as exc:
            rt.notices.append(exc.message)
    return rt


def _reclaim(ctx: ServiceContext, directory: Path) -> None:
    from counter_app.sync.reclaim import reclaim_at_start

    reclaim_at_start(ctx, directory)


def _witness_if_behind(rt: Runtime, directory: Path) -> CentreWitness | None:
    """The centre is asked only after a restore or when the file says the
    database is behind: a normal start never waits on the network, nor loads
    the central database's driver."""
    from counter_app import high_water
    from counter_app.domain.audit_chain import GENESIS
    from counter_app.services import continuity

    with rt.ctx.sessions() as session:
        db = high_water.current(session)
    if not (directory / continuity.RESTORE_NOTE).exists():
        mark = high_water.read(directory / high_water.FILENAME)
        if not mark.above(db) and (
            not mark.audit_last_id or mark.audit_last_id <= db.audit_last_id
        ):
            return None
    from counter_app.sync.witness import centre_witness

    return centre_witness(directory, db.audit_head or GENESIS)
