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
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, func, make_url, select, text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counter_app.app_setup import Runtime, open_runtime, setup_logging  # noqa: E402
from counter_app.catalogue_files import load_catalogue  # noqa: E402
from counter_app.centre import admin  # noqa: E402
from counter_app.centre.schema import engine_for, init  # noqa: E402
from counter_app.devtools.local_cluster import LocalCluster  # noqa: E402
from counter_app.domain.validation import ApplicantInput  # noqa: E402
from counter_app.domain.workflow import Role  # noqa: E402
from counter_app.models import Dossier, OutboxEntry  # noqa: E402
from counter_app.resources_path import resource  # noqa: E402
from counter_app.services import users  # noqa: E402
from counter_app.services.auth import login  # noqa: E402
from counter_app.services.catalogue import SAMPLE_CATALOGUE  # noqa: E402
from counter_app.services.dossiers import ReceiveRequest, receive  # noqa: E402
from counter_app.sync import push as push_module  # noqa: E402
from counter_app.sync.service import central_engine, connect, sync_once  # noqa: E402
from counter_app.wire.connection_file import CentralSettings  # noqa: E402
from counter_app.wire.connection_file import write as write_settings  # noqa: E402

PROCEDURE = "2.000815"
OFFICIAL = "tiepnhan"
# A desk set up already takes a new connection file from its administrator only.
ADMIN = "quantri"
PASSWORD = "bench-password"
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


# -- output, in bench_core's style ------------------------------------------------


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(label: str, value: str) -> None:
    print(f"{label:<44} {value}", flush=True)


def report(label: str, ms: list[float]) -> None:
    line(
        label,
        f"p50={statistics.median(ms):7.1f}ms p95={pct(ms, 95):7.1f}ms "
        f"max={max(ms):7.1f}ms n={len(ms)}",
    )


# -- desks -------------------------------------------------------------------------


class Clock:
    """The desks' service clock: receptions a few seconds apart, within a day's code block."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.count = 0
        self.lock = threading.Lock()

    def __call__(self) -> datetime:
        # A code slot holds 999 numbers a day: move to the next day every 400.
        n = self.count
        return self.start + timedelta(days=n // 400, seconds=30 * (n % 400))

    def tick(self) -> None:
        with self.lock:
            self.count += 1


@dataclass
class Desk:
    rt: Runtime
    directory: Path
    registration: CentralSettings
    clock: Clock

    def sync(self) -> Any:
        return sync_once(self.rt.ctx, self.directory)


def central(cluster: LocalCluster, name: str) -> Engine:
    """A fresh central database at head with the sample catalogue and the officials."""
    cluster.create_database(name)
    engine = engine_for(cluster.superuser_url(name))
    init(engine)
    sample = load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE))))
    admin.import_catalogue(engine, sample.procedures)
    admin.add_user(
        engine,
        username=OFFICIAL,
        full_name="Hoàng Thị Mai",
        password_hash=users.hash_password(PASSWORD),
        roles=(Role.RECEIVER, Role.RETURNER),
        agency_id=None,  # every agency's counters receive this official
    )
    admin.add_user(
        engine,
        username=ADMIN,
        full_name="Lương Văn Hải",
        password_hash=users.hash_password(PASSWORD),
        roles=(Role.ADMIN,),
        agency_id=None,
    )
    return engine


def agency_id(k: int) -> str:
    return f"000.{k:02d}.37.H37"


def attach(
    reg: CentralSettings, directory: Path, clock: Clock, template: Path | None = None
) -> Desk:
    """A desk for a registration: its data dir (a copy of an empty, migrated
    template when given), the connection file imported, the first sync done."""
    if template is not None:
        shutil.copytree(template, directory)
    else:
        directory.mkdir(parents=True)
    file = directory / "connection.json"
    write_settings(file, reg)
    rt = open_runtime(directory)
    rt.ctx.clock = clock
    connect(rt.ctx, directory, file)
    file.unlink()
    desk = Desk(rt, directory, reg, clock)
    desk.sync()
    return desk


def new_desk(
    engine: Engine,
    root: Path,
    agency: str,
    name: str,
    clock: Clock,
    template: Path | None = None,
) -> Desk:
    reg = admin.register_counter(
        engine,
        agency_id=agency,
        agency_name=f"UBND xã {agency}",
        unit_name=f"Trung tâm Phục vụ hành chính công xã {agency}",
        counter_name=name,
        parent_name="UBND TỈNH LẠNG SƠN",
        place="Lạng Sơn",
    )
    return attach(reg, root / f"desk-{reg.counter_uuid[:8]}", clock, template)


def receive_many(desk: Desk, n: int, tag: int = 0) -> list[str]:
    codes = []
    official = login(desk.rt.ctx, OFFICIAL, PASSWORD)
    for i in range(n):
        info = receive(
            desk.rt.ctx,
            official,
            ReceiveRequest(
                PROCEDURE,
                ApplicantInput(
                    full_name="Vi Thị Hoa",
                    id_number=f"0201900{(tag * 1000 + i) % 100_000:05d}",
                    phone="0912345678",
                ),
            ),
        )
        desk.clock.tick()
        codes.append(info.code)
    return codes


def waiting(desk: Desk) -> int:
    with desk.rt.ctx.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def queue_entries(desk: Desk, entries: int) -> int:
    """Receive dossiers until at least ``entries`` outbox entries wait; return how many."""
    per = 4  # dossier, its mandatory document, the receive step, the audit entry
    t0 = time.perf_counter()
    while (have := waiting(desk)) < entries:
        receive_many(desk, max(1, (entries - have + per - 1) // per), tag=have)
    line(
        "queued outbox entries (real receive)",
        f"{have} entries in {time.perf_counter() - t0:.1f}s",
    )
    return have


def drop_role(cluster: LocalCluster, counter_uuid: str) -> None:
    """Roles belong to the cluster: free the counter's name for a new registration."""
    role = "ctr_" + counter_uuid.replace("-", "")[:20]
    engine = engine_for(cluster.superuser_url())
    with engine.begin() as conn:
        conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
    engine.dispose()


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


