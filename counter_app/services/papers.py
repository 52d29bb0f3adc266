"""The electronic dossier's papers: stored, described, found, reused, removed.

A copy's file goes into the counter's store first (files/store.py: written
whole or not at all), then its row is written in the caller's unit of work:
a row never names a file that is not on disk. Papers are never deleted:
a removal is recorded on the row with its reason and in the audit log.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.errors import Forbidden, NotFound
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.papers import (
    DocumentTypes,
    Origin,
    PaperData,
    PaperRole,
    document_code,
    paper_search_text,
    parse_document_types,
    valid_on,
    validate_paper,
)
from counter_app.domain.text import fold
from counter_app.domain.workflow import Role
from counter_app.files.pdf_pages import NotAPdf, page_count
from counter_app.files.store import Blob, FileStore
from counter_app.models import DigitisedPaper, Dossier, StoredFile
from counter_app.resources_path import resource
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user, roles_of
from counter_app.services.context import ServiceContext, counter_identity
from counter_app.services.dossier_steps import load_dossier

_CTX = "Papers"
TYPES_FILE = ("papers", "document_types.json")
# Who may add a copy: the official receiving the papers, and those issuing
# or handing over the result (4 tại chỗ: the approver at the desk).
_MAY_DIGITISE = frozenset({Role.RECEIVER, Role.RETURNER, Role.APPROVER})


@functools.cache
def document_types() -> DocumentTypes:
    return parse_document_types(json.loads(resource(*TYPES_FILE).read_text(encoding="utf-8")))


@dataclass(frozen=True)
class PaperInfo:
    uuid: str
    dossier_code: str
    component: int | None
    component_name: str
    role: PaperRole
    origin: Origin
    sha256: str
    pages: int
    size: int
    data: PaperData
    document_code: str
    reused_from: str | None
    created_by: str
    created_at: datetime
    removed: bool

    def valid_on(self, day: date) -> bool:
        return valid_on(self.data.valid_until, day)


def _info(paper: DigitisedPaper, dossier_code: str) -> PaperInfo:
    return PaperInfo(
        uuid=paper.uuid,
        dossier_code=dossier_code,
        component=paper.component,
        component_name=paper.component_name,
        role=PaperRole(paper.role),
        origin=Origin(paper.origin),
        sha256=paper.sha256,
        pages=paper.pages,
        size=paper.size,
        data=PaperData(
            doc_type_code=paper.doc_type_code,
            document_name=paper.document_name,
            holder_id_number=paper.holder_id_number,
            holder_name=paper.holder_name,
            holder_birth_year=paper.holder_birth_year,
            id_issued_on=paper.id_issued_on,
            id_issued_by=paper.id_issued_by,
            summary=paper.summary,
            valid_until=paper.valid_until,
            scope=paper.scope,
        ),
        document_code=paper.document_code,
        reused_from=paper.reused_from,
        created_by=paper.created_by,
        created_at=paper.created_at,
        removed=paper.removed_at is not None,
    )


def _refused(source: str, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)))


def _store(ctx: ServiceContext) -> FileStore:
    if ctx.files is None:
        raise RuntimeError("no file store: open the counter with app_setup.open_runtime")
    return ctx.files


def _may_digitise(session: Session, actor: Actor) -> None:
    user = acting_user(session, actor)
    if not roles_of(user) & _MAY_DIGITISE:
        raise Forbidden(
            Message(
                _CTX,
                QT_TRANSLATE_NOOP(
                    "Papers",
                    "Only an official who receives dossiers or returns results may add "
                    "electronic copies.",
                ),
            )
        )


@dataclass(frozen=True)
class NewCopy:
    """An electronic copy to add to a dossier: its PDF and its data."""

    dossier_code: str
    pdf: bytes
    data: PaperData
    origin: Origin
    role: PaperRole = PaperRole.PAPER
    component: int | None = None  # DossierDocument.position it fulfils
    ocr_text: str = ""


def _checked_pdf(pdf: bytes) -> int:
    try:
        return page_count(pdf)
    except NotAPdf:
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Papers",
                "The file is not a PDF that can be read (damaged or protected); scan the "
                "paper again or choose another file.",
            )
        ) from None


def _component_name(dossier: Dossier, position: int | None) -> str:
    if position is None:
        return ""
    for doc in dossier.documents:
        if doc.position == position:
            return doc.name
    raise _refused(
        QT_TRANSLATE_NOOP("Papers", "The dossier has no paper number {position} in its checklist."),
        position=position,
    )


def _file_row(session: Session, blob: Blob, pages: int, now: datetime) -> None:
    if session.get(StoredFile, blob.sha256) is None:
        session.add(StoredFile(sha256=blob.sha256, size=blob.size, pages=pages, stored_at=now))
        # Before the paper: no relationship tells the flush that order.
        session.flush()


def add_copy(ctx: ServiceContext, actor: Actor, new: NewCopy) -> PaperInfo:
    """Store ``new``'s file and record the paper in one unit of work."""
    pages = _checked_pdf(new.pdf)
    today = ctx.now().date()
    data = validate_paper(new.data, document_types(), today)
    blob = _store(ctx).put_bytes(new.pdf)

    def write(session: Session) -> PaperInfo:
        _may_digitise(session, actor)
        dossier = load_dossier(session, new.dossier_code)
        return _record(session, ctx, actor, dossier, new, data, blob, pages)

    return ctx.sessions.write(write)


