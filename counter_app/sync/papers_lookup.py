"""Issue 18, point 3, the centre's side: the valid papers and results the
province holds for a person (Decree 118/2025 Art. 17(1)(b): a paper held in
digitised form is not asked for again), for the reception form to offer
beside the counter's own (services.papers.held_for). Online only; blocking."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from counter_app.domain.messages import UserError
from counter_app.domain.papers import Origin, PaperData, PaperRole
from counter_app.services import papers
from counter_app.services.context import ServiceContext
from counter_app.services.paper_records import PaperInfo
from counter_app.services.setup import get_counter
from counter_app.sync.central_link import central_session
from counter_app.sync.errors import NotConnected
from counter_app.sync.file_download import fetch
from counter_app.wire import connection_file as settings_file

log = logging.getLogger(__name__)

_HELD = text(
    "SELECT uuid, agency_id, dossier_code, file_complete, body FROM central_papers_held(:n)"
)
# What the centre accepts (CCCD 12 digits, older numbers and passports).
_ID_NUMBER = re.compile(r"[0-9A-Z]{6,15}")


@dataclass(frozen=True)
class CentralPaper:
    """A paper or result held at the centre, shaped like services.papers.PaperInfo
    for the reception form; ``file_at_centre``: its file arrived whole there."""

    uuid: str
    agency_id: str
    dossier_code: str
    role: PaperRole
    origin: Origin
    sha256: str
    pages: int
    size: int
    data: PaperData
    document_code: str
    created_at: datetime
    file_at_centre: bool


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _paper(row: Any) -> CentralPaper:
    b = row.body
    return CentralPaper(
        uuid=str(row.uuid),
        agency_id=str(row.agency_id),
        dossier_code=str(row.dossier_code or ""),
        role=PaperRole(b["role"]),
        origin=Origin(b["origin"]),
        sha256=str(b["sha256"]),
        pages=int(b["pages"]),
        size=int(b["size"]),
        data=PaperData(
            doc_type_code=b["doc_type_code"],
            document_name=b["document_name"],
            holder_id_number=b["holder_id_number"],
            holder_name=b["holder_name"],
            holder_birth_year=b.get("holder_birth_year"),
            id_issued_on=_day(b.get("id_issued_on")),
            id_issued_by=b["id_issued_by"],
            summary=b["summary"],
            valid_until=_day(b.get("valid_until")),
            scope=b["scope"],
        ),
        document_code=b["document_code"],
        created_at=datetime.fromisoformat(b["created_at"]),
        file_at_centre=bool(row.file_complete),
    )


def held_at_centre(ctx: ServiceContext, directory: Path, id_number: str) -> list[CentralPaper]:
    """Newest first, one per file and type, at most 200; [] for a number the
    centre would not take. CentralUnreachable when offline."""
    del ctx  # the same signature as the desk's own look-ups; the centre answers
    number = id_number.strip().upper()
    if not _ID_NUMBER.fullmatch(number):
        return []
    settings = settings_file.stored(directory)
    if settings is None:
        raise NotConnected()
    with central_session(settings) as engine, engine.connect() as conn, conn.begin():
        rows = conn.execute(_HELD, {"n": number}).all()
    return [_paper(r) for r in rows]


def as_paper_info(paper: CentralPaper) -> PaperInfo:
    """The centre's paper as the reception form shows the counter's own."""
    return PaperInfo(
        uuid=paper.uuid,
        dossier_code=paper.dossier_code,
        component=None,
        component_name="",
        role=paper.role,
        origin=paper.origin,
        sha256=paper.sha256,
        pages=paper.pages,
        size=paper.size,
        data=paper.data,
        document_code=paper.document_code,
        reused_from=None,
        created_by="",
        created_at=paper.created_at,
        removed=False,
        held_at=paper.agency_id,
    )


def held_anywhere(ctx: ServiceContext, directory: Path | None, id_number: str) -> list[PaperInfo]:
    """What the reception form offers: the counter's own papers for this number,
    then, when the counter is linked and the centre answers, those other
    counters of the province digitised (their files whole at the centre).
    Offline, the counter's own: the lookup is a help, never a wait on the link."""
    own = papers.held_for(ctx, id_number)
    if directory is None or settings_file.stored(directory) is None:
        return own
    try:
        central = held_at_centre(ctx, directory, id_number)
    except (UserError, OSError) as exc:
        log.info("Papers held at the centre not read: %s", exc)
        return own
    known = {p.uuid for p in own} | {p.reused_from for p in own if p.reused_from}
    seen = {(p.sha256, p.data.doc_type_code) for p in own}
    for paper in central:
        key = (paper.sha256, paper.data.doc_type_code)
        if paper.uuid in known or key in seen or not paper.file_at_centre:
            continue
        seen.add(key)
        own.append(as_paper_info(paper))
    return own


_TAKE = text("SELECT central_paper_take(:u)")


def fetch_files(ctx: ServiceContext, directory: Path, held: list[PaperInfo]) -> None:
    """The files of papers held at the centre, into this counter's store, before
    the reception that takes them (hash checked by file_download.fetch). A
    paper of another agency is taken at the centre first (c0011): the centre
    records which desk took whose paper, and lets it read that file."""
    counter = get_counter(ctx)
    agency = counter.agency_id if counter else ""
    others = [p for p in held if p.held_at and p.held_at != agency]
    if others:
        settings = settings_file.stored(directory)
        if settings is None:
            raise NotConnected()
        with central_session(settings) as engine, engine.connect() as conn, conn.begin():
            for paper in others:
                conn.execute(_TAKE, {"u": paper.uuid})
    for paper in held:
        if paper.held_at:
            fetch(ctx, directory, paper.sha256)
