"""A real round from the window to a real central PostgreSQL.

The cluster is the suite's one (tests/conftest.py); the ``centre`` fixture
(tests/ui/conftest.py) wraps the sync tests' Centre helper.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter_app.services import dossiers, setup
from counter_app.services.dossiers import ReceiveRequest
from counter_app.ui.main_window import MainWindow
from counter_app.ui.sync_worker import SyncPhase, SyncTiming
from tests.conftest import PROVINCE_FEE, login
from tests.sync.conftest import Centre
from tests.ui.conftest import CITIZEN, MARITAL_STATUS, Chooser, Printed, user_info, wait_signal

# After a good round the next one waits long, so the status bar holds still
# for the assertions; a failed round is retried at once.
TIMING = SyncTiming(interval_s=600, backoff_base_s=0.05, backoff_cap_s=0.2, backoff_floor_s=0.0)


@pytest.mark.slow
def test_window_syncs_a_received_dossier_and_shows_online(
    qtbot: QtBot, centre: Centre, tmp_path: Path, hold: list[object]
) -> None:
    # GIVEN a counter connected to a live centre, with a dossier just received
    desk = centre.desk("Quầy số 1")
    received = dossiers.receive(
        desk.ctx,
        login(desk.ctx, "tiepnhan"),
        ReceiveRequest(MARITAL_STATUS, CITIZEN, fee_amount=PROVINCE_FEE),
    )
    info = setup.get_counter(desk.ctx)
    assert info is not None
    window = MainWindow(
        desk.ctx,
        user_info(desk.rt, "tiepnhan"),
        info,
        print_receipt=Printed().receipt,
        choose_sink=Chooser(tmp_path),
        data_dir=desk.directory,
        sync_timing=TIMING,
    )
    qtbot.addWidget(window)
    hold.append(window)
    # WHEN the background round runs
    with wait_signal(qtbot, window.sync.round_finished, timeout=20_000) as done:
        pass
    # THEN the dossier is at the centre, and the status bar shows online, nothing waiting
    assert done.args[0].push.sent > 0
    assert (
        centre.scalar("SELECT count(*) FROM central_dossiers WHERE code = :c", c=received.code) == 1
    )
    bar = window.sync_status
    qtbot.waitUntil(lambda: bar.status is not None and bar.status.waiting == 0)
    assert bar.phase is SyncPhase.ONLINE
    assert bar.state_label.text() == "\u25cf Trung tâm: đã kết nối"
    assert bar.status is not None and bar.status.last_success is not None
    # synced today: the time alone in the bar, the whole date in its tooltip
    last = bar.status.last_success
    assert bar.last_label.text() == f"Đồng bộ: {last:%H:%M}"
    assert bar.last_label.toolTip() == f"{last:%d/%m/%Y %H:%M}"
    # AND closing the window stops the worker between rounds
    worker = window.sync.worker
    assert worker is not None
    window.close()
    assert worker.phase is SyncPhase.STOPPED and not worker.in_flight
