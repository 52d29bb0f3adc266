"""The local PostgreSQL cluster and the fault-injection proxy the sync tests stand on."""

from __future__ import annotations

import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from counter_app.devtools.local_cluster import LocalCluster
from tests.sync.tcp_proxy import TcpProxy

# CommandComplete for COMMIT: tag byte, length 11, "COMMIT\0".
COMMIT_COMPLETE = b"C\x00\x00\x00\x0bCOMMIT\x00"


def via(url: str, proxy: TcpProxy) -> str:
    return make_url(url).set(port=proxy.port).render_as_string(hide_password=False)


@pytest.fixture
def engine(central_url: str) -> Iterator[Engine]:
    eng = create_engine(central_url, poolclass=NullPool)
    try:
        yield eng
    finally:
        eng.dispose()


def test_cluster_serves_postgresql_15_or_later(pg_cluster: LocalCluster, engine: Engine) -> None:
    assert pg_cluster.is_running()
    with engine.connect() as conn:
        version = conn.execute(text("SELECT version()")).scalar_one()
        number = conn.execute(text("SHOW server_version_num")).scalar_one()
        encoding = conn.execute(text("SHOW server_encoding")).scalar_one()
        max_conn = conn.execute(text("SHOW max_connections")).scalar_one()
        fsync = conn.execute(text("SHOW fsync")).scalar_one()
    assert "PostgreSQL" in version
    assert int(number) >= 150000
    assert encoding == "UTF8"
    assert max_conn == "300"
    assert fsync == "on"


def test_tcp_needs_the_password(pg_cluster: LocalCluster) -> None:
    url = make_url(pg_cluster.superuser_url()).set(password="wrong")
    eng = create_engine(url, poolclass=NullPool)
    try:
        with pytest.raises(OperationalError, match="password authentication failed"):
            eng.connect().close()
    finally:
        eng.dispose()


def test_create_database_is_idempotent(pg_cluster: LocalCluster, central_url: str) -> None:
    name = make_url(central_url).database
    assert name is not None
    pg_cluster.create_database(name)
    pg_cluster.create_database(name)


def test_proxy_forwards_queries(central_url: str, proxy: TcpProxy) -> None:
    eng = create_engine(via(central_url, proxy), poolclass=NullPool)
    try:
        with eng.connect() as conn:
            assert conn.execute(text("SELECT 'Lạng Sơn'")).scalar_one() == "Lạng Sơn"
            assert proxy.active_connections == 1
    finally:
        eng.dispose()
    assert proxy.connections_total == 1
    assert proxy.bytes_to_server > 0
    assert proxy.bytes_to_client > 0


def wait_until(condition: object, timeout: float = 10.0) -> None:
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_cut_breaks_an_in_flight_query_and_new_connections_work(
    central_url: str, engine: Engine, proxy: TcpProxy
) -> None:
    proxied = create_engine(via(central_url, proxy), poolclass=NullPool)
    errors: list[BaseException] = []

    def cut_once_sleeping() -> None:
        try:
            with engine.connect() as watcher:

                def sleeping() -> bool:
                    return bool(
                        watcher.execute(
                            text(
                                "SELECT count(*) FROM pg_stat_activity "
                                "WHERE state = 'active' AND query LIKE 'SELECT pg_sleep%'"
                            )
                        ).scalar_one()
                    )

                wait_until(sleeping)
            proxy.cut()
        except BaseException as exc:  # surfaced by the main thread
            errors.append(exc)

    try:
        with proxied.connect() as conn:
            cutter = threading.Thread(target=cut_once_sleeping)
            cutter.start()
            started = time.monotonic()
            with pytest.raises(OperationalError):
                conn.execute(text("SELECT pg_sleep(20)"))
            cutter.join()
            assert not errors
            # The client learnt at once, not when the query would have ended.
            assert time.monotonic() - started < 15
        assert proxy.active_connections == 0

        with proxied.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        proxied.dispose()


def test_cut_after_commit_loses_only_the_confirmation(
    central_url: str, engine: Engine, proxy: TcpProxy
) -> None:
    """The situation a retried push must survive: committed, never confirmed."""
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE pushed (uuid text PRIMARY KEY)"))
    proxied = create_engine(via(central_url, proxy), poolclass=NullPool)
    try:
        fired = proxy.cut_when_server_sends(lambda chunk: COMMIT_COMPLETE in chunk)
        with pytest.raises(OperationalError), proxied.begin() as conn:
            conn.execute(text("INSERT INTO pushed VALUES ('a')"))
        assert fired.is_set()
    finally:
        proxied.dispose()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT uuid FROM pushed")).scalars().all() == ["a"]


def test_blackhole_stalls_until_lifted(central_url: str, proxy: TcpProxy) -> None:
    proxied = create_engine(via(central_url, proxy), poolclass=NullPool)
    try:
        with proxied.connect() as conn:
            proxy.set_blackhole(True)
            result: list[int] = []
            worker = threading.Thread(
                target=lambda: result.append(conn.execute(text("SELECT 7")).scalar_one())
            )
            worker.start()
            worker.join(timeout=0.5)
            assert worker.is_alive() and not result
            proxy.set_blackhole(False)
            worker.join(timeout=10)
            assert result == [7]
    finally:
        proxied.dispose()


@pytest.mark.slow
def test_data_survives_stop_and_kill(tmp_path: Path) -> None:
    cluster = LocalCluster(tmp_path / "data")
    cluster.init()
    cluster.start()
    try:
        port = cluster.port
        assert stat.S_IMODE(cluster.password_file.stat().st_mode) == 0o600
        cluster.create_database("keep")
        url = cluster.superuser_url("keep")

        def run(sql: str) -> list[object]:
            eng = create_engine(url, poolclass=NullPool)
            try:
                with eng.begin() as conn:
                    result = conn.execute(text(sql))
                    return list(result.scalars()) if result.returns_rows else []
            finally:
                eng.dispose()

        run("CREATE TABLE t (n int)")
        run("INSERT INTO t VALUES (1)")
        cluster.stop()
        assert not cluster.is_running()

        again = LocalCluster(tmp_path / "data")
        again.start()
        assert again.port == port
        assert again.superuser_url("keep") == url
        run("INSERT INTO t VALUES (2)")
        # Immediate shutdown skips the checkpoint; WAL replay must bring back
        # every committed row.
        again.kill()
        assert not again.is_running()
        again.start()
        assert run("SELECT n FROM t ORDER BY n") == [1, 2]
    finally:
        cluster.stop()
