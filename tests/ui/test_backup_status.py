"""The window shows the last good backup; a damaged database is offered one."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from counter_app import backup_files
from counter_app.app_setup import Runtime
from counter_app.domain.messages import Message
from counter_app.services import backups
from counter_app.services.setup import get_counter
from counter_app.storage import DAMAGED
from counter_app.ui.backup_status import BackupStatusLabel, offer_restore
from counter_app.ui.main_window import MainWindow
from counter_app.ui.workers import WorkerRunner
from tests.files.backup_support import held, named, stored
from tests.ui.conftest import Chooser, Printed, user_info


def test_status_bar_shows_the_last_good_backup(
    qtbot: QtBot, counter: Runtime, make_window: Callable[[str], MainWindow]
) -> None:
    # GIVEN a counter never backed up: the label says so, in red
    window = make_window("tiepnhan")
    label = window.backup_status
    assert label.isVisibleTo(window)
    assert label.text() == "Chưa có bản sao lưu nào"
    assert "b00020" in label.styleSheet()
    # WHEN a backup is taken and the window refreshes
    (path,) = backups.back_up(counter.data_dir)
    window.refresh()
    qtbot.waitUntil(lambda: label.text().startswith("Sao lưu: "))
    last = backups.last_good(counter.data_dir)
    assert last is not None and last.at is not None
    # THEN the bar says when, briefly (taken today: the time); the tooltip has it all
    assert label.text() == f"Sao lưu: {last.at:%H:%M}"
    assert label.toolTip() == f"Bản sao lưu tốt gần nhất: {last.at:%d/%m/%Y %H:%M}\n{path}"
    assert label.styleSheet() == ""


def test_a_window_left_open_takes_the_days_backup_in_the_background(
    qtbot: QtBot, counter: Runtime
) -> None:
    # GIVEN a counter with no backup today, its window open with daily backups on
    assert backups.last_good(counter.data_dir) is None
    runner = WorkerRunner(QThreadPool())
    label = BackupStatusLabel(counter.data_dir, runner)
    qtbot.addWidget(label)
    # THEN the backup is taken off the UI thread and the label shows it
    qtbot.waitUntil(lambda: label.text().startswith("Bản sao lưu tốt gần nhất"), timeout=30_000)
    last = backups.last_good(counter.data_dir)
    assert last is not None and "-daily" in last.path.name
    # AND a later refresh the same day takes no other one
    label.refresh()
    assert runner.wait()
    assert len(backup_files.generations(counter.data_dir / "backups")) == 1


def test_a_failed_daily_backup_shows_in_red(qtbot: QtBot, counter: Runtime) -> None:
    # GIVEN a second place that is a file, not a folder (a drive gone wrong)
    blocker = counter.data_dir.parent / "blocker"
    blocker.write_text("x")
    backup_files.write_settings(counter.data_dir, backup_files.BackupSettings(str(blocker), 3))
    runner = WorkerRunner(QThreadPool())
    label = BackupStatusLabel(counter.data_dir, runner)
    qtbot.addWidget(label)
    qtbot.waitUntil(lambda: label.text() == "Lần sao lưu gần nhất không thành công", timeout=30_000)
    assert "b00020" in label.styleSheet() and "sao lưu" in label.toolTip()
    assert runner.wait()


def test_the_window_copies_the_files_the_start_left_and_says_so_meanwhile(
    qtbot: QtBot, counter: Runtime, printed: Printed, chooser: Chooser
) -> None:
    # GIVEN the day's backup taken at the start, its 1,500 files left to copy
    files = stored(counter, 1500)
    (generation,) = backups.back_up(counter.data_dir, "daily", budget=0.0)
    last = backups.last_good(counter.data_dir)
    assert last is not None and last.at is not None
    # WHEN the official's window opens (as the application opens it)
    info = get_counter(counter.ctx)
    assert info is not None
    window = MainWindow(
        counter.ctx,
        user_info(counter, "tiepnhan"),
        info,
        print_receipt=printed.receipt,
        print_form=printed.form,
        choose_sink=chooser,
        data_dir=counter.data_dir,
        daily_backup=True,
    )
    qtbot.addWidget(window)
    label = window.backup_status
    # THEN the bar says the files are still being copied, not a complete backup
    good = f"Bản sao lưu tốt gần nhất: {last.at:%d/%m/%Y %H:%M}"
    assert label.text() == f"Sao lưu: {last.at:%H:%M}"
    assert label.toolTip() == (
        f"Đã sao lưu cơ sở dữ liệu: {last.at:%d/%m/%Y %H:%M}; còn 1500 bản điện tử đang được chép"
        f"\n{generation}"
    )
    assert "8a5a00" in label.styleSheet()
    # AND the window's worker copies them, then the bar says the backup is good
    qtbot.waitUntil(lambda: label.toolTip() == f"{good}\n{generation}", timeout=60_000)
    assert label.styleSheet() == ""
    assert held(counter.data_dir / "backups") == named(generation) == files
    assert backup_files.pending(counter.data_dir) == []
    window.close()


def test_a_closing_window_stops_the_copy_and_the_exit_backup_finishes_it(
    qtbot: QtBot, counter: Runtime
) -> None:
    files = stored(counter, 1500)
    (generation,) = backups.back_up(counter.data_dir, "daily", budget=0.0)
    # The window's pool busy with other reads: the copy waits its turn
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    busy = threading.Event()
    pool.start(lambda: busy.wait(30))
    runner = WorkerRunner(pool)
    label = BackupStatusLabel(counter.data_dir, runner)
    qtbot.addWidget(label)
    # WHEN the window closes before the copy is done
    label.stop()
    busy.set()
    assert runner.wait()
    # THEN the copy stopped and says so; the exit backup finishes every generation
    assert generation in backup_files.pending(counter.data_dir)
    backups.back_up(counter.data_dir, "exit")
    assert backup_files.pending(counter.data_dir) == []
    assert held(counter.data_dir / "backups") == files


def test_damaged_database_offers_the_latest_good_backup(qtbot: QtBot, counter: Runtime) -> None:
    (path,) = backups.back_up(counter.data_dir)
    damage = Message("Storage", DAMAGED, {"detail": "malformed", "backup": path})
    seen: list[str] = []

    def click_restore() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "Khôi phục bản sao lưu tốt gần nhất")
        button.click()

    QTimer.singleShot(0, click_restore)
    assert offer_restore(None, damage, path) is True
    assert "bị hỏng" in seen[0] and str(path) in seen[0]


def test_declining_the_offer_keeps_the_database_read_only(qtbot: QtBot, counter: Runtime) -> None:
    (path,) = backups.back_up(counter.data_dir)
    damage = Message("Storage", DAMAGED, {"detail": "malformed", "backup": path})

    def open_read_only() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == "Mở chỉ để xem").click()

    QTimer.singleShot(0, open_read_only)
    assert offer_restore(None, damage, path) is False
