"""The code blocks the centre granted desks for another authority's codes
(central migration c0009), as the rest of the centre must respect them: a
new counter of that authority is not given a slot a block in force lies in,
and the portal's dossiers may not take a number a desk may print."""

from __future__ import annotations

from sqlalchemy import Connection, text

from counter_app.domain.codes import BLOCK, DossierCode

# Today as the desks count days, whatever the server's time zone.
_TODAY = "(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date"


def block_slots(conn: Connection, authority_id: str) -> set[int]:
    """Code slots that a block of the authority, in force today or later, reaches into."""
    rows = conn.execute(
        text(
            "SELECT first_seq, last_seq FROM central_code_blocks "
            f"WHERE authority_id = :a AND valid_until >= {_TODAY}"
        ),
        {"a": authority_id},
    )
    return {slot for first, last in rows for slot in range(first // BLOCK, last // BLOCK + 1)}


def granted_to(conn: Connection, code: DossierCode) -> str | None:
    """The counter a block holding ``code``'s number on its day was granted to, if any."""
    return conn.execute(
        text(
            "SELECT c.counter_name FROM central_code_blocks b "
            "JOIN central_counters c ON c.uuid = b.counter_uuid "
            "WHERE b.authority_id = :a AND :d BETWEEN b.valid_from AND b.valid_until "
            "AND :n BETWEEN b.first_seq AND b.last_seq LIMIT 1"
        ),
        {"a": code.agency_id, "d": code.day, "n": code.sequence},
    ).scalar()
