"""A desk's role can do at the centre only what a desk may do: its writes go
through central_push(), which derives the counter from the session and checks
every value. Each test here is an attack that worked before migration
c0005_push_entry_point (issue 16, finding 2)."""

from __future__ import annotations

import importlib.util
import json
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from counter_app.centre.migrations import versions
from counter_app.domain.audit_chain import GENESIS, digest, entry_digest
from counter_app.models import Dossier, SyncIssue
from counter_app.wire import refusals
from tests.conftest import AGENCY, Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.paper_support import forge_entry
from tests.sync.support import counter_engine, outbox_size, receive_many

DAY = datetime(2026, 11, 26, 8, 0)


def _as_desk(desk: Desk, sql: str, **params: Any) -> Any:
    with counter_engine(desk) as engine, engine.begin() as conn:
        return conn.execute(text(sql), params).all()


def _refused(desk: Desk, sql: str, match: str = "permission denied", **params: Any) -> None:
    with pytest.raises(DBAPIError, match=match):
        _as_desk(desk, sql, **params)


def _issues(desk: Desk) -> list[tuple[str, str, str]]:
    with desk.ctx.sessions() as s:
        return [(i.kind, i.row_uuid, i.reason) for i in s.scalars(select(SyncIssue))]


def test_a_desk_cannot_shadow_the_guards_tables_or_create_anything(centre: Centre) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    # The attack: a temporary central_workflow_paths allowing returned -> received.
    _refused(
        desk,
        "CREATE TEMP TABLE central_workflow_paths (from_state text, to_state text)",
        "permission denied to create temporary tables",
    )
    _refused(desk, "CREATE TABLE public.central_evil (x int)")
    _refused(
        desk, "CREATE FUNCTION public.central_my_counter() RETURNS text AS 'select 1' LANGUAGE sql"
    )
    # Every function of the centre names its search_path, pg_temp last.
    with centre.engine.connect() as conn:
        loose = (
            conn.execute(
                text(
                    "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public' AND p.proname LIKE 'central_%' AND NOT "
                    "COALESCE('search_path=pg_catalog, public, pg_temp' = ANY(p.proconfig), false)"
                )
            )
            .scalars()
            .all()
        )
        entry = conn.execute(
            text(
                "SELECT p.prosecdef, r.rolcanlogin FROM pg_proc p JOIN pg_roles r "
                "ON r.oid = p.proowner WHERE p.proname = 'central_push'"
            )
        ).one()
    assert loose == []
    assert tuple(entry) == (True, False)


def test_a_desk_cannot_write_the_inbox_for_another_transaction(centre: Centre) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    centre.desk("Quầy số 2", Clock(DAY))
    # It may not name the transaction or role its rows belong to, nor read the inbox.
    _refused(
        a,
        "INSERT INTO central_push_inbox (xid, role_name, seq, kind, uuid, version, body) "
        "VALUES ('1', 'postgres', 1, 'step', :u, 1, '{}')",
        u=str(uuid.uuid4()),
    )
    _refused(a, "SELECT * FROM central_push_inbox")
    # Rows it committed without pushing are not anyone's batch: the next push clears them.
    _as_desk(
        a,
        "INSERT INTO central_push_inbox (seq, kind, uuid, version, body) "
        "VALUES (999999, 'dossier', :u, 1, '{}') RETURNING 1",
        u=str(uuid.uuid4()),
    )
    receive_many(a, 1)
    assert a.sync().push.refused == 0
    assert centre.scalar("SELECT count(*) FROM central_push_inbox") == 0


def test_a_push_cannot_take_a_code_from_another_counters_range(centre: Centre) -> None:
    # GIVEN two counters of one agency, slots 0 and 1
    a = centre.desk("Quầy số 1", Clock(DAY))
    a2 = centre.desk("Quầy số 2", Clock(DAY))
    # AND a2 holds a dossier numbered in a's range (a code a has not printed yet)
    receive_many(a2, 2)
    stolen = f"{AGENCY}-261126-0003"
    with a2.ctx.sessions.begin() as s:
        thief = s.scalars(select(Dossier).order_by(Dossier.id.desc())).first()
        assert thief is not None
        thief_uuid = thief.uuid
        thief.code = stolen
    # WHEN a2 syncs, THEN that dossier is refused with what hangs on it; the other arrives
    report = a2.sync()
    assert report.push.refused > 0
    assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE code = :c", c=stolen) == 0
    assert (
        "dossier",
        thief_uuid,
        refusals.CODE_OUT_OF_RANGE,
    ) in _issues(a2)
    # AND a's genuine receipt with that code is accepted, nothing of a quarantined
    codes = receive_many(a, 3)
    assert stolen in codes
    assert a.sync().push.refused == 0
    assert (
        centre.scalar("SELECT origin_counter_uuid FROM central_dossiers WHERE code = :c", c=stolen)
        == a.registration.counter_uuid
    )
    assert outbox_size(a) == outbox_size(a2) == 0


