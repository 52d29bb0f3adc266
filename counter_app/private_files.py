"""Files that hold citizens' data or credentials: private whatever the umask.

The data folder is 0700 and every file in it (database, its -wal/-shm, logs,
backups, the high-water mark, the central credentials) is 0600. A file is
created with its mode from the start (``os.open(..., 0o600)``), never
created readable and narrowed afterwards, and chmod'ed again because an
existing file may date from a release that did not care.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing (mode 0600), else narrow it to 0600."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)
    return path


def narrow(path: Path) -> None:
    """0600 on a file SQLite or another library created, if it exists."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, FILE_MODE)


def fsync_dir(path: Path) -> None:
    # A rename is durable only once its directory entry is on disk.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new
    content, never a torn file; fsynced, mode 0600."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        try:
            # os.write may write only part (a full disk, a file size limit):
            # go on until all is written or the system refuses with an error.
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)
