"""Sync benchmarks against a throwaway local PostgreSQL cluster.

    python bench/bench_sync.py [--quick] [--push-only] [--entries 10000]
                               [--province 700000] [--counters 200] [--threads 50]
                               [--jitter 2.0]

(``--quick`` or BENCH_QUICK=1: 200 entries, 2,000 dossiers, 4 counters on 4
threads, to see every part runs; ``--push-only``: part 1 alone, for repeating it.)

1. Push throughput: a desk queues N outbox entries by receiving dossiers
   through the real service (the outbox hook writes them), pushes them with
   ``push()`` over its own role (row-level security on), then the same rows
   are loaded with COPY into a fresh database of the same schema. Reported:
   both rates and their ratio.
2. Catch-up: one ``sync_once`` (push + pull) of a desk with N entries waiting,
   over loopback.
3. Reconnection storm: a centre holding a province's year of dossiers, and
   many registered counters, each a real SQLite desk with a few dossiers
   received offline, all calling ``sync_once`` at once (random jitter) from a
   thread pool. Reported: errors, dossiers sent against dossiers arrived, and
   the p50/p95 of one sync round.

The cluster lives in a temporary directory and is stopped and removed at the end.
Part 3 is in sync_storm.py; the centre and desks all parts use, in sync_support.py.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sync_storm import bench_storm  # noqa: E402
from bench.sync_support import (  # noqa: E402
    ADMIN,
    PASSWORD,
    Clock,
    Desk,
    agency_id,
    central,
    drop_role,
    line,
    new_desk,
    pg_connect,
    queue_entries,
    waiting,
)
from counter_app.app_setup import open_runtime, setup_logging  # noqa: E402
from counter_app.centre import admin  # noqa: E402
from counter_app.centre.schema import engine_for, init  # noqa: E402
from counter_app.devtools.local_cluster import LocalCluster  # noqa: E402
from counter_app.services.auth import login  # noqa: E402
from counter_app.sync import push as push_module  # noqa: E402
from counter_app.sync.service import central_engine, connect, sync_once  # noqa: E402
from counter_app.wire.connection_file import write as write_settings  # noqa: E402

DOSSIER_COLUMNS = (
    "uuid",
    "code",
    "agency_id",
    "source",
    "origin_counter_uuid",
    "owner_counter_uuid",
    "procedure_code",
    "state",
    "version",
    "received_at",
    "appointment_at",
    "finished_at",
    "returned_at",
    "body",
    "updated_at",
)
RECORD_COLUMNS = (
    "uuid",
    "kind",
    "dossier_uuid",
    "counter_uuid",
    "agency_id",
    "counter_seq",
    "version",
    "body",
)


# -- 1. push against COPY ------------------------------------------------------------


def timed_apply() -> tuple[list[float], Callable[[], None]]:
    """Time the centre's apply_batch calls made by push(); returns (times, undo)."""
    spent: list[float] = []
    original = push_module.apply_batch

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - t)

    push_module.apply_batch = wrapper  # type: ignore[assignment]

    def undo() -> None:
        push_module.apply_batch = original  # type: ignore[assignment]

    return spent, undo


def copy_rows(source_url: str, target_url: str) -> tuple[int, float]:
    """COPY the pushed dossiers and records into ``target``; return (rows, seconds)."""
    tables = (("central_dossiers", DOSSIER_COLUMNS), ("central_records", RECORD_COLUMNS))
    data: dict[str, list[tuple[Any, ...]]] = {}
    with pg_connect(source_url) as src:
        for table, cols in tables:
            select_list = ", ".join(f"{c}::text" if c == "body" else c for c in cols)
            data[table] = src.execute(f"SELECT {select_list} FROM {table}").fetchall()
    rows = sum(len(v) for v in data.values())
    with pg_connect(target_url) as dst:
        t0 = time.perf_counter()
        with dst.cursor() as cur:
            for table, cols in tables:
                with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in data[table]:
                        copy.write_row(row)
        dst.commit()
        seconds = time.perf_counter() - t0
    return rows, seconds


