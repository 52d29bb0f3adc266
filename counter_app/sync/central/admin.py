"""The central administrator's work: counters, catalogue, officials, days off,
dossiers from the public service portal, departments' notes, figures.

Each function is one PostgreSQL transaction that changes the central tables
and writes the matching feed entries together.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, make_url, text

from counter_app.domain.calendar import WorkCalendar
from counter_app.domain.catalogue.document import spec_from_entry, spec_to_dict
from counter_app.domain.codes import SLOTS, check_agency_id
from counter_app.domain.fees import compute_fee, is_free_by_law
from counter_app.domain.messages import QT_TRANSLATE_NOOP, Message, UserError
from counter_app.domain.procedure import FeeKind, ProcedureSpec, cutoff_applies
from counter_app.domain.text import nfc
from counter_app.domain.validation import ApplicantInput, validate_applicant
from counter_app.domain.workflow import Role, State
from counter_app.sync.central import feed
from counter_app.sync.central.schema import COUNTER_GROUP
from counter_app.sync.settings import CentralSettings

_CTX = "Central"
ONLINE_LEDGER_BOOK = "DVC"


def _error(source: str, **params: object) -> UserError:
    return UserError(Message(_CTX, source, dict(params)))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _counter_body(row: Any) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "agency_id": row.agency_id,
        "agency_name": row.agency_name,
        "unit_name": row.unit_name,
        "counter_name": row.counter_name,
        "code_slot": row.code_slot,
        "ledger_book": row.ledger_book,
    }


def register_counter(
    engine: Engine,
    *,
    agency_id: str,
    agency_name: str,
    counter_name: str,
    unit_name: str,
    parent_name: str = "",
    place: str = "",
    phone: str = "",
    counter_uuid: str | None = None,
) -> CentralSettings:
    """Register a counter: the agency's lowest free code slot, its own ledger
    book, and its own PostgreSQL role with a generated password."""
    agency_id = check_agency_id(agency_id)
    if not nfc(agency_name) or not nfc(counter_name) or not nfc(unit_name):
        raise _error(
            QT_TRANSLATE_NOOP(
                "Central", "Enter the agency name, the one-stop unit's name and the counter name."
            )
        )
    counter_uuid = counter_uuid or str(uuid.uuid4())
    role = "ctr_" + counter_uuid.replace("-", "")[:20]
    password = secrets.token_urlsafe(24)
    with engine.begin() as conn:
        # Two registrations for one agency at once must not pick the same slot.
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:a))"), {"a": agency_id})
        taken = set(
            conn.execute(
                text("SELECT code_slot FROM central_counters WHERE agency_id = :a"),
                {"a": agency_id},
            ).scalars()
        )
        free = [s for s in range(SLOTS) if s not in taken]
        if not free:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "The agency {agency} already has ten counters; no code slot is free.",
                ),
                agency=agency_id,
            )
        slot = free[0]
        book = f"{slot + 1:02d}"
        # The role name and password are generated here from [A-Za-z0-9_-]:
        # safe to place in DDL, which takes no bound parameters.
        conn.execute(
            text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}' IN ROLE {COUNTER_GROUP}")
        )
        row = conn.execute(
            text(
                "INSERT INTO central_counters (uuid, agency_id, agency_name, unit_name, "
                "parent_name, place, phone, counter_name, code_slot, ledger_book, role_name) "
                "VALUES (:uuid, :agency, :name, :unit, :parent, :place, :phone, :counter, :slot, "
                ":book, :role) RETURNING *"
            ),
            {
                "uuid": counter_uuid,
                "agency": agency_id,
                "name": nfc(agency_name),
                "unit": nfc(unit_name),
                "parent": nfc(parent_name),
                "place": nfc(place),
                "phone": nfc(phone),
                "counter": nfc(counter_name),
                "slot": slot,
                "book": book,
                "role": role,
            },
        ).one()
        feed.emit(conn, "counter", counter_uuid, _counter_body(row), agency_id=agency_id)
    url = make_url(str(engine.url)).set(username=role, password=password)
    return CentralSettings(
        counter_uuid,
        agency_id,
        nfc(agency_name),
        nfc(parent_name),
        nfc(place),
        nfc(phone),
        nfc(counter_name),
        slot,
        book,
        url.render_as_string(hide_password=False),
        nfc(unit_name),
    )


def import_catalogue(engine: Engine, specs: Sequence[ProcedureSpec]) -> int:
    """Insert or replace procedures by code; every counter receives them."""
    with engine.begin() as conn:
        for spec in specs:
            body = spec_to_dict(spec)
            conn.execute(
                text(
                    "INSERT INTO central_procedures (code, body) VALUES (:code, CAST(:b AS jsonb)) "
                    "ON CONFLICT (code) DO UPDATE SET body = EXCLUDED.body, updated_at = now()"
                ),
                {"code": spec.code, "b": _json(body)},
            )
            feed.emit(conn, "procedure", spec.code, body)
    return len(specs)


def add_user(
    engine: Engine,
    *,
    username: str,
    full_name: str,
    password_hash: str,
    roles: Iterable[Role],
    title: str = "",
    agency_id: str | None = None,
    active: bool = True,
) -> str:
    """Create or update an official; counters of the agency receive the hash,
    so the official logs in there even while the link is down."""
    username = username.strip().lower()
    agency = check_agency_id(agency_id) if agency_id else None
    with engine.begin() as conn:
        existing = conn.execute(
            text(
                "SELECT uuid FROM central_users WHERE username = :u "
                "AND agency_id IS NOT DISTINCT FROM :a"
            ),
            {"u": username, "a": agency},
        ).scalar()
        user_uuid = existing or str(uuid.uuid4())
        body = {
            "uuid": user_uuid,
            "username": username,
            "full_name": nfc(full_name),
            "title": nfc(title),
            "password_hash": password_hash,
            "active": active,
            "roles": sorted(r.value for r in roles),
        }
        conn.execute(
            text(
                "INSERT INTO central_users (uuid, agency_id, username, body) "
                "VALUES (:id, :a, :u, CAST(:b AS jsonb)) "
                "ON CONFLICT (uuid) DO UPDATE SET body = EXCLUDED.body, updated_at = now()"
            ),
            {"id": user_uuid, "a": agency, "u": username, "b": _json(body)},
        )
        feed.emit(conn, "user", user_uuid, body, agency_id=agency)
    return user_uuid


def set_calendar_day(engine: Engine, day: date, *, working: bool, name: str) -> None:
    """A province day off (working=False) or make-up working day, for every counter."""
    body = {"day": day.isoformat(), "working": working, "name": nfc(name)}
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO central_calendar_days (day, working, name) VALUES (:d, :w, :n) "
                "ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name"
            ),
            {"d": day, "w": working, "n": body["name"]},
        )
        feed.emit(conn, "calendar_day", day.isoformat(), body)


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


def _procedure(conn: Connection, code: str) -> ProcedureSpec:
    body = conn.execute(
        text("SELECT body FROM central_procedures WHERE code = :c"), {"c": code}
    ).scalar()
    if body is None:
        raise _error(
            QT_TRANSLATE_NOOP("Central", "No procedure has the code \u201c{code}\u201d."), code=code
        )
    return spec_from_entry(body)


def import_online(engine: Engine, entries: Sequence[dict[str, Any]]) -> list[str]:
    """Dossiers submitted on the public service portal, handed to the agency's
    counters through the feed; returns the codes imported or amended.

    A code seen before is an amendment: while no counter has taken the
    dossier (no owner yet) it is updated, one version up, and sent again;
    once a counter owns it, or when nothing changed, it is left as it is."""
    imported: list[str] = []
    with engine.begin() as conn:
        calendar = _calendar(conn)
        for n, entry in enumerate(entries, start=1):
            try:
                code = nfc(entry["code"]).upper()
                old = conn.execute(
                    text(
                        "SELECT uuid, source, owner_counter_uuid, version, body "
                        "FROM central_dossiers WHERE code = :c FOR UPDATE"
                    ),
                    {"c": code},
                ).first()
                if old is not None and (old.source != "online" or old.owner_counter_uuid):
                    continue
                body = _online_body(conn, calendar, entry, old.body if old else None)
            except (KeyError, TypeError, ValueError) as exc:
                raise _error(
                    QT_TRANSLATE_NOOP(
                        "Central", "Entry {n} of the file is incomplete or wrong: {detail}."
                    ),
                    n=n,
                    detail=str(exc),
                ) from exc
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
                    _online_params(body),
                ).scalar()
                if not inserted:  # imported at the same moment by another session
                    continue
                body["version"] = 1
            elif json.loads(_json(body)) != old.body:
                # The portal amended it before any counter took it.
                version = int(old.version) + 1
                conn.execute(
                    text(
                        "UPDATE central_dossiers SET procedure_code = :proc, version = :version, "
                        "received_at = :received, appointment_at = :appointment, "
                        "fee = :fee, fee_free = :fee_free, body = CAST(:body AS jsonb), updated_at = now() WHERE uuid = :uuid"
                    ),
                    {**_online_params(body), "version": version},
                )
                body["version"] = version
            else:
                continue
            feed.emit(conn, "dossier", body["uuid"], body, agency_id=body["agency_id"])
            imported.append(body["code"])
    return imported


def _online_params(body: dict[str, Any]) -> dict[str, Any]:
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
        "body": _json(body),
    }


def _online_body(
    conn: Connection,
    calendar: WorkCalendar,
    entry: dict[str, Any],
    previous: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The dossier's body; an amendment (``previous``) keeps its ledger entry."""
    agency = check_agency_id(entry["agency_id"])
    if previous is not None and previous["agency_id"] != agency:
        raise ValueError(f"{previous['code']} belongs to agency {previous['agency_id']}")
    spec = _procedure(conn, entry["procedure_code"])
    a = entry["applicant"]
    submitted = datetime.fromisoformat(entry["submitted_at"]).replace(microsecond=0)
    applicant = validate_applicant(
        ApplicantInput(
            full_name=a["full_name"],
            id_number=a.get("id_number", ""),
            phone=a.get("phone", ""),
            email=a.get("email", ""),
            address=a.get("address", ""),
        ),
        today=submitted.date(),
    )
    appointment = calendar.due(submitted, spec.processing_time, cutoff=cutoff_applies(spec))
    pages, copies = int(entry.get("pages", 1)), int(entry.get("copies", 1))
    # A fee the province sets arrives with the portal's entry, as the portal charged it.
    entered = entry.get("fee") if spec.fee.kind is FeeKind.SET_BY_PROVINCE else None
    if spec.fee.kind is FeeKind.SET_BY_PROVINCE and entered is None and not spec.fee.amount:
        raise KeyError("fee")  # reported as "entry n is incomplete: 'fee'"
    code = nfc(entry["code"]).upper()
    return {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"dvc:{code}")),
        "code": code,
        "agency_id": agency,
        "source": "online",
        "counter_uuid": "",
        "procedure_code": spec.code,
        "procedure_name": spec.name,
        "state": State.RECEIVED.value,
        "on_the_spot": spec.on_the_spot,
        "applicant_name": applicant.full_name,
        "applicant_id_number": applicant.id_number,
        "applicant_phone": applicant.phone,
        "applicant_email": applicant.email,
        "applicant_address": applicant.address,
        "applicant_sex": applicant.sex.value if applicant.sex else None,
        "applicant_birth_year": applicant.birth_year,
        "organisation": applicant.organisation,
        "sets": 1,
        "pages": pages,
        "copies": copies,
        "fee": compute_fee(spec.fee, pages=pages, copies=copies, online=True, entered=entered),
        "fee_free": is_free_by_law(spec.fee),
        "received_at": submitted.isoformat(),
        "received_by": "dvc",
        "appointment_at": appointment.isoformat(),
        "original_appointment_at": appointment.isoformat(),
        "paused_since": None,
        "apology_count": 0,
        "finished_at": None,
        "returned_at": None,
        "delivery": entry.get("delivery", "counter"),
        "delivery_address": nfc(entry.get("delivery_address", "")),
        "ledger_book": ONLINE_LEDGER_BOOK,
        "ledger_year": previous["ledger_year"] if previous is not None else submitted.year,
        "ledger_entry": previous["ledger_entry"]
        if previous is not None
        else _next(conn, f"ledger:{agency}:{ONLINE_LEDGER_BOOK}:{submitted.year}"),
        "note": nfc(entry.get("note", "")),
        "print_count": 0,
        "updated_at": submitted.isoformat(),
    }


