"""Sync in the window: background rounds, backoff, the status bar and the issues list.

No central database here: a counter with no connection file, and one whose
connection file points at a port where no PostgreSQL answers (closed, or a
socket that never speaks). The online round trip is covered in
tests/ui/test_sync_online.py against a real PostgreSQL.
"""

from __future__ import annotations

import random
import socket
import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from counter_app.app_setup import Runtime
from counter_app.domain.papers import Origin
from counter_app.files.pdf_pages import images_to_pdf
from counter_app.i18n import render
from counter_app.models import SyncIssue
from counter_app.services import papers
from counter_app.services.papers import NewCopy
from counter_app.services.search import WorkList
from counter_app.sync.errors import CentralUnreachable, NotConnected
from counter_app.sync.service import IssueInfo
from counter_app.ui.main_window import MainWindow
from counter_app.ui.sync_issues_dialog import SyncIssuesDialog, SyncIssuesModel
from counter_app.ui.sync_worker import SyncPhase, SyncTiming, SyncWorker, backoff_delay
from counter_app.wire import connection_file as settings_file
from tests.conftest import login
from tests.services.test_papers import BIRTH, scan_page
from tests.ui.conftest import Receive, wait_signal

FAST = SyncTiming(interval_s=0.2, backoff_base_s=0.05, backoff_cap_s=0.2, backoff_floor_s=0.0)


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A port bound but not listening: a connection is refused at once, and no
    other process (another suite's PostgreSQL or proxy) can take it meanwhile."""
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    try:
        yield int(held.getsockname()[1])
    finally:
        held.close()


def connect_to(rt: Runtime, port: int) -> None:
    """The connection file `sync connect` would leave, pointing at ``port``."""
    settings_file.write(
        rt.data_dir / settings_file.SETTINGS_FILENAME,
        settings_file.CentralSettings(
            counter_uuid="7b0c1c39-2f7e-4a43-9d55-0f7f6f0b3a11",
            agency_id="000.00.37.H37",
            agency_name="UBND xã Hoàng Văn Thụ",
            parent_name="UBND TỈNH LẠNG SƠN",
            place="Lạng Sơn",
            phone="0205 3870 123",
            counter_name="Quầy số 1",
            code_slot=0,
            ledger_book="01",
            url=f"postgresql+psycopg://ctr_7b0c1c392f7e4a439d55:y@127.0.0.1:{port}/db",
        ),
    )


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes the TCP connection and never says a word: the round
    hangs in the connection timeout, like a link that drops every packet."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()


# ----- backoff (pure) ---------------------------------------------------------------------


def test_backoff_doubles_from_the_base_up_to_the_cap() -> None:
    highest = [backoff_delay(n, uniform=lambda a, b: b) for n in range(1, 10)]
    assert highest == [5, 10, 20, 40, 80, 160, 320, 600, 600]
    lowest = [backoff_delay(n, uniform=lambda a, b: a) for n in range(1, 10)]
    assert lowest == [1.0] * 9  # the floor: never a tight loop
    assert backoff_delay(0) == 0.0
    # Weeks offline: no overflow, still the cap.
    assert backoff_delay(10_000, uniform=lambda a, b: b) == 600


def test_backoff_jitter_stays_in_bounds_and_spreads() -> None:
    rng = random.Random(7)
    for failures in range(1, 30):
        ceiling = min(600.0, 5.0 * 2 ** (failures - 1))
        samples = [backoff_delay(failures, uniform=rng.uniform) for _ in range(200)]
        assert all(1.0 <= s <= ceiling for s in samples), failures
    spread = {round(backoff_delay(8, uniform=rng.uniform)) for _ in range(50)}
    assert len(spread) > 20  # counters that lost the centre together come back apart
    # A floor above a small ceiling gives way to the ceiling.
    assert backoff_delay(1, base_s=0.5, floor_s=1.0, uniform=lambda a, b: a) == 0.5
    # Out-of-range answers from the random source are clamped.
    assert backoff_delay(3, uniform=lambda a, b: b * 2) == 20.0


# ----- not connected ----------------------------------------------------------------------


def test_a_counter_without_a_centre_says_so_and_starts_no_sync(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    # GIVEN a counter that was never connected to a centre
    window = make_window()
    qtbot.waitUntil(lambda: window.sync_status.status is not None)
    # THEN the status bar says so, and no background sync runs
    assert window.sync_status.state_label.text() == "\u25cf Chưa kết nối trung tâm"
    assert not window.sync_status.waiting_label.isVisibleTo(window)
    assert window.sync.worker is None
    assert not window.offline_label.isHidden()
    # WHEN the official asks for a sync (F9)
    window.sync_now_action.trigger()
    # THEN a box explains how to connect, in Vietnamese
    box = window.findChild(QMessageBox, "notifyBox")
    assert box is not None and box.isVisible()
    assert box.text() == render(NotConnected().message)
    assert "trung tâm" in box.text()
    box.close()


# ----- offline ----------------------------------------------------------------------------


def test_an_unreachable_centre_shows_offline_with_entries_waiting_and_backs_off(
    qtbot: QtBot,
    counter: Runtime,
    make_window: Callable[..., MainWindow],
    receive_dossier: Receive,
    closed_port: int,
) -> None:
    # GIVEN a dossier received with one paper digitised (its changes and the
    # paper's file wait) and a centre that is down
    code = receive_dossier().code
    papers.add_copy(
        counter.ctx,
        login(counter, "tiepnhan"),
        NewCopy(code, images_to_pdf([scan_page()]), BIRTH, Origin.SCAN),
    )
    connect_to(counter, closed_port)
    window = make_window(sync_timing=FAST)
    # WHEN the background round runs
    with wait_signal(qtbot, window.sync.round_failed, timeout=15_000) as failed:
        pass
    assert failed.args == [render(CentralUnreachable().message)]
    # THEN the status bar shows offline and what waits to be sent
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.status is not None and bar.status.connected)
    qtbot.waitUntil(lambda: bar.phase is SyncPhase.OFFLINE)
    assert bar.state_label.text() == "\u25cf Trung tâm: mất kết nối"
    assert bar.state_label.toolTip() == render(CentralUnreachable().message)
    assert bar.status is not None and bar.status.waiting > 0
    assert bar.waiting_label.text() == f"Chờ gửi: {bar.status.waiting} + 1 tệp"
    assert "1 bản điện tử" in bar.waiting_label.toolTip()
    assert bar.last_label.text() == "Đồng bộ: chưa có"
    assert not bar.issues_button.isVisibleTo(window)
    assert window.offline_label.isHidden()
    # AND it keeps trying, backing off within the bounds
    worker = window.sync.worker
    assert worker is not None
    qtbot.waitUntil(lambda: worker.failures >= 3, timeout=15_000)
    assert worker.next_delay_s is None or 0.0 <= worker.next_delay_s <= FAST.backoff_cap_s
    # AND closing the window leaves no round running
    window.close()
    assert worker.phase is SyncPhase.STOPPED
    assert not worker.in_flight
    rounds = worker.rounds
    qtbot.wait(300)
    assert worker.rounds == rounds


def test_the_window_works_while_a_round_hangs_on_a_silent_link(
    qtbot: QtBot,
    counter: Runtime,
    make_window: Callable[..., MainWindow],
    receive_dossier: Receive,
    silent_server: int,
) -> None:
    # GIVEN a link that swallows everything: the round waits for its timeout
    connect_to(counter, silent_server)
    window = make_window(sync_timing=FAST)
    qtbot.waitUntil(lambda: window.sync.worker is not None and window.sync.worker.in_flight)
    worker = window.sync.worker
    assert worker is not None
    # WHEN the official receives a dossier and the lists reload meanwhile
    started = time.monotonic()
    code = receive_dossier().code
    with wait_signal(qtbot, window.refreshed):
        window.refresh()
    # THEN both happen at once: sync holds no local lock while it waits on the network
    assert time.monotonic() - started < 2.0
    assert worker.in_flight
    assert window.sync_status.phase is SyncPhase.SYNCING
    assert code in window.models[WorkList.RECEIVED_TODAY].codes()
    # AND the round ends offline, with the new dossier's changes waiting. Read
    # when the round fails: with no backoff floor the next round may start at
    # once, and a poll afterwards can miss the offline moment.
    seen: list[SyncPhase] = []
    worker.failed.connect(lambda _message: seen.append(window.sync_status.phase))
    with wait_signal(qtbot, worker.failed, timeout=15_000):
        pass
    assert seen and seen[0] is SyncPhase.OFFLINE


def test_sync_now_runs_a_round_at_once_and_reports_in_the_status_bar(
    qtbot: QtBot, counter: Runtime, make_window: Callable[..., MainWindow], closed_port: int
) -> None:
    # GIVEN a connected counter whose centre is down, waiting a long backoff
    connect_to(counter, closed_port)
    slow = SyncTiming(interval_s=600, backoff_base_s=600, backoff_cap_s=600, backoff_floor_s=600)
    window = make_window(sync_timing=slow)
    qtbot.waitUntil(lambda: window.sync.worker is not None)
    worker = window.sync.worker
    assert worker is not None
    qtbot.waitUntil(lambda: worker.failures == 1, timeout=15_000)
    # WHEN the official presses F9
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    with wait_signal(qtbot, worker.failed, timeout=15_000):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    # THEN a second round ran at once, and its result is in the status bar
    assert worker.failures == 2
    assert window.statusBar().currentMessage() == render(CentralUnreachable().message)


def test_worker_reports_through_its_signals_and_stops_cleanly(
    qtbot: QtBot, counter: Runtime, closed_port: int
) -> None:
    connect_to(counter, closed_port)
    worker = SyncWorker(counter.ctx, counter.data_dir, timing=FAST)
    phases: list[SyncPhase] = []
    worker.state_changed.connect(phases.append)
    with wait_signal(qtbot, worker.failed, timeout=15_000) as failed:
        worker.start()
        # A request during the round runs right after it, not alongside.
        worker.sync_now()
    assert failed.args == [render(CentralUnreachable().message)]
    assert phases[:2] == [SyncPhase.SYNCING, SyncPhase.OFFLINE]
    qtbot.waitUntil(lambda: worker.rounds >= 2, timeout=15_000)
    assert worker.stop()
    assert phases[-1] is SyncPhase.STOPPED
    assert not worker.in_flight
    worker.deleteLater()


# ----- issues -----------------------------------------------------------------------------

ISSUES = [
    IssueInfo(
        "push", "step", "a1", "transition not allowed from returned", datetime(2026, 11, 26, 9, 5)
    ),
    IssueInfo("pull", "dossier", "b2", "unsynced local change", datetime(2026, 11, 26, 9, 7)),
    IssueInfo("pull", "something_new", "c3", "unknown kind", datetime(2026, 11, 26, 9, 9)),
]


def test_issues_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = SyncIssuesModel()
    model.set_items(ISSUES)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, model.DIRECTION).data() == "Gửi đi: trung tâm từ chối"
    assert model.index(1, model.DIRECTION).data() == "Nhận về: không áp dụng được"
    assert model.index(0, model.KIND).data() == "Bước xử lý"
    assert model.index(2, model.KIND).data() == "something_new"  # unknown kinds stay readable
    assert model.index(0, model.AT).data() == "26/11/2026 09:05"
    assert model.index(0, model.REASON).data() == "transition not allowed from returned"
    model.set_items([])
    qtmodeltester.check(model)


