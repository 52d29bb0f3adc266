"""Report benchmarks: the province's monthly report over a year of 700,000
dossiers in the central PostgreSQL, and a counter's yearly report from its
SQLite, each beside the plain SQL count of the same rows (the floor).

    python bench/bench_reports.py [--province 700000] [--counter 20000] [--keep]
    python bench/bench_reports.py --centre-dir DIR   # load the centre once, reuse it after
    python bench/bench_reports.py --quick            # or BENCH_QUICK=1: 2,000 and 500

The centre is a throwaway cluster (LocalCluster), loaded with generate_series:
dossiers spread over 2026, twenty agencies, 200 counters, the sample
catalogue's procedures, about 2 % still pending, 1 % withdrawn, 2 % refused,
3 % late, a pause on 2 %, a return step (rated, some by post) on every
returned dossier and a reception step on each; then each dossier's report
facts filled as a push does, and the table laid out in the pushes' order
(``settle``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datagen import new_counter  # noqa: E402
from counter_app.catalogue_files import load_catalogue  # noqa: E402
from counter_app.centre import admin  # noqa: E402
from counter_app.centre.schema import engine_for, init  # noqa: E402
from counter_app.devtools.local_cluster import LocalCluster  # noqa: E402
from counter_app.models import ClockPause, Dossier, Procedure, WorkflowStep  # noqa: E402
from counter_app.reports.definitions import Period  # noqa: E402
from counter_app.reports.sql_rules import report_records  # noqa: E402
from counter_app.resources_path import resource  # noqa: E402
from counter_app.services.catalogue import SAMPLE_CATALOGUE  # noqa: E402
from counter_app.services.reports import counter_report, province_report  # noqa: E402

MONTH = Period(date(2026, 6, 1), date(2026, 6, 30))
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
# The floor: a plain count of the rows the report reads, by the same
# predicate (at the centre through the same GiST index).
FLOOR_SQL = (
    "SELECT count(*) FROM dossiers WHERE received_at < :end "
    "AND (returned_at >= :start OR returned_at IS NULL)"
)
CENTRAL_FLOOR_SQL = (
    "SELECT count(*) FROM central_dossiers "
    "WHERE tsrange(received_at, returned_at, '[]') && tsrange(:start, :end)"
)

PRELOAD = """
WITH g AS (
    SELECT n, n % 100 AS kind,
           '2026-01-01'::timestamp + (n % 365) * interval '1 day' + interval '7 hours 30 minutes'
               + ((n / 365) % 420) * interval '1 minute' AS received,
           (CAST(:procs AS text[]))[1 + n % :nprocs] AS proc
    FROM generate_series(0, :total - 1) n
), d AS (
    SELECT n, kind, proc, received,
           md5('d' || n)::uuid::text AS uuid,
           '000.' || lpad((n % 20)::text, 2, '0') || '.37.H37' AS agency,
           md5('c' || (n % 200))::uuid::text AS counter,
           received + interval '3 days' AS appointment,
           CASE WHEN kind < 3 THEN NULL
                WHEN kind BETWEEN 5 AND 7 THEN received + interval '4 days'
                ELSE received + interval '1 day' END AS finished
    FROM g
)
INSERT INTO central_dossiers (uuid, code, agency_id, source, origin_counter_uuid,
    owner_counter_uuid, procedure_code, state, version, received_at, appointment_at,
    finished_at, returned_at, body, updated_at)
SELECT uuid, agency || '-' || to_char(received, 'YYMMDD') || '-' || lpad(n::text, 7, '0'),
       agency, CASE WHEN n % 3 = 0 THEN 'online' ELSE 'counter' END, counter, counter, proc,
       CASE WHEN kind < 2 THEN 'in_appraisal' WHEN kind = 2 THEN 'withdrawn' ELSE 'returned' END,
       4, received, appointment, finished, finished + interval '4 hours',
       jsonb_build_object('uuid', uuid, 'counter_uuid', counter, 'procedure_code', proc,
           'received_by', 'canbo' || (n % 50), 'on_the_spot', proc = ANY(CAST(:spot AS text[])),
           'received_at', received, 'appointment_at', appointment,
           'original_appointment_at', appointment, 'finished_at', finished,
           'apology_count', 0, 'fee', (n % 5) * 10000, 'delivery', 'counter',
           'ledger_book', CASE WHEN n % 3 = 0 THEN 'DVC' ELSE '01' END,
           'applicant_name', 'Nguyễn Văn ' || n),
       now()
