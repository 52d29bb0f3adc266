"""A dossier from the centre's feed checked and applied here, with the history a
dossier handed over from another counter brings (documents, pauses, steps,
print jobs, papers)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.codes import parse_code, slot_range
from counter_app.domain.papers import paper_search_text
from counter_app.domain.text import search_text
from counter_app.domain.workflow import State
from counter_app.files.store import Blob
from counter_app.models import (
    ClockPause,
    CounterIdentity,
    DigitisedPaper,
    Dossier,
    DossierDocument,
    OutboxEntry,
    PrintJob,
    Procedure,
    WorkflowStep,
)
from counter_app.services.paper_records import file_row, info_of
from counter_app.sync.outbox import counter_uuid_of
from counter_app.sync.pull_reasons import (
    BODY_DISAGREES,
    CODE_CHANGED,
    CODE_IN_OWN_RANGE,
    CODE_TAKEN_HERE,
    UNKNOWN_PROCEDURE,
    UNREADABLE,
    UNSYNCED_LOCAL_EDIT,
    Refused,
)
from counter_app.wire.feed import Change
from counter_app.wire.payload import parse_datetime

# Dossier columns a feed body sets; everything else is local bookkeeping.
_DOSSIER_FIELDS = (
    "uuid",
    "code",
    "counter_uuid",
    "procedure_code",
    "procedure_name",
    "state",
    "on_the_spot",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "applicant_sex",
    "applicant_birth_year",
    "organisation",
    "sets",
    "pages",
    "copies",
    "fee",
    "received_by",
    "paused_since",
    "apology_count",
    "delivery",
    "delivery_address",
    "ledger_book",
    "ledger_year",
    "ledger_entry",
    "note",
    "print_count",
)
_DOSSIER_TIMES = (
    "received_at",
    "appointment_at",
    "original_appointment_at",
    "paused_since",
    "finished_at",
    "returned_at",
    "updated_at",
)


def _dossier_payload(d: Dossier) -> dict[str, Any]:
    return {f: getattr(d, f) for f in ("uuid", "code", "state", "version")}


def _check_dossier(
    session: Session, change: Change, local: Dossier | None, central_code: str | None
) -> None:
    """Refuse a dossier body that is incomplete, contradicts itself or the
    centre's row, or takes a code that is not its own here."""
    b = change.body
    mine = _dossier_payload(local) if local is not None else None
    code = b.get("code")
    if (
        not isinstance(code, str)
        or not code
        or len(code) > 60
        or b.get("uuid") != change.row_uuid
        or not isinstance(b.get("procedure_code"), str)
        or b.get("state") not in {s.value for s in State}
        or not isinstance(b.get("received_at"), str)
        or not isinstance(b.get("records", []), list)
    ):
        raise Refused(UNREADABLE, mine)
    if central_code is not None and central_code != code:
        raise Refused(BODY_DISAGREES, mine)
    if local is not None and local.code != code:
        raise Refused(CODE_CHANGED, mine)
    other = session.scalars(
        select(Dossier).where(Dossier.code == code, Dossier.uuid != change.row_uuid)
    ).first()
    if other is not None:
        raise Refused(CODE_TAKEN_HERE, _dossier_payload(other))
    counter = session.scalars(select(CounterIdentity)).first()
    parsed = parse_code(code)
    if counter is not None and parsed is not None and b.get("counter_uuid") != counter.uuid:
        first, last = slot_range(counter.code_slot)
        if parsed.agency_id == counter.agency_id and first <= parsed.sequence <= last:
            # Not a clash yet, but this counter may print the same number tomorrow.
            raise Refused(CODE_IN_OWN_RANGE, mine)


def apply_dossier(session: Session, change: Change, central_code: str | None) -> None:
    b = change.body
    local = session.scalars(select(Dossier).where(Dossier.uuid == change.row_uuid)).first()
    if local is not None and b.get("claimed_by") == counter_uuid_of(session):
        return  # our own claim echoed back: our copy is the owner's
    if local is not None:
        pending = session.scalar(
            select(OutboxEntry.seq).where(OutboxEntry.row_uuid == local.uuid).limit(1)
        )
        if pending is not None:
            raise Refused(UNSYNCED_LOCAL_EDIT, _dossier_payload(local))
    _check_dossier(session, change, local, central_code)
    if local is not None and int(b.get("version", 1)) < local.version:
        # With nothing unsynced here the centre's copy wins, unless it is an
        # older change delivered again (the feed delivers at least once).
        return
    proc = session.scalars(select(Procedure).where(Procedure.code == b["procedure_code"])).first()
    if proc is None:
        raise Refused(UNKNOWN_PROCEDURE)
    if local is None:
        local = Dossier()
        session.add(local)
    for name in _DOSSIER_FIELDS:
        setattr(local, name, b.get(name))
    # Bodies written before these columns existed lack them; a portal dossier has no unit yet.
    local.fee_free = bool(b.get("fee_free", False))
    local.unit_name = str(b.get("unit_name") or "")
    local.evaluation = b.get("evaluation")  # migration 0016: kept when pulled back
    local.applicant_id_kind = str(b.get("applicant_id_kind") or "cccd")  # migration 0018
    local.applicant_nationality = str(b.get("applicant_nationality") or "")
    for name in _DOSSIER_TIMES:
        setattr(local, name, parse_datetime(b.get(name)))
    local.procedure_id = proc.id
    local.counter_seq = 0
    local.version = int(b.get("version", 1))
    local.search_text = search_text(
        local.code,
        local.applicant_name,
        local.applicant_id_number,
        local.applicant_phone,
        local.organisation,
    )
    session.flush()
    _history(session, local, b.get("records", []))


# A dossier handed over from another counter arrives with what hangs on it.
_HISTORY: dict[
    str, type[DossierDocument | ClockPause | WorkflowStep | PrintJob | DigitisedPaper]
] = {
    "document": DossierDocument,
    "pause": ClockPause,
    "step": WorkflowStep,
    "print_job": PrintJob,
    "paper": DigitisedPaper,
}


def _history(session: Session, dossier: Dossier, records: list[dict[str, Any]]) -> None:
    for record in records:
        model = _HISTORY.get(record["kind"])
        body = record["body"]
        if model is None or session.scalar(select(model.id).where(model.uuid == body["uuid"])):
            continue
        columns = {c.key: c for c in model.__table__.columns}
        row = model(dossier_id=dossier.id, counter_seq=0, version=int(record["version"]))
        for key, value in body.items():
            column = columns.get(key)
            if column is None or key in ("id", "dossier_id", "counter_seq", "version"):
                continue
            python_type = getattr(column.type, "python_type", None)
            if python_type is datetime and isinstance(value, str):
                value = datetime.fromisoformat(value)
            elif python_type is date and isinstance(value, str) and value:
                value = date.fromisoformat(value)
            setattr(row, key, value)
        if isinstance(row, DigitisedPaper):
            _paper_file(session, row)
        session.add(row)


def _paper_file(session: Session, paper: DigitisedPaper) -> None:
    """A paper made at another counter: its search text derived here, and the
    row of its file, which stays at the centre until the dossier is opened
    (sync/file_download.py); ``uploaded_at`` is left empty, as this counter
    has not sent it (sync/file_upload.py sends only what its store holds)."""
    paper.search_text = paper_search_text(info_of(paper, "").data, paper.ocr_text or "")
    file_row(session, Blob(paper.sha256, paper.size), paper.pages, paper.created_at)
