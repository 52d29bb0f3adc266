"""What a dossier's steps and pauses mean for the reports is declared once
(counter_app/reports/fact_rules.py): the counter applies it in Python
(facts.Completion), the centre in the SQL function made of it. The function
installed at head is the one the declaration makes today, and both sides make
the same facts of the same records, ties and overlaps included."""

from __future__ import annotations

import inspect
import random
import re
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select, text

from counter_app.centre.schema import engine_for, init
from counter_app.domain.workflow import Action
from counter_app.models import ClockPause, Dossier, WorkflowStep
from counter_app.reports.central_source import central_facts
from counter_app.reports.definitions import DossierFacts, Pause, Period
from counter_app.reports.fact_rules import CENTRAL_PREFIX, COMPLETED_FIELDS
from counter_app.reports.facts import _completed
from counter_app.reports.local_source import local_facts
from counter_app.reports.sql_rules import (
    REFRESH_FUNCTION,
    SEARCH_PATH,
    refresh_report_facts_body,
    report_records,
)
from counter_app.wire.central_tables import dossiers as central_dossiers
from tests.conftest import AGENCY, Clock
from tests.reports import cases
from tests.sync.conftest import Centre

JANUARY = Period(date(2027, 1, 1), date(2027, 1, 31))
ADD_A_MIGRATION = (
    "the report fact rules (reports/fact_rules.py) changed: add a central migration "
    "that installs reports.sql_rules.refresh_report_facts_sql() and refills the facts "
    "(as c0006_report_fact_rules does)"
)


