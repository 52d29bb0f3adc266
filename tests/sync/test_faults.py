"""Faults during sync, against the real PostgreSQL server: offline work, the
server stopped mid-push, the counter SIGKILLed mid-push, the link cut after the
centre committed or in the middle of the feed, two syncs of one counter at
once. Each test counts both sides afterwards: all of it arrived, and once."""

from __future__ import annotations

import re
import signal
import sqlite3
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from counter_app.app_setup import open_runtime
from counter_app.catalogue_files import load_catalogue
from counter_app.centre import admin
from counter_app.devtools.local_cluster import LocalCluster, free_port
from counter_app.resources_path import resource
from counter_app.services.catalogue import SAMPLE_CATALOGUE
from counter_app.sync import push as push_module
from counter_app.sync.central_link import central_session
from counter_app.sync.errors import CentralUnreachable
from counter_app.sync.pull import read_cursor
from counter_app.sync.push import push
from counter_app.sync.service import sync_once
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.support import (
    COMMIT_COMPLETE,
    assert_all_once,
    cli_sync,
    db_path,
    finish,
    high_water,
    in_push_transaction,
    local_rows,
    outbox_size,
    receive_many,
    route_through,
    wait_until,
)
from tests.sync.tcp_proxy import TcpProxy

DAY = datetime(2026, 11, 26, 8, 0)
SMALL_BATCH = 100


def _batch() -> int:
    """What one central transaction of a sync carries (read now: it is tuned)."""
    return int(push_module.BATCH)


def _integrity_ok(desk: Desk) -> None:
    con = sqlite3.connect(db_path(desk))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


@pytest.mark.slow
def test_two_counters_300_offline_each_arrive_once(centre: Centre) -> None:
    # GIVEN two counters of one agency, then the link goes down
    clock = Clock(DAY)
    a = centre.desk("Quầy số 1", clock)
    b = centre.desk("Quầy số 2", clock)
    for desk in (a, b):
        route_through(desk, free_port())
    # WHEN each receives 300 dossiers; a sync attempt in between fails
    codes = receive_many(a, 150) + receive_many(b, 150, first=1000)
    for desk in (a, b):
        with pytest.raises(CentralUnreachable):
            desk.sync()
    codes += receive_many(a, 150, first=150) + receive_many(b, 150, first=1150)
    assert len(codes) == len(set(codes)) == 600
    waiting = outbox_size(a) + outbox_size(b)
    # AND the link comes back and both sync
    for desk in (a, b):
        route_through(desk, _port(centre))
    sent = a.sync().push.sent + b.sync().push.sent
    # THEN every entry was sent once, every dossier is there once, codes unique
    assert sent == waiting
    totals = assert_all_once(centre, a, b)
    assert totals["dossier"] == 600
    assert totals["step"] == 600
    assert centre.scalar("SELECT count(*) FROM central_dossiers") == 600
    with centre.engine.connect() as conn:
        central_codes = set(conn.execute(text("SELECT code FROM central_dossiers")).scalars())
    assert central_codes == set(codes)
    assert a.sync().push.sent == 0
    assert b.sync().push.sent == 0


def _port(centre: Centre) -> int:
    from sqlalchemy import make_url

    port = make_url(centre.url).port
    assert port is not None
    return port


def test_server_stopped_between_batches_then_next_sync_completes(
    centre: Centre, pg_cluster: LocalCluster
) -> None:
    # GIVEN a desk with three small batches' worth of changes waiting
    desk = centre.desk("Quầy số 1", Clock(DAY))
    receive_many(desk, 60)
    waiting = outbox_size(desk)
    assert waiting > 2 * SMALL_BATCH
    before = high_water(centre, desk)

    # WHEN the server stops right after the first batch was confirmed
    # (the push of a sync round, with small batches, behind the sync's own
    # error boundary)
    def stop_after_first(sent: int) -> None:
        if pg_cluster.is_running():
            pg_cluster.stop()

    try:
        with pytest.raises(CentralUnreachable), central_session(desk.registration) as engine:
            push(
                desk.ctx.sessions,
                engine,
                desk.registration.counter_uuid,
                batch=SMALL_BATCH,
                progress=stop_after_first,
            )
        # AND a sync attempted while it is down fails the same way
        with pytest.raises(CentralUnreachable):
            desk.sync()
    finally:
        pg_cluster.start()
    # THEN the first batch is at the centre and gone from the outbox, the rest waits
    assert high_water(centre, desk) == before + SMALL_BATCH
    assert outbox_size(desk) == waiting - SMALL_BATCH
    # AND the next sync sends the rest, once
    assert desk.sync().push.sent == waiting - SMALL_BATCH
    assert_all_once(centre, desk)