FROM d
"""

PRELOAD_RECORDS = """
INSERT INTO central_records (uuid, kind, dossier_uuid, counter_uuid, agency_id, counter_seq,
    version, body)
SELECT md5(r.tag || d.uuid)::uuid::text, r.kind, d.uuid, d.origin_counter_uuid, d.agency_id,
       0, 1, r.body
FROM central_dossiers d
CROSS JOIN LATERAL (VALUES
    ('receive', 'step', jsonb_build_object('action', 'receive', 'at', d.received_at)),
    ('return', 'step', CASE WHEN d.returned_at IS NOT NULL THEN jsonb_build_object(
        'action', 'return_result', 'at', d.returned_at, 'data', jsonb_build_object('return',
        jsonb_build_object('channel', CASE WHEN hashtext(d.uuid) % 10 = 0 THEN 'post'
                                           ELSE 'desk' END,
            'collected_by', 'applicant',
            'rating', (ARRAY['very_satisfied', 'satisfied', 'dissatisfied', NULL])
                      [1 + abs(hashtext(d.uuid)) % 4],
            'criteria', '{}'::jsonb))) END),
    ('refuse', 'step', CASE WHEN abs(hashtext(d.uuid)) % 50 = 7 AND d.finished_at IS NOT NULL
        THEN jsonb_build_object('action', 'refuse', 'at', d.finished_at) END),
    ('withdraw', 'step', CASE WHEN d.state = 'withdrawn' THEN jsonb_build_object(
        'action', 'withdraw', 'at', d.received_at + interval '1 day') END),
    ('pause', 'pause', CASE WHEN abs(hashtext(d.uuid)) % 50 = 9 THEN jsonb_build_object(
        'started_at', d.received_at + interval '2 hours',
        'ended_at', d.received_at + interval '1 day') END)
) AS r(tag, kind, body)
WHERE r.body IS NOT NULL
"""

REFRESH_ALL = (
    "SELECT central_refresh_report_facts(ARRAY(SELECT DISTINCT dossier_uuid "
    f"FROM central_records WHERE {report_records()}))"
)


def line(label: str, value: str) -> None:
    print(f"{label:<46} {value}", flush=True)


def timed(fn: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    """Median wall time in seconds over ``runs`` (after one warm-up), and the result."""
    result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _loaded(engine: Any) -> int | None:
    """Dossiers of a centre a previous run left (``--centre-dir``), if any."""
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM central_dossiers")).scalar_one())
    except DBAPIError:
        return None


def settle(engine: Any) -> None:
    """Lay the dossiers out as the counters' pushes leave them, then vacuum.

    Pushes write each dossier where its last change landed, days after its
    reception at most: a month's dossiers lie together. The bulk load (rows
    in generated order, every month on every page), and the statement that
    fills every dossier's report facts after it (or a migration's), spread
    a month over the whole table instead: its read then touches 55,000 to
    70,000 of the 70,000 pages, against 9,000. CLUSTER by agency and
    reception gives back the pushes' order (within each agency)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("CLUSTER central_dossiers USING ix_central_dossiers_agency_received"))
        conn.execute(text("VACUUM ANALYZE central_dossiers"))
        conn.execute(text("VACUUM ANALYZE central_records"))


