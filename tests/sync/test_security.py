"""Each counter connects with its own PostgreSQL role: row-level security and
the centre's triggers hold even against a client that bypasses the app's
Python code. A record the centre refuses is quarantined and shown, and the
rest of the queue goes on."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from counter_app.centre import admin
from counter_app.domain.workflow import Action
from counter_app.models import Dossier, NumberSequence, OutboxEntry, SyncIssue
from counter_app.services import users
from counter_app.services.dossiers import StepRequest, take_step
from counter_app.sync.outbox import ROW_SEQUENCE
from counter_app.sync.service import status
from counter_app.wire.refusals import AUDIT_BROKEN, CODE_TAKEN, DOSSIER_REFUSED
from tests.conftest import AGENCY, PASSWORD, Clock, login
from tests.sync.conftest import OFFICIALS, Centre, Desk
from tests.sync.support import (
    assert_all_once,
    central_uuids,
    counter_engine,
    local_rows,
    local_uuids,
    outbox_size,
    receive_many,
)

OTHER_AGENCY = "000.00.38.H38"
DAY = datetime(2026, 11, 26, 8, 0)
TO_RETURNED = (
    ("thamdinh", Action.START_APPRAISAL),
    ("thamdinh", Action.APPRAISE),
    ("phochutich", Action.APPROVE),
    ("tiepnhan", Action.PREPARE_RESULT),
    ("tiepnhan", Action.RETURN_RESULT),
)


@pytest.fixture
def desks(centre: Centre) -> Iterator[tuple[Desk, Desk, Desk]]:
    """Two counters of one agency (a, a2) and one of another agency (b), each
    with a few dossiers at the centre; one of a's dossiers returned."""
    hashed = users.hash_password(PASSWORD)
    for username, full_name, roles in OFFICIALS:
        admin.add_user(
            centre.engine,
            username=username,
            full_name=full_name,
            password_hash=hashed,
            roles=roles,
            agency_id=OTHER_AGENCY,
        )
    clock = Clock(DAY)
    a = centre.desk("Quầy số 1", clock)
    a2 = centre.desk("Quầy số 2", clock)
    b = centre.desk("Quầy xã Mai Pha", clock, agency=OTHER_AGENCY)
    for desk in (a, a2, b):
        receive_many(desk, 3)
    returned = receive_many(a, 1, first=10)[0]
    for username, action in TO_RETURNED:
        take_step(a.ctx, login(a.ctx, username), returned, StepRequest(action))
    for desk in (a, a2, b):
        desk.sync()
    assert centre.scalar("SELECT state FROM central_dossiers WHERE code = :c", c=returned) == (
        "returned"
    )
    yield a, a2, b


def _one(engine: Engine, sql: str, **params: Any) -> Any:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _refused(engine: Engine, sql: str, match: str, **params: Any) -> None:
    with pytest.raises(DBAPIError, match=match), engine.begin() as conn:
        conn.execute(text(sql), params)


def _snapshot(centre: Centre) -> list[Any]:
    with centre.engine.connect() as conn:
        return [
            conn.execute(
                text("SELECT uuid, state, version, body FROM central_dossiers ORDER BY uuid")
            ).all(),
            conn.execute(
                text("SELECT uuid, version, body FROM central_records ORDER BY uuid")
            ).all(),
            conn.execute(text("SELECT uuid, high_water, audit_head FROM central_counters")).all(),
        ]