def test_server_stopped_inside_a_batch_transaction(
    centre: Centre, pg_cluster: LocalCluster, watcher: Connection
) -> None:
    # GIVEN a desk with several batches waiting, syncing in the background
    desk = centre.desk("Quầy số 1", Clock(DAY))
    receive_many(desk, 300)
    waiting = outbox_size(desk)
    before = high_water(centre, desk)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            desk.sync()
        except BaseException as exc:  # checked by the test
            errors.append(exc)

    worker = threading.Thread(target=run)
    try:
        worker.start()
        # WHEN the server stops (fast: sessions terminated) while a batch is open
        wait_until(lambda: in_push_transaction(watcher, desk))
        watcher.close()
        pg_cluster.stop()
        worker.join(timeout=60)
    finally:
        pg_cluster.start()
    # THEN the sync failed as "unreachable", the open batch left no trace
    assert not worker.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], CentralUnreachable), errors
    # whole batches only (the open one vanished, unless the stop met its commit)
    confirmed = high_water(centre, desk) - before
    assert confirmed % _batch() == 0 or confirmed == waiting
    assert centre.scalar("SELECT count(*) FROM central_quarantine") == 0
    # AND the next sync completes, nothing doubled
    desk.sync()
    assert_all_once(centre, desk)


@pytest.mark.slow
def test_counter_killed_mid_push_three_times(centre: Centre, watcher: Connection) -> None:
    desk = centre.desk("Quầy số 1", Clock(DAY))
    first = 0
    for round_ in range(3):
        # GIVEN about a thousand entries waiting (the desk keeps working between crashes)
        receive_many(desk, 260, first=first)
        first += 260
        assert outbox_size(desk) > 1000
        before = high_water(centre, desk)
        proc = cli_sync(desk)
        # WHEN the sync process is SIGKILLed: first inside a central batch
        # transaction, then right after the centre confirmed a batch
        if round_ == 0:
            wait_until(lambda: in_push_transaction(watcher, desk))
        else:
            wait_until(lambda: high_water(centre, desk) > before)  # noqa: B023
        proc.send_signal(signal.SIGKILL)
        code, _, _ = finish(proc)
        assert code == -signal.SIGKILL, "the sync had finished before the kill"
        _integrity_ok(desk)
    # THEN the desk starts again on the same data and one sync finishes the job
    desk.rt.close()
    desk.rt = open_runtime(desk.directory)
    desk.rt.ctx.clock = Clock(DAY)
    desk.sync()
    totals = assert_all_once(centre, desk)
    assert totals["dossier"] == 780
    assert desk.sync().push.sent == 0


def test_link_cut_after_central_commit_before_the_answer(centre: Centre, proxy: TcpProxy) -> None:
    # GIVEN a desk whose link runs through the proxy, work waiting
    desk = centre.desk("Quầy số 1", Clock(DAY))
    route_through(desk, proxy.port)
    receive_many(desk, 150)
    waiting = outbox_size(desk)
    first_batch = min(_batch(), waiting)
    before = high_water(centre, desk)
    # WHEN the link drops just as the server confirms the first batch's
    # COMMIT (the first COMMIT after central_push() answered, not a read's)
    wrote = False

    def batch_commit(chunk: bytes) -> bool:
        nonlocal wrote
        wrote = wrote or b'"high_water"' in chunk
        return wrote and COMMIT_COMPLETE in chunk

    fired = proxy.cut_when_server_sends(batch_commit)
    with pytest.raises(CentralUnreachable):
        desk.sync()
    assert fired.is_set()
    # THEN the centre holds the batch, the desk does not know it yet
    assert high_water(centre, desk) == before + first_batch
    assert outbox_size(desk) == waiting
    # AND the next sync learns the mark and sends only the rest
    assert desk.sync().push.sent == waiting - first_batch
    assert_all_once(centre, desk)


def _many_procedures(n: int) -> list:  # type: ignore[type-arg]
    sample = load_catalogue(Path(str(resource(*SAMPLE_CATALOGUE)))).procedures
    return [
        replace(sample[i % len(sample)], code=f"9.{i:06d}", name=f"Thủ tục thử số {i}")
        for i in range(n)
    ]


def _test_codes(desk: Desk) -> int:
    return int(local_rows(desk, "SELECT count(*) FROM procedures WHERE code LIKE '9.%'")[0][0])  # type: ignore[arg-type]