def test_quarantined_records_show_in_the_status_bar_and_open_their_list(
    qtbot: QtBot, counter: Runtime, make_window: Callable[..., MainWindow], closed_port: int
) -> None:
    # GIVEN a connected counter with one record the centre refused
    connect_to(counter, closed_port)
    with counter.ctx.sessions.begin() as s:
        s.add(
            SyncIssue(
                direction="push",
                kind="dossier",
                row_uuid="0d5e7a9c-1111-4b5c-8d9e-000000000001",
                seq=4,
                reason="owned by another counter",
                local_payload={"code": "x"},
                central_payload=None,
                at=datetime(2026, 11, 26, 9, 30),
            )
        )
    window = make_window(sync_timing=FAST)
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.status is not None and bar.status.connected)
    assert bar.issues_button.isVisibleTo(window)
    assert bar.issues_button.text() == "Cần xử lý: 1"
    # WHEN the official clicks it
    qtbot.mouseClick(bar.issues_button, Qt.MouseButton.LeftButton)
    # THEN the list opens with the refused record
    dialog = window.sync_issues_dialog
    assert isinstance(dialog, SyncIssuesDialog) and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, SyncIssuesModel.REASON).data() == "owned by another counter"
    assert dialog.model.index(0, SyncIssuesModel.AT).data() == "26/11/2026 09:30"
    dialog.close_button.click()
    # AND the menu opens the same list
    window.sync_issues_action.trigger()
    assert window.sync_issues_dialog is not dialog
    window.sync_issues_dialog.reject()  # type: ignore[union-attr]