def _squeezed(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def test_the_function_at_head_is_the_one_the_rules_make(central_url: str) -> None:
    # GIVEN a centre brought to head
    engine = engine_for(central_url)
    try:
        init(engine)
        with engine.connect() as conn:
            source, config, desk_may, push_may, public_may = conn.execute(
                text(
                    "SELECT p.prosrc, p.proconfig, "
                    "has_function_privilege('counter_app_counter', p.oid, 'EXECUTE'), "
                    "has_function_privilege('counter_app_push', p.oid, 'EXECUTE'), "
                    "EXISTS (SELECT 1 FROM aclexplode(p.proacl) a "
                    "        WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') "
                    "FROM pg_proc p WHERE p.proname = :name"
                ),
                {"name": REFRESH_FUNCTION},
            ).one()
    finally:
        engine.dispose()
    # THEN its text is what the declaration makes today
    assert source == refresh_report_facts_body(), ADD_A_MIGRATION
    # and it kept what c0005 gave it: the pinned search path, the push's
    # role alone may run it (not a desk, not PUBLIC)
    assert config == [f"search_path={SEARCH_PATH}"]
    assert (desk_may, push_may, public_may) == (False, True, False)


def test_the_push_refreshes_the_dossiers_of_the_records_the_rules_read(central_url: str) -> None:
    # central_push() as installed at head picks the dossiers to refresh with
    # the records' predicate (c0005 wrote it, c0008 grew it)
    engine = engine_for(central_url)
    try:
        init(engine)
        with engine.connect() as conn:
            source, owner = conn.execute(
                text(
                    "SELECT p.prosrc, pg_get_userbyid(p.proowner) FROM pg_proc p "
                    "WHERE p.proname = 'central_push'"
                )
            ).one()
    finally:
        engine.dispose()
    assert _squeezed(f"AND ({report_records('i')}))") in _squeezed(source), ADD_A_MIGRATION
    # and still runs as the push's own role
    assert owner == "counter_app_push"


def test_both_sides_name_the_completed_columns_as_the_rules_do() -> None:
    # One conversion turns either side's completed columns into facts, by position.
    assert tuple(inspect.signature(_completed).parameters) == COMPLETED_FIELDS
    held = {c.name for c in central_dossiers.c if c.name.startswith(CENTRAL_PREFIX)}
    assert held == {CENTRAL_PREFIX + name for name in COMPLETED_FIELDS}


# Few distinct moments, so that times tie often.
MOMENTS = [datetime(2027, 1, 12, 9, 0) + timedelta(hours=h) for h in (0, 0, 1, 2, 26)]
CHANNELS = ("desk", "post", None)
TIMED = (Action.APOLOGISE, Action.TRANSFER, Action.START_APPRAISAL, Action.REQUEST_SUPPLEMENT)
LATE_FLAGS = ("asked_late", "handed_late", "answered_late")
LEVELS = ("very_satisfied", "satisfied", "dissatisfied", None)


def _step(dossier: Dossier, action: Action, at: datetime, data: dict[str, Any]) -> WorkflowStep:
    return WorkflowStep(
        dossier_id=dossier.id,
        action=action.value,
        from_state=dossier.state,
        to_state=dossier.state,
        username="tiepnhan",
        user_full_name="Hoàng Thị Mai",
        counter_name="Quầy số 1",
        at=at,
        data=data,
    )


def _returned(rng: random.Random) -> dict[str, Any]:
    record: dict[str, Any] = {"channel": rng.choice(CHANNELS)}
    if rng.random() < 0.5:
        record["collected_by"] = rng.choice(("applicant", "authorised"))
    rating = rng.choice(LEVELS)
    if rating is not None:
        record["rating"] = rating
        record["criteria"] = {str(c): rng.choice(LEVELS[:3]) for c in rng.sample(range(1, 6), 2)}
    return {"return": record}


def _records(rng: random.Random, dossier: Dossier) -> list[Any]:
    """Refusals, withdrawals, returns (several at one time) and overlapping
    pauses (some starting together, some still open), in a shuffled order."""
    rows: list[Any] = []
    for _ in range(rng.randrange(2)):
        rows.append(_step(dossier, Action.REFUSE, rng.choice(MOMENTS), {}))
    for _ in range(rng.randrange(3)):
        rows.append(_step(dossier, Action.WITHDRAW, rng.choice(MOMENTS), {}))
    for _ in range(rng.randrange(4)):
        rows.append(_step(dossier, Action.RETURN_RESULT, rng.choice(MOMENTS), _returned(rng)))
    # Timed steps, some flagged late, several at one time: the first (or, for
    # the extension, the last) by time, then by the desk's order, is the one
    for _ in range(rng.randrange(4)):
        action = rng.choice(TIMED)
        flags = {flag: True for flag in LATE_FLAGS if rng.random() < 0.5}
        rows.append(_step(dossier, action, rng.choice(MOMENTS), flags))
    for _ in range(rng.randrange(4)):
        start = rng.choice(MOMENTS)
        end = rng.choice((None, start + timedelta(hours=rng.choice((1, 5, 30)))))
        rows.append(ClockPause(dossier_id=dossier.id, started_at=start, ended_at=end, items=[]))
    rng.shuffle(rows)
    return rows


def _by_code(facts: list[DossierFacts]) -> dict[str, DossierFacts]:
    return {f.code: f for f in facts}


def test_counter_and_centre_make_the_same_facts_of_the_same_records(centre: Centre) -> None:
    # GIVEN a desk's dossiers whose records tie and overlap every way the rules
    # must break: two returns at one time, pauses starting together (the longer
    # one written first, an open one before a closed one), shuffled records
    clock = Clock(datetime(2027, 1, 11, 8, 0))
    desk = centre.desk("Quầy số 1", clock)
    d = cases.Desk(desk.ctx, clock)
    codes = [d.receive(f"2027-01-11T{8 + i // 6:02d}:{i % 6 * 10:02d}", cases.P3, "Hà Văn Phong")
             for i in range(24)]  # fmt: skip
    rng = random.Random(17)
    tie = MOMENTS[0]
    with desk.ctx.sessions.begin() as session:
        dossiers = {x.code: x for x in session.scalars(select(Dossier))}
        first, second = dossiers[codes[0]], dossiers[codes[1]]
        session.add_all(
            [
                ClockPause(dossier_id=first.id, started_at=tie, ended_at=tie + timedelta(days=2),
                           items=[]),
                ClockPause(dossier_id=first.id, started_at=tie, ended_at=tie + timedelta(hours=1),
                           items=[]),
                ClockPause(dossier_id=first.id, started_at=tie, ended_at=None, items=[]),
                _step(first, Action.RETURN_RESULT, tie, {"return": {"channel": "post"}}),
                _step(first, Action.RETURN_RESULT, tie, {"return": {"channel": "desk"}}),
                ClockPause(dossier_id=second.id, started_at=tie, ended_at=None, items=[]),
                ClockPause(dossier_id=second.id, started_at=tie, ended_at=tie, items=[]),
            ]
        )  # fmt: skip
        for code in codes[2:]:
            session.add_all(_records(rng, dossiers[code]))
    # WHEN the desk pushes them
    report = desk.sync()
    assert report.push.sent > 0
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    # THEN the counter's report and the centre's row make the same facts of them
    with desk.ctx.sessions() as session:
        local = _by_code(local_facts(session, JANUARY, AGENCY))
    with centre.engine.connect() as conn:
        central = _by_code(central_facts(conn, JANUARY))
    assert set(local) == set(codes)
    assert {c: central[c] for c in codes} == local
    # by the declared order and tie-break: pauses by start, then end, open last;
    # of two returns at one time the later written
    assert local[codes[0]].pauses == (
        Pause(tie, tie + timedelta(hours=1)),
        Pause(tie, tie + timedelta(days=2)),
        Pause(tie, None),
    )
    assert local[codes[1]].pauses == (Pause(tie, tie), Pause(tie, None))
    returned = local[codes[0]].returned
    assert returned is not None and (returned.at, returned.channel) == (tie, "desk")
    # and the data set reached every rule
    assert any(f.refused for f in local.values())
    assert sum(f.withdrawn_at is not None for f in local.values()) > 2
    assert sum(f.returned is not None for f in local.values()) > 2
    assert sum(len(f.pauses) > 1 for f in local.values()) > 2
    late = [f.late for f in local.values() if f.late is not None]
    assert sum(x.extension_at is not None for x in late) > 2
    assert sum(x.handover_at is not None for x in late) > 2
    assert sum(x.answer_at is not None for x in late) > 2
