"""The central administrator's work: counters, catalogue, officials, days off,
dossiers from the public service portal, departments' notes, figures.

Each function is one PostgreSQL transaction that changes the central tables
and writes the matching feed entries together.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, text

from counter_app.centre import feed
from counter_app.centre.checks import clean_text, error, parse_uuid, to_json
from counter_app.centre.portal_import import (
    ONLINE_LEDGER_BOOK,
    import_online,
    load_portal_file,
)
from counter_app.centre.registration import register_counter, unregister_counter
from counter_app.domain.bounds import MAX_LONG_TEXT
from counter_app.domain.catalogue.document import spec_to_dict
from counter_app.domain.codes import check_agency_id
from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.domain.procedure import ProcedureSpec
from counter_app.domain.validation import MAX_NAME_LENGTH
from counter_app.domain.workflow import Role

# Other modules import these from here.
__all__ = [
    "ONLINE_LEDGER_BOOK",
    "add_user",
    "figures",
    "hand_over",
    "import_catalogue",
    "import_online",
    "load_portal_file",
    "record_note",
    "register_counter",
    "unregister_counter",
    "set_calendar_day",
]
# A dossier code is at most 60 characters (central_dossiers.code).
_MAX_CODE = 60


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
                {"code": spec.code, "b": to_json(body)},
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
    username = clean_text(username, "username", max_length=60, required=True).lower()
    if not username.replace(".", "").replace("_", "").isalnum():
        raise error(
            QT_TRANSLATE_NOOP("Central", "The user name may contain only letters, digits, . and _.")
        )
    full_name = clean_text(full_name, "--full-name", max_length=MAX_NAME_LENGTH, required=True)
    title = clean_text(title, "--title")
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
            "full_name": full_name,
            "title": title,
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
            {"id": user_uuid, "a": agency, "u": username, "b": to_json(body)},
        )
        feed.emit(conn, "user", user_uuid, body, agency_id=agency)
    return user_uuid


def set_calendar_day(engine: Engine, day: date, *, working: bool, name: str) -> None:
    """A province day off (working=False) or make-up working day, for every counter."""
    body = {
        "day": day.isoformat(),
        "working": working,
        "name": clean_text(name, "name", max_length=200, required=True),
    }
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO central_calendar_days (day, working, name) VALUES (:d, :w, :n) "
                "ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name"
            ),
            {"d": day, "w": working, "n": body["name"]},
        )
        feed.emit(conn, "calendar_day", day.isoformat(), body)


def _dossier_by_code(conn: Connection, code: str, columns: str, *, lock: bool = False) -> Any:
    # Checked before it is echoed in a refusal: no hidden character, a code's length.
    code = clean_text(code, "code", max_length=_MAX_CODE, required=True).upper()
    row = conn.execute(
        text(
            f"SELECT {columns} FROM central_dossiers WHERE code = :c"
            + (" FOR UPDATE" if lock else "")
        ),
        {"c": code},
    ).first()
    if row is None:
        raise error(
            QT_TRANSLATE_NOOP("Central", "No dossier has the code \u201c{code}\u201d."), code=code
        )
    return row


def record_note(engine: Engine, code: str, *, department: str, note: str, at: datetime) -> str:
    """A specialised department's note or result on a dossier, sent to its owner."""
    department = clean_text(department, "--department", max_length=200, required=True)
    note = clean_text(note, "--text", max_length=MAX_LONG_TEXT, required=True)
    with engine.begin() as conn:
        row = _dossier_by_code(conn, code, "uuid, agency_id, owner_counter_uuid")
        note_uuid = str(uuid.uuid4())
        body = {
            "uuid": note_uuid,
            "dossier_uuid": row.uuid,
            "department": department,
            "text": note,
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
    to_counter_uuid = parse_uuid(to_counter_uuid, "--to-counter")
    with engine.begin() as conn:
        row = _dossier_by_code(conn, code, "uuid, agency_id, version, body", lock=True)
        target = conn.execute(
            text("SELECT agency_id FROM central_counters WHERE uuid = :u"), {"u": to_counter_uuid}
        ).scalar()
        if target != row.agency_id:
            raise error(
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
