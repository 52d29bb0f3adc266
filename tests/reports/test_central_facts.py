"""The centre keeps what a dossier's steps and pauses mean for the reports on
the dossier's row (migration c0004_report_facts, its function made of
reports/fact_rules.py since c0006): by the rules the counter's
facts.Completion applies, whatever batch the records arrive in, and for the
dossiers a centre held before the upgrade."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import psycopg
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

from counter_app.centre.schema import MIGRATIONS_DIR, engine_for, init
from counter_app.domain.workflow import Action
from counter_app.reports import central_source
from counter_app.reports.central_source import central_facts
from counter_app.reports.definitions import DossierFacts, Pause, Period
from counter_app.reports.facts import Completion
from counter_app.reports.local_source import local_facts
from tests.conftest import AGENCY, Clock
from tests.reports import cases
from tests.sync.conftest import Centre, Desk

JANUARY = Period(date(2027, 1, 1), date(2027, 1, 31))


def _by_code(facts: list[DossierFacts]) -> dict[str, DossierFacts]:
    return {f.code: f for f in facts}


def _central(engine: Engine, period: Period = JANUARY) -> dict[str, DossierFacts]:
    with engine.connect() as conn:
        return _by_code(central_facts(conn, period))


def _both(centre: Centre, desk: Desk) -> dict[str, DossierFacts]:
    """The centre's facts after a sync, checked equal to the counter's own."""
    desk.sync()
    with desk.ctx.sessions() as session:
        local = _by_code(local_facts(session, JANUARY, AGENCY))
    central = _central(centre.engine)
    assert central == local
    return central


@pytest.mark.slow
def test_the_centre_keeps_the_step_facts_as_each_sync_brings_them(centre: Centre) -> None:
    # GIVEN a desk that syncs after every stage of its dossiers
    clock = Clock(datetime(2027, 1, 18, 8, 0))
    desk = centre.desk("Quầy số 1", clock)
    d = cases.Desk(desk.ctx, clock)
    s = cases.Satisfaction
    paused = d.receive("2027-01-18T09:00", cases.P3, "Lộc Thị Cúc")
    refused = d.receive("2027-01-18T10:00", cases.P3, "Hoàng Văn An")
    withdrawn = d.receive("2027-01-18T11:00", cases.P5, "Triệu Thị Bình")
    d.step("2027-01-19T09:00", "thamdinh", paused, Action.REQUEST_SUPPLEMENT, items=("Bản sao",))
    # WHEN the supplement request reaches the centre
    facts = _both(centre, desk)
    # THEN its pause is open there, and nothing else has happened
    assert facts[paused].pauses == (Pause(datetime(2027, 1, 19, 9, 0), None),)
    assert facts[paused].returned is None and not facts[refused].refused
    # WHEN the supplement, a refusal and a withdrawal follow in later syncs
    d.step("2027-01-21T09:00", "tiepnhan", paused, Action.SUPPLEMENT)
    d.decide("2027-01-20T14:00", refused, refuse=True)
    facts = _both(centre, desk)
    assert facts[paused].pauses == (
        Pause(datetime(2027, 1, 19, 9, 0), datetime(2027, 1, 21, 9, 0), "restarted"),
    )
    assert facts[refused].refused
    d.step("2027-01-22T08:00", "tiepnhan", withdrawn, Action.WITHDRAW, note="Công dân rút")
    for step in (Action.APPRAISE, Action.APPROVE, Action.PREPARE_RESULT):
        who = {Action.APPRAISE: "thamdinh", Action.APPROVE: "phochutich"}.get(step, "tiepnhan")
        d.step("2027-01-25T08:00", who, paused, step)
    d.hand_over("2027-01-25T09:00", paused, cases.rated(s.VERY_SATISFIED, c1=s.SATISFIED))
    d.hand_over("2027-01-26T09:00", refused)
    facts = _both(centre, desk)
    # THEN the return's record, the refusal and the withdrawal are all there
    returned = facts[paused].returned
    assert returned is not None and returned.at == datetime(2027, 1, 25, 9, 0)
    assert (returned.channel, returned.rating) == ("desk", "very_satisfied")
    assert dict(returned.criteria) == {"1": "satisfied"}
    assert facts[refused].refused and facts[refused].returned is not None
    assert facts[withdrawn].withdrawn_at == datetime(2027, 1, 22, 8, 0)
    # and a sync with nothing new changes nothing
    assert _both(centre, desk) == facts


def _record(
    dossier: str, n: int, kind: str, body: dict[str, Any], seq: int | None = None
) -> dict[str, Any]:
    return {
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "kind": kind,
        "dossier": dossier,
        "seq": n if seq is None else seq,
        "body": psycopg.types.json.Jsonb(body),
    }


DOSSIER = "10000000-0000-4000-8000-000000000001"
RECORDS = [
    _record(DOSSIER, 1, "step", {"action": "receive", "at": "2027-01-04T09:00:00"}),
    _record(DOSSIER, 2, "pause", {"started_at": "2027-01-06T10:00:00", "ended_at": None}),
    _record(
        DOSSIER,
        3,
        "pause",
        {"started_at": "2027-01-05T09:00:00", "ended_at": "2027-01-05T15:00:00"},
    ),
    _record(DOSSIER, 4, "step", {"action": "refuse", "at": "2027-01-07T09:00:00"}),
    _record(DOSSIER, 5, "step", {"action": "withdraw", "at": "2027-01-08T09:00:00"}),
    _record(DOSSIER, 6, "step", {"action": "withdraw", "at": "2027-01-07T16:00:00"}),
    # Two returns: the later by its time wins, though pushed first.
    _record(
        DOSSIER,
        7,
        "step",
        {
            "action": "return_result",
            "at": "2027-01-12T09:00:00",
            "data": {
                "return": {
                    "channel": "post",
                    "collected_by": "authorised",
                    "rating": "satisfied",
                    "criteria": {"2": "dissatisfied"},
                }
            },
        },
    ),
    _record(
        DOSSIER,
        8,
        "step",
        {"action": "return_result", "at": "2027-01-11T09:00:00", "data": {"return": {}}},
    ),
    # A return without a time never wins (c0004's function let it: c0006 refills).
    _record(
        DOSSIER,
        9,
        "step",
        {"action": "return_result", "at": "", "data": {"return": {"channel": "desk"}}},
    ),
]


def test_upgrading_a_centre_fills_the_report_facts_by_the_counters_rules(central_url: str) -> None:
    # GIVEN a centre still at the schema before c0004, holding a dossier and its records
    engine = engine_for(central_url)
    try:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["engine"] = engine
        command.upgrade(cfg, "c0003_reports")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO central_procedures (code, body) VALUES "
                    '(\'1.001022\', \'{"field": "Hộ tịch", "level": "xa"}\')'
                )
            )
            conn.execute(
                text(
                    "INSERT INTO central_dossiers (uuid, code, agency_id, procedure_code, state, "
                    "version, received_at, appointment_at, finished_at, returned_at, body) VALUES "
                    "(:u, 'X-1', :a, '1.001022', 'returned', 9, '2027-01-04 09:00', "
                    "'2027-01-07 09:00', '2027-01-07 09:00', '2027-01-12 09:00', "
                    "CAST(:body AS jsonb))"
                ),
                {
                    "u": DOSSIER,
                    "a": AGENCY,
                    "body": '{"counter_uuid": "c", "received_by": "tiepnhan", '
                    '"ledger_book": "01", "on_the_spot": false, "apology_count": 0, '
                    '"delivery": "post", "original_appointment_at": "2027-01-07T09:00:00"}',
                },
            )
            conn.execute(
                text(
                    "INSERT INTO central_records (uuid, kind, dossier_uuid, counter_uuid, "
                    "agency_id, counter_seq, version, body) "
                    "VALUES (:uuid, :kind, :dossier, 'c', :a, :seq, 1, :body)"
                ),
                [{**r, "a": AGENCY} for r in RECORDS],
            )
        # WHEN the centre is brought to this version
        init(engine)
        # THEN the facts on its row are those the counter's rules make of the same records
        central = _central(engine)["X-1"]
        expected = _completed_locally(central)
        assert central == expected
        assert central.refused and central.withdrawn_at == datetime(2027, 1, 8, 9, 0)
        assert central.returned is not None and central.returned.channel == "post"
        assert [p.started_at.day for p in central.pauses] == [5, 6]
        assert (central.on_the_spot, central.delivery, central.official) == (
            False,
            "post",
            "tiepnhan",
        )
    finally:
        engine.dispose()


def _completed_locally(central: DossierFacts) -> DossierFacts:
    """The same dossier's facts without its steps and pauses, completed by
    facts.Completion from RECORDS (as the counter's report does)."""
    bare = DossierFacts(
        *(getattr(central, name) for name in DossierFacts.__match_args__[:17]),
        cutoff=central.cutoff,
    )
    completion = Completion({DOSSIER: bare})
    for r in RECORDS:
        body = r["body"].obj
        if r["kind"] == "pause":
            completion.add_pause(DOSSIER, body["started_at"], body["ended_at"])
        else:
            details = body.get("data", {}).get("return", {})
            completion.add_step(
                DOSSIER,
                body["action"],
                body["at"],
                details.get("channel"),
                details.get("collected_by"),
                details.get("rating"),
                details.get("criteria"),
            )
    completion.finish()
    return bare


def test_without_chunked_streaming_the_centre_reads_the_same_facts(
    centre: Centre, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a desk's quarter at the centre
    clock = Clock(datetime(2026, 12, 30, 8, 0))
    desk = centre.desk("Quầy số 1", clock)
    cases.build(desk.ctx, clock)
    desk.sync()
    streamed = _central(centre.engine, cases.QUARTER)
    # WHEN the driver's libpq cannot stream in chunks (older than 17)
    monkeypatch.setattr(central_source.capabilities, "has_stream_chunked", lambda: False)
    # THEN the rows are read whole, into the same facts
    assert _central(centre.engine, cases.QUARTER) == streamed
    assert len(streamed) == 13
