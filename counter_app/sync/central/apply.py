"""The centre's side of a push: one batch of a counter's outbox applied in the
caller's PostgreSQL transaction, keyed by UUID under unique constraints.

The batch is staged (staging.py) and moved into the real tables with one
statement per table; only the rows that were already there are read back,
so a replayed batch changes nothing. A row the centre refuses is quarantined
with both versions and its reason; the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, text, update
from sqlalchemy.dialects.postgresql import insert

from counter_app.domain.workflow import State, reachable_pairs
from counter_app.sync.central.staging import (
    CHILDREN,
    DOSSIER_COLUMNS,
    DOSSIER_UPDATES,
    HELD_AUDIT,
    NEW_DOSSIERS,
    NEW_RECORDS,
    PARENT_OWNER,
    RECORD_COLUMNS,
    REFRESH_REPORT_FACTS,
    STAGING,
    Entry,
    insert_new,
    stage,
)
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


class OwnerChanged(RuntimeError):
    """A dossier changed owner between reading and writing it; retry the batch."""


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


def _apply_dossiers(
    conn: Connection, counter: CounterRow, by_seq: dict[int, Entry], params: dict[str, Any]
) -> list[Refusal]:
    rest = [
        by_seq[seq]
        for seq in insert_new(conn, "central_dossiers", DOSSIER_COLUMNS, NEW_DOSSIERS, params)
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
                + ", ".join(f"{c} = {DOSSIER_COLUMNS[c]}" for c in DOSSIER_UPDATES)
                + f" FROM {STAGING} s WHERE d.uuid = ANY(CAST(:newer AS varchar[])) "
                f"AND s.uuid = d.uuid AND {NEW_DOSSIERS}"
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
    held: dict[str, Any] = dict(conn.execute(text(HELD_AUDIT)).all()) if entries else {}
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
            f"SELECT s.seq FROM {STAGING} s WHERE {CHILDREN} AND (s.body->>'dossier_uuid' "
            f"= ANY(CAST(:refused AS varchar[])) OR {PARENT_OWNER} IS DISTINCT FROM :counter) "
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
        for seq in insert_new(conn, "central_records", RECORD_COLUMNS, NEW_RECORDS, params)
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
    stage(conn, entries)
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
    conn.execute(text(REFRESH_REPORT_FACTS))
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