def bench_push(cluster: LocalCluster, root: Path, entries: int) -> tuple[Path, tuple[Any, ...]]:
    """Returns a copy of the desk's data dir taken before the push, and what the
    centre knew of the counter then (high-water, audit head and count)."""
    print("-- push throughput against COPY", flush=True)
    engine = central(cluster, "bench_push")
    desk = new_desk(engine, root, agency_id(0), "Quầy push", Clock(datetime(2026, 3, 2, 8, 0)))
    queued = queue_entries(desk, entries)
    desk.rt.close()
    snapshot = root / "catchup-desk"
    shutil.copytree(desk.directory, snapshot)
    with engine.connect() as conn:
        before = conn.execute(
            text(
                "SELECT high_water, audit_head, audit_count FROM central_counters WHERE uuid = :u"
            ),
            {"u": desk.registration.counter_uuid},
        ).one()
    desk.rt = open_runtime(desk.directory)
    desk.rt.ctx.clock = desk.clock

    spent, undo = timed_apply()
    settings = desk.registration
    push_engine = central_engine(settings)
    t0 = time.perf_counter()
    try:
        pushed = push_module.push(desk.rt.ctx.sessions, push_engine, settings.counter_uuid)
    finally:
        undo()
        push_engine.dispose()
    push_s = time.perf_counter() - t0
    with engine.connect() as conn:
        landed = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM central_dossiers) + "
                "(SELECT count(*) FROM central_records WHERE counter_seq > 1)"
            )
        ).scalar_one()
    assert pushed.sent == queued and pushed.refused == 0, pushed
    assert landed == queued, (landed, queued)
    assert waiting(desk) == 0

    cluster.create_database("bench_copy")
    copy_engine = engine_for(cluster.superuser_url("bench_copy"))
    init(copy_engine)
    copy_engine.dispose()
    rows, copy_s = copy_rows(
        cluster.superuser_url("bench_push"), cluster.superuser_url("bench_copy")
    )
    push_rate, copy_rate = pushed.sent / push_s, rows / copy_s
    apply_s = sum(spent)
    line(
        "push() of the outbox, whole",
        f"{pushed.sent} rows in {push_s:.2f}s = {push_rate:,.0f} rows/s",
    )
    line(
        "  of which the centre's apply_batch",
        f"{apply_s:.2f}s over {len(spent)} batches = {pushed.sent / apply_s:,.0f} rows/s",
    )
    line(
        "COPY of the same rows (fresh database)",
        f"{rows} rows in {copy_s:.2f}s = {copy_rate:,.0f} rows/s",
    )
    line(
        "ratio push / COPY",
        f"{push_rate / copy_rate:.2f} (apply only: {pushed.sent / apply_s / copy_rate:.2f})",
    )
    desk.rt.close()
    engine.dispose()
    cluster.drop_database("bench_push")
    cluster.drop_database("bench_copy")
    drop_role(cluster, settings.counter_uuid)
    return snapshot, tuple(before)


# -- 2. catch-up ------------------------------------------------------------------------


def bench_catchup(cluster: LocalCluster, snapshot: Path, before: tuple[Any, ...]) -> None:
    """The same queued desk, registered afresh (same counter UUID) at a new centre
    that is told what the first one had received before the outage."""
    print("-- catch-up: one sync_once with the whole queue waiting", flush=True)
    engine = central(cluster, "bench_catchup")
    rt = open_runtime(snapshot)
    with rt.ctx.sessions() as s:
        counter_uuid = s.execute(text("SELECT uuid FROM counter_identity")).scalar_one()
    reg = admin.register_counter(
        engine,
        agency_id=agency_id(0),
        agency_name=f"UBND xã {agency_id(0)}",
        unit_name=f"Trung tâm Phục vụ hành chính công xã {agency_id(0)}",
        counter_name="Quầy push",
        parent_name="UBND TỈNH LẠNG SƠN",
        place="Lạng Sơn",
        counter_uuid=counter_uuid,
    )
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE central_counters SET high_water = :hw, audit_head = :head, "
                "audit_count = :n WHERE uuid = :u"
            ),
            {"hw": before[0], "head": before[1], "n": before[2], "u": counter_uuid},
        )
    file = snapshot / "connection.json"
    write_settings(file, reg)
    connect(rt.ctx, snapshot, file, actor=login(rt.ctx, ADMIN, PASSWORD))
    file.unlink()
    queued = waiting(Desk(rt, snapshot, reg, Clock(datetime(2026, 3, 2))))
    t0 = time.perf_counter()
    result = sync_once(rt.ctx, snapshot)
    wall = time.perf_counter() - t0
    assert result.push.sent == queued and result.push.refused == 0, result
    line(
        "catch-up sync_once (push + pull)",
        f"{queued} entries in {wall:.2f}s (target < 3 s); "
        f"{result.pull.applied} feed changes pulled",
    )
    rt.close()
    engine.dispose()
    cluster.drop_database("bench_catchup")
    drop_role(cluster, counter_uuid)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--quick", action="store_true", default=bool(os.environ.get("BENCH_QUICK")))
    p.add_argument("--entries", type=int, help="outbox entries for push and catch-up (10000)")
    p.add_argument("--province", type=int, help="dossiers preloaded at the centre (700000)")
    p.add_argument("--counters", type=int, help="simulated counters reconnecting (200)")
    p.add_argument("--threads", type=int, help="threads the counters sync from (50)")
    p.add_argument("--jitter", type=float, help="seconds of random start delay (2)")
    p.add_argument("--push-only", action="store_true", help="only the push against COPY")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = p.parse_args()
    entries = args.entries or (200 if args.quick else 10_000)
    province = args.province or (2_000 if args.quick else 700_000)
    counters = args.counters or (4 if args.quick else 200)
    threads = args.threads or (4 if args.quick else 50)
    jitter = args.jitter if args.jitter is not None else (0.5 if args.quick else 2.0)

    root = Path(tempfile.mkdtemp(prefix="counter-bench-sync-"))
    # The desks' log goes beside them, not into the first desk's data dir.
    (root / "logs").mkdir()
    setup_logging(root, logging.WARNING)
    cluster = LocalCluster(root / "pg")
    t0 = time.perf_counter()
    try:
        cluster.init()
        cluster.start()
        line("local PostgreSQL cluster", f"port {cluster.port}, max_connections=300")
        snapshot, before = bench_push(cluster, root, entries)
        if not args.push_only:
            bench_catchup(cluster, snapshot, before)
            bench_storm(cluster, root, counters, province, threads, jitter)
    finally:
        cluster.stop()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    line("bench_sync total", f"{time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
