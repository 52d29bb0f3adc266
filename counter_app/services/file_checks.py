"""The electronic dossier's files as the database knows them: still there,
still whole (issue 18 point 5).

At every start :func:`at_start` compares the ``stored_files`` rows with the
store's directory listings (counter_app/files/check.py): no file is read, so
a desk with 50,000 scans opens as fast as an empty one. ``counter-app check``
(:func:`full_check`) reads every file and compares its hash.

Which files: those the counter stored itself (``stored_files``). The purge
of orphans (:func:`purge_orphans`) deletes only files no row names at all.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, or_, select, text
from sqlalchemy.orm import Session

from counter_app import config, database_checks
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.workflow import Role
from counter_app.files import check
from counter_app.files.check import FileReport, absent, listing, verify
from counter_app.files.store import FileStore
from counter_app.models import DigitisedPaper, Dossier, StoredFile
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user
from counter_app.services.context import ServiceContext

log = logging.getLogger(__name__)
_CTX = "FileChecks"
# How many dossier codes a notice names before it says "…".
NAMED = 5
PURGE_EVENT = "files.purged"
ORPHAN_AGE_S = 3600
# stored_files has a text key, so SQLite numbers its rows: a new row, a higher rowid.
_NEWEST = text("SELECT coalesce(max(rowid), 0) FROM stored_files")
_ADDED = text("SELECT sha256, size FROM stored_files WHERE rowid > :rowid")


@dataclass(frozen=True)
class FileProblem:
    sha256: str
    damaged: bool  # False: missing
    dossiers: tuple[str, ...]


@dataclass(frozen=True)
class FileCheck:
    checked: int
    problems: list[FileProblem]

    @property
    def ok(self) -> bool:
        return not self.problems


def _store(ctx: ServiceContext) -> FileStore:
    if ctx.files is None:
        raise RuntimeError("no file store: open the counter with app_setup.open_runtime")
    return ctx.files


def expected(session: Session) -> dict[str, int]:
    """Hash -> size of every file the counter stored."""
    return {sha: size for sha, size in session.execute(select(StoredFile.sha256, StoredFile.size))}


def _dossiers(session: Session, hashes: list[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {sha: [] for sha in hashes}
    for start in range(0, len(hashes), 500):
        rows = session.execute(
            select(DigitisedPaper.sha256, Dossier.code)
            .join(Dossier, Dossier.id == DigitisedPaper.dossier_id)
            .where(DigitisedPaper.sha256.in_(hashes[start : start + 500]))
            .distinct()
            .order_by(Dossier.code)
        )
        for sha, code in rows:
            found[sha].append(code)
    return {sha: tuple(codes) for sha, codes in found.items()}


def _check(
    ctx: ServiceContext, how: Callable[[FileStore, dict[str, int]], FileReport]
) -> FileCheck:
    with ctx.sessions() as session:
        wanted = expected(session)
        report = how(_store(ctx), wanted)
        bad = report.missing + report.corrupt
        codes = _dossiers(session, bad) if bad else {}
    problems = [FileProblem(s, False, codes[s]) for s in report.missing] + [
        FileProblem(s, True, codes[s]) for s in report.corrupt
    ]
    return FileCheck(report.checked, problems)


def quick_check(ctx: ServiceContext) -> FileCheck:
    """Missing or cut-short files, from the directory listings alone."""
    return _check(ctx, absent)


def full_check(ctx: ServiceContext) -> FileCheck:
    """Every file read whole and its hash compared with its name."""
    return _check(ctx, verify)


@dataclass(frozen=True)
class _Look:
    wanted: dict[str, int]  # hash -> size of the rows in the folders to list
    max_rowid: int
    fresh: bool  # the snapshot is out of date: take a new one if all is whole


def _since_snapshot(ctx: ServiceContext, session: Session, database: str) -> _Look:
    """What the start must look at: the rows in the folders that changed
    since the last start that found all whole, and the rows added since (all
    rows when it cannot tell: no snapshot, another database file).

    Rows are never deleted (a removed paper keeps its file), so the newest
    rowid tells which rows are new; rows deleted by hand only leave files
    nobody needs."""
    max_rowid = session.execute(_NEWEST).scalar_one()
    store = _store(ctx)
    snapshot = check.read_snapshot(store)
    if snapshot is None or snapshot.database != database or max_rowid < snapshot.max_rowid:
        return _Look(expected(session), max_rowid, max_rowid > 0)
    added: dict[str, int] = {
        sha: size for sha, size in session.execute(_ADDED, {"rowid": snapshot.max_rowid})
    }
    prefixes = check.moved_dirs(snapshot, check.dir_times(store)) | {s[:2] for s in added}
    if not prefixes:
        return _Look({}, max_rowid, False)
    ranges = [and_(StoredFile.sha256 >= p, StoredFile.sha256 < p + "g") for p in prefixes]
    rows = session.execute(select(StoredFile.sha256, StoredFile.size).where(or_(*ranges)))
    return _Look({sha: size for sha, size in rows}, max_rowid, True)


def at_start(ctx: ServiceContext, database: Path) -> Message | None:
    """The official's notice when a stored file is missing; None when all are there.

    Only the folders that changed since the last start that found all whole
    are listed (counter_app/files/check.py): a desk with 50,000 files opens
    as fast as one with none."""
    store = _store(ctx)
    try:
        st = database.stat()
        key = f"{st.st_dev}:{st.st_ino}"
    except OSError:
        key = ""
    taken_ns = time.time_ns()
    with ctx.sessions() as session:
        look = _since_snapshot(ctx, session, key)
        report = check.absent(store, look.wanted)
        bad = report.missing + report.corrupt
        codes = _dossiers(session, bad) if bad else {}
    if report.ok:
        if look.fresh:
            check.take_snapshot(store, key, look.max_rowid, taken_ns)
        return None
    found = FileCheck(
        report.checked,
        [FileProblem(s, False, codes[s]) for s in report.missing]
        + [FileProblem(s, True, codes[s]) for s in report.corrupt],
    )
    log.error("%d stored files missing or cut short in the data folder", len(found.problems))
    dossiers = sorted({c for p in found.problems for c in p.dossiers})
    named = ", ".join(dossiers[:NAMED]) + (", …" if len(dossiers) > NAMED else "")
    return Message(
        _CTX,
        QT_TRANSLATE_NOOP(
            "FileChecks",
            "{count} electronic copies are missing or damaged in the data folder "
            "(dossiers {dossiers}). Tell the administrator: they are restored from a "
            "backup; \u201ccounter-app check\u201d lists them all.",
        ),
        {"count": len(found.problems), "dossiers": named or "-"},
    )


@dataclass(frozen=True)
class Purged:
    count: int
    size: int


def _mtime(store: FileStore, sha: str) -> float:
    try:
        return store.path_of(sha).stat().st_mtime
    except FileNotFoundError:
        return float("inf")


def _named_by_replaced(directory: Path) -> set[str]:
    """Files a database replaced by a restore names (``backups/replaced-…``):
    its dossiers may come back (from the centre, by hand), so their files
    are not orphans. One that cannot be read keeps every file."""
    named: set[str] = set()
    for old in sorted(config.backups_dir(directory).glob(f"replaced-*/{config.DB_FILENAME}")):
        try:
            named |= database_checks.needed_files(old).keys()
        except sqlite3.Error:
            raise UserError(
                Message(
                    _CTX,
                    QT_TRANSLATE_NOOP(
                        "FileChecks",
                        "The database a restore replaced ({file}) cannot be read, so it is "
                        "not known which files its dossiers need: nothing was deleted.",
                    ),
                    {"file": old},
                )
            ) from None
    return named


def purge_orphans(ctx: ServiceContext, actor: Actor, directory: Path) -> Purged:
    """Delete the orphans, an administrator only, with an audit entry naming
    every hash. A file any paper row names, removed or not, is never touched:
    the retention of electronic dossiers (docs/law.md) keeps those; nor is
    one a database replaced by a restore names."""
    store = _store(ctx)
    replaced = _named_by_replaced(directory)

    def purge(session: Session) -> Purged:
        acting_user(session, actor, role=Role.ADMIN)
        named = set(expected(session)) | set(session.scalars(select(DigitisedPaper.sha256)))
        named |= replaced
        # A file stored in the last hour may be one whose row is being
        # written right now (the file goes first): it is not an orphan yet.
        cutoff = time.time() - ORPHAN_AGE_S
        gone = {
            sha: size
            for sha, size in listing(store).items()
            if sha not in named and _mtime(store, sha) < cutoff
        }
        # Part-files of writes killed midway name no file: garbage, not copies.
        partials = store.sweep_partials()
        audit.log_event(
            session,
            ctx,
            actor.username,
            PURGE_EVENT,
            "files",
            {"files": sorted(gone), "bytes": sum(gone.values()), "partials": partials},
        )
        for sha in gone:
            store.path_of(sha).unlink(missing_ok=True)
        return Purged(len(gone), sum(gone.values()))

    return ctx.sessions.write(purge)
