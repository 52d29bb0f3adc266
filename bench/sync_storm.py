"""Part 3 of bench_sync.py, the reconnection storm: a centre holding a
province's year of dossiers (preloaded in SQL), many registered counters, each a
real SQLite desk with a few dossiers received offline, all calling
``sync_once`` at once (random jitter) from a thread pool. Nothing may be lost,
doubled or refused."""

from __future__ import annotations

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, text

from bench.sync_support import (
    Clock,
    agency_id,
    central,
    line,
    new_desk,
    receive_many,
    report,
    waiting,
)
from counter_app.app_setup import open_runtime
from counter_app.devtools.local_cluster import LocalCluster
from counter_app.models import Dossier

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
