"""Backup and restore, as the official and the administrator use them.

The copying and checking is in counter_app/backup_files.py and
counter_app/database_checks.py; here are the occasions (on demand, the
first start of each day, on exit), the second place, the last good backup
for the status bar, and restore: a file is checked before anything is
replaced, the replaced database is kept aside, and the next start raises
the numbers above the high-water mark.
"""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from counter_app import backup_files, config, database_checks, high_water
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.workflow import Role
from counter_app.files.backup_copy import Limit, pending_count
from counter_app.files.store import FileStore, files_dir
from counter_app.private_files import narrow, private_dir, write_atomic
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext
from counter_app.services.continuity import RESTORE_NOTE

log = logging.getLogger(__name__)
_CTX = "Backups"


def _refused(source: str, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)))


# What the first start of a day spends copying files before the login is
# accepted: the database copy is always whole; the rest follows after the login.
START_FILES_BUDGET_S = 2.0
# After the window closed, the official may be turning the computer off: the
# exit backup copies the database whole and files for this long; the rest is
# taken by the next window's copy (a computer switched off mid-copy keeps only
# whole files either way).
EXIT_FILES_BUDGET_S = 30.0


@dataclass(frozen=True)
class LastBackup:
    path: Path
    at: datetime | None
    copying: int | None = None  # files still being copied into its places; None: none


def back_up(
    directory: Path,
    label: str = "manual",
    to: Path | None = None,
    *,
    budget: float | None = None,
    stop: threading.Event | None = None,
) -> list[Path]:
    """A checked backup into every place (and ``to``); refused with a sentence.

    With a ``budget`` (seconds) or a ``stop``, the files not copied by then
    are left to :func:`finish_copy`."""
    try:
        return backup_files.take(
            config.database_path(directory),
            directory,
            label,
            extra=to,
            limit=Limit.within(budget, stop),
        )
    except backup_files.FilesMissing as exc:
        raise _files_missing(len(exc.missing)) from None
    except backup_files.BackupFailed as exc:
        raise _failed(exc.reason) from None


def finish_copy(directory: Path, stop: threading.Event | None = None) -> int:
    """The files the last backups still lack, copied until ``stop`` (the
    window's worker); returns how many remain. Refused with a sentence."""
    try:
        lost = backup_files.finish(directory, Limit(None, stop))
    except backup_files.BackupFailed as exc:
        raise _failed(exc.reason) from None
    if lost:
        raise _files_missing(len(lost))
    return sum(pending_count(g) or 0 for g in backup_files.pending(directory))


def _files_missing(count: int) -> UserError:
    return _refused(
        QT_TRANSLATE_NOOP(
            "Backups",
            "The database was backed up, but {count} electronic copies it names are "
            "missing or damaged in the data folder and could not be backed up; run "
            "“counter-app check” to see which dossiers they belong to.",
        ),
        count=count,
    )


def _failed(reason: str) -> UserError:
    return _refused(
        QT_TRANSLATE_NOOP(
            "Backups",
            "The backup was not made ({reason}); check that the backup folder is "
            "plugged in and writable, then try again.",
        ),
        reason=reason,
    )


def last_good(directory: Path) -> LastBackup | None:
    """The newest backup; ``copying`` when its files are not all in its places yet."""
    path = backup_files.latest(directory)
    if path is None:
        return None
    counts = [
        n
        for place in backup_files.places(directory)
        if (n := pending_count(place / path.name)) is not None
    ]
    return LastBackup(path, backup_files.taken_at(path), sum(counts) if counts else None)


def daily_due(directory: Path, today: date) -> bool:
    last = last_good(directory)
    return last is None or last.at is None or last.at.date() < today


def back_up_now(ctx: ServiceContext, actor: Actor, directory: Path) -> list[Path]:
    """The administrator's backup on demand (the desk's own run daily and on exit)."""
    with ctx.sessions() as session:
        acting_user(session, actor, role=Role.ADMIN)
    return back_up(directory, "manual")


def settings(directory: Path) -> backup_files.BackupSettings:
    return backup_files.read_settings(directory)


def set_place(
    ctx: ServiceContext,
    actor: Actor,
    directory: Path,
    place: Path | None,
    keep: int | None = None,
) -> None:
    """The administrator's second place (USB drive, network share) and generations."""
    current = backup_files.read_settings(directory)
    if keep is not None and not 1 <= keep <= 1000:
        raise _refused(
            QT_TRANSLATE_NOOP("Backups", "Keep between 1 and 1000 backups in each place.")
        )
    if place is not None and not place.is_dir():
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Backups",
                "The folder \u201c{folder}\u201d does not exist; plug the drive in "
                "or create the folder first.",
            ),
            folder=place,
        )
    chosen = backup_files.BackupSettings(
        str(place.resolve()) if place is not None else current.place,
        keep if keep is not None else current.keep,
    )

    # The record commits only with the file written: a refused actor changes nothing.
    def save(session: Session) -> None:
        acting_user(session, actor, role=Role.ADMIN)
        audit.log_event(
            session,
            ctx,
            actor.username,
            "backup.place",
            "settings",
            {"place": chosen.place, "keep": chosen.keep},
        )
        backup_files.write_settings(directory, chosen)

    ctx.sessions.write(save)