def _dossier_by_code(conn: Connection, code: str, columns: str, *, lock: bool = False) -> Any:
    row = conn.execute(
        text(
            f"SELECT {columns} FROM central_dossiers WHERE code = :c"
            + (" FOR UPDATE" if lock else "")
        ),
        {"c": code.strip().upper()},
    ).first()
    if row is None:
        raise _error(
            QT_TRANSLATE_NOOP("Central", "No dossier has the code \u201c{code}\u201d."), code=code
        )
    return row


def record_note(engine: Engine, code: str, *, department: str, note: str, at: datetime) -> str:
    """A specialised department's note or result on a dossier, sent to its owner."""
    with engine.begin() as conn:
        row = _dossier_by_code(conn, code, "uuid, agency_id, owner_counter_uuid")
        note_uuid = str(uuid.uuid4())
        body = {
            "uuid": note_uuid,
            "dossier_uuid": row.uuid,
            "department": nfc(department),
            "text": nfc(note),
            "at": at.replace(microsecond=0).isoformat(),
        }
        conn.execute(
            text(
                "INSERT INTO central_notes (uuid, dossier_uuid, department, text, at) "
                "VALUES (:uuid, :dossier_uuid, :department, :text, :at)"
            ),
            {**body, "at": at.replace(microsecond=0)},
        )
        feed.emit(
            conn,
            "note",
            note_uuid,
            body,
            agency_id=row.agency_id,
            counter_uuid=row.owner_counter_uuid,
        )
    return note_uuid


