"""The centre's side of a push: one batch of a counter's outbox applied in the
caller's PostgreSQL transaction, keyed by UUID under unique constraints.

Rows go in with ``INSERT … ON CONFLICT DO NOTHING``; only the rows that were
already there are looked at again, so a replayed batch changes nothing.
A row the centre refuses is quarantined with both versions and its reason;
the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert

from counter_app.domain.audit_chain import entry_digest
from counter_app.domain.workflow import State, reachable_pairs
from counter_app.sync.central.tables import counters, dossiers, quarantine, records
from counter_app.sync.payload import parse_datetime

APPEND_ONLY = frozenset({"document", "step", "audit"})
# What a later version of a dossier may change; code, origin and agency never do.
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
_REACHABLE = reachable_pairs()

# Reasons, stored with the quarantined row and shown to the administrator.
AUDIT_BROKEN = "audit chain broken: the entry does not follow the centre's head"
CODE_TAKEN = "dossier code already belongs to another dossier"
NOT_OWNER = "dossier belongs to another counter"
FORBIDDEN = "workflow does not allow {old} -> {new}"
CHANGED_CENTRALLY = "dossier was changed centrally since this counter received it"
APPEND_ONLY_CHANGED = "append-only record arrived again with a different body"
DOSSIER_REFUSED = "its dossier's change was refused or the dossier belongs to another counter"


class OwnerChanged(RuntimeError):
    """A dossier changed owner between reading and writing it; retry the batch."""


@dataclass(frozen=True)
class Entry:
    seq: int
    kind: str
    row_uuid: str
    version: int
    payload: dict[str, Any]
    # The payload's JSON as the counter stored it: COPY sends it as is rather
    # than serialising the parsed dict again.
    text: str | None = None

    def body(self) -> Any:
        return self.text if self.text is not None else Jsonb(self.payload)


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


def _latest(entries: Iterable[Entry]) -> list[Entry]:
    """One entry per row, its latest: a batch lands on the state it ends in."""
    latest: dict[str, Entry] = {}
    for e in entries:
        latest[e.row_uuid] = e
    return sorted(latest.values(), key=lambda e: e.seq)


def _dossier_row(counter: CounterRow, e: Entry) -> dict[str, Any]:
    p = e.payload
    return {
        "uuid": e.row_uuid,
        "code": p["code"],
        "agency_id": counter.agency_id,
        "source": "counter",
        "origin_counter_uuid": counter.uuid,
        "owner_counter_uuid": counter.uuid,
        "procedure_code": p["procedure_code"],
        "state": p["state"],
        "version": e.version,
        "received_at": parse_datetime(p["received_at"]),
        "appointment_at": parse_datetime(p.get("appointment_at")),
        "finished_at": parse_datetime(p.get("finished_at")),
        "returned_at": parse_datetime(p.get("returned_at")),
        "fee": int(p.get("fee", 0)),
        "fee_free": bool(p.get("fee_free", False)),
        "body": p,
        "updated_at": datetime.now().astimezone(),
    }


def _insert_new(conn: Connection, table: Any, rows: Sequence[dict[str, Any]]) -> set[str]:
    """Insert the rows the centre does not hold yet; return their uuids.

    The batch is streamed with COPY into a temporary table of the same shape,
    then moved with one ``INSERT … SELECT … ON CONFLICT DO NOTHING``: unique
    keys, row-level security and triggers apply as to any insert, at a
    fraction of the cost of a statement per row.
    """
    if not rows:
        return set()
    columns = list(rows[0])
    names = ", ".join(columns)
    staging = f"staging_{table.name}"
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table.name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
    )
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    finally:
        cursor.close()
    inserted = conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({names}) SELECT {names} FROM {staging} "
        "ON CONFLICT DO NOTHING RETURNING uuid"
    )
    uuids = {str(u) for u in inserted.scalars()}
    conn.exec_driver_sql(f"DELETE FROM {staging}")
    return uuids


def _apply_dossiers(conn: Connection, counter: CounterRow, entries: list[Entry]) -> list[Refusal]:
    rows = {e.row_uuid: _dossier_row(counter, e) for e in entries}
    inserted = _insert_new(
        conn, dossiers, [{**rows[e.row_uuid], "body": e.body()} for e in entries]
    )
    rest = [e for e in entries if e.row_uuid not in inserted]
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
    updates: list[dict[str, Any]] = []
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
            row = rows[e.row_uuid]
            updates.append({"b_uuid": e.row_uuid, **{f"p_{c}": row[c] for c in _DOSSIER_UPDATES}})
    if updates:
        done = conn.execute(
            update(dossiers)
            .where(dossiers.c.uuid == bindparam("b_uuid"))
            .values({c: bindparam(f"p_{c}") for c in _DOSSIER_UPDATES}),
            updates,
        ).rowcount
        if done != len(updates):
            # A dossier was handed to another counter after it was read: the
            # whole batch rolls back and the next round sees the new owner.
            raise OwnerChanged(f"{len(updates) - done} dossier(s) changed owner during the push")
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
) -> tuple[list[Entry], list[Refusal]]:
    """Audit entries that extend the counter's chain, in order; the rest refused.

    An entry the centre already holds unchanged is a replay, not a break.
    """
    held = {
        r.uuid: r.body
        for r in conn.execute(
            select(records.c.uuid, records.c.body).where(
                records.c.uuid.in_([e.row_uuid for e in entries])
            )
        )
    }
    good: list[Entry] = []
    refused: list[Refusal] = []
    for e in entries:
        body = e.payload
        if held.get(e.row_uuid) == body:
            continue
        if body.get("prev_hash") == counter.audit_head and entry_digest(body) == body.get("hash"):
            counter.audit_head = body["hash"]
            counter.audit_count += 1
            good.append(e)
        else:
            refused.append(Refusal(e.seq, e.kind, e.row_uuid, AUDIT_BROKEN, body, None))
    return good, refused


def _apply_records(conn: Connection, counter: CounterRow, entries: list[Entry]) -> list[Refusal]:
    rows = {
        e.row_uuid: {
            "uuid": e.row_uuid,
            "kind": e.kind,
            "dossier_uuid": e.payload.get("dossier_uuid"),
            "counter_uuid": counter.uuid,
            "agency_id": counter.agency_id,
            "counter_seq": e.seq,
            "version": e.version,
            "body": e.body(),
        }
        for e in entries
    }
    inserted = _insert_new(conn, records, list(rows.values()))
    rest = [e for e in entries if e.row_uuid not in inserted]
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


def _owned_children(
    conn: Connection, counter: CounterRow, entries: list[Entry], refusals: list[Refusal]
) -> tuple[list[Entry], list[Refusal]]:
    """Split documents, pauses, steps and prints into those of dossiers this
    counter owns and those it does not: a step of a dossier whose change was
    refused, or that belongs to another counter, is refused with it, so the
    centre never holds a step its dossier does not reflect."""
    refused = {r.row_uuid for r in refusals if r.kind == "dossier"}
    parents = {e.payload.get("dossier_uuid") for e in entries} - {None}
    owners = dict(
        conn.execute(
            select(dossiers.c.uuid, dossiers.c.owner_counter_uuid).where(
                dossiers.c.uuid.in_(parents)
            )
        ).all()
    )
    kept: list[Entry] = []
    orphaned: list[Refusal] = []
    for e in entries:
        parent = e.payload.get("dossier_uuid")
        if parent in refused or (parent is not None and owners.get(parent) != counter.uuid):
            orphaned.append(Refusal(e.seq, e.kind, e.row_uuid, DOSSIER_REFUSED, e.payload, None))
        else:
            kept.append(e)
    return kept, orphaned


def apply_batch(conn: Connection, counter: CounterRow, entries: Sequence[Entry]) -> list[Refusal]:
    """Apply entries (seq order, starting right after the high-water mark);
    return the refused ones. The caller moves the high-water mark."""
    by_kind: dict[str, list[Entry]] = {}
    for e in entries:
        by_kind.setdefault(e.kind, []).append(e)
    refusals = _apply_dossiers(conn, counter, _latest(by_kind.pop("dossier", [])))
    audits, broken = _check_audit(conn, counter, by_kind.pop("audit", []))
    refusals += broken
    children = [e for kind_entries in by_kind.values() for e in kind_entries]
    children, orphaned = _owned_children(conn, counter, children, refusals)
    refusals += orphaned
    refusals += _apply_records(
        conn, counter, _latest(sorted(children + audits, key=lambda e: e.seq))
    )
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
            last_push_at=datetime.now().astimezone(),
        )
    )
    return refusals
