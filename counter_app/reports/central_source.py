"""The province's central PostgreSQL: the same facts from ``central_dossiers``
and the step and pause bodies in ``central_records``.

Reports read through the engine they are given: the streaming replica's
when one is configured (:func:`report_engine`), so reporting never competes
with the counters' sync on the primary.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

from psycopg import Pipeline
from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Engine,
    and_,
    any_,
    bindparam,
    func,
    literal_column,
    select,
    text,
)

from counter_app.domain.calendar import WorkCalendar
from counter_app.reports.definitions import DossierFacts, Period
from counter_app.reports.facts import (
    RETURN_PATHS,
    STEP_ACTIONS,
    Completion,
    dossier_facts,
)
from counter_app.reports.source import CatalogueLine
from counter_app.sync.central import tables as t
from counter_app.sync.central.schema import engine_for

REPLICA_ENV = "COUNTER_APP_REPORT_REPLICA_URL"

# The records the definitions read, written out in SQL exactly as the partial
# index of migration c0003_reports is (PostgreSQL uses it only for a query
# that implies its predicate); tests/reports checks the two agree.
REPORT_RECORDS = (
    "kind = 'pause' OR (kind = 'step' AND (body ->> 'action') IN ("
    + ", ".join(f"'{a}'" for a in STEP_ACTIONS)
    + "))"
)

d = t.dossiers
p = t.procedures
r = t.records


def report_engine(primary_url: str, replica_url: str | None = None) -> Engine:
    """The engine reports read with: the replica's URL when configured."""
    return engine_for(replica_url or primary_url)


def _body(key: str) -> Any:
    return d.c.body[key].astext


def _relevant(period: Period, agency_ids: Sequence[str] | None) -> Any:
    """Received before the period ends and not returned before it starts:
    the dossier's span [received, returned] (open while not returned)
    overlaps the period, answered by the GiST index of migration
    c0003_reports (exactly those rows, one index scan)."""
    span = func.tsrange(d.c.received_at, d.c.returned_at, literal_column("'[]'"))
    period_range = func.tsrange(
        bindparam("period_start", period.start), bindparam("period_end", period.end)
    )
    cond: ColumnElement[bool] = span.op("&&", return_type=Boolean)(period_range)
    if agency_ids:
        cond = and_(cond, d.c.agency_id.in_(agency_ids))
    return cond


# The catalogue's fields, read out of each procedure's JSON once: PostgreSQL
# otherwise evaluates them for every joined dossier (three quarters of the
# query's server time on a month of 68,000 dossiers).
_PROCEDURES = (
    select(
        p.c.code,
        p.c.body["field"].astext.label("field"),
        p.c.body["level"].astext.label("level"),
        p.c.body["cutoff"].astext.label("cutoff"),
        p.c.body["processing_time"]["unit"].astext.label("time_unit"),
    )
    .cte("report_procedures")
    .prefix_with("MATERIALIZED")
)
_p = _PROCEDURES.c

_COLUMNS = (
    d.c.uuid.label("key"),
    d.c.code,
    d.c.agency_id,
    _body("counter_uuid").label("counter_uuid"),
    d.c.procedure_code,
    _p.field,
    _p.level,
    _body("received_by").label("official"),
    d.c.source,
    _body("ledger_book").label("ledger_book"),
    d.c.state,
    _body("on_the_spot").label("on_the_spot"),
    d.c.received_at,
    d.c.appointment_at,
    _body("original_appointment_at").label("original_appointment_at"),
    d.c.finished_at,
    _body("apology_count").label("apology_count"),
    _body("fee").label("fee"),
    _body("delivery").label("delivery"),
    _p.cutoff,
    _p.time_unit,
)


def _statement(conn: Connection, statement: Any) -> tuple[str, dict[str, Any]]:
    """The SQL and parameters the driver's own cursor runs (see central_facts);
    an ``IN`` list written out as one parameter per value."""
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    return str(compiled), dict(compiled.params)


def _json_path(path: Sequence[str]) -> Any:
    """``body -> 'a' -> 'b' ->> ...`` rather than ``#>> '{a,b}'``: its keys are
    plain text parameters, which the driver's cursor binds without SQLAlchemy's
    array processing."""
    element: Any = r.c.body
    for key in path:
        element = element[key]
    return element