@dataclass(frozen=True)
class CounterFigures:
    counter_name: str
    agency_id: str
    code_slot: int
    high_water: int
    dossiers: int
    audit_count: int
    quarantined: int
    last_push_at: datetime | None


@dataclass(frozen=True)
class Figures:
    dossiers: int
    distinct_codes: int
    records: dict[str, int]
    quarantined: int
    counters: list[CounterFigures]


def figures(engine: Engine) -> Figures:
    with engine.connect() as conn:
        dossiers, codes = conn.execute(
            text("SELECT count(*), count(DISTINCT code) FROM central_dossiers")
        ).one()
        records: dict[str, int] = dict(
            conn.execute(text("SELECT kind, count(*) FROM central_records GROUP BY kind")).all()
        )
        quarantined = conn.execute(text("SELECT count(*) FROM central_quarantine")).scalar_one()
        counters = [
            CounterFigures(*r)
            for r in conn.execute(
                text(
                    "SELECT c.counter_name, c.agency_id, c.code_slot, c.high_water, "
                    "(SELECT count(*) FROM central_dossiers d "
                    " WHERE d.origin_counter_uuid = c.uuid), "
                    "c.audit_count, (SELECT count(*) FROM central_quarantine q "
                    " WHERE q.counter_uuid = c.uuid), c.last_push_at "
                    "FROM central_counters c ORDER BY c.agency_id, c.code_slot"
                )
            ).all()
        ]
    return Figures(dossiers, codes, records, quarantined, counters)


