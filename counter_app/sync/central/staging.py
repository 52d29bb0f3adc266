"""The staging of a pushed batch at the centre: its entries, the temporary
table one COPY fills, and the SQL that moves them into the real tables.

A counter's role may not COPY into a table with row-level security, so the
batch is streamed into a temporary table and moved with ``INSERT … SELECT …
ON CONFLICT DO NOTHING``: unique keys, row-level security and triggers apply
as to any insert. The body travels as the JSON text the counter stored; the
server parses it once, in COPY, and derives the columns from it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Connection, text

from counter_app.domain.audit_chain import entry_digest
from counter_app.reports.facts import STEP_ACTIONS

STAGING = "central_push_staging"
# `latest`: the entry is its row's last in the batch (a batch lands on the
# state it ends in). No index: every statement reads it whole or per entry.
_CREATE = (
    f"CREATE TEMP TABLE IF NOT EXISTS {STAGING} (seq bigint NOT NULL, kind varchar(20) NOT NULL, "
    "uuid varchar(36) NOT NULL, version integer NOT NULL, latest boolean NOT NULL, "
    "body jsonb NOT NULL) ON COMMIT DELETE ROWS"
)


def _at(key: str) -> str:
    return f"NULLIF(s.body->>'{key}', '')::timestamp"


# What a dossier's columns are, from its staged entry `s`; a later version may
# change only those in DOSSIER_UPDATES (code, origin and agency never do).
DOSSIER_COLUMNS = {
    "uuid": "s.uuid",
    "code": "s.body->>'code'",
    "agency_id": ":agency",
    "source": "'counter'",
    "origin_counter_uuid": ":counter",
    "owner_counter_uuid": ":counter",
    "procedure_code": "s.body->>'procedure_code'",
    "state": "s.body->>'state'",
    "version": "s.version",
    "received_at": _at("received_at"),
    "appointment_at": _at("appointment_at"),
    "finished_at": _at("finished_at"),
    "returned_at": _at("returned_at"),
    "fee": "COALESCE((s.body->>'fee')::bigint, 0)",
    "fee_free": "COALESCE((s.body->>'fee_free')::boolean, false)",
    "body": "s.body",
    "updated_at": ":now",
}
DOSSIER_UPDATES = (
    "owner_counter_uuid",
    "state",
    "version",
    "appointment_at",
    "finished_at",
    "returned_at",
    "body",
    "updated_at",
)
RECORD_COLUMNS = {
    "uuid": "s.uuid",
    "kind": "s.kind",
    "dossier_uuid": "s.body->>'dossier_uuid'",
    "counter_uuid": ":counter",
    "agency_id": ":agency",
    "counter_seq": "s.seq",
    "version": "s.version",
    "body": "s.body",
}
NEW_DOSSIERS = "s.kind = 'dossier' AND s.latest"
CHILDREN = "s.kind NOT IN ('dossier', 'audit') AND s.body->>'dossier_uuid' IS NOT NULL"
# Rows of the real tables are looked up per staged entry, by key: an index
# probe each, whatever the table's size and whatever the planner guesses of
# a staging table it has no statistics for.
PARENT_OWNER = (
    "(SELECT d.owner_counter_uuid FROM central_dossiers d WHERE d.uuid = s.body->>'dossier_uuid')"
)
HELD_AUDIT = (
    "SELECT uuid, body FROM (SELECT s.uuid, (SELECT r.body FROM central_records r "
    f"WHERE r.uuid = s.uuid) AS body FROM {STAGING} s WHERE s.kind = 'audit') held "
    "WHERE body IS NOT NULL"
)
NEW_RECORDS = "s.kind <> 'dossier' AND s.latest AND s.seq <> ALL(CAST(:skip AS bigint[]))"


def report_records(alias: str = "") -> str:
    """The records the reports read (pauses; refusal, withdrawal and return
    steps) as SQL, written as the partial index of migration c0003_reports and
    the function of c0004_report_facts have it: PostgreSQL uses a partial
    index only for a query that implies its predicate (tests/reports checks
    the three agree)."""
    a = f"{alias}." if alias else ""
    actions = ", ".join(f"'{action}'" for action in STEP_ACTIONS)
    return f"{a}kind = 'pause' OR ({a}kind = 'step' AND ({a}body ->> 'action') IN ({actions}))"


# The report facts of the dossiers whose steps or pauses the batch brought,
# derived again from all their records at the centre (migration
# c0004_report_facts): a record refused or replayed changes nothing in them.
REFRESH_REPORT_FACTS = (
    "SELECT central_refresh_report_facts(ARRAY(SELECT DISTINCT s.body ->> 'dossier_uuid' "
    f"FROM {STAGING} s WHERE s.latest AND ({report_records('s')})))"
)


@dataclass(frozen=True)
class Entry:
    """One outbox entry as the counter stored it. The payload travels as its
    JSON text (COPY sends it as is, the server parses it once) and is parsed
    here only where a rule looks inside: audit entries, refusals, rows the
    centre already holds."""

    seq: int
    kind: str
    row_uuid: str
    version: int
    text: str

    @cached_property
    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = json.loads(self.text)
        return body

    @cached_property
    def hash_matches(self) -> bool:
        """An audit entry's hash covers its content (the half of the chain
        check that needs nothing of the centre's; a body lacking what the
        hash covers does not match it)."""
        try:
            return entry_digest(self.payload) == self.payload.get("hash")
        except (KeyError, TypeError, ValueError):
            return False


def stage(conn: Connection, entries: Sequence[Entry]) -> None:
    """Stream the batch with one COPY into the staging table."""
    # The batch's statements each run for milliseconds: compiling them to
    # machine code (which a per-entry look-up's cost estimate would trigger)
    # costs more than it saves.
    conn.exec_driver_sql("SET LOCAL jit = off")
    conn.exec_driver_sql(_CREATE)
    # Emptied at commit; a second batch in one transaction must not see the first.
    conn.exec_driver_sql(f"DELETE FROM {STAGING}")
    last = {e.row_uuid: e.seq for e in entries}
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(
            f"COPY {STAGING} (seq, kind, uuid, version, latest, body) FROM STDIN"
        ) as copy:
            for e in entries:
                copy.write_row(
                    (e.seq, e.kind, e.row_uuid, e.version, last[e.row_uuid] == e.seq, e.text)
                )
    finally:
        cursor.close()


def insert_new(
    conn: Connection, table: str, columns: dict[str, str], where: str, params: dict[str, Any]
) -> list[int]:
    """Move the staged entries matching ``where`` into ``table``; return the
    seqs of those whose row was already there (or is hidden from this counter)."""
    insert_sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"SELECT {', '.join(columns.values())} FROM {STAGING} s WHERE {where} ORDER BY s.seq "
        "ON CONFLICT DO NOTHING RETURNING uuid"
    )
    return list(
        conn.execute(
            text(
                f"WITH new AS ({insert_sql}) SELECT s.seq FROM {STAGING} s WHERE {where} "
                "AND NOT EXISTS (SELECT 1 FROM new WHERE new.uuid = s.uuid) ORDER BY s.seq"
            ),
            params,
        ).scalars()
    )
