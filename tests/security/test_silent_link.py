"""A silent link ends a sync round in under a minute, and loses nothing.

The desk talks to the real PostgreSQL through tests/sync/tcp_proxy.py. Its
blackhole holds every byte while the proxy's own kernel keeps acknowledging
them, like a stalled middlebox: TCP keepalives and the user timeout never fire
through it, so only the desk's own watchdog can end the round. Tests shorten
the silence allowed (``SILENT_S``); one test checks the production values.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Connection, text

from counter_app.centre import admin
from counter_app.centre.schema import engine_for
from counter_app.i18n import render
from counter_app.sync.errors import CentralSilent
from counter_app.sync.service import sync_once
from counter_app.ui.sync_worker import SyncPhase, SyncTiming, SyncWorker
from counter_app.wire.link import (
    KEEPALIVE_COUNT,
    KEEPALIVE_IDLE_S,
    KEEPALIVE_INTERVAL_S,
    SILENT_LINK_ENV,
    SILENT_LINK_S,
    STATEMENT_TIMEOUT_MS,
    TCP_USER_TIMEOUT_MS,
    silent_link_s,
)
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.support import (
    assert_all_once,
    cli_sync,
    counter_engine,
    in_push_transaction,
    local_rows,
    outbox_size,
    receive_many,
    route_through,
    wait_until,
)
from tests.sync.tcp_proxy import TcpProxy

DAY = datetime(2026, 11, 26, 8, 0)
# The silence allowed in these tests: short, so a stuck round ends quickly.
SILENT_S = 3.0
# What "ends in under a minute" leaves for the round's own work around the cut.
SLACK_S = 15.0
LOST_LINK = "mất kết nối"


def _pushing(watcher: Connection, desk: Desk) -> Callable[[], bool]:
    return lambda: in_push_transaction(watcher, desk)


def _blackhole_when(proxy: TcpProxy, condition: Callable[[], bool]) -> threading.Event:
    """Silence the link the moment ``condition`` holds (looked at from another thread)."""
    fired = threading.Event()

    def watch() -> None:
        wait_until(condition, timeout=120)
        proxy.set_blackhole(True)
        fired.set()

    threading.Thread(target=watch, name="blackhole-when", daemon=True).start()
    return fired


def _test_codes(desk: Desk) -> int:
    return int(local_rows(desk, "SELECT count(*) FROM procedures WHERE code LIKE '9.%'")[0][0])  # type: ignore[arg-type]


def _stuck_round(desk: Desk, proxy: TcpProxy) -> tuple[float, BaseException | None]:
    """One round with the short silence allowed; its time and what it raised.

    Run aside, so a round that never ends fails the test at a minute instead
    of hanging it (the link is then given back so the thread can finish).
    """
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            sync_once(desk.ctx, desk.directory, silent_s=SILENT_S)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)
        else:
            outcome.append(None)

    started = time.monotonic()
    thread = threading.Thread(target=run, name="stuck-round", daemon=True)
    thread.start()
    thread.join(60)
    elapsed = time.monotonic() - started
    if thread.is_alive():
        proxy.set_blackhole(False)
        thread.join(60)
        pytest.fail(f"the round on a silent link was still waiting after {elapsed:.0f} s")
    return elapsed, outcome[0]


def test_production_limits_end_a_silent_round_in_under_a_minute(
    centre: Centre, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The desk's own deadline is under a minute and can only be shortened
    monkeypatch.delenv(SILENT_LINK_ENV, raising=False)
    assert silent_link_s() == SILENT_LINK_S < 60
    assert silent_link_s(3600) == SILENT_LINK_S
    assert SyncTiming().silent_s is None
    # and it leaves the centre's statement timeout room to answer first
    assert STATEMENT_TIMEOUT_MS / 1000 < SILENT_LINK_S
    # Every central connection of the desk carries the timeouts on its socket
    desk = centre.desk("Quầy số 1", Clock(DAY))
    with counter_engine(desk) as engine, engine.connect() as conn:
        assert conn.execute(text("SHOW statement_timeout")).scalar_one() == "30s"
        _assert_link_options(conn)
    # and the centre bounds the desk's statements on its side too (the role's default)
    assert centre.scalar(
        "SELECT s.setconfig FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole "
        "JOIN central_counters c ON c.role_name = r.rolname WHERE c.uuid = :u",
        u=desk.registration.counter_uuid,
    ) == ["statement_timeout=30s"]
    # and so does the centre's own tooling (no statement timeout: migrations run long)
    tooling = engine_for(centre.url)
    try:
        with tooling.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar_one() == "0"
            _assert_link_options(conn)
    finally:
        tooling.dispose()


def _assert_link_options(conn: Connection) -> None:
    fd = conn.connection.dbapi_connection.fileno()  # type: ignore[union-attr]
    sock = socket.socket(fileno=fd)
    try:
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == KEEPALIVE_IDLE_S
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) == KEEPALIVE_INTERVAL_S
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT) == KEEPALIVE_COUNT
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT) == TCP_USER_TIMEOUT_MS
    finally:
        sock.detach()


def test_link_silent_mid_push_ends_the_round_offline_and_loses_nothing(
    centre: Centre, proxy: TcpProxy, watcher: Connection
) -> None:
    # GIVEN a desk through the proxy with a day's work waiting
    desk = centre.desk("Quầy số 1", Clock(DAY))
    route_through(desk, proxy.port)
    receive_many(desk, 200)
    waiting = outbox_size(desk)
    # WHEN the link goes silent while the centre writes the batch
    fired = _blackhole_when(proxy, _pushing(watcher, desk))
    elapsed, error = _stuck_round(desk, proxy)
    # THEN the round ends soon after the silence allowed, and says the link was lost
    assert fired.is_set()
    assert elapsed < SILENT_S + SLACK_S < 60
    assert isinstance(error, CentralSilent)
    assert LOST_LINK in render(error.message)
    # AND nothing was taken off the outbox
    assert outbox_size(desk) == waiting
    # AND once the link is back, the next round delivers everything, once
    proxy.set_blackhole(False)
    desk.sync()
    assert_all_once(centre, desk)


def test_link_silent_mid_download_ends_the_round_and_the_next_one_finishes(
    centre: Centre, proxy: TcpProxy
) -> None:
    # GIVEN a desk through the proxy, a dossier to send and 2000 procedures in the feed
    desk = centre.desk("Quầy số 1", Clock(DAY))
    route_through(desk, proxy.port)
    from tests.sync.test_faults import _many_procedures

    admin.import_catalogue(centre.engine, _many_procedures(2000))
    receive_many(desk, 5)
    # WHEN the link goes silent once the push is confirmed, while the feed comes down
    fired = _blackhole_when(proxy, lambda: outbox_size(desk) == 0)
    elapsed, error = _stuck_round(desk, proxy)
    # THEN the round ended soon, offline, in the middle of the download
    assert fired.is_set()
    assert elapsed < SILENT_S + SLACK_S
    assert isinstance(error, CentralSilent)
    assert _test_codes(desk) < 2000
    # AND the next round brings the rest, each procedure once
    proxy.set_blackhole(False)
    desk.sync()
    assert _test_codes(desk) == 2000
    assert local_rows(desk, "SELECT count(*) - count(DISTINCT code) FROM procedures") == [(0,)]
    assert_all_once(centre, desk)


def test_cli_sync_on_a_silent_link_says_lost_connection_within_a_minute(
    centre: Centre, proxy: TcpProxy, watcher: Connection
) -> None:
    # GIVEN a desk through the proxy with work waiting
    desk = centre.desk("Quầy số 1", Clock(DAY))
    route_through(desk, proxy.port)
    receive_many(desk, 200)
    waiting = outbox_size(desk)
    # WHEN `counter-app sync` runs and the link goes silent mid-push
    fired = _blackhole_when(proxy, _pushing(watcher, desk))
    started = time.monotonic()
    proc = cli_sync(desk, env={"COUNTER_APP_LANG": "vi", SILENT_LINK_ENV: str(SILENT_S)})
    try:
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # THEN it ends in under a minute with one Vietnamese sentence and exit 2
    assert fired.is_set()
    assert time.monotonic() - started < 60
    assert proc.returncode == 2, err
    assert LOST_LINK in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert outbox_size(desk) == waiting
    # AND the next round, the link back, delivers every dossier once
    proxy.set_blackhole(False)
    desk.sync()
    assert_all_once(centre, desk)


def test_window_worker_runs_the_next_round_after_a_stuck_one(
    qtbot: QtBot, centre: Centre, proxy: TcpProxy, watcher: Connection
) -> None:
    # GIVEN the window's worker on a desk through the proxy, work waiting
    desk = centre.desk("Quầy số 1", Clock(DAY))
    route_through(desk, proxy.port)
    receive_many(desk, 200)
    timing = SyncTiming(
        interval_s=600,
        backoff_base_s=0.05,
        backoff_cap_s=0.2,
        backoff_floor_s=0.0,
        silent_s=SILENT_S,
    )
    worker = SyncWorker(desk.ctx, desk.directory, timing=timing)
    messages: list[str] = []
    # The link comes back as soon as the stuck round is reported, before the next one.
    worker.failed.connect(messages.append)
    worker.failed.connect(lambda _message: proxy.set_blackhole(False))
    try:
        # WHEN the link goes silent in the middle of the first round's push
        fired = _blackhole_when(proxy, _pushing(watcher, desk))
        started = time.monotonic()
        with qtbot.waitSignal(worker.failed, timeout=int((SILENT_S + SLACK_S) * 1000)):
            worker.start()
        # THEN the round ends offline, telling the official the link was lost
        assert fired.is_set()
        assert time.monotonic() - started < SILENT_S + SLACK_S
        assert worker.phase is SyncPhase.OFFLINE
        assert LOST_LINK in messages[0]
        # AND the next round runs on schedule on the pool's one thread, and delivers
        with qtbot.waitSignal(worker.finished, timeout=30_000):
            pass
        assert worker.phase is SyncPhase.ONLINE
        assert worker.rounds == 2
        assert_all_once(centre, desk)
    finally:
        assert worker.stop()
        worker.deleteLater()
