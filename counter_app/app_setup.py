"""Opening the counter for a command or the GUI: data dir, logging, database, context."""

from __future__ import annotations

import logging
import logging.handlers
from dataclasses import dataclass
from pathlib import Path

from counter_app import config
from counter_app.private_files import private_file
from counter_app.services.context import ServiceContext
from counter_app.storage import Database, open_database


@dataclass
class Runtime:
    data_dir: Path
    db: Database
    ctx: ServiceContext

    def close(self) -> None:
        self.db.dispose()


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the live one and each rotation) is 0600:
    even without citizens' data, a log tells who worked when."""

    def _open(self):  # type: ignore[no-untyped-def] - typeshed's signature varies by version
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


def open_runtime(data_dir: str | Path | None = None) -> Runtime:
    directory = config.data_dir(data_dir)
    setup_logging(directory)
    db = open_database(directory)
    return Runtime(directory, db, ServiceContext(db.sessions))
