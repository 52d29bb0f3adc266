"""The electronic dossier's papers: stored, described, found, reused, removed.

A copy's file goes into the counter's store first (files/store.py: written
whole or not at all), then its row is written in the caller's unit of work
(services/paper_records.py): a row never names a file that is not on disk.
Papers are never deleted: a removal is recorded on the row with its reason
and in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.errors import NotFound
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message
from counter_app.domain.papers import Origin, PaperRole, SignedBy, valid_on, validate_paper
from counter_app.domain.text import fold
from counter_app.files.store import Blob
from counter_app.models import DigitisedPaper, Dossier
from counter_app.services import audit
from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.services.dossier_steps import load_dossier
from counter_app.services.paper_records import (
    NewCopy,
    PaperInfo,
    checked_pdf,
    document_types,
    info_of,
    may_digitise,
    record,
    refused,
    store_of,
)

__all__ = ["NewCopy", "PaperInfo", "SignedBy", "document_types"]
_CTX = "Papers"


def add_copy(ctx: ServiceContext, actor: Actor, new: NewCopy) -> PaperInfo:
    """Store ``new``'s file and record the paper in one unit of work."""
    pages = checked_pdf(new.pdf)
    today = ctx.now().date()
    data = validate_paper(new.data, document_types(), today)
    blob = store_of(ctx).put_bytes(new.pdf)

    def write(session: Session) -> PaperInfo:
        may_digitise(session, actor)
        dossier = load_dossier(session, new.dossier_code)
        return record(session, ctx, actor, dossier, new, data, blob, pages)

    return ctx.sessions.write(write)


@dataclass(frozen=True)
class Reuse:
    """A paper already held, to take into a dossier for one of its documents."""

    paper_uuid: str
    document_name: str
    # A paper held at the centre (PaperInfo.held_at set), its file already
    # fetched into this counter's store; None for one of this counter's own.
    held: PaperInfo | None = None


def reuse(
    ctx: ServiceContext, actor: Actor, paper_uuid: str, dossier_code: str, component: int | None
) -> PaperInfo:
    """Take a paper already held into ``dossier_code`` (Art. 17(1)(b)): same
    file, same data, a new row naming its source. An expired one is refused."""

    def write(session: Session) -> PaperInfo:
        may_digitise(session, actor)
        dossier = load_dossier(session, dossier_code)
        return reuse_in(session, ctx, actor, paper_uuid, dossier, component)

    return ctx.sessions.write(write)


def reuse_at_reception(
    session: Session, ctx: ServiceContext, actor: Actor, dossier: Dossier, taken: Reuse
) -> PaperInfo:
    """A reuse chosen on the reception form, in the reception's unit of work:
    the paper fulfils the handed-in document of that name."""
    position = next((d.position for d in dossier.documents if d.name == taken.document_name), None)
    if position is None:
        raise refused(
            QT_TRANSLATE_NOOP(
                "Papers",
                "“{name}” is not among the documents handed in; tick it or take "
                "the paper for another document.",
            ),
            name=taken.document_name,
        )
    if taken.held is not None:
        return _reuse_from_centre(session, ctx, actor, taken.held, dossier, position)
    return reuse_in(session, ctx, actor, taken.paper_uuid, dossier, position)


def _reuse_from_centre(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    held: PaperInfo,
    dossier: Dossier,
    component: int,
) -> PaperInfo:
    """A paper of another counter of the province, its file fetched here first:
    the same data and file, a row naming the centre's paper as its source."""
    _still_valid(held.data.valid_until, ctx)
    if not store_of(ctx).intact(held.sha256):
        raise refused(
            QT_TRANSLATE_NOOP(
                "Papers",
                "The file of “{name}” has not arrived from the centre; take the paper "
                "again when the link is back, or scan it.",
            ),
            name=held.data.document_name,
        )
    new = NewCopy(dossier.code, b"", held.data, Origin.REUSE, PaperRole.PAPER, component)
    blob = Blob(held.sha256, held.size)
    return record(session, ctx, actor, dossier, new, held.data, blob, held.pages, held.uuid)