def test_a_counter_role_cannot_read_or_touch_other_counters_rows(
    centre: Centre, desks: tuple[Desk, Desk, Desk]
) -> None:
    a, a2, b = desks
    me, neighbour, other = (d.registration.counter_uuid for d in desks)
    assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE agency_id = :g", g=AGENCY)
    assert centre.scalar(
        "SELECT count(*) FROM central_dossiers WHERE agency_id = :g", g=OTHER_AGENCY
    )
    before = _snapshot(centre)
    with counter_engine(a) as engine:
        # reading: another agency's dossiers, records, counters, officials are invisible
        for table, column in (
            ("central_dossiers", "agency_id"),
            ("central_records", "agency_id"),
            ("central_counters", "agency_id"),
            ("central_users", "agency_id"),
            ("central_changes", "agency_id"),
        ):
            sql = f"SELECT count(*) FROM {table} WHERE {column} = :g"
            assert _one(engine, sql, g=OTHER_AGENCY) == 0, table
        assert _one(engine, "SELECT count(*) FROM central_dossiers") == 7  # its agency's
        # writing anything directly is refused: its own rows, a neighbour's,
        # another agency's (its writes go through central_push() alone)
        for sql in (
            'UPDATE central_dossiers SET body = body || \'{"note": "x"}\' '
            "WHERE origin_counter_uuid IN (:me, :n, :o)",
            "UPDATE central_dossiers SET state = 'received' WHERE state = 'returned'",
            "UPDATE central_dossiers SET origin_counter_uuid = :n WHERE origin_counter_uuid = :me",
            "UPDATE central_dossiers SET report_refused = true",
            "UPDATE central_records SET body = '{}' WHERE counter_uuid IN (:me, :n, :o)",
            "UPDATE central_counters SET high_water = high_water + 1000",
            "UPDATE central_counters SET audit_head = repeat('f', 64), audit_count = 0",
            "UPDATE central_counters SET code_slot = 9 WHERE uuid = :me",
            "DELETE FROM central_dossiers",
            "DELETE FROM central_records",
            "INSERT INTO central_dossiers (uuid, code, agency_id, origin_counter_uuid, "
            "owner_counter_uuid, procedure_code, state, version, received_at, body) VALUES "
            "(gen_random_uuid(), :code, :g, :me, :me, '2.000815', 'received', 1, now(), '{}')",
            "INSERT INTO central_records (uuid, kind, counter_uuid, agency_id, counter_seq, "
            "version, body) VALUES (gen_random_uuid(), 'step', :me, :g, 1, 1, '{}')",
            "INSERT INTO central_quarantine (counter_uuid, seq, kind, row_uuid, reason, incoming) "
            "VALUES (:me, 1, 'step', 'x', 'x', '{}')",
            "SELECT central_refresh_report_facts(ARRAY[]::varchar[])",
        ):
            _refused(
                engine,
                sql,
                "permission denied",
                me=me,
                n=neighbour,
                o=other,
                g=AGENCY,
                code=f"{AGENCY}-261126-7777",
            )
    assert _snapshot(centre) == before
    # what the counter received by feed is its own agency's only
    tiepnhan_here = centre.scalar(
        "SELECT uuid FROM central_users WHERE username = 'tiepnhan' AND agency_id = :g", g=AGENCY
    )
    assert local_rows(a, "SELECT uuid FROM users WHERE username = 'tiepnhan'") == [(tiepnhan_here,)]
    assert_all_once(centre, a, a2, b)


def _last_audit_payload(desk: Desk) -> dict[str, Any]:
    with desk.ctx.sessions() as s:
        entry = s.scalars(
            select(OutboxEntry).where(OutboxEntry.kind == "audit").order_by(OutboxEntry.seq.desc())
        ).first()
    assert entry is not None
    return dict(entry.payload)


