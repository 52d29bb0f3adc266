"""Recording a digitised paper in the caller's unit of work: the row, its
stored file's row and the audit entry. Shared by the papers service and by
the steps that bring a paper with them (a result's copy at the return)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from counter_app.domain.errors import Forbidden
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.papers import (
    DocumentTypes,
    Origin,
    PaperData,
    PaperRole,
    SignedBy,
    document_code,
    paper_search_text,
    parse_document_types,
    valid_on,
)
from counter_app.domain.workflow import Role
from counter_app.files.pdf_pages import NotAPdf, page_count
from counter_app.files.store import Blob, FileStore
from counter_app.models import DigitisedPaper, Dossier, SignatureExtension, StoredFile
from counter_app.resources_path import resource
from counter_app.services import audit
from counter_app.services.auth import Actor, acting_user, roles_of
from counter_app.services.context import ServiceContext, counter_identity

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
    removed_by: str = ""
    removed_at: datetime | None = None
    removal_reason: str = ""
    # A paper another counter of the province digitised, as the centre holds it
    # (sync/papers_lookup): that counter's agency. "" for this counter's own.
    held_at: str = ""
    # Who signed the copy (Art. 17(1)(c)) and when; "" and None: not signed.
    signer_name: str = ""
    signed_at: datetime | None = None

    def valid_on(self, day: date) -> bool:
        return valid_on(self.data.valid_until, day)


def info_of(paper: DigitisedPaper, dossier_code: str) -> PaperInfo:
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
        removed_by=paper.removed_by,
        removed_at=paper.removed_at,
        removal_reason=paper.removal_reason,
        signer_name=paper.signer_name or "",
        signed_at=paper.signed_at,
    )


def refused(source: str, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)))


def store_of(ctx: ServiceContext) -> FileStore:
    if ctx.files is None:
        raise RuntimeError("no file store: open the counter with app_setup.open_runtime")
    return ctx.files


def may_digitise(session: Session, actor: Actor) -> None:
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
    # Set when ``pdf`` is already signed (ui/paper_signing.py): the copy's
    # first version carries its signer, so it never leaves unsigned.
    signed_by: SignedBy | None = None


def checked_pdf(pdf: bytes) -> int:
    try:
        return page_count(pdf)
    except NotAPdf:
        raise refused(
            QT_TRANSLATE_NOOP(
                "Papers",
                "The file is not a PDF that can be read (damaged or protected); scan the "
                "paper again or choose another file.",
            )
        ) from None


def component_name(dossier: Dossier, position: int | None) -> str:
    if position is None:
        return ""
    for doc in dossier.documents:
        if doc.position == position:
            return doc.name
    raise refused(
        QT_TRANSLATE_NOOP("Papers", "The dossier has no paper number {position} in its checklist."),
        position=position,
    )


def file_row(session: Session, blob: Blob, pages: int, now: datetime) -> None:
    if session.get(StoredFile, blob.sha256) is None:
        session.add(StoredFile(sha256=blob.sha256, size=blob.size, pages=pages, stored_at=now))
        # Before the paper: no relationship tells the flush that order.
        session.flush()


def record(
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
            raise refused(
                QT_TRANSLATE_NOOP("Papers", "Choose a result type (a code starting with KQ).")
            )
        if not data.holder_id_number:
            raise refused(
                QT_TRANSLATE_NOOP(
                    "Papers",
                    "A result's document code needs the holder's identification number.",
                )
            )
        code = document_code(data.holder_id_number, data.doc_type_code)
    file_row(session, blob, pages, now)
    paper = DigitisedPaper(
        dossier_id=dossier.id,
        component=new.component,
        component_name=component_name(dossier, new.component),
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
    if new.signed_by is not None:
        paper.signer_name = new.signed_by.name
        paper.signer_serial = new.signed_by.serial
        paper.signer_fingerprint = new.signed_by.fingerprint
        paper.signed_at = now
    session.add(paper)
    session.flush()
    if new.signed_by is not None:
        queue_extension(session, paper.uuid, now)
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
            **({"signer": new.signed_by.name} if new.signed_by else {}),
        },
    )
    return info_of(paper, dossier.code)


def queue_extension(session: Session, paper_uuid: str, now: datetime) -> None:
    """A signature made at this desk is PAdES B-B (the desk signs offline):
    the sync round extends it to B-LT once a timestamp server answers
    (sync/signature_extension.py). Every signed copy comes through here."""
    session.add(SignatureExtension(paper_uuid=paper_uuid, queued_at=now, outcome="", detail=""))
