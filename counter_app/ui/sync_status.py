"""The sync part of the status bar, and the controller that keeps it current.

:class:`SyncStatusBar` only shows: centre online / offline (the last round's
real round trip), entries waiting to be sent, the last good sync, and the
count of records sync could not apply (a button that opens their list).
:class:`SyncController` reads the local sync status off the UI thread, starts
the background :class:`SyncWorker` once the counter has a connection file,
and stops it when the window closes.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from counter_app.domain.messages import UserError
from counter_app.i18n import render
from counter_app.services.context import ServiceContext
from counter_app.sync.errors import NotConnected
from counter_app.sync.service import IssueInfo, SyncReport, SyncStatus, status
from counter_app.ui.formats import fmt_datetime, fmt_moment_short
from counter_app.ui.sync_worker import SyncPhase, SyncTiming, SyncWorker
from counter_app.ui.workers import WorkerRunner
from counter_app.wire import connection_file as settings_file

log = logging.getLogger(__name__)

_GREY = "#5f6b7a"
_COLOURS = {
    SyncPhase.ONLINE: "#1b7f3b",
    SyncPhase.OFFLINE: "#a15c00",
    SyncPhase.FAILED: "#b00020",
}


class SyncStatusBar(QWidget):
    issues_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("syncState")
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("syncWaiting")
        self.last_label = QLabel(self)
        self.last_label.setObjectName("syncLast")
        self.issues_button = QToolButton(self)
        self.issues_button.setObjectName("syncIssues")
        self.issues_button.setAutoRaise(True)
        self.issues_button.setStyleSheet("color: #b00020; font-weight: bold;")
        self.issues_button.setToolTip(self.tr("Show the records sync could not apply"))
        self.issues_button.clicked.connect(self.issues_clicked)
        for widget in (self.state_label, self.waiting_label, self.last_label, self.issues_button):
            layout.addWidget(widget)
        self.status: SyncStatus | None = None
        self.phase = SyncPhase.IDLE
        self.message = ""
        self._update()

    @property
    def connected(self) -> bool:
        return self.status is not None and self.status.connected

    def show_status(self, current: SyncStatus) -> None:
        self.status = current
        self._update()

    def show_phase(self, phase: SyncPhase, message: str = "") -> None:
        self.phase = phase
        self.message = message
        self._update()

    def _update(self) -> None:
        current = self.status
        if current is None or not current.connected:
            self._state(
                self.tr("Not connected to the centre"),
                _GREY,
                self.tr(
                    "This counter works on its own. To send its dossiers to the province, the IT staff import its connection file."
                ),
            )
            for widget in (self.waiting_label, self.last_label, self.issues_button):
                widget.setVisible(False)
            return
        texts = {
            SyncPhase.IDLE: self.tr("Centre: checking…"),
            SyncPhase.SYNCING: self.tr("Centre: syncing…"),
            SyncPhase.ONLINE: self.tr("Centre: online"),
            SyncPhase.OFFLINE: self.tr("Centre: offline"),
            SyncPhase.FAILED: self.tr("Centre: sync error"),
            SyncPhase.STOPPED: self.tr("Centre: sync stopped"),
        }
        self._state(texts[self.phase], _COLOURS.get(self.phase, _GREY), self.message)
        waiting = self.tr("Waiting to send: {count}").format(count=current.waiting)
        tip = self.tr("Changes saved on this computer that the centre has not confirmed yet")
        if current.files_pending:
            # Papers' files go after their rows; until then the centre shows
            # the papers as "files pending" (Decree 118/2025 Art. 17(1)(c)).
            waiting += " " + self.tr("+ {files} file(s)").format(files=current.files_pending)
            tip += "\n" + self.tr(
                "{files} electronic copies not yet held whole at the centre"
            ).format(files=current.files_pending)
        if current.signatures_waiting:
            # Tooltip only: the bar is full at 1366×768 and a signature waits
            # safely (B-B is valid; the round extends it when the TSA answers).
            tip += "\n" + self.tr(
                "{count} signature(s) made offline wait for the timestamp server (B-LT)"
            ).format(count=current.signatures_waiting)
        self.waiting_label.setText(waiting)
        self.waiting_label.setToolTip(tip)
        last = current.last_success
        self.last_label.setText(
            self.tr("Last sync: {time}").format(time=fmt_moment_short(last, date.today()))
            if last
            else self.tr("Last sync: never")
        )
        self.last_label.setToolTip(fmt_datetime(last))
        self.issues_button.setText(
            self.tr("Sync issues: {count}").format(count=len(current.issues))
        )
        self.waiting_label.setVisible(True)
        self.last_label.setVisible(True)
        self.issues_button.setVisible(bool(current.issues))

    def _state(self, text: str, colour: str, tip: str) -> None:
        self.state_label.setText(f"\u25cf {text}")
        self.state_label.setStyleSheet(f"color: {colour};")
        self.state_label.setToolTip(tip)


class SyncController(QObject):
    """Glue between the window, the status bar and the background worker.

    ``status_changed(SyncStatus)`` after each local status read;
    ``round_finished(report)`` / ``round_failed(message)`` after each round.
    """

    status_changed = Signal(object)
    round_finished = Signal(object)
    round_failed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        directory: Path | None,
        bar: SyncStatusBar,
        runner: WorkerRunner,
        *,
        timing: SyncTiming = SyncTiming(),  # noqa: B008 - frozen, shared safely
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.directory = directory
        self.bar = bar
        self._runner = runner
        self._timing = timing
        self.worker: SyncWorker | None = None
        self._reading = False
        self._read_again = False
        self._closed = False

    @property
    def issues(self) -> list[IssueInfo]:
        return list(self.bar.status.issues) if self.bar.status else []

    def refresh_status(self) -> None:
        """Re-read the local sync status (read-only) off the UI thread."""
        if self.directory is None or self._closed:
            return
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        ctx, directory = self._ctx, self.directory
        self._runner.start(lambda: status(ctx, directory), self._status_read, self._status_failed)

    def _status_read(self, result: object) -> None:
        self._reading = False
        if self._closed:
            return
        assert isinstance(result, SyncStatus)
        self.bar.show_status(result)
        if result.connected and self.worker is None:
            self._start_worker()
        self.status_changed.emit(result)
        if self._read_again:
            self._read_again = False
            self.refresh_status()

    def _status_failed(self, error: object) -> None:
        self._reading = False
        if self._closed:
            return
        # An unreadable connection file: say so where sync shows, keep the desk working.
        message = render(error.message) if isinstance(error, UserError) else ""
        self.bar.show_phase(SyncPhase.FAILED, message)
        log.warning("Sync status could not be read: %s", error)

    def _start_worker(self) -> None:
        assert self.directory is not None
        worker = SyncWorker(self._ctx, self.directory, timing=self._timing, parent=self)
        worker.state_changed.connect(self._phase_changed)
        worker.finished.connect(self._round_finished)
        worker.failed.connect(self._round_failed)
        self.worker = worker
        worker.start()

    def _phase_changed(self, phase: object) -> None:
        assert isinstance(phase, SyncPhase)
        worker = self.worker
        self.bar.show_phase(phase, (worker.last_error or "") if worker else "")

    def _round_finished(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self.refresh_status()
        self.round_finished.emit(report)

    def _round_failed(self, message: str) -> None:
        self.refresh_status()
        self.round_failed.emit(message)

    def sync_now(self) -> UserError | None:
        """Start a round at once; the reason it cannot (not connected) otherwise."""
        if self.worker is not None:
            self.worker.sync_now()
            return None
        if self.directory is None or self._closed:
            return NotConnected()
        try:
            connected = settings_file.stored(self.directory) is not None
        except UserError as err:
            return err
        if not connected:
            return NotConnected()
        self._start_worker()
        return None

    def stop(self) -> None:
        self._closed = True
        if self.worker is not None:
            self.worker.stop()
