"""Registering a counter at the centre: its identity, a code slot of its
agency, its ledger book and its own PostgreSQL login role.

A code slot belongs either to one counter or to the public service portal,
never both: a slot the agency's portal dossiers already number in is never
handed to a counter (portal_import refuses the other way round).
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from typing import Any

from psycopg import sql
from sqlalchemy import Connection, Engine, make_url, text

from counter_app.centre import feed
from counter_app.centre.checks import clean_text, error, parse_uuid
from counter_app.centre.code_blocks import block_slots
from counter_app.centre.schema import COUNTER_GROUP, DESK_STATEMENT_TIMEOUT
from counter_app.domain.codes import SLOTS, check_agency_id
from counter_app.domain.messages import QT_TRANSLATE_NOOP
from counter_app.wire.connection_file import CentralSettings

# Registrations are rare: one at a time keeps the identity and role checks
# free of races (a second key beside the agency's own, which the portal
# import takes too).
_REGISTRATION_LOCK = "counter-app:register-counter"


def counter_body(row: Any) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "agency_id": row.agency_id,
        "agency_name": row.agency_name,
        "unit_name": row.unit_name,
        "counter_name": row.counter_name,
        "code_slot": row.code_slot,
        "ledger_book": row.ledger_book,
    }


def portal_slots(conn: Connection, agency_id: str) -> set[int]:
    """Code slots the agency's portal dossiers number in (the code's thousands digit)."""
    return set(
        conn.execute(
            text(
                "SELECT DISTINCT CAST(substr(code, length(code) - 3, 1) AS integer) "
                "FROM central_dossiers WHERE agency_id = :a AND source = 'online' "
                "AND code ~ '-[0-9]{6}-[0-9]{4}$'"
            ),
            {"a": agency_id},
        ).scalars()
    )


def lock_agency(conn: Connection, agency_id: str) -> None:
    """Serialise work that hands out or takes an agency's code slots."""
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:a))"), {"a": agency_id})


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
    deliver: Callable[[CentralSettings], None] | None = None,
) -> CentralSettings:
    """Register a counter: the agency's lowest free code slot, its own ledger
    book, and its own PostgreSQL role with a generated password.

    ``deliver`` (writing the connection file) runs before the commit: when it
    fails, nothing is left behind at the centre, no role and no counter row.
    """
    agency_id = check_agency_id(agency_id)
    names = {
        "agency_name": clean_text(agency_name, "--agency-name", max_length=200, required=True),
        "unit_name": clean_text(unit_name, "--unit-name", max_length=200, required=True),
        "counter_name": clean_text(counter_name, "--counter-name", max_length=100, required=True),
        "parent_name": clean_text(parent_name, "--parent-name", max_length=200),
        "place": clean_text(place, "--place", max_length=100),
        "phone": clean_text(phone, "--phone", max_length=20),
    }
    counter_uuid = parse_uuid(counter_uuid, "--counter-uuid") if counter_uuid else str(uuid.uuid4())
    # Hex digits only: the name is quoted as an identifier all the same.
    role = "ctr_" + uuid.UUID(counter_uuid).hex[:20]
    password = secrets.token_urlsafe(24)
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": _REGISTRATION_LOCK})
        lock_agency(conn, agency_id)
        _refuse_known_identity(conn, counter_uuid, role)
        slot = _free_slot(conn, agency_id)
        book = f"{slot + 1:02d}"
        # DDL takes no bound parameters: the role as an identifier, the
        # password as a literal, both quoted by psycopg on this transaction's
        # own connection.
        cur = conn.connection.cursor()
        try:
            cur.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(role), sql.Literal(password), sql.Identifier(COUNTER_GROUP)
                )
            )
            cur.execute(
                sql.SQL("ALTER ROLE {} SET statement_timeout = {}").format(
                    sql.Identifier(role), sql.Literal(DESK_STATEMENT_TIMEOUT)
                )
            )
        finally:
            cur.close()
        row = conn.execute(
            text(
                "INSERT INTO central_counters (uuid, agency_id, agency_name, unit_name, "
                "parent_name, place, phone, counter_name, code_slot, ledger_book, role_name) "
                "VALUES (:uuid, :agency, :agency_name, :unit_name, :parent_name, :place, "
                ":phone, :counter_name, :slot, :book, :role) RETURNING *"
            ),
            {"uuid": counter_uuid, "agency": agency_id, "slot": slot, "book": book, "role": role}
            | names,
        ).one()
        feed.emit(conn, "counter", counter_uuid, counter_body(row), agency_id=agency_id)
        url = make_url(str(engine.url)).set(username=role, password=password)
        settings = CentralSettings(
            counter_uuid,
            agency_id,
            names["agency_name"],
            names["parent_name"],
            names["place"],
            names["phone"],
            names["counter_name"],
            slot,
            book,
            url.render_as_string(hide_password=False),
            names["unit_name"],
        )
        if deliver is not None:
            deliver(settings)
    return settings


