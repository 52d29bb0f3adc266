"""Is every file the database names still in a store, whole?

Two depths. :func:`absent` answers from the directory listings alone (one
``scandir`` per two-hex-digit folder, sizes from the entries): what the start
of the counter can afford with 50,000 files, since it reads no file. A file
that is there with the right size may still be damaged inside; only
:func:`verify` (``counter-app check``, a backup's check) reads each file and
compares its SHA-256 with its name.

Pure file work: the caller says which files it expects (hash -> size).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from counter_app.files.store import FileStore, is_sha256, sha256_of
from counter_app.private_files import write_atomic


@dataclass(frozen=True)
class FileReport:
    checked: int
    missing: list[str] = field(default_factory=list)
    corrupt: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.corrupt


def listing(store: FileStore, prefixes: Iterable[str] | None = None) -> dict[str, int]:
    """Hash -> size of every file in ``store`` (or only under ``prefixes``,
    the first two hex digits), read from the directory entries."""
    found: dict[str, int] = {}
    if not store.root.is_dir():
        return found
    wanted = None if prefixes is None else set(prefixes)
    with os.scandir(store.root) as subs:
        for sub in subs:
            if len(sub.name) != 2 or (wanted is not None and sub.name not in wanted):
                continue
            if not sub.is_dir(follow_symlinks=False):
                continue
            with os.scandir(sub.path) as entries:
                for entry in entries:
                    name = sub.name + entry.name
                    if is_sha256(name) and entry.is_file(follow_symlinks=False):
                        found[name] = entry.stat(follow_symlinks=False).st_size
    return found


def absent(store: FileStore, expected: Mapping[str, int]) -> FileReport:
    """Files missing, or present with another size (cut short): no file is read."""
    present = listing(store, {sha[:2] for sha in expected})
    missing = sorted(sha for sha in expected if sha not in present)
    corrupt = sorted(
        sha for sha, size in expected.items() if sha in present and present[sha] != size
    )
    return FileReport(len(expected), missing, corrupt)


def verify(store: FileStore, expected: Mapping[str, int]) -> FileReport:
    """Every expected file read whole: its hash must be its name."""
    missing: list[str] = []
    corrupt: list[str] = []
    for sha in sorted(expected):
        path = store.path_of(sha)
        try:
            if sha256_of(path) != sha:
                corrupt.append(sha)
        except FileNotFoundError:
            missing.append(sha)
        except OSError:
            # Unreadable (a bad sector, a permission): as good as damaged.
            corrupt.append(sha)
    return FileReport(len(expected), missing, corrupt)


# --- the start's shortcut ----------------------------------------------------
# Listing 50,000 names at every start costs more than the rest of the start.
# A file deleted or added changes its folder's modification time, so the
# start remembers each two-hex-digit folder's time and the database's rows
# (the newest rowid, which database file) as they were when all was
# found whole, and lists again only the folders whose time moved and those of
# rows added since. Another database file (a restore, a copy), and everything
# is listed again. A file damaged in place changes no folder:
# that is for the full check, which reads the files.

SNAPSHOT_NAME = ".start-check.json"
# A folder modified this close to the snapshot may change again within the
# same tick of a coarse clock (2 s on FAT): it is listed again next time.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class Snapshot:
    database: str  # which database file the rows were read from
    max_rowid: int
    dirs: dict[str, int]  # folder -> modification time (ns); -1: list it again


def dir_times(store: FileStore) -> dict[str, int]:
    found: dict[str, int] = {}
    if not store.root.is_dir():
        return found
    with os.scandir(store.root) as subs:
        for sub in subs:
            if len(sub.name) == 2 and sub.is_dir(follow_symlinks=False):
                found[sub.name] = sub.stat(follow_symlinks=False).st_mtime_ns
    return found


def read_snapshot(store: FileStore) -> Snapshot | None:
    try:
        data = json.loads((store.root / SNAPSHOT_NAME).read_text(encoding="utf-8"))
        return Snapshot(
            str(data["database"]),
            int(data["max_rowid"]),
            {str(k): int(v) for k, v in data["dirs"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def take_snapshot(store: FileStore, database: str, max_rowid: int, taken_ns: int) -> None:
    """Remember the folders as they are now (``taken_ns``: before they were
    listed). Best effort: without it the next start lists everything."""
    dirs = {
        name: (-1 if mtime >= taken_ns - RACY_NS else mtime)
        for name, mtime in dir_times(store).items()
    }
    data = {"database": database, "max_rowid": max_rowid, "dirs": dirs}
    with contextlib.suppress(OSError):
        write_atomic(store.root / SNAPSHOT_NAME, json.dumps(data).encode("utf-8"))


def moved_dirs(snapshot: Snapshot, now: dict[str, int]) -> set[str]:
    """Folders whose time moved since the snapshot, or that came or went."""
    return {
        name
        for name in snapshot.dirs.keys() | now.keys()
        if snapshot.dirs.get(name, -1) == -1 or snapshot.dirs.get(name) != now.get(name)
    }