def _revision(engine: Any) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def load_centre(engine: Any, total: int) -> None:
    init(engine)
    sample = load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE))))
    admin.import_catalogue(engine, sample.procedures)
    procs = [p.code for p in sample.procedures]
    spot = [p.code for p in sample.procedures if p.on_the_spot]
    t0 = time.perf_counter()
    with engine.begin() as conn:
        params = {"procs": procs, "nprocs": len(procs), "spot": spot, "total": total}
        conn.execute(text(PRELOAD), params)
        conn.execute(text(PRELOAD_RECORDS))
        # What a push does for the records it brings (sync/central/apply.py).
        conn.execute(text(REFRESH_ALL))
    settle(engine)
    with engine.connect() as conn:
        dossiers, records, size = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM central_dossiers), "
                "(SELECT count(*) FROM central_records), "
                "pg_size_pretty(pg_total_relation_size('central_dossiers') "
                "+ pg_total_relation_size('central_records'))"
            )
        ).one()
    line("centre loaded", f"{dossiers:,} dossiers, {records:,} records, {size}, "
         f"{time.perf_counter() - t0:.0f}s")  # fmt: skip


def bench_province(cluster: LocalCluster, total: int) -> None:
    print(f"-- province: monthly report over {total:,} dossiers of 2026", flush=True)
    url = cluster.superuser_url("bench_reports")
    engine = engine_for(url)
    if _loaded(engine) == total:
        before = _revision(engine)
        init(engine)  # the schema of this checkout (its indexes)
        schema = _revision(engine)
        if schema != before:
            settle(engine)
            schema = f"{before} → {schema}, laid out again"
        line("centre reused", f"{total:,} dossiers, schema {schema}")
    else:
        engine.dispose()
        cluster.drop_database("bench_reports")
        cluster.create_database("bench_reports")
        engine = engine_for(url)
        load_centre(engine, total)

    def floor() -> int:
        with engine.connect() as conn:
            sql = text(CENTRAL_FLOOR_SQL)
            return int(conn.execute(sql, {"start": MONTH.start, "end": MONTH.end}).scalar_one())

    floor_s, rows = timed(floor)
    report_s, report = timed(lambda: province_report(url, MONTH, replica_url=url))
    line("plain SQL count of the same rows (floor)", f"{rows:,} rows in {floor_s * 1000:.0f} ms")
    line(
        "province_report, June 2026 (target < 1 s)",
        f"{report_s * 1000:.0f} ms; received {report.total.received:,}, "
        f"resolved {report.total.resolved:,}",
    )
    line("ratio report / floor", f"{report_s / floor_s:.1f}")
    engine.dispose()


