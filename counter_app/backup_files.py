"""Backups of the counter's database: taken, checked, kept, found again.

A copy is taken with SQLite's online backup API, so what still sits in the
-wal (committed dossiers not yet checkpointed) is in it, and it is consistent
while the desk works. The copy is written under a temporary name, turned
into a self-contained file (rollback journal, no -wal needed), checked
(``integrity_check`` and the audit hash chain, database_checks.py) and only
then renamed to its final name: a file named ``counter-*.sqlite3`` in a
backup folder is a good backup. Each place keeps the newest ``keep``
generations and a copy of the high-water mark (counter_app/high_water.py).

The electronic dossier's files go with it, incrementally: each place has its
own content-addressed store (``<place>/files``, the layout of
counter_app/files/store.py) and a generation needs the files its database
copy names in ``stored_files`` (the copy is its own list, so the list and the
database can never disagree). A file is copied only when that store does
not hold it yet, so a daily backup copies the day's scans, not the year's;
pruning a generation deletes only the files no kept generation names.

This module sits beside storage.py (it runs before an upgrade, when no
service can open the database yet); services/backups.py is the use case.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from counter_app import config, high_water
from counter_app.database_checks import (
    check,
    database_mark,
    named_among,
    needed_files,
    one_line,
)
from counter_app.files.backup_copy import (
    UNBOUNDED,
    Limit,
    clear_pending,
    copy_into,
    has_whole,
    mark_pending,
    pending_count,
    settle,
)
from counter_app.files.check import FileReport, listing, verify
from counter_app.files.store import FileStore, files_dir
from counter_app.private_files import fsync_dir, narrow, private_file, write_atomic

log = logging.getLogger(__name__)

SETTINGS_FILENAME = "backup.json"
PREFIX = "counter-"
SUFFIX = ".sqlite3"
DEFAULT_KEEP = 14


class BackupFailed(Exception):
    """The copy could not be written or did not pass its checks (``reason``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FilesMissing(BackupFailed):
    """The database was backed up, but files it names are neither in the data
    folder's store (missing, damaged) nor already in the backup place."""

    def __init__(self, written: list[Path], missing: list[str]) -> None:
        super().__init__(f"{len(missing)} files")
        self.written = written
        self.missing = missing


@dataclass(frozen=True)
class BackupSettings:
    place: str = ""  # the administrator's second place (USB drive, network share)
    keep: int = DEFAULT_KEEP


def read_settings(directory: Path) -> BackupSettings:
    path = directory / SETTINGS_FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return BackupSettings(str(data.get("place") or ""), int(data.get("keep") or DEFAULT_KEEP))
    except FileNotFoundError:
        return BackupSettings()
    except (OSError, ValueError, TypeError, AttributeError):
        log.error("Backup settings %s unreadable; defaults used", path)
        return BackupSettings()


def write_settings(directory: Path, settings: BackupSettings) -> None:
    data = {"place": settings.place, "keep": settings.keep}
    write_atomic(directory / SETTINGS_FILENAME, json.dumps(data).encode("utf-8"))


def places(directory: Path, extra: Path | None = None) -> list[Path]:
    """Where a backup goes: the data folder's backups/, the configured second
    place, and ``extra`` (``counter-app backup --to``)."""
    found = [config.backups_dir(directory)]
    settings = read_settings(directory)
    for other in (Path(settings.place) if settings.place else None, extra):
        if other is not None and other.resolve() not in {p.resolve() for p in found}:
            found.append(other)
    return found


@contextmanager
def _partial(final: Path) -> Iterator[Path]:
    """A temporary file beside ``final`` that becomes it only if the block succeeds."""
    tmp = final.with_name("." + final.name + ".partial")
    private_file(tmp)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, final)
        fsync_dir(final.parent)
    finally:
        tmp.unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` (WAL content included) into ``target``,
    left as one self-contained file."""
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # The copy needs no -wal beside it: whoever copies it copies it all.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def take(
    source: Path,
    directory: Path,
    label: str,
    *,
    extra: Path | None = None,
    limit: Limit = UNBOUNDED,
) -> list[Path]:
    """A checked backup of ``source`` into every place; newest ``keep`` kept in each.

    The database copy is always whole. The files go until ``limit``: what is
    left is marked pending beside the generation (files/backup_copy.py) and
    copied by :func:`finish`. Unbounded, every place's store is listed (a
    file deleted there by hand is copied again) and older pending
    generations are finished too."""
    settings = read_settings(directory)
    name = f"{PREFIX}{datetime.now():%Y%m%d-%H%M%S-%f}-{label}{SUFFIX}"
    mark = directory / high_water.FILENAME
    written = []
    first: Path | None = None
    needed: dict[str, int] = {}
    live = FileStore(files_dir(directory))
    lost: set[str] = set()
    for place in places(directory, extra):
        try:
            if place != config.backups_dir(directory) and not place.is_dir():
                # Never create it: an unplugged USB drive's mount point would
                # silently take the backup onto this very disk.
                raise BackupFailed(f"{place}: not found")
            final = place / name
            with _partial(final) as tmp:
                if first is None:
                    copy_database(source, tmp)
                    result = check(tmp)
                    if not result.ok:
                        raise BackupFailed(
                            result.integrity
                            if result.integrity != "ok"
                            else f"audit chain broken at entry {result.audit_broken_id}"
                        )
                    needed = needed_files(tmp)
                else:
                    # The checked copy, copied on: the source may have moved on.
                    shutil.copyfile(first, tmp)
            narrow(final)
            if mark.exists() and place != directory:
                high_water.copy(mark, place / high_water.FILENAME)
            lost |= set(_copy_for(final, needed, live, limit))
            if not limit.bounded:
                lost |= set(_finish_place(place, live, limit))
            prune(place, settings.keep, needed)
        except OSError as exc:
            log.error("Backup to %s failed: %s", place, type(exc).__name__)
            raise BackupFailed(f"{place}: {exc.strerror or exc}") from exc
        except sqlite3.Error as exc:  # a source SQLite cannot even read
            log.error("Backup failed reading the database: %s", type(exc).__name__)
            raise BackupFailed(one_line(str(exc))) from exc
        first = first or final
        written.append(final)
        log.info("Backup written: %s", final)
    if lost:
        log.error("Backup: %d stored files missing or damaged in the data folder", len(lost))
        raise FilesMissing(written, sorted(lost))
    return written


def backup_store(place: Path) -> FileStore:
    return FileStore(place / "files")


def _copy_for(generation: Path, needed: dict[str, int], live: FileStore, limit: Limit) -> list[str]:
    """The files ``generation`` needs that its place lacks, copied until ``limit``.

    Bounded (the start), what the place holds is what its newest complete
    generation names, which pruning never deletes: only the files named
    since are looked at, not the 50,000 entries of the store."""
    store = backup_store(generation.parent)
    known = _complete_before(generation) if limit.bounded else None
    if known is None:
        present = listing(store, {sha[:2] for sha in needed}) if needed else {}
        todo = {sha: size for sha, size in needed.items() if present.get(sha) != size}
    else:
        todo = {
            sha: size
            for sha, size in needed.items()
            if sha not in known and not has_whole(store, sha, size)
        }
    if not todo:
        return []
    # Said before the first file is copied: a crash leaves it said.
    mark_pending(generation, len(todo))
    copied = copy_into(todo, live, store, limit)
    settle(generation, copied)
    return copied.lost


def _complete_before(generation: Path) -> set[str] | None:
    """What the newest complete generation older than ``generation`` names."""
    for older in generations(generation.parent):
        if older.name < generation.name and pending_count(older) is None:
            try:
                return set(needed_files(older))
            except sqlite3.Error:
                return None
    return None


def pending(directory: Path) -> list[Path]:
    """Generations, in the places at hand, whose files are still being copied."""
    return [
        g for place in places(directory) for g in generations(place) if pending_count(g) is not None
    ]


def finish(directory: Path, limit: Limit = UNBOUNDED) -> list[str]:
    """Copy what pending generations still lack, until ``limit``; returns the
    hashes the data folder could not give whole. An unplugged place waits."""
    live = FileStore(files_dir(directory))
    lost: list[str] = []
    for place in places(directory):
        if not place.is_dir():
            continue
        try:
            lost += _finish_place(place, live, limit)
        except OSError as exc:
            raise BackupFailed(f"{place}: {exc.strerror or exc}") from exc
        except sqlite3.Error as exc:
            raise BackupFailed(one_line(str(exc))) from exc
    return sorted(set(lost))


def _finish_place(place: Path, live: FileStore, limit: Limit) -> list[str]:
    """Every pending generation of ``place``, newest first, against one listing."""
    waiting = [g for g in generations(place) if pending_count(g) is not None]
    if not waiting:
        return []
    store = backup_store(place)
    # A copy was cut short here: what it was writing when killed is swept.
    store.sweep_partials()
    present = listing(store)
    lost: set[str] = set()
    for generation in waiting:
        todo = {s: n for s, n in needed_files(generation).items() if present.get(s) != n}
        copied = copy_into(todo, live, store, limit)
        settle(generation, copied)
        lost |= set(copied.lost)
        present.update({s: n for s, n in todo.items() if s not in copied.lost + copied.left})
    return sorted(lost)


def check_files(path: Path) -> FileReport:
    """Every file the backup ``path`` names, read whole in its place's store."""
    return verify(backup_store(path.parent), needed_files(path))


def mark_copies(directory: Path, *more: Path) -> list[high_water.Mark]:
    """Every other witness of the numbers this counter handed out: the mark
    kept in each backup place (and in ``more``), the numbers inside every
    backup there, and those of every database a restore replaced.

    The mark in a place is only as new as the last backup, but a replaced
    database knows every code it printed up to the restore: with the data
    folder's own mark deleted, it is what keeps those codes from coming back."""
    found: list[high_water.Mark] = []
    seen: set[Path] = set()
    for place in [*places(directory), *more]:
        if place.resolve() in seen or not place.is_dir():
            continue
        seen.add(place.resolve())
        mark_file = place / high_water.FILENAME
        if mark_file.exists():
            found.append(high_water.read(mark_file))
        databases = generations(place) + sorted(place.glob(f"replaced-*/{config.DB_FILENAME}"))
        found += [m for m in map(database_mark, databases) if m is not None]
    return found


def generations(place: Path) -> list[Path]:
    """Good backups in ``place``, newest first (the name carries the time)."""
    if not place.is_dir():
        return []
    return sorted(
        (p for p in place.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()),
        key=lambda p: p.name,
        reverse=True,
    )


def prune(place: Path, keep: int, newest: dict[str, int] | None = None) -> None:
    """The newest ``keep`` generations stay, and every file one of them names.

    Only the files the generations going away name are candidates: those the
    newest names (``newest``: its list, already read) stay, and the few left
    are looked up in each other kept generation (an index lookup, not its
    whole list). A generation that cannot say what it names is handled as
    before: a kept one keeps every file; one going away makes the whole store
    compared with every kept list once it is gone."""
    kept = generations(place)
    going = kept[max(keep, 1) :]
    kept = kept[: max(keep, 1)]
    if not going:
        return
    store = backup_store(place)
    sweep = False
    if store.root.is_dir():
        try:
            doomed = _named_by(going)
        except sqlite3.Error:
            doomed, sweep = set(), True
        try:
            doomed -= (newest if newest is not None else needed_files(kept[0])).keys()
            for generation in kept[1:]:
                doomed -= named_among(generation, doomed)
        except sqlite3.Error:
            log.warning("Backup in %s unreadable: no stored file pruned", place)
            doomed, sweep = set(), False
        # The files go first: a crash before the generation goes does it again.
        for sha in doomed:
            store.path_of(sha).unlink(missing_ok=True)
    for old in going:
        old.unlink(missing_ok=True)
        clear_pending(old)
    if sweep:
        _sweep(place, store)


def _named_by(generations_: list[Path]) -> set[str]:
    named: set[str] = set()
    for generation in generations_:
        named |= needed_files(generation).keys()
    return named


def _sweep(place: Path, store: FileStore) -> None:
    """Every file no kept generation names is deleted (each list read whole)."""
    try:
        kept = _named_by(generations(place))
    except sqlite3.Error:
        log.warning("Backup in %s unreadable: no stored file pruned", place)
        return
    for sha in listing(store).keys() - kept:
        store.path_of(sha).unlink(missing_ok=True)


def latest(directory: Path) -> Path | None:
    """The newest good backup in any place this counter writes to."""
    found = [g for place in places(directory) for g in generations(place)[:1]]
    return max(found, key=lambda p: p.name) if found else None


def taken_at(path: Path) -> datetime | None:
    stamp = path.name[len(PREFIX) : len(PREFIX) + 15]
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return None
