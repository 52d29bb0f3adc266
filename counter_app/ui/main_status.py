"""The home screen's status bar: who works at which counter, the backups, the
link to the centre, that the data stays on this computer, the last refresh."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow

from counter_app.services.auth import Actor
from counter_app.services.setup import CounterInfo
from counter_app.ui.backup_status import BackupStatusLabel
from counter_app.ui.sync_status import SyncStatusBar
from counter_app.ui.widgets import ElidedLabel
from counter_app.ui.workers import WorkerRunner


class MainStatusBar:
    def __init__(
        self,
        window: QMainWindow,
        counter: CounterInfo,
        data_dir: Path,
        runner: WorkerRunner,
        daily_backup: bool,
    ) -> None:
        # Who is logged in matters more than the counter's name, which the title
        # bar shows too.
        self.user_label = ElidedLabel(window, keep_chars=20)
        # Short texts, the rest in tooltips: the whole bar fits 1366 px at 125 %.
        self.counter_label = ElidedLabel(window, keep_chars=6)
        self.counter_label.setText(
            # The window's own context, where these texts were always translated.
            QCoreApplication.translate("MainWindow", "{counter} — {agency}").format(
                counter=counter.counter_name, agency=counter.agency_name
            )
        )
        self.counter_label.setToolTip(f"{counter.agency_name} ({counter.agency_id})")
        self.offline_label = QLabel(
            QCoreApplication.translate("MainWindow", "Works without internet"), window
        )
        self.offline_label.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Data is kept on this computer: the counter works without internet."
            )
        )
        self.updated_label = QLabel(window)
        self.sync_status = SyncStatusBar(window)
        self.backup_status = BackupStatusLabel(
            data_dir, runner if daily_backup else None, window, brief=True
        )
        status = window.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.counter_label)
        status.addPermanentWidget(self.backup_status)
        status.addPermanentWidget(self.sync_status)
        status.addPermanentWidget(self.offline_label)
        status.addPermanentWidget(self.updated_label)

    def show_official(self, user: Actor | None) -> None:
        """Who works at the desk; nobody while it waits for the next official
        to log in (a logout, a switch)."""
        if user is None:
            text = QCoreApplication.translate("MainWindow", "No official logged in")
        else:
            text = QCoreApplication.translate("MainWindow", "Official: {name} ({username})")
            text = text.format(name=user.full_name, username=user.username)
        self.user_label.setText(text)
