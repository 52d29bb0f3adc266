"""Where the counter keeps its files: one place, overridable for tests and IT staff."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from counter_app.private_files import private_dir

APP_NAME = "counter_app"
DATA_DIR_ENV = "COUNTER_APP_DATA_DIR"
DB_FILENAME = "counter.sqlite3"


def data_dir(explicit: str | Path | None = None) -> Path:
    """``--data-dir`` if given, else $COUNTER_APP_DATA_DIR, else the platform's user data dir."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    # Citizens' data: only the desk's own account may list or read it.
    return private_dir(path)


def database_path(directory: Path) -> Path:
    return directory / DB_FILENAME


def backups_dir(directory: Path) -> Path:
    return private_dir(directory / "backups")


def logs_dir(directory: Path) -> Path:
    return private_dir(directory / "logs")
