"""The centre's side of a push: one batch of a counter's outbox applied in the
caller's PostgreSQL transaction, keyed by UUID under unique constraints.

The batch is streamed with COPY into a temporary staging table, then moved
into the real tables with one ``INSERT … SELECT … ON CONFLICT DO NOTHING``
per table: unique keys, row-level security and triggers apply as to any
insert (a counter's role may not COPY into a table with row-level security),
and the columns are derived from the body by the server, which parses each
body once. Only the rows that were already there are read back, so a
replayed batch changes nothing. A row the centre refuses is quarantined with
both versions and its reason; the rest of the batch goes on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.dialects.postgresql import insert

from counter_app.domain.audit_chain import entry_digest
from counter_app.domain.workflow import State, reachable_pairs
from counter_app.sync.central.tables import counters, dossiers, quarantine, records

APPEND_ONLY = frozenset({"document", "step", "audit"})
_REACHABLE = reachable_pairs()

# Reasons, stored with the quarantined row and shown to the administrator.
AUDIT_BROKEN = "audit chain broken: the entry does not follow the centre's head"
CODE_TAKEN = "dossier code already belongs to another dossier"
NOT_OWNER = "dossier belongs to another counter"
FORBIDDEN = "workflow does not allow {old} -> {new}"
CHANGED_CENTRALLY = "dossier was changed centrally since this counter received it"
APPEND_ONLY_CHANGED = "append-only record arrived again with a different body"
DOSSIER_REFUSED = "its dossier's change was refused or the dossier belongs to another counter"

STAGING = "central_push_staging"
# `latest`: the entry is its row's last in the batch (a batch lands on the
# state it ends in). No index: every statement reads it whole or per entry.
_CREATE_STAGING = (
    f"CREATE TEMP TABLE IF NOT EXISTS {STAGING} (seq bigint NOT NULL, kind varchar(20) NOT NULL, "
    "uuid varchar(36) NOT NULL, version integer NOT NULL, latest boolean NOT NULL, "
    "body jsonb NOT NULL) ON COMMIT DELETE ROWS"
)


def _at(key: str) -> str:
    return f"NULLIF(s.body->>'{key}', '')::timestamp"


# What a dossier's columns are, from its staged entry `s`; a later version may
# change only those in _DOSSIER_UPDATES (code, origin and agency never do).
_DOSSIER_COLUMNS = {
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
_DOSSIER_UPDATES = (
    "owner_counter_uuid",
    "state",
    "version",
    "appointment_at",
    "finished_at",
    "returned_at",
    "body",
    "updated_at",
)
_RECORD_COLUMNS = {
    "uuid": "s.uuid",
    "kind": "s.kind",
    "dossier_uuid": "s.body->>'dossier_uuid'",
    "counter_uuid": ":counter",
    "agency_id": ":agency",
    "counter_seq": "s.seq",
    "version": "s.version",
    "body": "s.body",
}
_NEW_DOSSIERS = "s.kind = 'dossier' AND s.latest"
_CHILDREN = "s.kind NOT IN ('dossier', 'audit') AND s.body->>'dossier_uuid' IS NOT NULL"
# Rows of the real tables are looked up per staged entry, by key: an index
# probe each, whatever the table's size and whatever the planner guesses of
# a staging table it has no statistics for.
_PARENT_OWNER = (
    "(SELECT d.owner_counter_uuid FROM central_dossiers d WHERE d.uuid = s.body->>'dossier_uuid')"
)
_HELD_AUDIT = (
    "SELECT uuid, body FROM (SELECT s.uuid, (SELECT r.body FROM central_records r "
    f"WHERE r.uuid = s.uuid) AS body FROM {STAGING} s WHERE s.kind = 'audit') held "
    "WHERE body IS NOT NULL"
)
_NEW_RECORDS = "s.kind <> 'dossier' AND s.latest AND s.seq <> ALL(CAST(:skip AS bigint[]))"


class OwnerChanged(RuntimeError):
    """A dossier changed owner between reading and writing it; retry the batch."""


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


@dataclass(frozen=True)
class Refusal:
    seq: int
    kind: str
    row_uuid: str
    reason: str
    incoming: dict[str, Any]
    existing: dict[str, Any] | None


@dataclass
class CounterRow:
    uuid: str
    agency_id: str
    high_water: int
    audit_head: str
    audit_count: int


def lock_counter(conn: Connection, counter_uuid: str) -> CounterRow | None:
    """The counter's row, locked: two pushes of one counter run one after the other."""
    row = conn.execute(
        select(
            counters.c.uuid,
            counters.c.agency_id,
            counters.c.high_water,
            counters.c.audit_head,
            counters.c.audit_count,
        )
        .where(counters.c.uuid == counter_uuid)
        .with_for_update()
    ).first()
    return CounterRow(*row) if row else None


