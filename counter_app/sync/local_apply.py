"""Applying the centre's changes to the counter's database, idempotently.

Runs in the pull's local transaction with the outbox hook switched off: what
the centre sends is not sent back. A change that meets a row with unsynced
local edits is not applied: it becomes a conflict, both versions kept.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.catalogue.document import spec_from_entry
from counter_app.domain.text import search_text
from counter_app.models import (
    CalendarDay,
    CentralNote,
    ClockPause,
    CounterIdentity,
    Dossier,
    DossierDocument,
    OutboxEntry,
    PrintJob,
    Procedure,
    SyncIssue,
    User,
    UserRole,
    WorkflowStep,
)
from counter_app.services.catalogue import upsert_specs
from counter_app.sync.central.feed import Change
from counter_app.sync.outbox import counter_uuid_of
from counter_app.sync.payload import parse_datetime

log = logging.getLogger(__name__)

UNSYNCED_LOCAL_EDIT = "changed here and not yet pushed; the centre's version is kept aside"
UNKNOWN_PROCEDURE = "procedure {code} is not in this counter's catalogue"

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


def _issue(session: Session, change: Change, reason: str, local: dict[str, Any] | None) -> None:
    session.add(
        SyncIssue(
            direction="pull",
            kind=change.kind,
            row_uuid=change.row_uuid,
            seq=None,
            reason=reason,
            local_payload=local,
            central_payload=change.body,
            at=datetime.now().replace(microsecond=0),
        )
    )
    log.warning("Feed change %s %s not applied: %s", change.kind, change.row_uuid, reason)


def _procedure(session: Session, change: Change) -> None:
    upsert_specs(session, [spec_from_entry(change.body)])


def _user(session: Session, change: Change) -> None:
    b = change.body
    user = session.scalars(select(User).where(User.username == b["username"])).first()
    if user is None:
        user = User(uuid=b["uuid"], username=b["username"])
        session.add(user)
    user.full_name = b["full_name"]
    user.title = b.get("title", "")
    user.password_hash = b["password_hash"]
    user.active = bool(b.get("active", True))
    user.roles = [UserRole(role=r) for r in b["roles"]]


def _calendar_day(session: Session, change: Change) -> None:
    b = change.body
    day = date.fromisoformat(b["day"])
    row = session.scalars(select(CalendarDay).where(CalendarDay.day == day)).first()
    if row is None:
        row = CalendarDay(day=day)
        session.add(row)
    row.working = bool(b["working"])
    row.name = b["name"]


def _counter(session: Session, change: Change) -> None:
    b = change.body
    counter = session.scalars(select(CounterIdentity)).first()
    if counter is None or counter.uuid != b["uuid"]:
        return
    counter.code_slot = int(b["code_slot"])
    counter.ledger_book = b["ledger_book"]
    counter.counter_name = b["counter_name"]
    counter.agency_name = b["agency_name"]
    # A body from before the unit's name travelled keeps the counter's own.
    counter.unit_name = b.get("unit_name") or counter.unit_name


def _dossier_payload(d: Dossier) -> dict[str, Any]:
    return {f: getattr(d, f) for f in ("uuid", "code", "state", "version")}


def _dossier(session: Session, change: Change) -> None:
    b = change.body
    local = session.scalars(select(Dossier).where(Dossier.uuid == change.row_uuid)).first()
    if local is not None and b.get("claimed_by") == counter_uuid_of(session):
        return  # our own claim echoed back: our copy is the owner's
    if local is not None:
        pending = session.scalar(
            select(OutboxEntry.seq).where(OutboxEntry.row_uuid == local.uuid).limit(1)
        )
        if pending is not None:
            _issue(session, change, UNSYNCED_LOCAL_EDIT, _dossier_payload(local))
            return
        # With nothing unsynced here the centre's copy wins, unless it is an
        # older change delivered again (the feed delivers at least once).
        if int(b.get("version", 1)) < local.version:
            return
    proc = session.scalars(select(Procedure).where(Procedure.code == b["procedure_code"])).first()
    if proc is None:
        _issue(session, change, UNKNOWN_PROCEDURE.format(code=b["procedure_code"]), None)
        return
    if local is None:
        local = Dossier()
        session.add(local)
    for name in _DOSSIER_FIELDS:
        setattr(local, name, b.get(name))
    # Bodies written before these columns existed lack them; a portal dossier has no unit yet.
    local.fee_free = bool(b.get("fee_free", False))
    local.unit_name = str(b.get("unit_name") or "")
    for name in _DOSSIER_TIMES:
        setattr(local, name, parse_datetime(b.get(name)))
    local.procedure_id = proc.id
    local.counter_seq = 0
    local.version = int(b.get("version", 1))
    local.search_text = search_text(
        local.code, local.applicant_name, local.applicant_id_number, local.applicant_phone
    )
    session.flush()
    _history(session, local, b.get("records", []))


# A dossier handed over from another counter arrives with what hangs on it.
_HISTORY: dict[str, type[DossierDocument | ClockPause | WorkflowStep | PrintJob]] = {
    "document": DossierDocument,
    "pause": ClockPause,
    "step": WorkflowStep,
    "print_job": PrintJob,
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
            setattr(row, key, value)
        session.add(row)


def _note(session: Session, change: Change) -> None:
    b = change.body
    if session.scalar(select(CentralNote.id).where(CentralNote.uuid == b["uuid"])) is None:
        session.add(
            CentralNote(
                uuid=b["uuid"],
                dossier_uuid=b["dossier_uuid"],
                department=b["department"],
                text=b["text"],
                at=datetime.fromisoformat(b["at"]),
            )
        )


_APPLY = {
    "procedure": _procedure,
    "user": _user,
    "calendar_day": _calendar_day,
    "counter": _counter,
    "dossier": _dossier,
    "note": _note,
}


def apply_change(session: Session, change: Change) -> None:
    handler = _APPLY.get(change.kind)
    if handler is None:
        log.warning("Unknown feed change kind %s; skipped", change.kind)
        return
    handler(session, change)
    session.flush()