def test_a_push_cannot_speak_for_another_counter(centre: Centre) -> None:
    a = centre.desk("Quầy số 1", Clock(DAY))
    a2 = centre.desk("Quầy số 2", Clock(DAY))
    receive_many(a2, 1)
    with a2.ctx.sessions.begin() as s:
        forged = s.scalars(select(Dossier)).one()
        forged_uuid = forged.uuid
        forged.counter_uuid = a.registration.counter_uuid
    a2.sync()
    assert (
        centre.scalar("SELECT count(*) FROM central_dossiers WHERE uuid = :u", u=forged_uuid) == 0
    )
    assert ("dossier", forged_uuid, refusals.NOT_OWNER) in _issues(a2)


def test_a_dossiers_code_cannot_change_through_its_body(centre: Centre) -> None:
    # GIVEN a dossier at the centre
    desk = centre.desk("Quầy số 1", Clock(DAY))
    (code,) = receive_many(desk, 1)
    desk.sync()
    # WHEN the desk sends it again with another code in its body, and more work after it
    with desk.ctx.sessions.begin() as s:
        row = s.scalars(select(Dossier)).one()
        row_uuid = row.uuid
        row.code = f"{AGENCY}-261126-0999"
    later = receive_many(desk, 1, first=5)
    desk.sync()
    # THEN the centre keeps the body that agrees with the code; the rest arrived
    body_code = centre.scalar(
        "SELECT body->>'code' FROM central_dossiers WHERE uuid = :u", u=row_uuid
    )
    assert body_code == code
    assert ("dossier", row_uuid, refusals.CODE_CHANGED) in _issues(desk)
    assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE code = :c", c=later[0]) == 1
    assert outbox_size(desk) == 0


def test_malformed_entries_are_quarantined_not_fatal(centre: Centre) -> None:
    # GIVEN a synced dossier, then a version of it that lies about its time,
    # fee and state, written into the outbox as a client that skips Python would
    desk = centre.desk("Quầy số 1", Clock(DAY))
    receive_many(desk, 1)
    desk.sync()
    with desk.ctx.sessions() as s:
        row_uuid = s.scalars(select(Dossier.uuid)).one()
    body = {"uuid": row_uuid, "received_at": "yesterday", "fee": "free", "state": "x"}
    forge_entry(desk, "dossier", row_uuid, body, 99)
    later = receive_many(desk, 1, first=7)
    # WHEN it syncs, THEN that entry alone is refused, the queue goes on
    assert desk.sync().push.refused == 1
    assert ("dossier", row_uuid, "malformed dossier") in _issues(desk)
    assert centre.scalar("SELECT count(*) FROM central_dossiers WHERE code = :c", c=later[0]) == 1
    assert centre.scalar("SELECT state FROM central_dossiers WHERE uuid = :u", u=row_uuid) == (
        "received"
    )
    assert outbox_size(desk) == 0


def test_the_centres_audit_digest_is_the_counters(centre: Centre) -> None:
    details: list[dict[str, Any]] = [
        {},
        {"code": f"{AGENCY}-261126-0001", "n": 3, "ok": True, "none": None},
        {"name": "Nguyễn Văn Đức", "nfd": "Nguye\u0302\u0303n", "quote": 'a"b\\c'},
        {"ctl": "tab\tnew\nline\r\x01\x1f\x7f", "emoji": "😀", "bidi": "\u202e"},
        {"nested": {"b": [1, {"z": "", "a": [True, False]}], "a": -42}, "Z": 0, "é": 1},
    ]
    bodies = []
    for i, d in enumerate(details):
        at = datetime(2026, 11, 26, 8, i, 5, 123456 * (i % 2))
        body = {
            "prev_hash": GENESIS,
            "at": at.isoformat(),
            "username": "tiepnhan",
            "counter_uuid": str(uuid.uuid4()),
            "event": "dossier.receive",
            "entity": "dossier",
            "details": d,
        }
        body["hash"] = digest(
            GENESIS, at, "tiepnhan", body["counter_uuid"], body["event"], body["entity"], d
        )
        assert entry_digest(body) == body["hash"]
        bodies.append(body)
    with centre.engine.connect() as conn:
        computed = [
            conn.execute(
                text("SELECT central_audit_digest(CAST(:b AS jsonb))"),
                {"b": json.dumps(b, ensure_ascii=False)},
            ).scalar_one()
            for b in bodies
        ]
    assert computed == [b["hash"] for b in bodies]


def test_the_reasons_the_desk_names_are_the_centres() -> None:
    path = Path(versions.__file__).parent / "c0005_push_entry_point.py"
    spec = importlib.util.spec_from_file_location("c0005", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for reason in refusals.REASONS:
        assert reason.replace("'", "''") in module.PUSH, reason