def pg_connect(url: str) -> psycopg.Connection[Any]:
    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database
    )


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


# -- 3. reconnection storm ----------------------------------------------------------------

PRELOAD_DOSSIERS = """
WITH c AS (
    SELECT uuid, agency_id, code_slot,
           row_number() OVER (ORDER BY agency_id, code_slot) - 1 AS k
    FROM central_counters
), g AS (
    SELECT n, n % :counters AS k, n / :counters AS j FROM generate_series(0, :total - 1) n
), d AS (
    SELECT gen_random_uuid()::text AS uuid,
           c.agency_id || '-' || to_char(date '2025-01-01' + (g.j % 365)::int, 'YYMMDD') || '-'
               || lpad((c.code_slot * 1000 + 1 + g.j / 365)::text, 4, '0') AS code,
           c.agency_id, c.uuid AS counter_uuid, g.n,
           (date '2025-01-01' + (g.j % 365)::int) + time '08:00'
               + (g.j / 365) * interval '7 minutes' AS received_at
    FROM g JOIN c USING (k)
)
INSERT INTO central_dossiers (uuid, code, agency_id, source, origin_counter_uuid,
    owner_counter_uuid, procedure_code, state, version, received_at, appointment_at,
    finished_at, returned_at, body, updated_at)
SELECT uuid, code, agency_id, 'counter', counter_uuid, counter_uuid, '2.000815', 'returned', 4,
       received_at, received_at + interval '3 days', received_at + interval '2 days',
       received_at + interval '3 days',
       jsonb_build_object('uuid', uuid, 'code', code, 'counter_uuid', counter_uuid,
           'procedure_code', '2.000815', 'procedure_name', 'Chứng thực bản sao từ bản chính',
           'state', 'returned', 'applicant_name', 'Nguyễn Văn ' || n,
           'applicant_id_number', '02019' || lpad((n % 10000000)::text, 7, '0'),
           'applicant_phone', '09' || lpad((n % 100000000)::text, 8, '0'),
           'fee', 0, 'received_at', received_at, 'ledger_book', '01'),
       received_at + interval '3 days'
FROM d
"""

PRELOAD_RECORDS = """
INSERT INTO central_records (uuid, kind, dossier_uuid, counter_uuid, agency_id, counter_seq,
    version, body)
SELECT gen_random_uuid()::text, 'step', uuid, origin_counter_uuid, agency_id, 0, 1,
       jsonb_build_object('action', 'receive', 'to_state', 'received', 'at', received_at)
FROM central_dossiers
"""


