"""Signatures made offline are extended once the link returns (issue 21,
point 1): queued like other outgoing work, tried by each sync round.

A desk signs at reception with no network (PAdES B-B). Each round, when the
desk has a timestamp server configured and trust anchors installed, the
queued papers go through `signing.ltv.extend_pending`: a PDF it extends is
stored as a new file and its paper row names it in a write of its own (the
outbox hook bumps the version, the push carries the row, the file step of
the same round uploads the file). The B-B file loses its ``stored_files``
row so the purge of orphans takes it: the B-LT file begins with its bytes
(an incremental update), nothing is lost. A revoked, expired or untrusted
certificate is settled for good and never tried again; the first source
that does not answer ends the round's attempts and the rest waits.

It runs before the round opens the central database: a timestamp server
that is slow to refuse costs the round its timeout, never a held connection.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import Session

from counter_app.files.store import Blob
from counter_app.models import DigitisedPaper, Dossier, SignatureExtension, StoredFile
from counter_app.services import audit
from counter_app.services.context import ServiceContext
from counter_app.services.paper_records import file_row, store_of
from counter_app.services.signatures import tsa_url
from counter_app.signing.ltv import Extended, LtvSources, PendingRound, extend_pending
from counter_app.signing.trust import load_trust_anchors, trust_dir

log = logging.getLogger(__name__)
# What the sync round runs as when it writes the audit entry of an extension.
ROUND_USER = "sync"
# At most this many papers a round: a desk back online after a long cut
# catches up over a few rounds instead of holding one for minutes.
PER_ROUND = 50


@dataclass(frozen=True)
class ExtensionReport:
    """One round's extension step: signatures extended, settled for good,
    and those still waiting (no TSA configured, no roots, or the link down)."""

    extended: int = 0
    settled: int = 0
    waiting: int = 0


def _waiting_query() -> Select[str, str]:
    return (
        select(SignatureExtension.paper_uuid, DigitisedPaper.sha256)
        .join(DigitisedPaper, DigitisedPaper.uuid == SignatureExtension.paper_uuid)
        .where(SignatureExtension.settled_at.is_(None), DigitisedPaper.removed_at.is_(None))
    )


def waiting(ctx: ServiceContext) -> int:
    """Signatures of this desk not extended yet (the status bar's count)."""
    with ctx.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(_waiting_query().subquery())) or 0)


def sources_of(ctx: ServiceContext, directory: Path) -> LtvSources | None:
    """The desk's timestamp server and installed roots; None if either is missing."""
    url = tsa_url(ctx)
    anchors = load_trust_anchors(trust_dir(directory))
    if not url or anchors.empty:
        return None
    return LtvSources(url, anchors)


def _queued(ctx: ServiceContext) -> dict[str, list[str]]:
    """sha256 -> the waiting papers naming it, oldest signature first."""
    with ctx.sessions() as s:
        rows = s.execute(
            _waiting_query().order_by(SignatureExtension.queued_at).limit(PER_ROUND)
        ).all()
    by_file: dict[str, list[str]] = {}
    for row in rows:
        by_file.setdefault(str(row.sha256), []).append(str(row.paper_uuid))
    return by_file


def _items(ctx: ServiceContext, hashes: list[str]) -> Iterator[tuple[str, bytes]]:
    store = store_of(ctx)
    for sha in hashes:
        if store.has(sha):
            yield sha, store.read(sha)
        else:
            # Missing here (`counter-app check` names it): nothing to extend.
            log.error("Signed file %s is not in the store; not extended", sha[:12])


def extend_queued(ctx: ServiceContext, directory: Path) -> ExtensionReport:
    """The round's extension step; never raises for a source that is down."""
    sources = sources_of(ctx, directory)
    if sources is None:
        return ExtensionReport(waiting=waiting(ctx))
    by_file = _queued(ctx)
    if not by_file:
        return ExtensionReport()
    done = extend_pending(_items(ctx, list(by_file)), sources)
    for item in done.extended:
        # File first: a row never names a file the store lacks.
        blob = store_of(ctx).put_bytes(item.pdf)
        ctx.sessions.write(partial(_name_extended, ctx=ctx, item=item, blob=blob, by_file=by_file))
    ctx.sessions.write(lambda s: _note(s, ctx, done, by_file))
    report = ExtensionReport(len(done.extended), len(done.settled), waiting(ctx))
    if report.extended or report.settled:
        log.info(
            "Signatures: %d extended, %d settled, %d waiting",
            report.extended,
            report.settled,
            report.waiting,
        )
    return report


def _name_extended(
    session: Session, ctx: ServiceContext, item: Extended, blob: Blob, by_file: dict[str, list[str]]
) -> None:
    now = ctx.now()
    for uuid in by_file[item.sha256]:
        paper = session.scalar(select(DigitisedPaper).where(DigitisedPaper.uuid == uuid))
        queued = session.get(SignatureExtension, uuid)
        if paper is None or queued is None or paper.sha256 != item.sha256:
            continue  # changed meanwhile: the next round reads it again
        file_row(session, blob, paper.pages, now)
        paper.sha256, paper.size = blob.sha256, blob.size
        queued.settled_at, queued.outcome, queued.detail = now, "extended", ""
        session.flush()
        code = session.scalar(select(Dossier.code).where(Dossier.id == paper.dossier_id)) or ""
        audit.log_event(
            session,
            ctx,
            ROUND_USER,
            "paper.extended",
            code,
            {"paper": uuid, "sha256": blob.sha256, "was_sha256": item.sha256},
        )
    _release(session, item.sha256)


def _release(session: Session, sha: str) -> None:
    """The B-B file's row goes once nothing names it: the purge of orphans
    may then take the file (its bytes begin the B-LT file)."""
    named = session.scalar(
        select(func.count())
        .select_from(DigitisedPaper)
        .where(or_(DigitisedPaper.sha256 == sha, DigitisedPaper.unsigned_sha256 == sha))
    )
    if not named:
        session.execute(delete(StoredFile).where(StoredFile.sha256 == sha))


def _note(
    session: Session, ctx: ServiceContext, done: PendingRound, by_file: dict[str, list[str]]
) -> None:
    now = ctx.now()
    for sha, result in done.settled.items():
        for uuid in by_file[sha]:
            queued = session.get(SignatureExtension, uuid)
            if queued is not None and queued.settled_at is None:
                queued.settled_at, queued.outcome = now, result.status.value
                queued.detail = result.detail[:2000]
    for sha in done.pending:
        for uuid in by_file[sha]:
            queued = session.get(SignatureExtension, uuid)
            if queued is not None:
                queued.tried_at = now
