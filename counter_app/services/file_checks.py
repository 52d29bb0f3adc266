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
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.workflow import Role
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


def at_start(ctx: ServiceContext) -> Message | None:
    """The official's notice when a stored file is missing; None when all are there."""
    found = quick_check(ctx)
    if found.ok:
        return None
    log.error("%d stored files missing or cut short in the data folder", len(found.problems))
    codes = sorted({c for p in found.problems for c in p.dossiers})
    named = ", ".join(codes[:NAMED]) + (", …" if len(codes) > NAMED else "")
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


def purge_orphans(ctx: ServiceContext, actor: Actor) -> Purged:
    """Delete the orphans, an administrator only, with an audit entry naming
    every hash. A file any paper row names, removed or not, is never touched:
    the retention of electronic dossiers (docs/law.md) keeps those."""
    store = _store(ctx)

    def purge(session: Session) -> Purged:
        acting_user(session, actor, role=Role.ADMIN)
        named = set(expected(session)) | set(session.scalars(select(DigitisedPaper.sha256)))
        # A file stored in the last hour may be one whose row is being
        # written right now (the file goes first): it is not an orphan yet.
        cutoff = time.time() - ORPHAN_AGE_S
        gone = {
            sha: size
            for sha, size in listing(store).items()
            if sha not in named and _mtime(store, sha) < cutoff
        }
        audit.log_event(
            session,
            ctx,
            actor.username,
            PURGE_EVENT,
            "files",
            {"files": sorted(gone), "bytes": sum(gone.values())},
        )
        for sha in gone:
            store.path_of(sha).unlink(missing_ok=True)
        return Purged(len(gone), sum(gone.values()))

    return ctx.sessions.write(purge)