def test_refused_records_are_quarantined_and_the_queue_goes_on(
    centre: Centre, desks: tuple[Desk, Desk, Desk]
) -> None:
    a, a2, _ = desks
    # GIVEN a tampered audit entry slipped straight into a's outbox (its hash
    # does not cover its content), with honest work queued after it
    receive_many(a, 2, first=20)
    honest = _last_audit_payload(a)
    forged = {
        **honest,
        "uuid": str(uuid.uuid4()),
        "prev_hash": honest["hash"],
        "event": "dossier.delete",
        "hash": "f" * 64,
    }
    with a.ctx.sessions.begin() as s:
        seq = s.execute(
            update(NumberSequence)
            .where(NumberSequence.name == ROW_SEQUENCE)
            .values(value=NumberSequence.value + 1)
            .returning(NumberSequence.value)
        ).scalar_one()
        s.execute(
            insert(OutboxEntry).values(
                seq=seq,
                kind="audit",
                row_uuid=forged["uuid"],
                version=1,
                payload=forged,
                created_at=DAY,
            )
        )
    after = receive_many(a, 3, first=30)
    # AND a2 holds a dossier whose code another counter already sent
    taken = local_rows(a, "SELECT code FROM dossiers ORDER BY id LIMIT 1")[0][0]
    receive_many(a2, 2, first=40)
    with a2.ctx.sessions.begin() as s:
        clash = s.scalars(select(Dossier).order_by(Dossier.id.desc())).first()
        assert clash is not None
        clash_uuid = clash.uuid
        clash.code = str(taken)
    receive_many(a2, 2, first=50)

    # WHEN both sync
    ra, ra2 = a.sync(), a2.sync()
    # THEN a's forged entry is refused; a2's clashing dossier is refused with
    # what hangs on it (its documents and step), the rest arrived
    children = local_rows(
        a2,
        "SELECT count(*) FROM (SELECT dossier_id FROM dossier_documents UNION ALL "
        "SELECT dossier_id FROM workflow_steps) WHERE dossier_id = "
        f"(SELECT id FROM dossiers WHERE uuid = '{clash_uuid}')",
    )[0][0]
    assert (ra.push.refused, ra2.push.refused) == (1, 1 + children)
    with centre.engine.connect() as conn:
        quarantined = conn.execute(
            text(
                "SELECT counter_uuid, kind, row_uuid, reason FROM central_quarantine "
                "WHERE reason <> :child ORDER BY id"
            ),
            {"child": DOSSIER_REFUSED},
        ).all()
        orphans = conn.execute(
            text(
                "SELECT DISTINCT incoming->>'dossier_uuid' FROM central_quarantine WHERE reason = :c"
            ),
            {"c": DOSSIER_REFUSED},
        ).all()
    assert orphans == [(clash_uuid,)]
    assert sorted(quarantined) == sorted(
        [
            (a.registration.counter_uuid, "audit", forged["uuid"], AUDIT_BROKEN),
            (a2.registration.counter_uuid, "dossier", clash_uuid, CODE_TAKEN),
        ]
    )
    assert outbox_size(a) == outbox_size(a2) == 0
    for code in after:
        assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE code = :c", c=code) == 1
    # a's honest audit entries after the forged one extend the chain at the centre
    a_audit = local_rows(
        a, f"SELECT count(*) FROM audit_log WHERE counter_uuid = '{a.registration.counter_uuid}'"
    )[0][0]
    assert (
        centre.scalar(
            "SELECT audit_count FROM central_counters WHERE uuid = :u",
            u=a.registration.counter_uuid,
        )
        == a_audit
    )
    # the clashing code still belongs to a's dossier alone
    assert centre.scalar(
        "SELECT origin_counter_uuid FROM central_dossiers WHERE code = :c", c=taken
    ) == (a.registration.counter_uuid)
    # AND each counter shows its refusal, with both versions where the centre has one
    for desk, kind, row in ((a, "audit", forged["uuid"]), (a2, "dossier", clash_uuid)):
        shown = status(desk.ctx, desk.directory).issues
        own = [(i.direction, i.kind, i.row_uuid) for i in shown if i.reason != DOSSIER_REFUSED]
        assert own == [("push", kind, row)]
    with a2.ctx.sessions() as s:
        issue = s.scalars(select(SyncIssue).where(SyncIssue.kind == "dossier")).one()
    assert issue.local_payload is not None and issue.local_payload["code"] == taken
    assert issue.central_payload is not None and issue.central_payload["code"] == taken
    assert issue.central_payload["uuid"] != clash_uuid
    # a counter cannot read another's quarantine
    with counter_engine(a) as engine:
        assert _one(engine, "SELECT count(*) FROM central_quarantine") == 1
    # a sync again changes nothing: no new issue, nothing resent
    assert a.sync().push.sent == a2.sync().push.sent == 0
    with a2.ctx.sessions() as s:
        assert s.scalar(select(func.count()).select_from(SyncIssue)) == 1 + children
    # everything else is there once (the refused dossier and its records aside)
    assert_all_once(centre, a, quarantined=2 + children)
    local = local_uuids(a2)
    central = central_uuids(centre, a2)
    assert sorted(central["dossier"]) == sorted(u for u in local["dossier"] if u != clash_uuid)
    for kind in ("document", "step", "audit"):
        assert sorted(central[kind]) == sorted(local[kind])
