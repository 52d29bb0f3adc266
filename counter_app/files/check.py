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

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from counter_app.files.store import FileStore, is_sha256, sha256_of


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
