"""Kết nối trung tâm: the stored connection (never its password), importing a
new connection file, a real round trip to test it, and the sync status as the
status bar shows it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from counter_app.services.auth import Actor
from counter_app.services.context import ServiceContext
from counter_app.sync.service import (
    CentralCheck,
    check_connection,
    connect,
    registration_request,
    status,
)
from counter_app.ui.admin.desk_common import AdminDialog, note, section
from counter_app.ui.formats import fmt_datetime
from counter_app.ui.sync_issues_dialog import SyncIssuesDialog
from counter_app.ui.sync_status import SyncStatusBar
from counter_app.ui.sync_worker import SyncPhase
from counter_app.ui.widgets import fit_to_screen
from counter_app.wire import connection_file as settings_file
from counter_app.wire import registration_request as request_file
from counter_app.wire.connection_file import CentralSettings


def server_of(settings: CentralSettings) -> str:
    """Where the centre is and as whom the counter logs in; the password left out."""
    url = make_url(settings.url)
    where = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"
    return f"{url.username or '?'}@{where}"


class CentralDialog(AdminDialog):
    # The window's SyncController.refresh_status starts the background sync on it.
    connection_imported = Signal()

    def __init__(
        self, ctx: ServiceContext, actor: Actor, data_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, actor, parent, "adminCentral")
        self.setWindowTitle(self.tr("Central connection"))
        self.data_dir = data_dir
        self.issues_dialog: SyncIssuesDialog | None = None
        layout = QVBoxLayout(self)

        stored_box = section(layout, self, self.tr("Stored connection"))
        self.details = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for key, text in (
            ("identity", self.tr("This counter's identity:")),
            ("counter", self.tr("Counter:")),
            ("agency", self.tr("Agency:")),
            ("slot", self.tr("Code slot / ledger book:")),
            ("server", self.tr("Central database:")),
        ):
            label = QLabel(self)
            label.setObjectName(f"central_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.labels[key] = label
            self.details.addRow(text, label)
        stored_box.addLayout(self.details)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import a connection file…"), self)
        self.import_button.setObjectName("importConnection")
        self.import_button.clicked.connect(self.choose_file)
        self.test_button = QPushButton(self.tr("Test the connection"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.request_button = QPushButton(self.tr("Export a registration request…"), self)
        self.request_button.setObjectName("exportRequest")
        self.request_button.clicked.connect(self.choose_request_file)
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        stored_box.addLayout(buttons)
        note(
            stored_box,
            self,
            self.tr(
                "Give the province's IT staff this counter's registration request; they make the connection file from it with “counter-app central register-counter --request”. The file holds the counter's own password, which is never shown."
            ),
        )

        status_box = section(layout, self, self.tr("Sync"))
        self.sync_bar = SyncStatusBar(self)
        self.sync_bar.issues_clicked.connect(self.show_issues)
        status_box.addWidget(self.sync_bar)

        self.finish(layout)
        self.refresh()
        fit_to_screen(self, 720, 460)

    def refresh(self) -> None:
        self.request = registration_request(self.ctx)
        self.labels["identity"].setText(self.request.counter_uuid if self.request else "—")
        self.request_button.setEnabled(self.request is not None)
        stored = settings_file.stored(self.data_dir)
        if stored is None:
            self.labels["counter"].setText(self.tr("Not connected to the centre"))
            for key in ("agency", "slot", "server"):
                self.labels[key].setText("—")
        else:
            self.labels["counter"].setText(stored.counter_name)
            self.labels["agency"].setText(f"{stored.agency_name} ({stored.agency_id})")
            self.labels["slot"].setText(f"{stored.code_slot} / {stored.ledger_book}")
            self.labels["server"].setText(server_of(stored))
        self.test_button.setEnabled(stored is not None)
        self.sync_bar.show_status(status(self.ctx, self.data_dir))

    def choose_file(self) -> None:
        file, _ = QFileDialog.getOpenFileName(
            self, self.tr("Connection file"), "", self.tr("Connection files (*.json)")
        )
        if file:
            self.import_file(Path(file))

    def choose_request_file(self) -> None:
        if self.request is None:
            return
        file, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Registration request"),
            f"dang-ky-{self.request.counter_uuid[:8]}.json",
            self.tr("Registration requests (*.json)"),
        )
        if file:
            self.export_request(Path(file))

    def export_request(self, file: Path) -> None:
        """A small private file, written at once: no database write is involved."""
        if self.request is None:
            return
        try:
            request_file.write(file, self.request)
        except OSError:
            self.show_failure(
                self.tr(
                    "Cannot write “{path}”; choose a folder that exists and may be written."
                ).format(path=str(file))
            )
            return
        self.show_done(
            self.tr(
                "Registration request written to “{path}”; give it to the province's IT staff."
            ).format(path=str(file))
        )

    def import_file(self, file: Path) -> None:
        ctx, directory, actor = self.ctx, self.data_dir, self.actor
        self.attempt(
            lambda: connect(ctx, directory, file, actor),
            self.tr("Connection imported; test it, then the desk syncs with it."),
            self._imported,
        )

    def _imported(self) -> None:
        self.refresh()
        self.connection_imported.emit()

    def test_connection(self) -> None:
        self.test_button.setEnabled(False)
        self.sync_bar.show_phase(SyncPhase.SYNCING)
        self.show_done(self.tr("Reaching the centre…"))
        ctx, actor, directory = self.ctx, self.actor, self.data_dir
        self.runner.start(
            lambda: check_connection(ctx, actor, directory), self._reached, self._not_reached
        )

    def _reached(self, result: object) -> None:
        self.test_button.setEnabled(True)
        if not isinstance(result, CentralCheck):
            return
        self.sync_bar.show_phase(SyncPhase.ONLINE)
        last = (
            fmt_datetime(result.last_push_at.astimezone().replace(tzinfo=None))
            if result.last_push_at
            else self.tr("never")
        )
        self.show_done(
            self.tr(
                "The centre answered in {ms} ms and knows this counter as “{name}”; its last changes arrived: {last}."
            ).format(ms=result.round_trip_ms, name=result.counter_name, last=last)
        )

    def _not_reached(self, error: object) -> None:
        self.test_button.setEnabled(True)
        self.sync_bar.show_phase(SyncPhase.OFFLINE)
        self.show_failure(error)

    def show_issues(self) -> None:
        current = self.sync_bar.status
        self.issues_dialog = SyncIssuesDialog(current.issues if current else [], self)
        self.issues_dialog.open()