def _record(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    dossier: Dossier,
    new: NewCopy,
    data: PaperData,
    blob: Blob,
    pages: int,
    reused_from: str | None = None,
) -> PaperInfo:
    now = ctx.now()
    code = ""
    if new.role is PaperRole.RESULT:
        kind = document_types().get(data.doc_type_code)
        if kind is None or not kind.result:
            raise _refused(
                QT_TRANSLATE_NOOP("Papers", "Choose a result type (a code starting with KQ).")
            )
        if not data.holder_id_number:
            raise _refused(
                QT_TRANSLATE_NOOP(
                    "Papers",
                    "A result's document code needs the holder's identification number.",
                )
            )
        code = document_code(data.holder_id_number, data.doc_type_code)
    _file_row(session, blob, pages, now)
    paper = DigitisedPaper(
        dossier_id=dossier.id,
        component=new.component,
        component_name=_component_name(dossier, new.component),
        role=new.role.value,
        origin=new.origin.value,
        sha256=blob.sha256,
        pages=pages,
        size=blob.size,
        doc_type_code=data.doc_type_code,
        holder_id_number=data.holder_id_number,
        holder_name=data.holder_name,
        holder_birth_year=data.holder_birth_year,
        id_issued_on=data.id_issued_on,
        id_issued_by=data.id_issued_by,
        document_name=data.document_name,
        summary=data.summary,
        valid_until=data.valid_until,
        scope=data.scope,
        document_code=code,
        reused_from=reused_from,
        ocr_text=new.ocr_text,
        search_text=paper_search_text(data, new.ocr_text),
        created_by=actor.username,
        created_at=now,
        counter_uuid=counter_identity(session).uuid,
    )
    session.add(paper)
    session.flush()
    audit.log_event(
        session,
        ctx,
        actor.username,
        "paper.reused" if reused_from else "paper.added",
        dossier.code,
        {
            "paper": paper.uuid,
            "role": paper.role,
            "origin": paper.origin,
            "sha256": blob.sha256,
            "pages": pages,
            "doc_type": data.doc_type_code,
            **({"reused_from": reused_from} if reused_from else {}),
        },
    )
    return _info(paper, dossier.code)


@dataclass(frozen=True)
class Reuse:
    """A paper already held, to take into a dossier for one of its documents."""

    paper_uuid: str
    document_name: str


def reuse(
    ctx: ServiceContext, actor: Actor, paper_uuid: str, dossier_code: str, component: int | None
) -> PaperInfo:
    """Take a paper already held into ``dossier_code`` (Art. 17(1)(b)): same
    file, same data, a new row naming its source. An expired one is refused."""

    def write(session: Session) -> PaperInfo:
        _may_digitise(session, actor)
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
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Papers",
                "“{name}” is not among the documents handed in; tick it or take "
                "the paper for another document.",
            ),
            name=taken.document_name,
        )
    return reuse_in(session, ctx, actor, taken.paper_uuid, dossier, position)


def reuse_in(
    session: Session,
    ctx: ServiceContext,
    actor: Actor,
    paper_uuid: str,
    dossier: Dossier,
    component: int | None,
) -> PaperInfo:
    source = _paper(session, paper_uuid)
    if not valid_on(source.valid_until, ctx.now().date()):
        assert source.valid_until is not None
        raise _refused(
            QT_TRANSLATE_NOOP(
                "Papers",
                "This paper expired on {date}; it cannot be reused. Scan the new paper.",
            ),
            date=f"{source.valid_until:%d/%m/%Y}",
        )
    info = _info(source, "")
    new = NewCopy(dossier.code, b"", info.data, Origin.REUSE, PaperRole.PAPER, component)
    blob = Blob(source.sha256, source.size)
    return _record(session, ctx, actor, dossier, new, info.data, blob, source.pages, source.uuid)


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
    return [_info(paper, code) for paper, code in rows]


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
            *(DigitisedPaper.search_text.contains(w) for w in words),
        )
    return rows[-limit:][::-1]


def file_path(ctx: ServiceContext, sha256: str) -> Path:
    """Where a copy's file is, to show or print it."""
    return _store(ctx).path_of(sha256)


def remove(ctx: ServiceContext, actor: Actor, paper_uuid: str, reason: str) -> None:
    """Take a copy out of its dossier (a wrong paper scanned): the row stays,
    marked, and the file stays for the retention period; audited."""
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise _refused(
            QT_TRANSLATE_NOOP("Papers", "Write why the copy is removed (at least 5 characters).")
        )

    def write(session: Session) -> None:
        _may_digitise(session, actor)
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