def bench_storm(
    cluster: LocalCluster,
    root: Path,
    counters: int,
    province: int,
    threads: int,
    jitter: float,
) -> None:
    print(
        f"-- reconnection storm: {counters} counters, {province:,} dossiers at the centre",
        flush=True,
    )
    engine = central(cluster, "bench_storm")
    template = root / "template"
    open_runtime(template).close()
    rng = random.Random(11)
    clock = Clock(datetime(2026, 3, 2, 8, 0))

    t0 = time.perf_counter()
    desks = [
        new_desk(engine, root, agency_id(k // 10), f"Quầy {k % 10 + 1}", clock, template)
        for k in range(counters)
    ]
    line(
        "desks registered, connected, first sync", f"{counters} in {time.perf_counter() - t0:.0f}s"
    )

    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text(PRELOAD_DOSSIERS), {"counters": counters, "total": province})
        conn.execute(text(PRELOAD_RECORDS))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE central_dossiers"))
        conn.execute(text("VACUUM ANALYZE central_records"))
    with engine.connect() as conn:
        held, size = conn.execute(
            text(
                "SELECT count(*), pg_size_pretty(pg_total_relation_size('central_dossiers') "
                "+ pg_total_relation_size('central_records')) FROM central_dossiers"
            )
        ).one()
    line(
        "centre preloaded (generate_series)",
        f"{held:,} dossiers + steps, {size}, {time.perf_counter() - t0:.0f}s",
    )

    # Offline: each counter receives a few dossiers while the link is down.
    t0 = time.perf_counter()
    sent: dict[str, list[str]] = {}
    for k, desk in enumerate(desks):
        receive_many(desk, rng.randint(5, 20), tag=k)
        with desk.rt.ctx.sessions() as s:
            sent[desk.registration.counter_uuid] = list(
                s.scalars(select(Dossier.uuid).where(Dossier.received_at >= datetime(2026, 1, 1)))
            )
    total_sent = sum(len(v) for v in sent.values())
    queued = sum(waiting(d) for d in desks)
    line(
        "received offline",
        f"{total_sent} dossiers, {queued} entries, {time.perf_counter() - t0:.0f}s",
    )

    errors: list[str] = []
    rounds: list[float] = []
    guard = threading.Lock()
    delays = [rng.uniform(0, jitter) for _ in desks]

    def reconnect(i: int) -> None:
        time.sleep(delays[i])
        t = time.perf_counter()
        try:
            result = desks[i].sync()
            if result.push.refused:
                raise RuntimeError(f"{result.push.refused} refused")
        except Exception as exc:  # counted and shown, never hidden
            with guard:
                errors.append(f"{type(exc).__name__}: {exc}")
            return
        with guard:
            rounds.append((time.perf_counter() - t) * 1000)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(reconnect, range(len(desks))))
    storm_s = time.perf_counter() - t0

    with engine.connect() as conn:
        arrived, codes, quarantined = conn.execute(
            text(
                "SELECT count(*), count(DISTINCT code), "
                "(SELECT count(*) FROM central_quarantine) FROM central_dossiers "
                "WHERE received_at >= '2026-01-01'"
            )
        ).one()
        central_uuids = set(
            conn.execute(
                text("SELECT uuid FROM central_dossiers WHERE received_at >= '2026-01-01'")
            ).scalars()
        )
        with_owner = conn.execute(
            text(
                "SELECT count(*) FROM central_dossiers WHERE received_at >= '2026-01-01' "
                "AND owner_counter_uuid = origin_counter_uuid"
            )
        ).scalar_one()
    local_uuids = {u for v in sent.values() for u in v}
    left = sum(waiting(d) for d in desks)
    line("errors", f"{len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    line(
        "dossiers sent / arrived / distinct codes",
        f"{total_sent} / {arrived} / {codes}; same UUIDs: {local_uuids == central_uuids}; "
        f"owned by origin: {with_owner}",
    )
    line("entries left waiting / quarantined", f"{left} / {quarantined}")
    if rounds:
        report(f"sync round ({threads} threads, 0-{jitter:g}s jitter)", rounds)
    line("storm wall time", f"{storm_s:.1f}s for {len(desks)} counters")
    for d in desks:
        d.rt.close()
    engine.dispose()
    if errors or arrived != total_sent or codes != total_sent or local_uuids != central_uuids:
        raise SystemExit("reconnection storm: something was lost, doubled or failed")


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
