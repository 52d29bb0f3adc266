"""Dossiers from the public service portal (Cổng dịch vụ công), handed to
the agency's counters through the feed.

Nothing of a file is trusted. Each entry passes a schema with a bound on
every field, then the centre's own registry: the agency is one the centre
knows, the code is a well-formed dossier code of that agency whose code slot
no counter of the agency holds (a slot belongs to one counter or to the
portal, never both), the procedure is in the catalogue, the applicant passes
the counter's checks. One bad entry refuses the whole file, and the refusal
lists every bad entry by position and field.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Engine, text

from counter_app.centre import feed
from counter_app.centre.checks import error, to_json
from counter_app.centre.code_blocks import granted_to
from counter_app.centre.portal_file import (
    MAX_ENTRIES,
    PortalEntry,
    Problems,
    load_portal_file,
    message,
    parse_entries,
)
from counter_app.centre.registration import lock_agency
from counter_app.domain import reception
from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.catalogue.document import spec_from_entry
from counter_app.domain.codes import AGENCY_ID_RE, BLOCK, parse_code
from counter_app.domain.identity_documents import IdKind
from counter_app.domain.messages import QT_TRANSLATE_NOOP, ValidationFailed
from counter_app.domain.procedure import FeeKind, ProcedureSpec
from counter_app.domain.reception import ONLINE_LEDGER_BOOK
from counter_app.domain.validation import ApplicantInput, validate_applicant
from counter_app.domain.workflow import State

# Re-exported: the command line reads the file through this module.
__all__ = ["ONLINE_LEDGER_BOOK", "import_online", "load_portal_file"]

# Submission times are local to the province (UTC+7) and the code's day has two digits.
_LOCAL = timezone(timedelta(hours=7))
_YEARS = (2000, 2099)
# The fields a re-import must match for "the same entry again" (the rest is
# what the centre computes, or what a counter changed since).
_IDENTITY = (
    "code",
    "agency_id",
    "procedure_code",
    "received_at",
    "applicant_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "pages",
    "copies",
    "delivery",
    "delivery_address",
    "note",
)


# --- the import --------------------------------------------------------------------


@dataclass
class _Checked:
    n: int
    entry: PortalEntry
    code: str
    agency: str
    spec: ProcedureSpec
    applicant: ApplicantInput
    submitted: datetime
    old: Any


def import_online(engine: Engine, entries: Sequence[Any], *, amend: bool = False) -> list[str]:
    """Import the portal's dossiers; returns the codes imported or amended.

    The whole list is refused (every bad entry listed) or imported in one
    transaction. An entry whose code the centre holds already is left as it
    is when identical (importing a file twice changes nothing) and refused
    by name when it differs, unless ``amend``: then the dossier is updated,
    one version up, and sent again while no counter has taken it; once a
    counter owns it, it stays as the counter made it.
    """
    if not isinstance(entries, list | tuple) or not entries:
        raise error(
            QT_TRANSLATE_NOOP("Central", "The file lists no dossiers; nothing was imported.")
        )
    if len(entries) > MAX_ENTRIES:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The file lists {count} dossiers, more than {max} at once; nothing was imported.",
            ),
            count=len(entries),
            max=MAX_ENTRIES,
        )
    problems = Problems()
    parsed = parse_entries(entries, problems)
    with engine.begin() as conn:
        for agency in sorted({e.agency_id.upper() for _, e in parsed}):
            lock_agency(conn, agency)
        checked = _check_entries(conn, parsed, problems, amend=amend)
        problems.raise_any()
        calendar = _calendar(conn)
        imported = []
        for item in checked:
            code = _write(conn, calendar, item)
            if code:
                imported.append(code)
    return imported


def _check_entries(
    conn: Connection,
    parsed: list[tuple[int, PortalEntry]],
    problems: Problems,
    *,
    amend: bool,
) -> list[_Checked]:
    known = set(
        conn.execute(
            text(
                "SELECT agency_id FROM central_counters UNION "
                "SELECT agency_id FROM central_users WHERE agency_id IS NOT NULL"
            )
        ).scalars()
    )
    slots = {
        (r.agency_id, r.code_slot): r.counter_name
        for r in conn.execute(
            text("SELECT agency_id, code_slot, counter_name FROM central_counters")
        )
    }
    codes = [e.code.upper() for _, e in parsed]
    existing = {
        r.code: r
        for r in conn.execute(
            text(
                "SELECT code, source, owner_counter_uuid, version, body FROM central_dossiers "
                "WHERE code = ANY(:codes) FOR UPDATE"
            ),
            {"codes": codes},
        )
    }
    procedures: dict[str, ProcedureSpec | None] = {}
    seen: dict[str, int] = {}
    checked = []
    for n, entry in parsed:
        before = len(problems.items)
        agency = entry.agency_id.upper()
        if not AGENCY_ID_RE.match(agency) or agency not in known:
            problems.add(
                n,
                "agency_id",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central",
                        "the centre knows no agency {agency} (no counter or official of it is "
                        "registered)",
                    ),
                    agency=agency,
                ),
            )
        code = entry.code.upper()
        if code in seen:
            problems.add(
                n,
                "code",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central",
                        "the code {code} is also in entry {first}; each dossier once per file",
                    ),
                    code=code,
                    first=seen[code],
                ),
            )
        else:
            seen[code] = n
        _check_code(n, code, agency, slots, problems)
        _check_granted(conn, n, code, problems)
        spec = _procedure(conn, procedures, entry.procedure_code)
        if spec is None:
            problems.add(
                n,
                "procedure_code",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central", "no procedure of the catalogue has the code {code}"
                    ),
                    code=entry.procedure_code,
                ),
            )
        submitted = _submitted(n, entry.submitted_at, problems)
        applicant = _applicant(n, entry, submitted, problems)
        if (
            spec is not None
            and spec.fee.kind is FeeKind.SET_BY_PROVINCE
            and entry.fee is None
            and not spec.fee.amount
        ):
            problems.add(
                n,
                "fee",
                message(
                    QT_TRANSLATE_NOOP(
                        "Central", "the province sets this procedure's fee: give the fee charged"
                    )
                ),
            )
        if len(problems.items) > before:
            continue
        assert spec is not None and submitted is not None and applicant is not None
        item = _Checked(n, entry, code, agency, spec, applicant, submitted, existing.get(code))
        if _refuse_existing(item, problems, amend=amend):
            continue
        checked.append(item)
    return checked


def _check_code(
    n: int, code: str, agency: str, slots: dict[tuple[str, int], str], problems: Problems
) -> None:
    parsed = parse_code(code)
    if parsed is None or parsed.agency_id != agency or parsed.sequence == 0:
        problems.add(
            n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "the code is not a dossier code of agency {agency}: it must read "
                    "{agency}-YYMMDD-NNNN",
                ),
                agency=agency,
            ),
        )
        return
    slot = parsed.sequence // BLOCK
    holder = slots.get((agency, slot))
    if holder is not None:
        problems.add(
            n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "the number {number} lies in code slot {slot}, which the counter "
                    "\u201c{counter}\u201d of the agency holds; a code slot belongs to one "
                    "counter or to the portal, never both: the portal must number in a slot "
                    "no counter holds",
                ),
                number=f"{parsed.sequence:04d}",
                slot=slot,
                counter=holder,
            ),
        )


def _check_granted(conn: Connection, n: int, code: str, problems: Problems) -> None:
    parsed = parse_code(code)
    holder = granted_to(conn, parsed) if parsed is not None else None
    if parsed is not None and holder is not None:
        problems.add(
            n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "the number {number} of that day lies in a block of numbers the centre "
                    "granted the counter \u201c{counter}\u201d for the authority's codes; the "
                    "portal must number outside them",
                ),
                number=f"{parsed.sequence:04d}",
                counter=holder,
            ),
        )


# Body keys added after dossiers were imported, with the value an older body
# means by leaving them out: the same file imported again is the same dossier.
_ADDED_SINCE: dict[str, Any] = {
    "applicant_id_kind": IdKind.CCCD.value,
    "applicant_nationality": "",
}


def _same_as_before(item: _Checked) -> bool:
    """The entry says what the dossier the centre holds under its code says."""
    assert item.old is not None
    body = item.old.body
    return all(body.get(k, _ADDED_SINCE.get(k)) == v for k, v in _identity(item).items())


def _refuse_existing(item: _Checked, problems: Problems, *, amend: bool) -> bool:
    old = item.old
    if old is None:
        return False
    if old.source != "online":
        problems.add(
            item.n,
            "code",
            message(
                QT_TRANSLATE_NOOP(
                    "Central", "the code {code} is a dossier a counter received, not the portal"
                ),
                code=item.code,
            ),
        )
        return True
    if amend or _same_as_before(item):
        return False
    problems.add(
        item.n,
        "code",
        message(
            QT_TRANSLATE_NOOP(
                "Central",
                "the dossier {code} was imported before with other content; the centre does "
                "not change it silently: import the file with --amend to send the amendment",
            ),
            code=item.code,
        ),
    )
    return True


def _procedure(
    conn: Connection, cache: dict[str, ProcedureSpec | None], code: str
) -> ProcedureSpec | None:
    if code not in cache:
        body = conn.execute(
            text("SELECT body FROM central_procedures WHERE code = :c"), {"c": code}
        ).scalar()
        cache[code] = spec_from_entry(body) if body is not None else None
    return cache[code]


def _submitted(n: int, value: str, problems: Problems) -> datetime | None:
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        at = None
    if at is not None and at.tzinfo is not None:
        at = at.astimezone(_LOCAL).replace(tzinfo=None)
    if at is None or not _YEARS[0] <= at.year <= _YEARS[1]:
        problems.add(
            n,
            "submitted_at",
            message(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "must be a date and time of {first} to {last}, e.g. 2026-11-26T08:15:00",
                ),
                first=_YEARS[0],
                last=_YEARS[1],
            ),
        )
        return None
    return at.replace(microsecond=0)


def _applicant(
    n: int, entry: PortalEntry, submitted: datetime | None, problems: Problems
) -> ApplicantInput | None:
    a = entry.applicant
    try:
        return validate_applicant(
            ApplicantInput(
                full_name=a.full_name,
                id_number=a.id_number,
                phone=a.phone,
                email=a.email,
                address=a.address,
            ),
            today=submitted.date() if submitted else None,
        )
    except ValidationFailed as exc:
        for field, message in exc.errors:
            problems.add(n, f"applicant.{field}", message)
        return None


def _identity(item: _Checked) -> dict[str, Any]:
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


# --- writing -----------------------------------------------------------------------


def _calendar(conn: Connection) -> WorkCalendar:
    rows = conn.execute(text("SELECT day, working, name FROM central_calendar_days")).all()
    return WorkCalendar(
        extra_days_off={r.day: r.name for r in rows if not r.working},
        extra_workdays={r.day: r.name for r in rows if r.working},
    )


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


def _write(conn: Connection, calendar: WorkCalendar, item: _Checked) -> str | None:
    """Insert, amend or leave one checked entry; the code when something was sent."""
    old = item.old
    if old is not None and (old.owner_counter_uuid or _same_as_before(item)):
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


def _body(calendar: WorkCalendar, item: _Checked, ledger: tuple[int, int]) -> dict[str, Any]:
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
        **_identity(item),
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
