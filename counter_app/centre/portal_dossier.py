"""What a checked portal entry becomes at the centre: the dossier's body (its
terms, appointment and ledger entry in the portal's book), written once and
amended only while no counter has taken it, and what makes a re-imported entry
"the same dossier again"."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from counter_app.centre import feed
from counter_app.centre.checks import to_json
from counter_app.centre.portal_file import PortalEntry
from counter_app.domain import reception
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.identity_documents import IdKind
from counter_app.domain.procedure import FeeKind, ProcedureSpec
from counter_app.domain.reception import ONLINE_LEDGER_BOOK
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import State


@dataclass
class CheckedEntry:
    """An entry that passed every check: its position in the file, what the checks
    read (agency, procedure, applicant, submission time) and ``old``, the centre's
    row under its code when it was imported before."""

    n: int
    entry: PortalEntry
    code: str
    agency: str
    spec: ProcedureSpec
    applicant: ApplicantInput
    submitted: datetime
    old: Any


# Body keys added after dossiers were imported, with the value an older body
# means by leaving them out: the same file imported again is the same dossier.
_ADDED_SINCE: dict[str, Any] = {
    "applicant_id_kind": IdKind.CCCD.value,
    "applicant_nationality": "",
}


def same_as_before(item: CheckedEntry) -> bool:
    """The entry says what the dossier the centre holds under its code says."""
    assert item.old is not None
    body = item.old.body
    return all(body.get(k, _ADDED_SINCE.get(k)) == v for k, v in identity(item).items())


def identity(item: CheckedEntry) -> dict[str, Any]:
    """The fields a re-import must match for "the same entry again" (the rest is
    what the centre computes, or what a counter changed since)."""
    e, a = item.entry, item.applicant
    return {
        "code": item.code,
        "agency_id": item.agency,
        "procedure_code": item.spec.code,
        "received_at": item.submitted.isoformat(),
        **reception.applicant_fields(a),
        "pages": e.pages,
        "copies": e.copies,
        "delivery": e.delivery,
        "delivery_address": e.delivery_address,
        "note": e.note,
    }


def _next(conn: Connection, name: str) -> int:
    return int(
        conn.execute(
            text(
                "INSERT INTO central_sequences (name, value) VALUES (:n, 1) ON CONFLICT (name) "
                "DO UPDATE SET value = central_sequences.value + 1 RETURNING value"
            ),
            {"n": name},
        ).scalar_one()
    )


def write_entry(conn: Connection, calendar: WorkCalendar, item: CheckedEntry) -> str | None:
    """Insert, amend or leave one checked entry; the code when something was sent."""
    old = item.old
    if old is not None and (old.owner_counter_uuid or same_as_before(item)):
        return None  # identical, or a counter took it: it stays as it is
    if old is None:
        year = item.submitted.year
        ledger = (year, _next(conn, f"ledger:{item.agency}:{ONLINE_LEDGER_BOOK}:{year}"))
    else:
        ledger = (old.body["ledger_year"], old.body["ledger_entry"])
    body = _body(calendar, item, ledger)
    if old is None:
        inserted = conn.execute(
            text(
                "INSERT INTO central_dossiers (uuid, code, agency_id, source, "
                "procedure_code, state, version, received_at, appointment_at, fee, "
                "fee_free, body) "
                "VALUES (:uuid, :code, :agency, 'online', :proc, :state, 1, :received, "
                ":appointment, :fee, :fee_free, CAST(:body AS jsonb)) "
                "ON CONFLICT DO NOTHING RETURNING uuid"
            ),
            _params(body),
        ).scalar()
        if not inserted:  # imported at the same moment by another session
            return None
        body["version"] = 1
    else:
        # The portal amended it before any counter took it.
        body["version"] = int(old.version) + 1
        conn.execute(
            text(
                "UPDATE central_dossiers SET procedure_code = :proc, version = :version, "
                "received_at = :received, appointment_at = :appointment, fee = :fee, "
                "fee_free = :fee_free, body = CAST(:body AS jsonb), updated_at = now() "
                "WHERE uuid = :uuid"
            ),
            {**_params(body), "version": body["version"]},
        )
    feed.emit(conn, "dossier", body["uuid"], body, agency_id=item.agency)
    return item.code


def _params(body: dict[str, Any]) -> dict[str, Any]:
    return {
        "uuid": body["uuid"],
        "code": body["code"],
        "agency": body["agency_id"],
        "proc": body["procedure_code"],
        "state": body["state"],
        "received": body["received_at"],
        "appointment": body["appointment_at"],
        "fee": body["fee"],
        "fee_free": body["fee_free"],
        "body": to_json(body),
    }


def _body(calendar: WorkCalendar, item: CheckedEntry, ledger: tuple[int, int]) -> dict[str, Any]:
    spec, entry = item.spec, item.entry
    received = reception.terms(
        spec,
        calendar,
        item.submitted,
        pages=entry.pages,
        copies=entry.copies,
        online=True,
        # A fee the province sets arrives with the portal's entry, as the portal charged it.
        entered_fee=entry.fee if spec.fee.kind is FeeKind.SET_BY_PROVINCE else None,
    )
    return {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"dvc:{item.code}")),
        **identity(item),
        **reception.applicant_fields(item.applicant),
        "source": "online",
        "counter_uuid": "",
        "procedure_name": spec.name,
        "state": State.RECEIVED.value,
        "on_the_spot": received.on_the_spot,
        "sets": 1,
        "fee": received.fee,
        "fee_free": received.fee_free,
        "received_by": "dvc",
        "appointment_at": received.appointment.isoformat(),
        "original_appointment_at": received.appointment.isoformat(),
        "paused_since": None,
        "apology_count": 0,
        "finished_at": None,
        "returned_at": None,
        "ledger_book": ONLINE_LEDGER_BOOK,
        "ledger_year": ledger[0],
        "ledger_entry": ledger[1],
        "print_count": 0,
        "updated_at": item.submitted.isoformat(),
    }