@dataclass(frozen=True)
class CheckedBackup:
    """A backup file that passed its checks, as the restore's confirmation names it."""

    path: Path
    at: datetime | None
    audit_entries: int
    files: tuple[str, ...] = ()  # hashes held whole in the backup's store


def check_backup(file: Path, directory: Path | None = None) -> CheckedBackup:
    """Refused with a sentence unless ``file`` is a good backup with every
    electronic copy its dossiers name (in its place's store, or already whole
    in ``directory``'s); nothing changes."""
    if not file.is_file():
        raise _refused(
            QT_TRANSLATE_NOOP("Backups", "There is no backup file \u201c{file}\u201d."), file=file
        )
    result = database_checks.check(file)
    if not result.ok:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Backups",
                "\u201c{file}\u201d is not a good backup ({reason}); nothing was restored. "
                "Choose another backup.",
            ),
            file=file,
            reason=result.integrity
            if result.integrity != "ok"
            else f"audit {result.audit_broken_id}",
        )
    return CheckedBackup(
        file, backup_files.taken_at(file), result.audit_checked, _files_to_bring(file, directory)
    )


def _files_to_bring(file: Path, directory: Path | None) -> tuple[str, ...]:
    """The hashes the restore copies from the backup's store: every file the
    backup names that is whole there. One that is not must already be whole
    in the data folder, else the restore is refused."""
    report = backup_files.check_files(file)
    bad = set(report.missing) | set(report.corrupt)
    live = FileStore(files_dir(directory)) if directory is not None else None
    lacking = sorted(s for s in bad if live is None or not live.intact(s))
    if lacking and pending_count(file) is not None:
        log.error("Backup %s lacks files still to be copied: %s", file.name, ", ".join(lacking))
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Backups",
                "\u201c{file}\u201d was taken while its electronic copies were still being "
                "copied, and the copy did not finish: {count} are not in it (dossiers "
                "{dossiers}); nothing was restored. Choose an earlier backup, or one from "
                "another place.",
            ),
            file=file,
            count=len(lacking),
            dossiers=", ".join(database_checks.dossiers_naming(file, lacking)),
        )
    if lacking:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Backups",
                "\u201c{file}\u201d lacks {count} of the electronic copies its dossiers need "
                "(missing or damaged; dossiers {dossiers}); nothing was restored. "
                "Choose another backup.",
            ),
            file=file,
            count=len(lacking),
            dossiers=", ".join(database_checks.dossiers_naming(file, lacking)),
        )
    return tuple(sorted(set(database_checks.needed_files(file)) - bad))


def restore_while_open(ctx: ServiceContext, actor: Actor, directory: Path, file: Path) -> Path:
    """Restore from the running application: an administrator only.

    The database is closed first and stays refused for writes afterwards: the
    numbers are raised above the high-water mark only when the counter opens
    again, so the application must close and be started anew.
    """
    with ctx.sessions() as session:
        acting_user(session, actor, role=Role.ADMIN)
    check_backup(file, directory)
    ctx.sessions.close(
        Message(
            _CTX,
            QT_TRANSLATE_NOOP(
                "Backups",
                "A backup was restored; close the application and open it again before working on.",
            ),
        )
    )
    return restore(directory, file)


def restore(directory: Path, file: Path) -> Path:
    """Put ``file`` in place of the counter's database; returns where the
    replaced database was kept. The caller must not have the database open."""
    checked = check_backup(file, directory)
    # Files first: should the copy fail (a full disk), the database is not
    # touched yet and the files already brought back are merely unused.
    live_files = FileStore(files_dir(directory))
    source = backup_files.backup_store(file.parent)
    for sha in checked.files:
        if not live_files.intact(sha):
            live_files.put_known(sha, source.path_of(sha))
    live = config.database_path(directory)
    kept = private_dir(config.backups_dir(directory) / f"replaced-{datetime.now():%Y%m%d-%H%M%S}")
    incoming = live.with_name(live.name + ".restoring")
    shutil.copyfile(file, incoming)
    narrow(incoming)
    # The old files are kept as they are (even damaged): they may hold dossiers.
    for suffix in ("", "-wal", "-shm"):
        old = live.with_name(live.name + suffix)
        if old.exists():
            shutil.move(old, kept / old.name)
            narrow(kept / old.name)
    incoming.replace(live)
    write_atomic(directory / RESTORE_NOTE, str(file.resolve()).encode("utf-8"))
    _adopt_mark(directory, file.parent)
    log.warning("Database restored from %s; the replaced one is kept in %s", file, kept)
    return kept


def _adopt_mark(directory: Path, backup_place: Path) -> None:
    """The mark becomes the highest of every copy: the data folder's, the one
    in each backup place and beside ``file``, and the numbers inside every
    backup and replaced database there (the data folder's mark may have been
    deleted, or the data folder be a new machine's). The centre's record is
    added at the next start, when it can be asked."""
    here = directory / high_water.FILENAME
    mine = high_water.read(here)
    found = [mine, *backup_files.mark_copies(directory, backup_place)]
    # The audit part goes with the longest log seen: a shorter restored log is
    # then known for what it is at the next start.
    audit_from = max(found, key=lambda m: m.audit_last_id)
    merged = high_water.Mark(
        high_water.merge_sequences(*found), audit_from.audit_last_id, audit_from.audit_head
    )
    if merged != mine:
        high_water.write(here, merged)
