"""What the sync benchmarks share (bench_sync.py, sync_storm.py,
bench_files_sync.py): a fresh centre with the sample catalogue and its
officials, real SQLite desks registered, connected and receiving through the
real service on their own clock, and the figures printed in bench_core's style.
"""

from __future__ import annotations

import shutil
import statistics
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, func, make_url, select, text

from counter_app.app_setup import Runtime, open_runtime
from counter_app.catalogue_files import load_catalogue
from counter_app.centre import admin
from counter_app.centre.schema import engine_for, init
from counter_app.devtools.local_cluster import LocalCluster
from counter_app.domain.validation import ApplicantInput
from counter_app.domain.workflow import Role
from counter_app.models import OutboxEntry
from counter_app.resources_path import resource
from counter_app.services import users
from counter_app.services.auth import login
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from counter_app.services.dossiers import ReceiveRequest, receive
from counter_app.sync.service import connect, sync_once
from counter_app.wire.connection_file import CentralSettings
from counter_app.wire.connection_file import write as write_settings

PROCEDURE = "2.000815"
OFFICIAL = "tiepnhan"
# A desk set up already takes a new connection file from its administrator only.
ADMIN = "quantri"
PASSWORD = "bench-password"


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


def pg_connect(url: str) -> psycopg.Connection[Any]:
    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database
    )