def _refuse_known_identity(conn: Connection, counter_uuid: str, role: str) -> None:
    known = conn.execute(
        text("SELECT counter_name, agency_id FROM central_counters WHERE uuid = :u"),
        {"u": counter_uuid},
    ).first()
    if known is not None:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "A counter with the identity {uuid} is registered already (\u201c{counter}\u201d "
                "of {agency}); nothing was changed. Give its file again, or leave out "
                "--counter-uuid to register a new counter.",
            ),
            uuid=counter_uuid,
            counter=known.counter_name,
            agency=known.agency_id,
        )
    if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first():
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The database role {role} for the identity {uuid} exists already; nothing was "
                "changed. Leave out --counter-uuid to register the counter under a new identity.",
            ),
            role=role,
            uuid=counter_uuid,
        )


def _free_slot(conn: Connection, agency_id: str) -> int:
    taken = set(
        conn.execute(
            text("SELECT code_slot FROM central_counters WHERE agency_id = :a"), {"a": agency_id}
        ).scalars()
    )
    # A block granted to other desks for this agency's codes is in force up to two weeks.
    taken |= portal_slots(conn, agency_id) | block_slots(conn, agency_id)
    free = [s for s in range(SLOTS) if s not in taken]
    if not free:
        raise error(
            QT_TRANSLATE_NOOP(
                "Central",
                "The agency {agency} has no free code slot: its counters, the numbers of "
                "its dossiers from the public service portal and the numbers the centre "
                "granted other desks for its codes use all ten.",
            ),
            agency=agency_id,
        )
    return free[0]


# What a counter leaves at the centre once it has worked with it: any of these
# and it is no longer a registration to take back.
_TRACES = text(
    "SELECT c.counter_name, c.agency_id, c.role_name, c.code_slot, "
    "c.high_water > 0 OR c.audit_count > 0 OR c.last_push_at IS NOT NULL "
    "OR EXISTS (SELECT 1 FROM central_dossiers d "
    "           WHERE d.origin_counter_uuid = c.uuid OR d.owner_counter_uuid = c.uuid) "
    "OR EXISTS (SELECT 1 FROM central_records r WHERE r.counter_uuid = c.uuid) "
    "OR EXISTS (SELECT 1 FROM central_quarantine q WHERE q.counter_uuid = c.uuid) "
    "OR EXISTS (SELECT 1 FROM central_code_blocks b WHERE b.counter_uuid = c.uuid) AS worked "
    "FROM central_counters c WHERE c.uuid = :u FOR UPDATE"
)


def unregister_counter(engine: Engine, counter_uuid: str) -> tuple[str, int]:
    """Take back a registration that was never used: the counter row and its
    PostgreSQL role, its code slot free again. A counter that has pushed
    anything (a dossier, a record, its audit) or been granted code numbers is
    refused: its codes and its history stay attached to it. Returns the
    counter's name and the slot freed."""
    counter_uuid = parse_uuid(counter_uuid, "--counter-uuid")
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": _REGISTRATION_LOCK})
        found = conn.execute(_TRACES, {"u": counter_uuid}).first()
        if found is None:
            raise error(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "No counter with the identity {uuid} is registered at the centre; "
                    "nothing was changed.",
                ),
                uuid=counter_uuid,
            )
        lock_agency(conn, found.agency_id)
        if found.worked:
            raise error(
                QT_TRANSLATE_NOOP(
                    "Central",
                    "The counter \u201c{counter}\u201d ({uuid}) has already sent dossiers or "
                    "records to the centre (or been granted code numbers); it cannot be "
                    "removed, and nothing was changed.",
                ),
                counter=found.counter_name,
                uuid=counter_uuid,
            )
        conn.execute(text("DELETE FROM central_counters WHERE uuid = :u"), {"u": counter_uuid})
        if conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": found.role_name}
        ).first():
            cur = conn.connection.cursor()
            try:
                cur.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(found.role_name)))
            finally:
                cur.close()
    return found.counter_name, found.code_slot
