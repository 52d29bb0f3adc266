"""Fixtures for sync tests: a real PostgreSQL cluster and a fresh database per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from counter_app.app_setup import Runtime, open_runtime
from counter_app.catalogue_files import load_catalogue
from counter_app.centre import admin
from counter_app.centre.schema import engine_for, init
from counter_app.devtools.local_cluster import LocalCluster
from counter_app.domain.workflow import Role
from counter_app.resources_path import resource
from counter_app.services import users
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from counter_app.services.context import ServiceContext
from counter_app.sync.service import SyncReport, connect, sync_once
from counter_app.wire.connection_file import CentralSettings as Registration
from counter_app.wire.connection_file import write as write_settings
from tests.conftest import AGENCY, PASSWORD, Clock, seed_database
from tests.sync.tcp_proxy import TcpProxy


@pytest.fixture
def central_url(pg_cluster: LocalCluster) -> Iterator[str]:
    """A fresh database for one test; yields its superuser SQLAlchemy URL."""
    name = f"central_{uuid.uuid4().hex[:12]}"
    pg_cluster.create_database(name)
    yield pg_cluster.superuser_url(name)
    # FORCE ends sessions a failed test left behind.
    pg_cluster.drop_database(name, force=True)


@dataclass
class Desk:
    """A counter registered at the centre and connected to it."""

    rt: Runtime
    directory: Path
    registration: Registration

    @property
    def ctx(self) -> ServiceContext:
        return self.rt.ctx

    def sync(self) -> SyncReport:
        return sync_once(self.rt.ctx, self.directory)


class Centre:
    """The central database, initialised, with the province's catalogue and officials."""

    def __init__(self, url: str, tmp: Path) -> None:
        self.url = url
        self.engine = engine_for(url)
        self.tmp = tmp
        init(self.engine)
        sample = load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE))))
        admin.import_catalogue(self.engine, sample.procedures)
        hashed = users.hash_password(PASSWORD)
        for username, full_name, roles in OFFICIALS:
            admin.add_user(
                self.engine,
                username=username,
                full_name=full_name,
                password_hash=hashed,
                roles=roles,
                agency_id=AGENCY,
            )
        self.desks: list[Desk] = []

    def desk(self, name: str, clock: Clock | None = None, agency: str = AGENCY) -> Desk:
        reg = admin.register_counter(
            self.engine,
            agency_id=agency,
            agency_name="UBND xã Hoàng Văn Thụ",
            unit_name="Trung tâm Phục vụ hành chính công xã Hoàng Văn Thụ",
            counter_name=name,
            parent_name="UBND TỈNH LẠNG SƠN",
            place="Lạng Sơn",
        )
        directory = self.tmp / f"desk-{reg.counter_uuid[:8]}"
        directory.mkdir()
        file = directory / "connection.json"
        write_settings(file, reg)
        seed_database(directory)
        rt = open_runtime(directory)
        if clock is not None:
            rt.ctx.clock = clock
        connect(rt.ctx, directory, file)
        file.unlink()
        desk = Desk(rt, directory, reg)
        desk.sync()
        self.desks.append(desk)
        return desk

    def scalar(self, sql: str, **params: object) -> object:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def close(self) -> None:
        for desk in self.desks:
            desk.rt.close()
        self.engine.dispose()


OFFICIALS = (
    ("tiepnhan", "Hoàng Thị Mai", (Role.RECEIVER, Role.RETURNER)),
    ("thamdinh", "Vi Văn Tùng", (Role.APPRAISER,)),
    ("phochutich", "Nông Văn Kính", (Role.APPROVER,)),
    ("motcua", "Lê Thị Hạnh", (Role.RECEIVER, Role.APPRAISER, Role.RETURNER)),
)


@pytest.fixture
def centre(central_url: str, tmp_path: Path) -> Iterator[Centre]:
    c = Centre(central_url, tmp_path)
    yield c
    c.close()


@pytest.fixture
def proxy(pg_cluster: LocalCluster) -> Iterator[TcpProxy]:
    """A TCP proxy in front of the cluster: the link a test cuts or silences."""
    with TcpProxy("127.0.0.1", pg_cluster.port) as p:
        yield p


@pytest.fixture
def watcher(central_url: str) -> Iterator[Connection]:
    """A superuser connection outside the code under test, in autocommit so
    each look at pg_stat_activity is fresh."""
    engine = create_engine(central_url, poolclass=NullPool)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            yield conn
    finally:
        engine.dispose()