_RECORDS = (
    select(
        r.c.dossier_uuid,
        r.c.kind,
        r.c.body["action"].astext.label("action"),
        r.c.body["at"].astext.label("at"),
        *(_json_path(path).astext.label(name) for name, path in RETURN_PATHS.items()),
        r.c.body["started_at"].astext.label("started_at"),
        r.c.body["ended_at"].astext.label("ended_at"),
    )
    # One text the server splits: a 68,000-element array parameter cost a
    # third of a second to encode in Python.
    .where(r.c.dossier_uuid == any_(func.string_to_array(bindparam("uuids"), ",")))
    .where(text(f"({REPORT_RECORDS})"))
)


def central_facts(
    conn: Connection, period: Period, agency_ids: Sequence[str] | None = None
) -> list[DossierFacts]:
    """The facts of the dossiers relevant to ``period``.

    Read with the driver's cursor in its binary format: through SQLAlchemy's
    result rows a month's 68,000 rows cost a fifth of a second more, and the
    binary timestamps need no parsing. The records' query is sent in a
    pipeline before the dossiers' facts are built, so the server looks them
    up (68,000 probes of the partial index) while Python builds."""
    driver = conn.connection.driver_connection
    assert driver is not None
    joined = d.outerjoin(_PROCEDURES, _p.code == d.c.procedure_code)
    dossiers_sql, params = _statement(
        conn, select(*_COLUMNS).select_from(joined).where(_relevant(period, agency_ids))
    )
    records_sql, records_params = _statement(conn, _RECORDS)
    with driver.cursor(binary=True) as cursor:
        cursor.execute(dossiers_sql, params)
        rows = cursor.fetchall()
        keys = [row[0] for row in rows]
        # The records of exactly these dossiers, looked up in the partial index.
        # (Every field as text, criteria too: facts.py parses only a non-empty record.)
        # Sorted: the server sorts the keys for the index's probes, and its
        # sort returns at once on a sorted list (byte order: the UUIDs' hex).
        records_params["uuids"] = ",".join(sorted(keys))
        # (A libpq older than 14 has no pipeline: the same, one after the other.)
        with driver.pipeline() if Pipeline.is_supported() else nullcontext():
            cursor.execute(records_sql, records_params)
            facts = dossier_facts(rows)
            records = cursor.fetchall()
    completion = Completion(dict(zip(keys, facts, strict=True)))
    add_pause, add_step = completion.add_pause, completion.add_step
    for key, kind, action, at, channel, collected_by, rating, criteria, started, ended in records:
        if kind == "pause":
            add_pause(key, started, ended)
        else:
            add_step(key, action, at, channel, collected_by, rating, criteria)
    completion.finish()
    return facts


def central_catalogue(conn: Connection) -> list[CatalogueLine]:
    return [
        CatalogueLine(
            row.code,
            row.body.get("name", ""),
            row.body.get("level", ""),
            row.body.get("field", ""),
            bool(row.body.get("on_the_spot")),
        )
        for row in conn.execute(select(p.c.code, p.c.body).order_by(p.c.code))
    ]


def central_calendar(conn: Connection) -> WorkCalendar:
    """The centre's calendar: national holidays plus the province's own days."""
    rows = conn.execute(
        select(t.calendar_days.c.day, t.calendar_days.c.working, t.calendar_days.c.name)
    )
    days = list(rows)
    return WorkCalendar(
        extra_days_off={x.day: x.name for x in days if not x.working},
        extra_workdays={x.day: x.name for x in days if x.working},
    )


def central_labels(conn: Connection) -> dict[str, str]:
    """Readable names of counters (by UUID) and officials (by username)."""
    c = t.counters.c
    labels = {row.uuid: row.counter_name for row in conn.execute(select(c.uuid, c.counter_name))}
    u = t.users.c
    for row in conn.execute(select(u.username, u.body["full_name"].astext.label("name"))):
        labels.setdefault(row.username, row.name or row.username)
    return labels
