"""A backup generation's files copied into its place's store, in slices.

A generation (a database copy in a backup place) needs the files its copy
names, in the place's content-addressed store (counter_app/backup_files.py).
Copying a year's scans to a new drive takes minutes, so a copy may stop at
a deadline (the start of the desk) or when asked (the window closing) and
go on later. Until every file is there, a marker beside the generation
(``<generation>.pending``) says how many were still to copy: the generation
is never shown as a complete backup, the cheap daily comparison never takes
it as the list of what the place holds, and whoever comes next (the
window's worker, the exit backup, ``counter-app backup``) finishes it. The
store writes each file whole (store.py), so a crash leaves whole files and
the marker: the next run resumes.

Pure file work: the caller says which files a generation needs (hash -> size).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from counter_app.files.store import ContentMismatch, FileStore
from counter_app.private_files import write_atomic

PENDING_SUFFIX = ".pending"

# The store's temporary name is per process: two threads of one process (the
# window's worker, the administrator's "back up now") must not write the same
# file at once, or one truncates what the other is writing.
_ONE_WRITER = threading.Lock()


@dataclass
class Limit:
    """When a copy stops: at ``deadline`` (time.monotonic()), or once ``stop``
    is set; neither: when every file is copied."""

    deadline: float | None = None
    stop: threading.Event | None = field(default=None, compare=False)

    @classmethod
    def within(cls, seconds: float | None, stop: threading.Event | None = None) -> Limit:
        return cls(None if seconds is None else time.monotonic() + seconds, stop)

    @property
    def bounded(self) -> bool:
        return self.deadline is not None or self.stop is not None

    def reached(self) -> bool:
        if self.stop is not None and self.stop.is_set():
            return True
        return self.deadline is not None and time.monotonic() >= self.deadline


UNBOUNDED = Limit()


@dataclass(frozen=True)
class Copied:
    lost: list[str]  # neither store could give them whole
    left: list[str]  # not tried: the limit was reached


def marker(generation: Path) -> Path:
    return generation.with_name(generation.name + PENDING_SUFFIX)


def mark_pending(generation: Path, count: int) -> None:
    write_atomic(marker(generation), json.dumps({"files": count}).encode("utf-8"))


def clear_pending(generation: Path) -> None:
    marker(generation).unlink(missing_ok=True)


def pending_count(generation: Path) -> int | None:
    """Files the generation still lacks in its place; None: it lacks none.
    A marker that cannot be read still says the copy did not finish (0)."""
    try:
        data = json.loads(marker(generation).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return 0
    count = data.get("files") if isinstance(data, dict) else None
    return count if isinstance(count, int) and count >= 0 else 0


def has_whole(store: FileStore, sha: str, size: int) -> bool:
    """There with its size: what the listing of a store says, for one file."""
    try:
        return os.stat(store.path_of(sha)).st_size == size
    except OSError:
        return False


def copy_into(
    todo: Mapping[str, int], source: FileStore, target: FileStore, limit: Limit = UNBOUNDED
) -> Copied:
    """Copy ``todo`` from ``source`` into ``target``, each checked against
    its hash as it is written, until ``limit``."""
    lost: list[str] = []
    order = sorted(todo)
    for done, sha in enumerate(order):
        if limit.reached():
            return Copied(lost, order[done:])
        origin = source.path_of(sha)
        if not origin.is_file():
            lost.append(sha)
            continue
        try:
            with _ONE_WRITER:
                target.put_known(sha, origin)
        except ContentMismatch:
            # Damaged at the source: never stored under its good name.
            lost.append(sha)
    return Copied(lost, [])


def settle(generation: Path, copied: Copied) -> None:
    """The marker as the copy left it: gone only when every file is there."""
    still = len(copied.left) + len(copied.lost)
    if still:
        with contextlib.suppress(OSError):
            mark_pending(generation, still)
    else:
        clear_pending(generation)
