"""The province's central PostgreSQL: the same facts from ``central_dossiers``,
whose rows carry what their steps and pauses mean for the reports (kept by
the push, by the rules of fact_rules.py: ``central_refresh_report_facts``).

Reports read through the engine they are given: the streaming replica's
when one is configured (:func:`report_engine`), so reporting never competes
with the counters' sync on the primary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from psycopg import capabilities
from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    bindparam,
    cast,
    func,
    literal_column,
    null,
    select,
)
from sqlalchemy.dialects.postgresql import TIMESTAMP

from counter_app.domain.calendar import WorkCalendar
from counter_app.reports.definitions import DossierFacts, Period
from counter_app.reports.fact_rules import CENTRAL_PREFIX, COMPLETED_FIELDS
from counter_app.reports.facts import dossier_facts
from counter_app.reports.source import CatalogueLine
from counter_app.wire import central_tables as t
from counter_app.wire.link import engine_for

REPLICA_ENV = "COUNTER_APP_REPORT_REPLICA_URL"

d = t.dossiers
p = t.procedures


def report_engine(primary_url: str, replica_url: str | None = None) -> Engine:
    """The engine reports read with: the replica's URL when configured."""
    return engine_for(replica_url or primary_url)


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
    null().label("key"),  # the facts come complete: nothing to match them with
    d.c.code,
    d.c.agency_id,
    d.c.counter_uuid,
    d.c.procedure_code,
    _p.field,
    _p.level,
    d.c.received_by.label("official"),
    d.c.source,
    d.c.ledger_book,
    d.c.state,
    d.c.on_the_spot,
    d.c.received_at,
    d.c.appointment_at,
    # Typed by the server: the binary format hands Python a datetime.
    cast(d.c.original_appointment_iso, TIMESTAMP).label("original_appointment_at"),
    d.c.finished_at,
    d.c.apology_count,
    d.c.fee,
    d.c.delivery,
    _p.cutoff,
    _p.time_unit,
)


# The facts of its steps and pauses the push keeps on each dossier's row, by
# the rules of fact_rules (central_refresh_report_facts), as COMPLETED_FIELDS.
_COMPLETED = tuple(d.c[CENTRAL_PREFIX + name].label(name) for name in COMPLETED_FIELDS)


def facts_select(period: Period, agency_ids: Sequence[str] | None = None) -> Select[Any]:
    """The dossiers relevant to ``period``, as the columns of facts.FIELDS."""
    joined = d.outerjoin(_PROCEDURES, _p.code == d.c.procedure_code)
    return select(*_COLUMNS, *_COMPLETED).select_from(joined).where(_relevant(period, agency_ids))


# Rows per chunk while streaming: from 100 to 2,000 the report takes the same time.
_CHUNK = 500


def central_facts(
    conn: Connection, period: Period, agency_ids: Sequence[str] | None = None
) -> list[DossierFacts]:
    """The facts of the dossiers relevant to ``period``, from one table.

    Read with the driver's cursor in its binary format (through SQLAlchemy's
    result rows a month's 68,000 rows cost a fifth of a second more, and the
    binary timestamps need no parsing), streamed in chunks: Python builds
    the facts of one chunk while the server sends the next (0.40 s → 0.23 s
    for a month). A libpq older than 17 cannot stream in chunks: the rows
    are then read whole, then built."""
    driver = conn.connection.driver_connection
    assert driver is not None
    # An IN list written out as one parameter per value, for the driver's cursor.
    compiled = facts_select(period, agency_ids).compile(
        dialect=conn.dialect, compile_kwargs={"render_postcompile": True}
    )
    sql, params = str(compiled), dict(compiled.params)
    with driver.cursor(binary=True) as cursor:
        if capabilities.has_stream_chunked():
            return dossier_facts(cursor.stream(sql, params, size=_CHUNK))
        cursor.execute(sql, params)
        return dossier_facts(cursor.fetchall())


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