def fill_counter(root: Path, total: int) -> Any:
    """A counter's year: ``total`` dossiers of 2026 with their return steps."""
    rt = new_counter(root / "counter")
    with rt.ctx.sessions() as s:
        procs = s.execute(select(Procedure.id, Procedure.code, Procedure.name)).all()
        counter_uuid = s.scalar(text("SELECT uuid FROM counter_identity"))
    per_day = max(total // 365, 1) + 1
    dossiers, steps, pauses = [], [], []
    for n in range(1, total + 1):
        received = datetime(2026, 1, 1, 7, 30) + timedelta(
            days=(n // per_day) % 365, minutes=n % 420
        )
        pid, pcode, pname = procs[n % len(procs)]
        kind = n % 100
        finished = None if kind < 3 else received + timedelta(days=4 if 5 <= kind <= 7 else 1)
        returned = finished + timedelta(hours=4) if finished else None
        dossiers.append(
            {"id": n, "uuid": f"00000000-0000-4000-8000-{n:012d}", "counter_uuid": counter_uuid,
             "counter_seq": n, "code": f"000.00.37.H37-{received:%y%m%d}-{n:07d}",
             "procedure_id": pid, "procedure_code": pcode, "procedure_name": pname,
             "state": "in_appraisal" if kind < 2 else "withdrawn" if kind == 2 else "returned",
             "on_the_spot": False, "applicant_name": f"Nguyễn Văn {n}", "search_text": "",
             "fee": (n % 5) * 10000, "received_at": received, "received_by": "bench",
             "appointment_at": received + timedelta(days=3),
             "original_appointment_at": received + timedelta(days=3), "apology_count": 0,
             "finished_at": finished, "returned_at": returned, "delivery": "counter",
             "ledger_book": "01", "ledger_year": 2026, "ledger_entry": n, "updated_at": received}
        )  # fmt: skip
        base = {"counter_uuid": counter_uuid, "dossier_id": n, "username": "bench",
                "user_full_name": "Cán bộ Bench", "counter_name": "Quầy 1", "note": ""}  # fmt: skip
        steps.append({**base, "uuid": f"10000000-0000-4000-8000-{n:012d}", "counter_seq": n,
                      "action": "receive", "from_state": None, "to_state": "received",
                      "at": received, "data": {}})  # fmt: skip
        if returned is not None:
            rating = ("very_satisfied", "satisfied", "dissatisfied", None)[n % 4]
            record = {"channel": "post" if n % 10 == 0 else "desk", "collected_by": "applicant",
                      "rating": rating, "criteria": {}}  # fmt: skip
            steps.append({**base, "uuid": f"20000000-0000-4000-8000-{n:012d}", "counter_seq": n,
                          "action": "return_result", "from_state": "result_ready",
                          "to_state": "returned", "at": returned, "data": {"return": record}})  # fmt: skip
        if n % 50 == 9:
            pauses.append({"uuid": f"30000000-0000-4000-8000-{n:012d}", "counter_uuid": counter_uuid,
                           "counter_seq": n, "dossier_id": n, "items": ["Bản sao"],
                           "started_at": received + timedelta(hours=2),
                           "ended_at": received + timedelta(days=1)})  # fmt: skip
    with rt.ctx.sessions.begin() as s:
        s.execute(insert(Dossier.__table__), dossiers)
        s.execute(insert(WorkflowStep.__table__), steps)
        s.execute(insert(ClockPause.__table__), pauses)
        s.execute(text("ANALYZE"))
    return rt


def bench_counter(root: Path, total: int) -> None:
    print(f"-- counter: yearly report over {total:,} dossiers of 2026 in SQLite", flush=True)
    t0 = time.perf_counter()
    rt = fill_counter(root, total)
    line("counter loaded", f"{total:,} dossiers in {time.perf_counter() - t0:.0f}s")

    def floor() -> int:
        with rt.ctx.sessions() as s:
            sql = text(FLOOR_SQL)
            return int(s.execute(sql, {"start": YEAR.start, "end": YEAR.end}).scalar_one())

    floor_s, rows = timed(floor)
    report_s, report = timed(lambda: counter_report(rt.ctx, YEAR))
    line("plain SQL count of the same rows (floor)", f"{rows:,} rows in {floor_s * 1000:.1f} ms")
    line(
        "counter_report, year 2026 (target < 0.5 s)",
        f"{report_s * 1000:.0f} ms; received {report.total.received:,}, "
        f"resolved {report.total.resolved:,}",
    )
    line("ratio report / floor", f"{report_s / floor_s:.1f}")
    rt.close()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    p.add_argument("--province", type=int, help="dossiers at the centre (700000; quick: 2000)")
    p.add_argument("--counter", type=int, help="dossiers at the counter (20000; quick: 500)")
    p.add_argument("--keep", action="store_true", help="keep the data folder")
    p.add_argument(
        "--centre-dir",
        type=Path,
        help="the centre's cluster folder, kept: a centre of the same size loaded there\n"
        "by an earlier run is reused (loading 700,000 dossiers takes minutes)",
    )
    args = p.parse_args()
    province = args.province or (2_000 if args.quick else 700_000)
    counter = args.counter or (500 if args.quick else 20_000)
    root = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    try:
        bench_counter(root, counter)
        cluster = LocalCluster(args.centre_dir or root / "pg")
        if not cluster.is_initialised():
            cluster.init()
        cluster.start()
        try:
            bench_province(cluster, province)
        finally:
            cluster.stop()
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