def reuse_in(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    paper_uuid: str,
    dossier: Dossier,
    component: int | None,
) -> PaperInfo:
    source = _paper(session, paper_uuid)
    _still_valid(source.valid_until, ctx)
    info = info_of(source, "")
    new = NewCopy(dossier.code, b"", info.data, Origin.REUSE, PaperRole.PAPER, component)
    blob = Blob(source.sha256, source.size)
    return record(session, ctx, actor, dossier, new, info.data, blob, source.pages, source.uuid)


def _still_valid(valid_until: date | None, ctx: ServiceContext) -> None:
    if not valid_on(valid_until, ctx.now().date()):
        assert valid_until is not None
        raise refused(
            QT_TRANSLATE_NOOP(
                "Papers",
                "This paper expired on {date}; it cannot be reused. Scan the new paper.",
            ),
            date=f"{valid_until:%d/%m/%Y}",
        )


def _paper(session: Session, uuid: str) -> DigitisedPaper:
    paper = session.scalar(select(DigitisedPaper).where(DigitisedPaper.uuid == uuid))
    if paper is None or paper.removed_at is not None:
        raise NotFound(
            Message(_CTX, QT_TRANSLATE_NOOP("Papers", "This electronic copy is not held here."))
        )
    return paper


def _rows(session: Session, *where: object) -> list[PaperInfo]:
    rows = session.execute(
        select(DigitisedPaper, Dossier.code)
        .join(Dossier, Dossier.id == DigitisedPaper.dossier_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(DigitisedPaper.created_at, DigitisedPaper.id)
    ).all()
    return [info_of(paper, code) for paper, code in rows]


def list_papers(ctx: ServiceContext, dossier_code: str) -> list[PaperInfo]:
    """A dossier's copies, removed ones included (shown as such)."""
    with ctx.sessions() as session:
        dossier = load_dossier(session, dossier_code)
        return _rows(session, DigitisedPaper.dossier_id == dossier.id)


def held_for(ctx: ServiceContext, id_number: str) -> list[PaperInfo]:
    """Papers and results held for a person (newest first, one per file and
    type): what the desk may take instead of asking again. Expired ones are
    in the list, for the window to show as such; :func:`reuse` refuses them."""
    number = id_number.strip().upper()
    if not number:
        return []
    with ctx.sessions() as session:
        rows = _rows(
            session,
            DigitisedPaper.holder_id_number == number,
            DigitisedPaper.removed_at.is_(None),
        )
    seen: set[tuple[str, str]] = set()
    held: list[PaperInfo] = []
    for row in reversed(rows):
        key = (row.sha256, row.data.doc_type_code)
        if key not in seen:
            seen.add(key)
            held.append(row)
    return held


def search(ctx: ServiceContext, text: str, limit: int = 200) -> list[PaperInfo]:
    """Copies whose fields or OCR text hold every word of ``text`` (accents optional)."""
    words = fold(text).split()
    if not words:
        return []
    with ctx.sessions() as session:
        rows = _rows(
            session,
            DigitisedPaper.removed_at.is_(None),
            # A form the desk issued is no paper of the citizen's to find and reuse.
            DigitisedPaper.role != PaperRole.FORM.value,
            *(DigitisedPaper.search_text.contains(w, autoescape=True) for w in words),
        )
    return rows[-limit:][::-1]


def file_path(ctx: ServiceContext, sha256: str) -> Path:
    """Where a copy's file is, to show or print it."""
    return store_of(ctx).path_of(sha256)


def remove(ctx: ServiceContext, actor: Actor, paper_uuid: str, reason: str) -> None:
    """Take a copy out of its dossier (a wrong paper scanned): the row stays,
    marked, and the file stays for the retention period; audited."""
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise refused(
            QT_TRANSLATE_NOOP("Papers", "Write why the copy is removed (at least 5 characters).")
        )

    def write(session: Session) -> None:
        may_digitise(session, actor)
        paper = _paper(session, paper_uuid)
        paper.removed_at = ctx.now()
        paper.removed_by = actor.username
        paper.removal_reason = reason
        dossier = session.get(Dossier, paper.dossier_id)
        assert dossier is not None
        audit.log_event(
            session,
            ctx,
            actor.username,
            "paper.removed",
            dossier.code,
            {"paper": paper.uuid, "sha256": paper.sha256, "reason": reason},
        )

    ctx.sessions.write(write)