def _stage(conn: Connection, entries: Sequence[Entry]) -> None:
    # The batch's statements each run for milliseconds: compiling them to
    # machine code (which a per-entry look-up's cost estimate would trigger)
    # costs more than it saves.
    conn.exec_driver_sql("SET LOCAL jit = off")
    conn.exec_driver_sql(_CREATE_STAGING)
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


def _insert_new(
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


def _apply_dossiers(
    conn: Connection, counter: CounterRow, by_seq: dict[int, Entry], params: dict[str, Any]
) -> list[Refusal]:
    rest = [
        by_seq[seq]
        for seq in _insert_new(conn, "central_dossiers", _DOSSIER_COLUMNS, _NEW_DOSSIERS, params)
    ]
    if not rest:
        return []
    existing = {
        r.uuid: r
        # No FOR UPDATE: row-level security would hide another counter's
        # dossier from a locking read, and it must be seen to be refused.
        for r in conn.execute(
            select(dossiers).where(dossiers.c.uuid.in_([e.row_uuid for e in rest]))
        )
    }
    refusals: list[Refusal] = []
    newer: list[str] = []
    for e in rest:
        old = existing.get(e.row_uuid)
        if old is None:
            taken = conn.execute(
                select(dossiers.c.body).where(dossiers.c.code == e.payload["code"])
            ).scalar()
            refusals.append(Refusal(e.seq, e.kind, e.row_uuid, CODE_TAKEN, e.payload, taken))
            continue
        reason = _dossier_refusal(counter, old, e)
        if reason:
            refusals.append(Refusal(e.seq, e.kind, e.row_uuid, reason, e.payload, old.body))
        elif e.version > old.version:
            newer.append(e.row_uuid)
    if newer:
        done = conn.execute(
            text(
                "UPDATE central_dossiers d SET "
                + ", ".join(f"{c} = {_DOSSIER_COLUMNS[c]}" for c in _DOSSIER_UPDATES)
                + f" FROM {STAGING} s WHERE d.uuid = ANY(CAST(:newer AS varchar[])) "
                f"AND s.uuid = d.uuid AND {_NEW_DOSSIERS}"
            ),
            {**params, "newer": newer},
        ).rowcount
        if done != len(newer):
            # A dossier was handed to another counter after it was read: the
            # whole batch rolls back and the next round sees the new owner.
            raise OwnerChanged(f"{len(newer) - done} dossier(s) changed owner during the push")
    return refusals


def _dossier_refusal(counter: CounterRow, old: Any, e: Entry) -> str | None:
    owner = old.owner_counter_uuid
    if owner not in (None, counter.uuid):
        return NOT_OWNER
    if owner is None and e.version <= old.version:
        return CHANGED_CENTRALLY
    if e.version <= old.version:
        return None  # already here: a replay or an older state of ours
    new = e.payload["state"]
    if new != old.state and (State(old.state), State(new)) not in _REACHABLE:
        return FORBIDDEN.format(old=old.state, new=new)
    return None


def _check_audit(
    conn: Connection, counter: CounterRow, entries: list[Entry]
) -> tuple[list[int], list[Refusal]]:
    """Walk the audit entries in order: each must extend the counter's chain.
    Returns the seqs of those the centre already holds unchanged (a replay,
    not a break) and the refusals."""
    held = dict(conn.execute(text(_HELD_AUDIT)).all()) if entries else {}
    replayed: list[int] = []
    refused: list[Refusal] = []
    for e in entries:
        body = e.payload
        if held.get(e.row_uuid) == body:
            replayed.append(e.seq)
        elif body.get("prev_hash") == counter.audit_head and e.hash_matches:
            counter.audit_head = body["hash"]
            counter.audit_count += 1
        else:
            refused.append(Refusal(e.seq, e.kind, e.row_uuid, AUDIT_BROKEN, body, None))
    return replayed, refused


def _orphans(
    conn: Connection, counter: CounterRow, by_seq: dict[int, Entry], refused: list[str]
) -> list[Refusal]:
    """Documents, pauses, steps and prints of a dossier whose change was
    refused, or that this counter does not own (or cannot see): refused with
    it, so the centre never holds a step its dossier does not reflect."""
    seqs = conn.execute(
        text(
            f"SELECT s.seq FROM {STAGING} s WHERE {_CHILDREN} AND (s.body->>'dossier_uuid' "
            f"= ANY(CAST(:refused AS varchar[])) OR {_PARENT_OWNER} IS DISTINCT FROM :counter) "
            "ORDER BY s.seq"
        ),
        {"refused": refused, "counter": counter.uuid},
    ).scalars()
    orphans = [by_seq[seq] for seq in seqs]
    return [Refusal(e.seq, e.kind, e.row_uuid, DOSSIER_REFUSED, e.payload, None) for e in orphans]


def _apply_records(
    conn: Connection, by_seq: dict[int, Entry], params: dict[str, Any]
) -> list[Refusal]:
    rest = [
        by_seq[seq]
        for seq in _insert_new(conn, "central_records", _RECORD_COLUMNS, _NEW_RECORDS, params)
    ]
    if not rest:
        return []
    existing = {
        r.uuid: r
        for r in conn.execute(
            select(records.c.uuid, records.c.version, records.c.body).where(
                records.c.uuid.in_([e.row_uuid for e in rest])
            )
        )
    }
    refusals: list[Refusal] = []
    updates: list[dict[str, Any]] = []
    for e in rest:
        old = existing.get(e.row_uuid)
        if old is None:  # another counter's row: row-level security hides it
            refusals.append(Refusal(e.seq, e.kind, e.row_uuid, NOT_OWNER, e.payload, None))
        elif e.kind in APPEND_ONLY:
            if old.body != e.payload:
                refusals.append(
                    Refusal(e.seq, e.kind, e.row_uuid, APPEND_ONLY_CHANGED, e.payload, old.body)
                )
        elif e.version > old.version:
            updates.append(
                {"b_uuid": e.row_uuid, "p_version": e.version, "p_body": e.payload, "p_seq": e.seq}
            )
    if updates:
        conn.execute(
            update(records)
            .where(records.c.uuid == bindparam("b_uuid"))
            .values(
                version=bindparam("p_version"),
                body=bindparam("p_body"),
                counter_seq=bindparam("p_seq"),
            ),
            updates,
        )
    return refusals


def apply_batch(conn: Connection, counter: CounterRow, entries: Sequence[Entry]) -> list[Refusal]:
    """Apply entries (seq order, starting right after the high-water mark);
    return the refused ones. The caller moves the high-water mark."""
    _stage(conn, entries)
    by_seq = {e.seq: e for e in entries}
    params: dict[str, Any] = {
        "counter": counter.uuid,
        "agency": counter.agency_id,
        "now": datetime.now().astimezone(),
    }
    refusals = _apply_dossiers(conn, counter, by_seq, params)
    replayed, broken = _check_audit(conn, counter, [e for e in entries if e.kind == "audit"])
    refusals += broken
    refusals += _orphans(
        conn, counter, by_seq, [r.row_uuid for r in refusals if r.kind == "dossier"]
    )
    skip = replayed + [r.seq for r in refusals if r.kind != "dossier"]
    refusals += _apply_records(conn, by_seq, {**params, "skip": skip})
    if refusals:
        conn.execute(
            insert(quarantine).on_conflict_do_nothing(),
            [
                {
                    "counter_uuid": counter.uuid,
                    "seq": r.seq,
                    "kind": r.kind,
                    "row_uuid": r.row_uuid,
                    "reason": r.reason,
                    "incoming": r.incoming,
                    "existing": r.existing,
                }
                for r in refusals
            ],
        )
    conn.execute(
        update(counters)
        .where(counters.c.uuid == counter.uuid)
        .values(
            high_water=entries[-1].seq if entries else counter.high_water,
            audit_head=counter.audit_head,
            audit_count=counter.audit_count,
            last_push_at=params["now"],
        )
    )
    return refusals
