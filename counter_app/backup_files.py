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
from counter_app.database_checks import check, database_mark, needed_files, one_line
from counter_app.files.check import FileReport, listing, verify
from counter_app.files.store import ContentMismatch, FileStore, files_dir
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


def take(source: Path, directory: Path, label: str, *, extra: Path | None = None) -> list[Path]:
    """A checked backup of ``source`` into every place; newest ``keep`` kept in each."""
    settings = read_settings(directory)
    name = f"{PREFIX}{datetime.now():%Y%m%d-%H%M%S-%f}-{label}{SUFFIX}"
    mark = directory / high_water.FILENAME
    written = []
    first: Path | None = None
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
                else:
                    # The checked copy, copied on: the source may have moved on.
                    shutil.copyfile(first, tmp)
            narrow(final)
            if mark.exists() and place != directory:
                high_water.copy(mark, place / high_water.FILENAME)
            lost |= set(copy_files(needed_files(final), live, backup_store(place)))
            prune(place, settings.keep)
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


def copy_files(needed: dict[str, int], source: FileStore, target: FileStore) -> list[str]:
    """Copy into ``target`` what it lacks of ``needed`` from ``source``,
    each checked against its hash as it is written. A file already in
    ``target`` with its size is not read again (the check of a backup reads
    it). Returns the hashes neither store could give whole."""
    present = listing(target, {sha[:2] for sha in needed}) if needed else {}
    lost = []
    for sha, size in sorted(needed.items()):
        if present.get(sha) == size:
            continue
        origin = source.path_of(sha)
        if not origin.is_file():
            lost.append(sha)
            continue
        try:
            target.put_known(sha, origin)
        except ContentMismatch:
            # Damaged at the source: never stored under its good name.
            lost.append(sha)
    return lost


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


def prune(place: Path, keep: int) -> None:
    """The newest ``keep`` generations stay, and every file one of them names."""
    for old in generations(place)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    store = backup_store(place)
    if not store.root.is_dir():
        return
    kept: set[str] = set()
    for generation in generations(place):
        try:
            kept |= needed_files(generation).keys()
        except sqlite3.Error:
            # A generation that cannot say what it needs keeps every file.
            log.warning("Backup %s unreadable: no stored file pruned", generation.name)
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