def test_link_cut_mid_download_of_the_feed(centre: Centre, proxy: TcpProxy) -> None:
    # GIVEN a desk through the proxy and 2000 new procedures in the feed (one
    # central transaction: a single xid, read in pages of 1000 by id)
    desk = centre.desk("Quầy số 1", Clock(DAY))
    route_through(desk, proxy.port)
    base = int(local_rows(desk, "SELECT count(*) FROM procedures")[0][0])  # type: ignore[arg-type]
    specs = _many_procedures(2000)
    admin.import_catalogue(centre.engine, specs)
    receive_many(desk, 20)
    # WHEN the link drops in the middle of the first page's SELECT response,
    # then in the middle of the second page's
    for page, applied_before_cut in ((0, 0), (1, 1000)):
        marks = [f"9.{page * 1000 + 500 + k:06d}".encode() for k in range(40)]
        fired = proxy.cut_when_server_sends(
            lambda chunk, marks=marks: any(m in chunk for m in marks)
        )
        with pytest.raises(CentralUnreachable):
            desk.sync()
        assert fired.is_set()
        # THEN the push before it was confirmed; only whole pages were applied
        assert outbox_size(desk) == 0
        assert _test_codes(desk) == applied_before_cut
    # AND the next sync downloads the rest, each procedure once
    desk.sync()
    procs, distinct = local_rows(desk, "SELECT count(*), count(DISTINCT code) FROM procedures")[0]
    assert procs == distinct == base + 2000
    docs = local_rows(
        desk,
        "SELECT count(*) FROM procedure_documents d JOIN procedures p ON p.id = d.procedure_id "
        "WHERE p.code LIKE '9.%'",
    )[0][0]
    assert docs == sum(len(s.documents) for s in specs)
    # the cursor stands on the feed's last change
    with desk.ctx.sessions() as s:
        cursor = read_cursor(s)
    last = centre.scalar(
        "SELECT xid::text || ':' || id FROM central_changes ORDER BY xid DESC, id DESC LIMIT 1"
    )
    assert cursor is not None and f"{cursor[0]}:{cursor[1]}" == last
    assert_all_once(centre, desk)
    assert not local_rows(desk, "SELECT * FROM sync_issues")


def _sent(out: str) -> int:
    match = re.search(r"(\d+) changes sent", out)
    assert match, out
    return int(match.group(1))


def _online(n: int, first: int = 0) -> list[dict[str, object]]:
    from tests.conftest import AGENCY

    return [
        {
            "code": f"{AGENCY}-261126-{9000 + i:04d}",
            "agency_id": AGENCY,
            "procedure_code": "2.000815",
            "submitted_at": "2026-11-25T20:00:00",
            "applicant": {
                "full_name": "Lương Văn Bình",
                "id_number": f"0201950{i:05d}",
                "phone": "0987654321",
            },
        }
        for i in range(first, first + n)
    ]


def test_two_sync_processes_at_once(centre: Centre) -> None:
    # GIVEN a desk with two batches waiting and online dossiers in the feed
    desk = centre.desk("Quầy số 1", Clock(DAY))
    receive_many(desk, 150)
    admin.import_online(centre.engine, _online(40))
    waiting = outbox_size(desk)
    # WHEN two `counter-app sync` processes run on the same data at once
    procs = [cli_sync(desk), cli_sync(desk)]
    results = [finish(p) for p in procs]
    # THEN both finish, and between them each entry was sent once
    for code, _, err in results:
        assert code == 0, err
    assert sum(_sent(out) for _, out, _ in results) == waiting
    assert_all_once(centre, desk)
    online = local_rows(
        desk, "SELECT count(*), count(DISTINCT uuid) FROM dossiers WHERE received_by = 'dvc'"
    )[0]
    assert online == (40, 40)
    assert not local_rows(desk, "SELECT * FROM sync_issues")


def test_two_sync_threads_with_their_own_runtimes(centre: Centre) -> None:
    # GIVEN a desk with work waiting, and a second runtime on the same data dir
    desk = centre.desk("Quầy số 1", Clock(DAY))
    receive_many(desk, 150)
    admin.import_online(centre.engine, _online(30))
    waiting = outbox_size(desk)
    other = open_runtime(desk.directory)
    sent: list[int] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(rt_ctx: object) -> None:
        try:
            barrier.wait()
            sent.append(sync_once(rt_ctx, desk.directory).push.sent)  # type: ignore[arg-type]
        except BaseException as exc:  # checked by the test
            errors.append(exc)

    try:
        threads = [threading.Thread(target=run, args=(ctx,)) for ctx in (desk.ctx, other.ctx)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        other.close()
    # THEN both rounds succeed and each entry went once
    assert not errors, errors
    assert sum(sent) == waiting
    assert_all_once(centre, desk)
    assert local_rows(desk, "SELECT count(*) FROM dossiers WHERE received_by = 'dvc'")[0][0] == 30