def hand_over(engine: Engine, code: str, to_counter_uuid: str) -> None:
    """Hand a dossier to another counter of its agency (the citizen comes back
    there): the new owner receives it with its history; the old one can no
    longer change it (its pushes are quarantined)."""
    with engine.begin() as conn:
        row = _dossier_by_code(conn, code, "uuid, agency_id, version, body", lock=True)
        target = conn.execute(
            text("SELECT agency_id FROM central_counters WHERE uuid = :u"), {"u": to_counter_uuid}
        ).scalar()
        if target != row.agency_id:
            raise _error(
                QT_TRANSLATE_NOOP(
                    "Central", "A dossier can be handed only to a counter of the same agency."
                )
            )
        conn.execute(
            text("UPDATE central_dossiers SET owner_counter_uuid = :o WHERE uuid = :u"),
            {"o": to_counter_uuid, "u": row.uuid},
        )
        history = [
            {"kind": r.kind, "version": r.version, "body": r.body}
            for r in conn.execute(
                text(
                    "SELECT kind, version, body FROM central_records WHERE dossier_uuid = :u "
                    "ORDER BY counter_seq"
                ),
                {"u": row.uuid},
            )
        ]
        body = {**row.body, "version": row.version, "records": history}
        feed.emit(
            conn, "dossier", row.uuid, body, agency_id=row.agency_id, counter_uuid=to_counter_uuid
        )
